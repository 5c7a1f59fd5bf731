import Schema
import XLSXWriter

/// The sheet names of a yearbook, in workbook order, in the chosen language.
struct YearbookSheetNames: Sendable {
  /// 封面.
  var cover: String
  /// 目录.
  var contents: String
  /// 综述.
  var summary: String
  /// One indicator sheet per plan, in plan order.
  var plans: [String]
  /// One chart sheet per plan, in plan order.
  var charts: [String]
  /// 预警与说明.
  var warnings: String
  /// 报送情况.
  var submissions: String
  /// 冲突与修订.
  var conflicts: String
  /// 数据来源.
  var provenance: String
  /// 图表数据 (hidden helper sheet).
  var chartData: String

  /// The names for `schema` in `language`; plan sheets are named after the plan kind (妇女发展规划), with the
  /// plan id added when two plans share a kind.
  init(schema: Schema, language: Language) {
    let english = language.isEnglish
    cover = english ? "Cover" : "封面"
    contents = english ? "Contents" : "目录"
    summary = english ? "Summary" : "综述"
    warnings = english ? "Warnings" : "预警与说明"
    submissions = english ? "Submissions" : "报送情况"
    conflicts = english ? "Conflicts and revisions" : "冲突与修订"
    provenance = english ? "Sources" : "数据来源"
    chartData = english ? "Chart data" : "图表数据"
    let kindCounts = Dictionary(grouping: schema.plans, by: \.kind).mapValues(\.count)
    var used = Set(
      [cover, contents, summary, warnings, submissions, conflicts, provenance, chartData].map { $0.lowercased() })
    var plans: [String] = []
    var charts: [String] = []
    for plan in schema.plans {
      let base: String
      switch plan.kind {
      case .women: base = english ? "Women's plan" : "妇女发展规划"
      case .children: base = english ? "Children's plan" : "儿童发展规划"
      }
      var name = (kindCounts[plan.kind] ?? 0) > 1 ? "\(base) \(plan.id)" : base
      name = Self.unique(Self.clean(name), used: &used)
      let chartName = Self.unique(Self.clean(name + (english ? " charts" : "图表")), used: &used)
      plans.append(name)
      charts.append(chartName)
    }
    self.plans = plans
    self.charts = charts
  }

  /// Every sheet name in workbook order.
  var ordered: [String] {
    var names = [cover, contents, summary]
    for (plan, chart) in zip(plans, charts) { names += [plan, chart] }
    return names + [warnings, submissions, conflicts, provenance, chartData]
  }

  /// A valid sheet name: forbidden characters replaced, at most 31 characters.
  static func clean(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var result = String(name.map { forbidden.contains($0) ? "_" : $0 })
    while result.hasPrefix("'") { result.removeFirst() }
    while result.hasSuffix("'") { result.removeLast() }
    if result.isEmpty { result = "_" }
    return String(result.prefix(WriteLimits.maxSheetNameCharacters))
  }

  /// `name`, or `name` with a number appended, not yet in `used` (lower-cased names: Excel ignores case).
  static func unique(_ name: String, used: inout Set<String>) -> String {
    var candidate = name
    var counter = 2
    while used.contains(candidate.lowercased()) {
      let suffix = "\(counter)"
      candidate = String(name.prefix(WriteLimits.maxSheetNameCharacters - suffix.count)) + suffix
      counter += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }
}

/// The looks used in the yearbook: one value per role, so the workbook shares formats.
enum YearbookStyle {
  /// Thin grey borders around table cells.
  static let tableBorder = BorderStyle.thin

  /// The big title of the cover.
  static let coverTitle = CellFormat(
    fontSize: 22, bold: true, horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
  /// A line on the cover.
  static let coverLine = CellFormat(fontSize: 12, horizontalAlignment: .center, verticalAlignment: .center)
  /// A sheet's title (first row).
  static let title = CellFormat(fontSize: 14, bold: true)
  /// A sub-heading above a table on a sheet.
  static let heading = CellFormat(fontSize: 12, bold: true)
  /// A table header cell.
  static let header = CellFormat(
    bold: true, fill: .lightGray, border: tableBorder, horizontalAlignment: .center, verticalAlignment: .center,
    wrapsText: true)
  /// A domain section row.
  static let section = CellFormat(bold: true, fill: Color(rgb: 0xDDEBF7), border: tableBorder)
  /// A plain text cell of a table.
  static let text = CellFormat(border: tableBorder, verticalAlignment: .top, wrapsText: true)
  /// A centred text cell (no-data marks, years).
  static let centered = CellFormat(border: tableBorder, horizontalAlignment: .center, verticalAlignment: .top)
  /// A whole number in a table.
  static let integer = number(decimals: 0)
  /// A note under a table.
  static let note = CellFormat(fontSize: 9, wrapsText: false)
  /// A link in the table of contents.
  static let link = CellFormat(underline: true, fontColor: .linkBlue, border: tableBorder)
  /// A conflict cell: text and colour.
  static let conflict = CellFormat(
    bold: true, fontColor: Color(rgb: 0x9C0006), fill: Color(rgb: 0xFFC7CE), border: tableBorder,
    horizontalAlignment: .center, verticalAlignment: .top)

  /// A number shown with exactly `decimals` places (formatting only: the cell keeps the exact value).
  static func number(decimals: Int) -> CellFormat {
    CellFormat(
      border: tableBorder, horizontalAlignment: .right, verticalAlignment: .top, numberFormat: numberFormat(decimals))
  }

  /// `0`, `0.0`, `0.00` … for `decimals` places (0…10).
  static func numberFormat(_ decimals: Int) -> String {
    let places = max(0, min(decimals, maximumDecimals))
    return places == 0 ? "0" : "0." + String(repeating: "0", count: places)
  }

  /// The most decimal places a number format shows.
  static let maximumDecimals = 10

  /// The status cell of an attainment: the label's text plus Excel's good / neutral / bad colours.
  static func status(_ status: Attainment.Status) -> CellFormat {
    let colours: (font: UInt32, fill: UInt32)
    switch status {
    case .met: colours = (0x006100, 0xC6EFCE)
    case .near: colours = (0x9C5700, 0xFFEB9C)
    case .notMet: colours = (0x9C0006, 0xFFC7CE)
    case .cannotAssess: colours = (0x595959, 0xEDEDED)
    }
    return CellFormat(
      bold: status != .cannotAssess, fontColor: Color(rgb: colours.font), fill: Color(rgb: colours.fill),
      border: tableBorder, horizontalAlignment: .center, verticalAlignment: .top)
  }

  /// A warning cell (预警 flags present): dark orange text on a light orange fill.
  static let warning = CellFormat(
    fontColor: Color(rgb: 0x833C0C), fill: Color(rgb: 0xFCE4D6), border: tableBorder, verticalAlignment: .top,
    wrapsText: true)
}
