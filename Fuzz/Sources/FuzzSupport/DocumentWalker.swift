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
