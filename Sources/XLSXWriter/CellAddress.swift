/// A cell position on a sheet, 0-based like libxlsxwriter: row 0, column 0 is `A1`.
///
/// Every row and column number in XLSXWriter is 0-based. Use ``init(_:)`` to write the position
/// the way Excel shows it:
///
/// ```swift
/// let b3 = try CellAddress("B3")   // row 2, column 1
/// b3.a1                            // "B3"
/// ```
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The 0-based row (`0` is Excel's row 1).
  public var row: Int
  /// The 0-based column (`0` is Excel's column A).
  public var column: Int

  /// A position from 0-based row and column numbers (not checked until used).
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses an A1-style reference such as `"B3"` or `"$B$3"` (letters case-insensitive).
  ///
  /// - Throws: ``XLSXWriteError`` with code ``XLSXWriteError/Code/invalidArgument`` when the text
  ///   is not a reference inside Excel's grid (`A1`…`XFD1048576`).
  public init(_ a1: String) throws {
    guard let parsed = CellAddress.parse(Substring(a1)) else {
      throw XLSXWriteError(
        code: .invalidArgument, message: "'\(a1)' is not a cell reference like B3", function: "CellAddress.init")
    }
    self = parsed
  }

  /// The reference in A1 style, e.g. `"B3"` (`"R?C?"` style text for positions outside the grid).
  public var a1: String {
    guard isInsideGrid else { return "R\(row + 1)C\(column + 1)" }
    return CellAddress.columnName(column) + String(row + 1)
  }

  /// The reference with absolute markers, e.g. `"$B$3"`.
  public var absoluteA1: String {
    guard isInsideGrid else { return a1 }
    return "$" + CellAddress.columnName(column) + "$" + String(row + 1)
  }

  /// Whether the position lies inside Excel's grid.
  public var isInsideGrid: Bool {
    (0..<WriteLimits.maxRows).contains(row) && (0..<WriteLimits.maxColumns).contains(column)
  }

  /// The A1 reference.
  public var description: String { a1 }

  /// Orders by row, then column (the order cells appear in a sheet).
  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }

  /// The letters of a 0-based column number: 0 → `A`, 26 → `AA`, 16383 → `XFD`.
  public static func columnName(_ column: Int) -> String {
    var number = column + 1
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }

  static func parse(_ text: Substring) -> CellAddress? {
    var scalars = text.unicodeScalars[...]
    if scalars.first == "$" { scalars = scalars.dropFirst() }
    var column = 0
    var letterCount = 0
    while let scalar = scalars.first, scalar.isASCIILetter {
      let upper = scalar.value & ~0x20
      column = column * 26 + Int(upper - 64)
      letterCount += 1
      scalars = scalars.dropFirst()
      if letterCount > 3 { return nil }
    }
    guard letterCount > 0 else { return nil }
    if scalars.first == "$" { scalars = scalars.dropFirst() }
    guard !scalars.isEmpty, scalars.count <= 7, scalars.allSatisfy({ ("0"..."9").contains($0) }),
      scalars.first != "0", let row = Int(String(String.UnicodeScalarView(scalars)))
    else { return nil }
    let address = CellAddress(row: row - 1, column: column - 1)
    return address.isInsideGrid ? address : nil
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool {
    ("A"..."Z").contains(self) || ("a"..."z").contains(self)
  }
}
