import Foundation
import Schema
import XLSXWriter

/// Writes the consolidated yearbook (妇女儿童统计资料) for a year.
///
/// The workbook holds, in this order: 封面, 目录, 综述, per plan an indicator sheet and a chart sheet, 预警与说明,
/// 报送情况, 冲突与修订, 数据来源 and the hidden 图表数据 (the data behind the charts). Sheet names and labels follow
/// `language`.
///
/// ## The sheets
///
/// - **封面**: `<jurisdiction full name><N>年妇女儿童统计资料`, the compilers (统计局, 妇儿工委), the plans, the
///   schema version and how many indicators, values and returns it holds.
/// - **目录**: every sheet with an internal link (the hidden chart data is named, not linked).
/// - **综述**: per plan and domain, how many indicators are 达标 / 接近达标 / 未达标 / 无法评估, off track, swinging,
///   and have a value for N; then the lists of 预计达标困难 and 波动较大 indicators.
/// - **One sheet per plan** (妇女发展规划, 儿童发展规划), by domain: 指标代码, 指标名称, 单位, 基期年份, 基期值, one column
///   per year from the plan's start (or the earliest value, at most 60) to
///   N, 目标, 评估年份, 达标情况 (text and colour), 判断说明, 预测至目标年, 预警, 报送部门; notes under the table.
///   "—" is no data, 不适用 not applicable, "※ 数据冲突" a conflict (never resolved by guessing); cell notes carry
///   the disagreeing values, revisions and the departments' explanations.
/// - **One chart sheet per plan**: a line chart per numeric indicator with values for two or more years, with its
///   target as flat lines where the target is a level (or a computed goal such as `decrease 20% from 2020`).
/// - **预警与说明**: every warning with the department's explanation or 待说明, then the two early-warning lists.
/// - **报送情况**: every file received for N and every expected department that sent nothing (未报送).
/// - **冲突与修订**: each conflict with each disagreeing value and its source; each revision, old and new.
/// - **数据来源**: one row per accepted value: file, SHA-256, sheet, cell, raw text, submission, schema version.
/// - **图表数据** (hidden): the numbers behind the charts.
///
/// ## The judgements
///
/// An indicator is judged on its value for N or, when N has none, the latest earlier value (the 评估年份 column says
/// which), against the target that applies to N (`Indicator/target(for:)`), with Schema's
/// `AttainmentEvaluator` (the series of earlier values serves trend targets). 预计达标困难 is Schema's
/// `TrendProjection` over the known years (the baseline included) missing the target; 波动较大 is Schema's
/// `Volatility` on the change that ends in N. Conflicting values are left out of all three.
///
/// The same input gives the same bytes: the creation date is fixed (`WorkbookOptions/defaultCreationDate`) and
/// everything is sorted by plan, domain and indicator order, year and source. Every number is written exactly as
/// stored; number formats only choose how many decimals are shown.
///
/// ```swift
/// let store = try SQLiteStore(path: "nianjian.sqlite")
/// let input = try store.yearbookInput(schema: schema, year: 2025)
/// try YearbookWriter.write(input, to: URL(fileURLWithPath: "年鉴2025.xlsx"))
/// ```
public enum YearbookWriter {
  /// Writes the yearbook built from `input` to `url` (atomically) in `language`.
  ///
  /// - Throws: ``YearbookWriteError``: `.io` when the file cannot be written (a missing folder, no permission),
  ///   `.workbook` for any other failure of the workbook writer. Nothing is left at `url` on failure (an older
  ///   file there is kept).
  public static func write(_ input: YearbookInput, to url: URL, language: Language = .zh) throws {
    do {
      try build(input, path: url.path, language: language)
    } catch let error as XLSXWriteError {
      throw YearbookWriteError(path: url.path, writerError: error)
    }
  }

  /// The sheet names a yearbook for `schema` has, in workbook order.
  public static func sheetNames(for schema: Schema, language: Language = .zh) -> [String] {
    YearbookSheetNames(schema: schema, language: language).ordered
  }

  private static func build(_ input: YearbookInput, path: String, language: Language) throws {
    let analysis = YearbookAnalysis(input)
    let names = YearbookSheetNames(schema: input.schema, language: language)
    let context = YearbookContext(analysis: analysis, language: language, names: names)
    let book = try Workbook(path: path)
    var sheets: [String: SheetWriter] = [:]
    for name in names.ordered { sheets[name] = SheetWriter(try book.addWorksheet(name)) }
    func sheet(_ name: String) -> SheetWriter {
      guard let sheet = sheets[name] else { preconditionFailure("sheet \(name) was created above") }
      return sheet
    }
    try book.setProperties(
      DocumentProperties(
        title: CoverSheet.title(context), subject: context.t("妇女儿童发展规划统计监测", "Monitoring of the plans"),
        author: input.schema.jurisdiction.office, company: input.schema.jurisdiction.committee,
        keywords: "nianjian", comments: context.t("由 nianjian 生成", "Made by nianjian")))
    try book.setCustomProperty("NianjianYearbookYear", .integer(Int32(clamping: input.year)))
    try book.setCustomProperty("NianjianSchemaVersion", .string(input.schema.version))
    try book.setCustomProperty("NianjianJurisdiction", .string(input.schema.jurisdiction.id))

    try CoverSheet.write(context, to: sheet(names.cover))
    try ContentsSheet.write(context, to: sheet(names.contents))
    try SummarySheet.write(context, to: sheet(names.summary))
    let chartData = sheet(names.chartData)
    try chartData.widths([40])
    for (index, section) in analysis.plans.enumerated() {
      try PlanSheet.write(context, section: section, to: sheet(names.plans[index]))
      try ChartsSheet.write(context, section: section, to: sheet(names.charts[index]), data: chartData)
    }
    try WarningsSheet.write(context, to: sheet(names.warnings))
    try SubmissionsSheet.write(context, to: sheet(names.submissions))
    try ConflictsSheet.write(context, to: sheet(names.conflicts))
    try ProvenanceSheet.write(context, to: sheet(names.provenance))
    try sheet(names.cover).sheet.activate()
    try chartData.sheet.hide()
    try book.close()
  }
}

/// The yearbook could not be written.
public struct YearbookWriteError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure.
  public enum Kind: Sendable, Hashable {
    /// The file could not be written (missing folder, no permission, disk full): exit 74.
    case io
    /// The workbook writer refused something (a bug or an impossible value).
    case workbook
  }

  /// The kind of failure.
  public var kind: Kind
  /// The destination path.
  public var path: String
  /// The writer's own description (not a contract).
  public var detail: String

  /// Creates an error.
  public init(kind: Kind, path: String, detail: String) {
    self.kind = kind
    self.path = path
    self.detail = detail
  }

  init(path: String, writerError: XLSXWriteError) {
    self.init(kind: writerError.code == .fileSystem ? .io : .workbook, path: path, detail: writerError.description)
  }

  /// A one-line message naming the file.
  public var message: BilingualText {
    switch kind {
    case .io:
      return BilingualText(zh: "无法写入年鉴文件 \(path)：\(detail)", en: "cannot write the yearbook \(path): \(detail)")
    case .workbook:
      return BilingualText(zh: "生成年鉴 \(path) 失败：\(detail)", en: "building the yearbook \(path) failed: \(detail)")
    }
  }

  /// The English message.
  public var description: String { message.en }
}
