import Foundation
import Schema
import XLSXReader

/// One indicator row of a return form, as found in the workbook (not yet matched to the schema).
public struct FormRow: Sendable, Equatable {
  /// The sheet name.
  public var sheet: String
  /// The 1-based row number.
  public var row: Int
  /// The code typed in the 指标代码 column (spaces trimmed, full-width letters made ASCII), if any.
  public var code: String?
  /// The text of the 指标名称 column, if any.
  public var name: String?
  /// The 本年数值 cell, `nil` when it holds nothing.
  public var valueCell: Cell?
  /// The A1 reference of the 本年数值 cell.
  public var valueReference: String
  /// The 情况说明 text, if any.
  public var explanation: String?
  /// The A1 reference of the 情况说明 cell, when the form has that column.
  public var explanationReference: String?
  /// The 数据来源 text, if any.
  public var dataSource: String?
  /// Whether the row is hidden.
  public var isHidden: Bool
}

/// The indicator table of a return: where its header is and its rows.
public struct FormTable: Sendable, Equatable {
  /// The sheet holding the table.
  public var sheet: String
  /// The 1-based row of the header.
  public var headerRow: Int
  /// The columns found, by label.
  public var columns: [FormLayout.Column: Int]
  /// The year in the 本年数值 header (`本年数值（2025年）`), if any.
  public var headerYear: Int?
  /// The year in the title rows above the header (`2025年…监测数据`), if any.
  public var titleYear: Int?
  /// The 填报单位 text above the header, if any.
  public var reportingUnit: String?
  /// The rows below the header that carry a code or a name, in sheet order.
  public var rows: [FormRow]

  /// Whether the table has a 指标代码 column.
  public var hasCodeColumn: Bool { columns[.code] != nil }
}

/// What the workbook says about itself and where its table is.
public struct ExtractedWorkbook: Sendable {
  /// The identity in the custom document properties, if complete enough (department and year).
  public var identityFromProperties: TemplateIdentity?
  /// The identity in the hidden metadata sheet, if complete enough.
  public var identityFromMetadata: TemplateIdentity?
  /// The indicator tables, one per sheet with a header row, form sheet first (a retyped return may split its
  /// indicators over several sheets).
  public var tables: [FormTable]
  /// The first indicator table, if a header row was found.
  public var table: FormTable? { tables.first }
  /// The sheet names, in workbook order.
  public var sheetNames: [String]
}

/// Finds the identity and the indicator table of a return, by content (never by file name or fixed cells).
public enum ReturnExtractor {
  /// How many rows from the top of a sheet are searched for the header row.
  public static let maximumHeaderSearchRows = 60
  /// Rows of a table beyond this are not read (a return has a few dozen indicators).
  public static let maximumTableRows = 5000

  /// Reads the identity and the table of an open workbook.
  public static func extract(_ document: XLSXDocument) throws(XLSXReadError) -> ExtractedWorkbook {
    let fromProperties = identity(fromProperties: document.properties)
    var fromMetadata: TemplateIdentity?
    if let metadata = document.sheet(named: FormLayout.metadataSheet), metadata.kind == .worksheet {
      fromMetadata = identity(fromMetadata: try document.readSheet(metadata))
    }
    var candidates = document.sheets.filter {
      $0.kind == .worksheet && $0.name != FormLayout.metadataSheet
        && !FormLayout.reviewSummarySheetNames.contains($0.name)
    }
    if let form = candidates.firstIndex(where: { FormLayout.formSheetNames.contains($0.name) }) {
      candidates.insert(candidates.remove(at: form), at: 0)
    }
    var tables: [FormTable] = []
    for sheet in candidates {
      if let found = findTable(in: try document.readSheet(sheet)) { tables.append(found) }
    }
    return ExtractedWorkbook(
      identityFromProperties: fromProperties, identityFromMetadata: fromMetadata, tables: tables,
      sheetNames: document.sheets.map(\.name))
  }

  /// The identity carried by the custom document properties, when they name at least a department and a year.
  static func identity(fromProperties properties: DocumentProperties) -> TemplateIdentity? {
    func text(_ name: String) -> String? {
      switch properties.custom(name) {
      case .string(let value): return CellInterpreter.trimSpaces(value)
      case .number(let value): return NumberText.plain(value)
      default: return nil
      }
    }
    return makeIdentity(
      templateID: text(FormLayout.Property.templateID), schemaVersion: text(FormLayout.Property.schemaVersion),
      jurisdiction: text(FormLayout.Property.jurisdiction), department: text(FormLayout.Property.department),
      year: text(FormLayout.Property.year))
  }

  /// The identity in the metadata sheet (keys in column A, values in column B).
  static func identity(fromMetadata sheet: Worksheet) -> TemplateIdentity? {
    var values: [String: String] = [:]
    var keys: [Int: String] = [:]
    for cell in sheet.cells where cell.column == 1 {
      if case .string(let key) = cell.value { keys[cell.row] = CellInterpreter.trimSpaces(key) }
    }
    for cell in sheet.cells where cell.column == 2 {
      guard let key = keys[cell.row] else { continue }
      switch cell.value {
      case .string(let text): values[key] = CellInterpreter.trimSpaces(text)
      case .number(let number): values[key] = NumberText.plain(number)
      default: break
      }
    }
    return makeIdentity(
      templateID: values[FormLayout.MetadataKey.templateID],
      schemaVersion: values[FormLayout.MetadataKey.schemaVersion],
      jurisdiction: values[FormLayout.MetadataKey.jurisdiction], department: values[FormLayout.MetadataKey.department],
      year: values[FormLayout.MetadataKey.year])
  }

  private static func makeIdentity(
    templateID: String?, schemaVersion: String?, jurisdiction: String?, department: String?, year: String?
  ) -> TemplateIdentity? {
    guard let department, !department.isEmpty, let yearText = year, let year = Int(yearText) else { return nil }
    return TemplateIdentity(
      templateID: templateID ?? "", schemaVersion: schemaVersion ?? "", jurisdiction: jurisdiction ?? "",
      department: department, year: year)
  }

  /// A header cell's text as ``FormLayout/Column/matches(_:)`` expects it: no spaces or line breaks, full-width
  /// letters made ASCII.
  public static func normalizedLabel(_ text: String) -> String { label(text) }

  /// Normalises a header label: no spaces or line breaks, full-width letters made ASCII.
  static func label(_ text: String) -> String {
    String(CellInterpreter.toHalfWidth(text).filter { !$0.isWhitespace })
  }

  /// The text of a string or number cell.
  static func text(of cell: Cell?) -> String? {
    guard let cell else { return nil }
    switch cell.value {
    case .string(let text):
      let trimmed = CellInterpreter.trimSpaces(text)
      return trimmed.isEmpty ? nil : trimmed
    case .number(let number): return NumberText.plain(number)
    default: return nil
    }
  }

  /// Finds the header row (a row with 本年数值 and 指标代码 or 指标名称) and reads the rows under it.
  static func findTable(in sheet: Worksheet) -> FormTable? {
    var grid: [Int: [Int: Cell]] = [:]
    for cell in sheet.cells { grid[cell.row, default: [:]][cell.column] = cell }
    let rowNumbers = grid.keys.sorted()
    for headerRow in rowNumbers.prefix(maximumHeaderSearchRows) {
      var columns: [FormLayout.Column: Int] = [:]
      var currentHeader = ""
      for (column, cell) in (grid[headerRow] ?? [:]).sorted(by: { $0.key < $1.key }) {
        guard case .string(let text) = cell.value else { continue }
        let normalized = label(text)
        for candidate in FormLayout.Column.allCases where columns[candidate] == nil {
          if candidate.matches(normalized) {
            columns[candidate] = column
            if candidate == .current { currentHeader = normalized }
            break
          }
        }
      }
      guard let valueColumn = columns[.current], columns[.code] != nil || columns[.name] != nil else { continue }
      var titleYear: Int?
      var reportingUnit: String?
      for row in rowNumbers where row < headerRow {
        for (column, cell) in (grid[row] ?? [:]).sorted(by: { $0.key < $1.key }) {
          guard case .string(let text) = cell.value else { continue }
          let normalized = label(text)
          if titleYear == nil,
            let year = firstYear(
              in: normalized, requiringSuffix: !normalized.lowercased().hasPrefix(englishReportingPeriodLabel))
          {
            titleYear = year
          }
          if reportingUnit == nil,
            let unitLabel = FormLayout.reportingUnitLabels.first(where: { normalized.lowercased().hasPrefix($0) })
          {
            let rest = normalized.dropFirst(unitLabel.count).drop { $0 == ":" || $0 == "：" }
            if !rest.isEmpty {
              reportingUnit = String(rest)
            } else if let next = (grid[row] ?? [:]).filter({ $0.key > column }).min(by: { $0.key < $1.key }),
              let value = self.text(of: next.value)
            {
              reportingUnit = label(value)
            }
          }
        }
      }
      let hidden = Set(sheet.hiddenRows)
      var rows: [FormRow] = []
      for row in rowNumbers where row > headerRow && row <= headerRow + maximumTableRows {
        let cells = grid[row] ?? [:]
        let code = columns[.code].flatMap { text(of: cells[$0]) }.map { CellInterpreter.toHalfWidth($0) }
        let name = columns[.name].flatMap { text(of: cells[$0]) }
        guard code != nil || name != nil else { continue }
        // A repeated header row or the form's footer (填表人、联系电话 …) is not an indicator row.
        if code.map({ FormLayout.Column.code.matches(label($0)) }) == true { continue }
        if code == nil, let name, footerLabels.contains(where: { label(name).lowercased().hasPrefix($0) }) { continue }
        let explanationColumn = columns[.explanation]
        rows.append(
          FormRow(
            sheet: sheet.sheet.name, row: row, code: code, name: name, valueCell: cells[valueColumn],
            valueReference: CellReference.name(row: row, column: valueColumn),
            explanation: explanationColumn.flatMap { text(of: cells[$0]) },
            explanationReference: explanationColumn.map { CellReference.name(row: row, column: $0) },
            dataSource: columns[.dataSource].flatMap { text(of: cells[$0]) }, isHidden: hidden.contains(row)))
      }
      return FormTable(
        sheet: sheet.sheet.name, headerRow: headerRow, columns: columns,
        headerYear: firstYear(in: currentHeader, requiringSuffix: false), titleYear: titleYear,
        reportingUnit: reportingUnit, rows: rows)
    }
    return nil
  }

  /// Labels that start the lines under a statistical form (and its notes), never indicator names, as normalised
  /// text: the Chinese labels and the English ones of `--lang en` templates (lower-cased, without spaces).
  static let footerLabels =
    ["单位负责人", "统计负责人", "填表人", "联系电话", "报出日期", "注：", "注:", "说明：", "说明:", "note:", "notes:"]
    + FormLayout.Footer.allCases.map { String($0.englishLabel.lowercased().filter { !$0.isWhitespace }) }

  /// The 报告期 line of an English template (`Reporting period: 2026`), normalised; its year needs no 年.
  static let englishReportingPeriodLabel = "reportingperiod:"

  /// The smallest plausible reporting year.
  static let earliestYear = 1990
  /// The largest plausible reporting year.
  static let latestYear = 2100

  /// The first four-digit year (1990…2100) in `text`, optionally only when followed by 年.
  static func firstYear(in text: String, requiringSuffix: Bool) -> Int? {
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      guard characters[index].isASCIIDigit else {
        index += 1
        continue
      }
      var end = index
      while end < characters.count, characters[end].isASCIIDigit { end += 1 }
      if end - index == 4, let year = Int(String(characters[index..<end])), (earliestYear...latestYear).contains(year),
        !requiringSuffix || (end < characters.count && characters[end] == "年")
      {
        return year
      }
      index = end
    }
    return nil
  }
}
