import Foundation
import XLSXReader

/// Reads everything a caller of `XLSXReader` can reach, so the fuzzer exercises every parser.
///
/// Read errors are the expected outcome for most inputs and are ignored. What must never happen is a crash, a hang,
/// unbounded memory, or a value that breaks the reader's own documented promises: those trap here, so libFuzzer
/// reports them.
public enum DocumentWalker {
  /// Opens the file and walks its metadata and every cell of every sheet.
  public static func walk(_ url: URL) {
    guard let document = try? XLSXDocument(contentsOf: url) else { return }
    var checksum = 0
    for name in document.definedNames {
      checksum &+= name.name.utf8.count &+ name.refersTo.utf8.count &+ (name.localSheetIndex ?? 0)
    }
    for field in document.properties.coreFields { checksum &+= field.value.utf8.count }
    for property in document.properties.custom {
      checksum &+= property.name.utf8.count
      switch property.value {
      case .string(let text), .date(let text): checksum &+= text.utf8.count
      case .number(let number): checksum &+= number.isNaN ? 1 : 0
      case .bool(let flag): checksum &+= flag ? 1 : 0
      }
    }
    for sheet in document.sheets {
      precondition(document.sheet(named: sheet.name) != nil, "a listed sheet is not found by its name")
      guard let reader = try? document.cells(of: sheet) else { continue }
      do {
        while let cell = try reader.next() { checksum &+= visit(cell) }
      } catch {
        continue
      }
      for range in reader.mergedRanges { checksum &+= range.description.utf8.count }
      checksum &+= reader.hiddenRows.count &+ reader.hiddenColumns.count &+ (reader.dimension?.utf8.count ?? 0)
    }
    blackHole(checksum)
  }

  /// Reads every sheet twice, with ``CellReadOptions/full`` and ``CellReadOptions/valuesOnly``, and traps unless
  /// both give the same cells with the same values (or both fail): the fast path must not change a number.
  public static func compareReadOptions(_ url: URL) {
    guard let document = try? XLSXDocument(contentsOf: url) else { return }
    for sheet in document.sheets {
      let full = try? document.readSheet(sheet, options: .full)
      let valuesOnly = try? document.readSheet(sheet, options: .valuesOnly)
      precondition((full == nil) == (valuesOnly == nil), "only one of the two read options failed on \(sheet.name)")
      guard let full, let valuesOnly else { continue }
      precondition(full.cells.count == valuesOnly.cells.count, "the two read options give different cell counts")
      for (left, right) in zip(full.cells, valuesOnly.cells) {
        precondition(
          left.row == right.row && left.column == right.column && sameValue(left.value, right.value),
          "\(left.reference): \(left.value) with full details, \(right.value) values only")
      }
    }
  }

  /// Whether two cell values are the same, a NaN number equal to itself.
  static func sameValue(_ left: CellValue, _ right: CellValue) -> Bool {
    if case .number(let a) = left, case .number(let b) = right { return a.bitPattern == b.bitPattern }
    return left == right
  }

  /// Checks the promises the reader makes about one cell and touches every derived value.
  static func visit(_ cell: Cell) -> Int {
    precondition((1...ReadLimits.maxRow).contains(cell.row), "row \(cell.row) outside the grid")
    precondition((1...ReadLimits.maxColumn).contains(cell.column), "column \(cell.column) outside the grid")
    let parsed = CellReference.parse(cell.reference)
    precondition(parsed?.row == cell.row && parsed?.column == cell.column, "\(cell.reference) does not parse back")
    var checksum = cell.reference.utf8.count
    switch cell.value {
    case .number(let number): checksum &+= number.isNaN ? 1 : 0
    case .string(let text), .error(let text): checksum &+= text.utf8.count
    case .bool(let flag): checksum &+= flag ? 1 : 0
    case .date(let date): checksum &+= date.iso8601.utf8.count
    case .uncalculated: checksum &+= 1
    }
    checksum &+= cell.formula?.utf8.count ?? 0
    checksum &+= cell.rawValue?.utf8.count ?? 0
    checksum &+= cell.numberFormat?.utf8.count ?? 0
    if let style = cell.style { checksum &+= style.styleIndex &+ style.numberFormatId }
    return checksum
  }

  /// Keeps the optimiser from dropping the work above.
  @inline(never)
  static func blackHole(_ value: Int) {
    if value == Int.min { print("") }
  }
}
