/// A1-style cell references: `B3` ↔ (row 3, column 2).
public enum CellReference {
  /// The column letters for a 1-based column number (1 → `A`, 27 → `AA`).
  public static func columnName(_ column: Int) -> String {
    var column = column
    var letters: [UInt8] = []
    while column > 0 {
      column -= 1
      letters.append(UInt8(65 + column % 26))
      column /= 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// The reference of a cell (`B3`).
  public static func name(row: Int, column: Int) -> String {
    columnName(column) + String(row)
  }

  /// Parses `B3` or `$B$3` into a 1-based (row, column); `nil` when malformed or beyond Excel's grid.
  public static func parse(_ text: String) -> (row: Int, column: Int)? {
    var column = 0
    var row = 0
    var sawDigit = false
    var utf8 = Substring(text).utf8[...]
    if utf8.first == 0x24 { utf8 = utf8.dropFirst() }
    while let byte = utf8.first, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
      column = column * 26 + Int((byte | 0x20) - 0x60)
      guard column <= ReadLimits.maxColumn else { return nil }
      utf8 = utf8.dropFirst()
    }
    if utf8.first == 0x24 { utf8 = utf8.dropFirst() }
    while let byte = utf8.first, byte >= 0x30, byte <= 0x39 {
      row = row * 10 + Int(byte - 0x30)
      sawDigit = true
      guard row <= ReadLimits.maxRow else { return nil }
      utf8 = utf8.dropFirst()
    }
    guard utf8.isEmpty, column > 0, sawDigit, row > 0 else { return nil }
    return (row, column)
  }
}

/// A rectangular range of cells such as a merged range `A1:C2`.
public struct CellRange: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The first row (1-based).
  public var firstRow: Int
  /// The first column (1-based).
  public var firstColumn: Int
  /// The last row (1-based, inclusive).
  public var lastRow: Int
  /// The last column (1-based, inclusive).
  public var lastColumn: Int

  /// Creates a range from its corners.
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// Parses `A1:C2` (or a single cell `B3`); `nil` when malformed.
  public init?(_ text: String) {
    let corners = text.split(separator: ":", maxSplits: 1)
    guard let first = corners.first, let start = CellReference.parse(String(first)) else { return nil }
    let end = corners.count == 2 ? CellReference.parse(String(corners[1])) : start
    guard let end else { return nil }
    self.init(
      firstRow: min(start.row, end.row), firstColumn: min(start.column, end.column),
      lastRow: max(start.row, end.row), lastColumn: max(start.column, end.column))
  }

  /// The range in A1 notation (`A1:C2`).
  public var description: String {
    CellReference.name(row: firstRow, column: firstColumn) + ":" + CellReference.name(row: lastRow, column: lastColumn)
  }
}
