import Foundation
import Schema

/// The header row of a history table: which column holds what.
///
/// Two layouts: *long* (one value per row: 指标代码, 年份, 数值) and *wide* (one indicator per row, one column per
/// year: 指标代码, 2020, 2021年 …), the shape of most old monitoring spreadsheets.
struct HistoryHeader: Sendable, Hashable {
  /// Where the years and values are.
  enum Layout: Sendable, Hashable {
    /// A year column and a value column.
    case long(year: Int, value: Int)
    /// One column per year (column, year), in column order.
    case wide(years: [YearColumn])
  }

  /// A column of a wide table and its year.
  struct YearColumn: Sendable, Hashable {
    var column: Int
    var year: Int
  }

  /// The row number of the header.
  var row: Int
  var code: Int
  var layout: Layout
  var note: Int?
  var source: Int?

  /// Accepted labels (compared after trimming, ignoring case and a trailing `（…）`/`(…)`).
  static let codeLabels: Set<String> = ["指标代码", "代码", "code", "indicator_code", "indicator code"]
  static let yearLabels: Set<String> = ["年份", "年度", "year"]
  static let valueLabels: Set<String> = ["数值", "值", "value"]
  static let noteLabels: Set<String> = ["备注", "说明", "情况说明", "note", "notes"]
  static let sourceLabels: Set<String> = ["数据来源", "来源", "source"]

  /// The first row among the first ``HistoryLimits/headerSearchRows`` that names a code column and either
  /// year and value columns (long) or year columns (wide).
  static func find(in grid: HistoryGrid) -> HistoryHeader? {
    for row in grid.rows.prefix(HistoryLimits.headerSearchRows) {
      var found: [String: Int] = [:]
      var years: [YearColumn] = []
      for column in row.cells.keys.sorted() {
        guard let content = row.cell(column) else { continue }
        if let year = yearLabel(content) {
          years.append(YearColumn(column: column, year: year))
          continue
        }
        guard case .text(let text) = content else { continue }
        let label = normalizedLabel(text)
        for (key, labels) in [
          ("code", codeLabels), ("year", yearLabels), ("value", valueLabels), ("note", noteLabels),
          ("source", sourceLabels),
        ] where labels.contains(label) && found[key] == nil {
          found[key] = column
        }
      }
      guard let code = found["code"] else { continue }
      if let year = found["year"], let value = found["value"] {
        return HistoryHeader(
          row: row.number, code: code, layout: .long(year: year, value: value), note: found["note"],
          source: found["source"])
      }
      if found["year"] == nil, found["value"] == nil, years.count >= HistoryLimits.minimumWideYearColumns,
        Set(years.map(\.year)).count == years.count
      {
        return HistoryHeader(
          row: row.number, code: code, layout: .wide(years: years), note: found["note"], source: found["source"])
      }
    }
    return nil
  }

  /// The year a wide table's column header names (`2020`, `2020年`, `2020年（%）`, a number cell 2020).
  static func yearLabel(_ content: HistoryCellContent) -> Int? {
    switch content {
    case .number:
      return HistoryValueParser.year(content)
    case .text(let text):
      return HistoryValueParser.year(.text(normalizedLabel(text)))
    case .other:
      return nil
    }
  }

  static func normalizedLabel(_ text: String) -> String {
    var label = HistoryValueParser.trimmed(text).lowercased()
    for open in ["（", "("] {
      if let index = label.range(of: open)?.lowerBound, index != label.startIndex {
        label = String(label[..<index])
      }
    }
    return HistoryValueParser.trimmed(label)
  }
}

/// Turns the rows under the header into ``HistoryRow`` values and findings.
struct HistoryRowInterpreter {
  let schema: Schema
  let fileName: String
  let sha256: String
  let sheet: String
  let header: HistoryHeader
  var rows: [HistoryRow] = []
  var findings: [Finding] = []
  private var seen: [String: Int] = [:]

  init(schema: Schema, fileName: String, sha256: String, sheet: String, header: HistoryHeader) {
    self.schema = schema
    self.fileName = fileName
    self.sha256 = sha256
    self.sheet = sheet
    self.header = header
  }

  private func reference(_ column: Int, _ row: Int) -> String {
    HistoryValueParser.columnName(column) + String(row)
  }

  private mutating func error(
    _ rule: String, _ column: Int, _ row: HistoryGridRow, indicator: String? = nil, zh: String, en: String
  ) {
    let cell = reference(column, row.number)
    findings.append(
      Finding(
        severity: .error, rule: rule, indicator: indicator, sheet: sheet, cell: cell,
        value: row.cell(column)?.rawText,
        message: BilingualText(zh: zh, en: en)))
  }

  private mutating func info(
    _ rule: String, _ column: Int, _ row: HistoryGridRow, indicator: String?, zh: String, en: String
  ) {
    let cell = reference(column, row.number)
    findings.append(
      Finding(
        severity: .info, rule: rule, indicator: indicator, sheet: sheet, cell: cell,
        value: row.cell(column)?.rawText,
        message: BilingualText(zh: zh, en: en)))
  }

  mutating func interpret(_ row: HistoryGridRow) {
    if row.isBlank { return }
    // The indicator.
    let codeText = row.cell(header.code).map { HistoryValueParser.trimmed($0.rawText) } ?? ""
    if codeText.isEmpty {
      error(
        "history.missing_code", header.code, row, zh: "缺少指标代码",
        en: "the indicator code is missing")
      return
    }
    var indicator = schema.indicator(code: codeText)
    if indicator == nil,
      let caseInsensitive = schema.allIndicators.first(where: { $0.code.uppercased() == codeText.uppercased() })
    {
      indicator = caseInsensitive
      info(
        "history.code_case", header.code, row, indicator: caseInsensitive.code,
        zh: "指标代码“\(codeText)”按“\(caseInsensitive.code)”读取",
        en: "code \"\(codeText)\" read as \"\(caseInsensitive.code)\"")
    }
    guard let indicator else {
      error(
        "history.unknown_code", header.code, row, indicator: codeText,
        zh: "指标代码“\(codeText)”不在指标库（\(schema.jurisdiction.name)）中",
        en: "indicator code \"\(codeText)\" is not in the schema (\(schema.jurisdiction.id))")
      return
    }
    let code = indicator.code
    switch header.layout {
    case .long(let yearColumn, let valueColumn):
      guard let yearCell = row.cell(yearColumn), !yearCell.isBlank else {
        error("history.missing_year", yearColumn, row, indicator: code, zh: "缺少年份", en: "the year is missing")
        return
      }
      guard let year = HistoryValueParser.year(yearCell) else {
        error(
          "history.bad_year", yearColumn, row, indicator: code,
          zh: "年份“\(yearCell.rawText)”无法识别（应为 \(HistoryLimits.earliestYear)–\(HistoryLimits.latestYear) 之间的四位年份）",
          en: "year \"\(yearCell.rawText)\" is not a year between \(HistoryLimits.earliestYear) and "
            + "\(HistoryLimits.latestYear)")
        return
      }
      add(indicator, year: year, column: valueColumn, row)
    case .wide(let years):
      // A blank cell of a wide table says nothing: it is skipped, not stored.
      for yearColumn in years where !(row.cell(yearColumn.column)?.isBlank ?? true) {
        add(indicator, year: yearColumn.year, column: yearColumn.column, row)
      }
    }
  }

  /// Reads the value in `column` of `row` for `indicator` and `year`.
  private mutating func add(_ indicator: Indicator, year: Int, column: Int, _ row: HistoryGridRow) {
    let code = indicator.code
    let valueCell = row.cell(column) ?? .text("")
    let parsed = HistoryValueParser.quantity(valueCell, indicator: indicator)
    let quantity: ReportedQuantity
    switch parsed {
    case .failure(let problem):
      error(
        "history.bad_value", column, row, indicator: code,
        zh: "\(code) \(year) 年的数值“\(valueCell.rawText)”\(problem.zh)",
        en: "\(code) \(year): value \"\(valueCell.rawText)\" \(problem.en)")
      return
    case .success(let reading):
      quantity = reading.quantity
      if let note = reading.coercion {
        info("history.coerced", column, row, indicator: code, zh: note.zh, en: note.en)
      }
    }
    let note = header.note.flatMap { row.cell($0) }.map { HistoryValueParser.trimmed($0.rawText) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    let source = header.source.flatMap { row.cell($0) }.map { HistoryValueParser.trimmed($0.rawText) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    // One value per indicator and year.
    let key = "\(code)\u{1F}\(year)"
    if let earlier = seen[key] {
      if rows[earlier].quantity == quantity {
        info(
          "history.duplicate", column, row, indicator: code,
          zh: "\(code) \(year) 年重复出现（与 \(rows[earlier].provenance.cell) 相同），已忽略",
          en: "\(code) \(year) appears again (same as \(rows[earlier].provenance.cell)); ignored")
      } else {
        error(
          "history.contradiction", column, row, indicator: code,
          zh: "\(code) \(year) 年出现两个不同的数值（另见 \(rows[earlier].provenance.cell)）",
          en: "\(code) \(year) has two different values (see also \(rows[earlier].provenance.cell))")
      }
      return
    }
    seen[key] = rows.count
    rows.append(
      HistoryRow(
        indicatorCode: code, year: year, quantity: quantity,
        provenance: Provenance(
          fileName: fileName, sha256: sha256, sheet: sheet, cell: reference(column, row.number),
          rawText: valueCell.rawText),
        note: note, source: source))
  }
}
