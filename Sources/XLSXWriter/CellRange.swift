/// A rectangle of cells on one sheet, from ``first`` (top-left) to ``last`` (bottom-right), inclusive.
///
/// ```swift
/// let header = try CellRange("A1:F1")
/// let same = CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 5)
/// ```
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var first: CellAddress
  /// The bottom-right cell.
  public var last: CellAddress

  /// A range between two corners given in any order.
  public init(_ a: CellAddress, _ b: CellAddress) {
    first = CellAddress(row: min(a.row, b.row), column: min(a.column, b.column))
    last = CellAddress(row: max(a.row, b.row), column: max(a.column, b.column))
  }

  /// A range from 0-based row and column numbers (corners in any order).
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.init(CellAddress(row: firstRow, column: firstColumn), CellAddress(row: lastRow, column: lastColumn))
  }

  /// A range holding one cell.
  public init(_ cell: CellAddress) {
    self.init(cell, cell)
  }

  /// Parses `"A1:C3"` (or a single cell `"B2"`); `$` markers are allowed.
  ///
  /// - Throws: ``XLSXWriteError`` with code ``XLSXWriteError/Code/invalidArgument`` for bad text.
  public init(_ a1: String) throws {
    let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let a = CellAddress.parse(parts[0]),
      let b = parts.count == 2 ? CellAddress.parse(parts[1]) : a
    else {
      throw XLSXWriteError(
        code: .invalidArgument, message: "'\(a1)' is not a range like A1:C3", function: "CellRange.init")
    }
    self.init(a, b)
  }

  /// `"A1:C3"`, or `"B2"` for a single cell.
  public var a1: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }

  /// `"$A$1:$C$3"`, or `"$B$2"` for a single cell.
  public var absoluteA1: String { first == last ? first.absoluteA1 : first.absoluteA1 + ":" + last.absoluteA1 }

  /// Number of rows covered.
  public var rowCount: Int { last.row - first.row + 1 }
  /// Number of columns covered.
  public var columnCount: Int { last.column - first.column + 1 }

  /// Whether the two ranges share at least one cell.
  public func overlaps(_ other: CellRange) -> Bool {
    first.row <= other.last.row && other.first.row <= last.row && first.column <= other.last.column
      && other.first.column <= last.column
  }

  /// The A1 text.
  public var description: String { a1 }
}
