import Foundation
import Schema
import XLSXReader

/// A cell of a history table, from a CSV field or a workbook cell.
enum HistoryCellContent: Sendable, Hashable {
  /// Text (every CSV field; a string cell).
  case text(String)
  /// A number cell: its value, the exact `<v>` text, and whether its style is a percent format.
  case number(Double, raw: String, percentStyled: Bool)
  /// Anything else a workbook can hold (a date, a boolean, an error value, a formula not calculated), described.
  case other(String)

  /// The raw text, for provenance and messages.
  var rawText: String {
    switch self {
    case .text(let text): return text
    case .number(_, let raw, _): return raw
    case .other(let description): return description
    }
  }

  /// Whether the cell holds nothing but spaces.
  var isBlank: Bool {
    if case .text(let text) = self { return HistoryValueParser.trimmed(text).isEmpty }
    return false
  }
}

/// One row of a history table: its 1-based number in the file and its cells by 1-based column.
struct HistoryGridRow: Sendable {
  var number: Int
  var cells: [Int: HistoryCellContent]

  func cell(_ column: Int) -> HistoryCellContent? { cells[column] }

  var isBlank: Bool { cells.values.allSatisfy(\.isBlank) }
}

/// A history table as rows of cells, whatever file it came from.
struct HistoryGrid: Sendable {
  /// The sheet name used in provenance (`CSV` for a text file).
  var sheetName: String
  /// The rows that hold something, in file order.
  var rows: [HistoryGridRow]

  init(sheetName: String, rows: [HistoryGridRow]) {
    self.sheetName = sheetName
    self.rows = rows
  }

  /// Reads a workbook sheet (history sheets are small: it is read whole).
  init(document: XLSXDocument, sheet: SheetInfo) throws(XLSXReadError) {
    let reader = try document.cells(of: sheet)
    var rows: [HistoryGridRow] = []
    while let cell = try reader.next() {
      if rows.count > HistoryLimits.maximumRows + HistoryLimits.headerSearchRows { break }
      let content: HistoryCellContent
      switch cell.value {
      case .string(let text): content = .text(text)
      case .number(let number):
        content = .number(
          number, raw: cell.rawValue ?? NumberText.plain(number), percentStyled: cell.style?.isPercent ?? false)
      case .date(let date): content = .other(cell.rawValue ?? "\(date.serial)")
      case .bool(let flag): content = .other(flag ? "TRUE" : "FALSE")
      case .error(let text): content = .other(text)
      case .uncalculated: content = .other(cell.formula.map { "=" + $0 } ?? "")
      }
      if rows.last?.number == cell.row {
        rows[rows.count - 1].cells[cell.column] = content
      } else {
        rows.append(HistoryGridRow(number: cell.row, cells: [cell.column: content]))
      }
    }
    self.init(sheetName: sheet.name, rows: rows)
  }
}
