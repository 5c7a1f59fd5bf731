import Foundation
import NianjianTestSupport
import Testing
import XLSXReader
import XLSXWriter

/// What one written cell must read back as, in the reader's terms (1-based row and column).
struct ExpectedCell {
  /// The sheet the cell is on.
  var sheet: String
  /// The 1-based row.
  var row: Int
  /// The 1-based column.
  var column: Int
  /// The exact value: doubles bit for bit, strings byte for byte.
  var value: CellValue
  /// The formula text without `=`, or `nil` for a plain value.
  var formula: String? = nil
  /// The number format code the cell's style must carry (`nil`: not checked).
  var numberFormat: String? = nil
  /// The ISO 8601 text a date must show (`nil`: not checked).
  var iso8601: String? = nil
  /// How far a date's serial may differ (in days) when libxlsxwriter, not the test, did the time arithmetic;
  /// 0 means bit for bit.
  var serialTolerance: Double = 0

  /// The A1 name of the cell, for messages.
  var reference: String { "\(sheet)!\(XLSXReader.CellReference.name(row: row, column: column))" }
}

/// Helpers shared by the writer → reader round-trip tests.
enum RoundTrip {
  /// A fresh folder for one test; the caller removes it with ``remove(_:)``.
  static func folder(_ label: String) throws -> URL {
    try TestSupport.makeTemporaryDirectory("roundtrip-\(label)")
  }

  /// Removes a test's folder, unless `NIANJIAN_KEEP_ROUNDTRIP` is set (to look at the workbooks after a failure).
  static func remove(_ folder: URL) {
    if ProcessInfo.processInfo.environment["NIANJIAN_KEEP_ROUNDTRIP"] != nil {
      print("kept \(folder.path)")
      return
    }
    try? FileManager.default.removeItem(at: folder)
  }

  /// Whether two cell values are the same bit for bit: `-0.0` is not `0.0`, strings are compared as UTF-8 bytes
  /// (Swift's `==` would call a precomposed and a decomposed "é" equal), dates by serial and date system.
  static func isExactly(_ read: CellValue, _ expected: CellValue, serialTolerance: Double = 0) -> Bool {
    switch (read, expected) {
    case (.date(let a), .date(let b)) where serialTolerance > 0:
      return abs(a.serial - b.serial) <= serialTolerance && a.uses1904 == b.uses1904 && a.isTimeOnly == b.isTimeOnly
    case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern
    case (.string(let a), .string(let b)), (.error(let a), .error(let b)): return a.utf8.elementsEqual(b.utf8)
    case (.bool(let a), .bool(let b)): return a == b
    case (.date(let a), .date(let b)):
      return a.serial.bitPattern == b.serial.bitPattern && a.uses1904 == b.uses1904 && a.isTimeOnly == b.isTimeOnly
    case (.uncalculated, .uncalculated): return true
    default: return false
    }
  }

  /// A value as a message shows it: numbers with their bit pattern, strings with their scalars escaped.
  static func describe(_ value: CellValue?) -> String {
    switch value {
    case nil: return "no cell"
    case .number(let number)?: return "number(\(number), bits \(String(number.bitPattern, radix: 16)))"
    case .string(let text)?: return "string(\"\(text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())\")"
    case .date(let date)?: return "date(serial \(date.serial), \(date.iso8601), 1904: \(date.uses1904))"
    case let other?: return "\(other)"
    }
  }

  /// Reads every sheet of a document into `[sheet name: [A1: cell]]`.
  static func readAll(_ document: XLSXDocument) throws -> [String: [String: Cell]] {
    var result: [String: [String: Cell]] = [:]
    for sheet in document.sheets {
      var cells: [String: Cell] = [:]
      for cell in try document.readSheet(sheet).cells { cells[cell.reference] = cell }
      result[sheet.name] = cells
    }
    return result
  }

  /// Checks every expected cell against what the reader gives, and that no other cell has a value.
  static func verify(
    _ expected: [ExpectedCell], in url: URL, sheets: [String]? = nil, context: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let document = try XLSXDocument(contentsOf: url)
    let read = try readAll(document)
    var seen: Set<String> = []
    for cell in expected {
      let reference = XLSXReader.CellReference.name(row: cell.row, column: cell.column)
      seen.insert(cell.reference)
      let actual = read[cell.sheet]?[reference]
      #expect(
        actual.map { isExactly($0.value, cell.value, serialTolerance: cell.serialTolerance) } == true,
        "\(context)\(cell.reference): wrote \(describe(cell.value)), read \(describe(actual?.value))",
        sourceLocation: sourceLocation)
      #expect(
        actual?.formula == cell.formula, "\(context)\(cell.reference): formula \(actual?.formula ?? "none")",
        sourceLocation: sourceLocation)
      if let format = cell.numberFormat {
        #expect(
          actual?.numberFormat == format, "\(context)\(cell.reference): number format", sourceLocation: sourceLocation)
      }
      if let iso = cell.iso8601 {
        guard case .date(let date)? = actual?.value else { continue }
        #expect(date.iso8601 == iso, "\(context)\(cell.reference): ISO date", sourceLocation: sourceLocation)
      }
    }
    for (sheet, cells) in read where sheets?.contains(sheet) ?? true {
      for (reference, cell) in cells where !seen.contains("\(sheet)!\(reference)") {
        Issue.record(
          "\(context)\(sheet)!\(reference): unexpected cell \(describe(cell.value))", sourceLocation: sourceLocation)
      }
    }
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, seedable, deterministic generator, so a failing run can be
/// repeated from its seed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Excel serials computed independently of libxlsxwriter (1900 system, phantom 1900-02-29 included).
enum ExcelSerial {
  /// The serial of a calendar day.
  static func days(year: Int, month: Int, day: Int) -> Int {
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil), then shifted to Excel's epoch.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let unixDays = era * 146_097 + dayOfEra - 719_468
    let serial = unixDays + 25_569
    return serial <= 60 ? serial - 1 : serial  // before 1900-03-01 there is no phantom day yet
  }
}
