import Schema
import XLSXWriter

/// What every sheet writer needs: the analysis, the language, the sheet names.
struct YearbookContext {
  /// The analysed input.
  var analysis: YearbookAnalysis
  /// The language of labels.
  var language: Language
  /// The sheet names.
  var names: YearbookSheetNames

  /// The input.
  var input: YearbookInput { analysis.input }
  /// The schema.
  var schema: Schema { analysis.input.schema }
  /// The yearbook's year.
  var year: Int { analysis.input.year }
  /// Whether labels are English.
  var english: Bool { language.isEnglish }

  /// The label in the chosen language.
  func t(_ zh: String, _ en: String) -> String { english ? en : zh }

  /// The sentence in the chosen language.
  func t(_ text: BilingualText) -> String { text.text(language) }

  /// A year as a column header: `2021年` / `2021`.
  func yearLabel(_ year: Int) -> String { english ? "\(year)" : "\(year)年" }

  /// "—": no data.
  let noData = "—"

  /// 不适用 / n/a.
  var notApplicable: String { t("不适用", "n/a") }

  /// 待说明 / awaiting explanation.
  var awaitingExplanation: String { t("待说明", "awaiting explanation") }

  /// The marker of a conflicting cell.
  var conflictMark: String { t("※ 数据冲突", "※ conflict") }

  /// The department's name, or its id when the schema does not know it.
  func departmentName(_ id: String) -> String { schema.department(id: id)?.name ?? id }

  /// The names of several departments, joined.
  func departmentNames(_ ids: [String]) -> String { ids.map(departmentName).joined(separator: english ? ", " : "、") }

  /// The indicator's name, or an empty text for an unknown code.
  func indicatorName(_ code: String) -> String { schema.indicator(code: code)?.name ?? "" }

  /// The text of a quantity (numbers in shortest exact form).
  func quantityText(_ quantity: ReportedQuantity) -> String {
    switch quantity {
    case .number(let number): return NumberText.plain(number)
    case .text(let text): return text
    case .missing(let reason): return missingText(reason)
    }
  }

  /// The mark of a missing value: — for blank and no data, 不适用 for not applicable.
  func missingText(_ reason: MissingReason) -> String {
    switch reason {
    case .blank, .noData: return noData
    case .notApplicable: return notApplicable
    }
  }

  /// The submission outcome as text.
  func outcomeText(_ outcome: SubmissionOutcome) -> String {
    switch outcome {
    case .accepted: return t("已接收", "accepted")
    case .acceptedWithWarnings: return t("已接收（有警告）", "accepted with warnings")
    case .rejected: return t("未通过（有错误）", "rejected (errors)")
    }
  }

  /// The target of `indicator` as text: `2030年：≤9/10万（孕产妇死亡率控制在9/10万以下）`.
  func targetText(_ target: Target, of indicator: Indicator) -> String {
    let expression = expressionText(target.expression, of: indicator)
    if english { return "\(target.year): \(expression)" }
    let wording = target.text.isEmpty || target.text == expression ? "" : "（\(target.text)）"
    return "\(target.year)年：\(expression)\(wording)"
  }

  /// The expression with the indicator's unit after its numbers, except for 比值 (an index has no unit to show).
  func expressionText(_ expression: TargetExpression, of indicator: Indicator) -> String {
    let unit = indicator.unit
    return expression.description(english: english, unit: unit.kind == .index ? nil : unit)
  }

  /// The page footer, centred: `<title>  第 N 页，共 M 页` (an `&` in the title escaped, the title clipped).
  func footer(_ title: String) -> String {
    "&C" + String(title.prefix(100)).replacingOccurrences(of: "&", with: "&&") + t("  第 &P 页，共 &N 页", "  page &P of &N")
  }

  /// 一、二、三 … for Chinese section numbers (plain numbers past ten).
  func sectionNumber(_ index: Int) -> String {
    if english { return "\(index + 1). " }
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return index < numerals.count ? numerals[index] + "、" : "\(index + 1)、"
  }
}

/// A worksheet with a row cursor and text made safe for the file (no NUL, at most the cell limit).
final class SheetWriter {
  /// The sheet.
  let sheet: Worksheet
  /// The next row to write.
  var row = 0

  /// Wraps `sheet`.
  init(_ sheet: Worksheet) { self.sheet = sheet }

  /// The sheet's name.
  var name: String { sheet.name }

  /// Writes a text (made safe) into a cell; an empty text writes a blank styled cell.
  func text(_ value: String, row: Int, column: Int, format: CellFormat? = YearbookStyle.text) throws {
    let safe = Self.safeText(value)
    try sheet.write(safe.isEmpty ? .blank : .string(safe), row: row, column: column, format: format)
  }

  /// Writes a number, exactly as given.
  func number(_ value: Double, row: Int, column: Int, format: CellFormat?) throws {
    guard value.isFinite else {
      try text(NumberText.plain(value), row: row, column: column, format: YearbookStyle.text)
      return
    }
    try sheet.write(.number(value), row: row, column: column, format: format)
  }

  /// Writes an integer.
  func integer(_ value: Int, row: Int, column: Int, format: CellFormat? = YearbookStyle.integer) throws {
    try sheet.write(.number(Double(value)), row: row, column: column, format: format)
  }

  /// Writes a row of texts from column 0 at the cursor and moves the cursor down.
  func textRow(_ values: [String], format: CellFormat? = YearbookStyle.text) throws {
    for (column, value) in values.enumerated() { try text(value, row: row, column: column, format: format) }
    row += 1
  }

  /// Writes a header row at the cursor and moves down.
  func headerRow(_ values: [String]) throws {
    try textRow(values, format: YearbookStyle.header)
  }

  /// Writes a title line at the cursor and moves down.
  func title(_ value: String, format: CellFormat = YearbookStyle.title) throws {
    try text(value, row: row, column: 0, format: format)
    row += 1
  }

  /// Writes note lines (under a table) at the cursor, after one empty row.
  func notes(_ lines: [String]) throws {
    row += 1
    for line in lines {
      try text(line, row: row, column: 0, format: YearbookStyle.note)
      row += 1
    }
  }

  /// Attaches a note to a cell (empty texts are skipped: libxlsxwriter 1.1.4 cannot take them).
  func note(_ value: String, row: Int, column: Int) throws {
    let safe = Self.safeText(value)
    guard !safe.isEmpty else { return }
    try sheet.addNote(safe, at: CellAddress(row: row, column: column))
  }

  /// Sets column widths: `widths[i]` for column `i`.
  func widths(_ widths: [Double]) throws {
    for (column, width) in widths.enumerated() { try sheet.setColumnWidth(width, columns: column...column) }
  }

  /// Landscape (A4 unless told), all columns on one page width, the header rows repeated, `footer` at the bottom.
  func printAsTable(
    headerRows: ClosedRange<Int>? = nil, footer: String, paper: PrintSetup.Paper = .a4
  ) throws {
    var setup = PrintSetup(paper: paper, orientation: .landscape, fitToPagesWide: 1)
    setup.repeatRows = headerRows
    setup.footer = footer
    try sheet.setPrintSetup(setup)
  }

  /// `value` without NUL characters and clipped to the cell limit (with an ellipsis).
  static func safeText(_ value: String) -> String {
    var text = value.contains("\u{0}") ? value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : value
    if text.count > WriteLimits.maxCellTextCharacters {
      text = String(text.prefix(WriteLimits.maxCellTextCharacters - 1)) + "…"
    }
    return text
  }
}
