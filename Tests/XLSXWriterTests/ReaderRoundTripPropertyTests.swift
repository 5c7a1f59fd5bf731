import Foundation
import NianjianTestSupport
import Testing
import XLSXReader
import XLSXWriter

/// Random workbooks written with `XLSXWriter` and read back with `XLSXReader`, cell by cell.
///
/// Each run writes ``cellsPerRun`` cells of random kinds at random places (overwriting some, so the last write must
/// win) over three sheets, then reads every sheet back. The generator is SplitMix64 with fixed seeds, so a failure
/// repeats exactly; set `NIANJIAN_ROUNDTRIP_SEED` to run one more seed of your choice.
@Suite("Writer → reader round trip, random cells")
struct ReaderRoundTripPropertyTests {
  /// How many cells each run writes.
  static let cellsPerRun = 2_000
  /// The seeds every run uses, plus `NIANJIAN_ROUNDTRIP_SEED` when set.
  static var seeds: [UInt64] {
    var seeds: [UInt64] = [0x4E69_616E_6A69_616E, 0x2025_0301, 0xDEAD_BEEF_CAFE_F00D]
    if let text = ProcessInfo.processInfo.environment["NIANJIAN_ROUNDTRIP_SEED"], let seed = UInt64(text) {
      seeds.append(seed)
    }
    return seeds
  }
  static let sheetNames = ["卫生健康局", "教育局 2025", "Sheet's 3"]

  @Test(arguments: seeds)
  func randomCellsReadBackExactly(seed: UInt64) throws {
    let folder = try RoundTrip.folder("random")
    defer { RoundTrip.remove(folder) }
    let url = folder.appendingPathComponent("random-\(seed).xlsx")
    var random = SplitMix64(seed: seed)
    let book = try Workbook(path: url.path)
    let sheets = try Self.sheetNames.map { try book.addWorksheet($0) }
    var expected: [String: ExpectedCell] = [:]  // the last write to a place wins
    for _ in 0..<Self.cellsPerRun {
      let sheetIndex = Int.random(in: 0..<sheets.count, using: &random)
      let (row, column) = RandomCell.place(&random)
      let cell = RandomCell.make(&random)
      try sheets[sheetIndex].write(cell.content, row: row, column: column, format: cell.format)
      let key = "\(sheetIndex):\(row):\(column)"
      if var want = cell.expected {
        want.sheet = Self.sheetNames[sheetIndex]
        want.row = row + 1
        want.column = column + 1
        expected[key] = want
      } else {
        expected[key] = nil
      }
    }
    try book.close()
    let ordered = expected.values.sorted { ($0.sheet, $0.row, $0.column) < ($1.sheet, $1.row, $1.column) }
    try RoundTrip.verify(ordered, in: url, context: "seed \(seed): ")

    // Reading values only (the fast path) must give the very same values.
    let document = try XLSXDocument(contentsOf: url)
    for sheet in document.sheets {
      let full = try document.readSheet(sheet).cells
      let fast = try document.readSheet(sheet, options: .valuesOnly).cells
      #expect(full.count == fast.count, "seed \(seed): \(sheet.name): \(full.count) cells, \(fast.count) values only")
      for (a, b) in zip(full, fast)
      where a.row != b.row || a.column != b.column || !RoundTrip.isExactly(a.value, b.value) {
        Issue.record(
          "seed \(seed): \(sheet.name)!\(a.reference): \(RoundTrip.describe(a.value)) vs values only \(RoundTrip.describe(b.value))"
        )
      }
    }
  }
}

extension ReaderRoundTripPropertyTests {
  /// The same random workbook through the public command: `nianjian dump --format jsonl` must print every cell
  /// exactly as written (numbers with all their digits, texts unchanged, dates in ISO 8601).
  @Test func randomCellsDumpExactlyThroughTheCommandLine() throws {
    let seed = Self.seeds[0]
    let folder = try RoundTrip.folder("random-dump")
    defer { RoundTrip.remove(folder) }
    let url = folder.appendingPathComponent("random-dump.xlsx")
    var random = SplitMix64(seed: seed)
    let book = try Workbook(path: url.path)
    let sheets = try Self.sheetNames.map { try book.addWorksheet($0) }
    var expected: [String: ExpectedCell] = [:]
    for _ in 0..<Self.cellsPerRun {
      let sheetIndex = Int.random(in: 0..<sheets.count, using: &random)
      let (row, column) = RandomCell.place(&random)
      let cell = RandomCell.make(&random)
      try sheets[sheetIndex].write(cell.content, row: row, column: column, format: cell.format)
      let key = "\(Self.sheetNames[sheetIndex])!\(XLSXReader.CellReference.name(row: row + 1, column: column + 1))"
      expected[key] = cell.expected
    }
    try book.close()

    let result = try TestSupport.nianjian(["dump", url.path, "--format", "jsonl"])
    #expect(result.status == 0, "nianjian dump failed: \(result.stderr)")
    var seen: Set<String> = []
    for line in result.stdout.split(separator: "\n") {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
      let key = "\(object["sheet"] as? String ?? "?")!\(object["cell"] as? String ?? "?")"
      seen.insert(key)
      guard let want = expected[key] else {
        Issue.record("\(key): dump lists a cell that was never written: \(line)")
        continue
      }
      #expect(object["formula"] as? String == want.formula, "\(key): formula in \(line)")
      let type = object["type"] as? String
      switch want.value {
      case .number(let number):
        #expect(type == "number", "\(key): \(line)")
        let token = Self.rawValueToken(String(line))
        #expect(token.flatMap(Double.init)?.bitPattern == number.bitPattern, "\(key): wrote \(number), dump \(line)")
      case .string(let text):
        #expect(type == "string", "\(key): \(line)")
        #expect((object["value"] as? String)?.utf8.elementsEqual(text.utf8) == true, "\(key): \(line)")
      case .bool(let flag):
        #expect(type == "bool" && object["value"] as? Bool == flag, "\(key): \(line)")
      case .date(let date):
        #expect(type == "date", "\(key): \(line)")
        #expect(object["value"] as? String == (want.iso8601 ?? date.iso8601), "\(key): \(line)")
      case .uncalculated:
        #expect(type == "uncalculated" && object["value"] is NSNull, "\(key): \(line)")
      case .error(let text):
        #expect(type == "error" && object["value"] as? String == text, "\(key): \(line)")
      }
    }
    for key in expected.keys where !seen.contains(key) { Issue.record("\(key): missing from dump") }
  }

  /// The JSON text of `"value":…` in one dump line, for a number (so no JSON library can round it on the way).
  static func rawValueToken(_ line: String) -> String? {
    guard let range = line.range(of: "\"value\":") else { return nil }
    let rest = line[range.upperBound...]
    return String(rest.prefix { "0123456789+-.eE".contains($0) })
  }
}

/// One random cell: what to write and what must be read back (`nil` when the cell must hold no value).
struct RandomCell {
  var content: CellContent
  var format: CellFormat?
  var expected: ExpectedCell?

  /// Formats that leave a number a number.
  static let numberFormats = [
    "0.00", "#,##0", "0.0%", "0%", "@", "0.00E+00", "[DBNum1][$-804]General", "#,##0.0_);(#,##0.0)",
  ]
  /// Date formats, with whether each shows only a time.
  static let dateFormats: [(code: String, timeOnly: Bool)] = [
    ("yyyy-mm-dd", false), ("yyyy\"年\"m\"月\"d\"日\"", false), ("hh:mm:ss", true), ("m/d/yy h:mm", false),
  ]
  /// Pieces random texts are built from: scripts, whitespace, XML specials, escape look-alikes, control characters.
  static let textPieces: [String] =
    [
      "a", "Z", "0", "9", ".", "-", " ", "  ", "\t", "\n", "\r", "\r\n", "妇", "女", "儿", "童", "率", "％", "（", "）",
      "😀", "👩‍👧", "🇨🇳", "e\u{301}", "\u{E9}", "\u{3000}", "\u{200B}", "𠀀", "&", "<", ">", "\"", "'", "]]>",
      "_x000D_", "_x0041_", "_x005F_", "_x", "_", "x000D_", "_xFFFF_", "_xd83d_", "=", "#", "%",
    ] + (1...31).filter { $0 != 9 && $0 != 10 && $0 != 13 }.map { String(Unicode.Scalar(UInt8($0))) }

  /// A random place: mostly a dense corner, sometimes the far edges of the grid.
  static func place(_ random: inout SplitMix64) -> (row: Int, column: Int) {
    if Int.random(in: 0..<50, using: &random) == 0 {
      return (
        Int.random(in: 0..<XLSXWriter.WriteLimits.maxRows, using: &random),
        Int.random(in: 0..<XLSXWriter.WriteLimits.maxColumns, using: &random)
      )
    }
    return (Int.random(in: 0..<120, using: &random), Int.random(in: 0..<30, using: &random))
  }

  /// A random finite double: raw bit patterns, decimals with few digits, integers, and edge values.
  static func number(_ random: inout SplitMix64) -> Double {
    switch Int.random(in: 0..<6, using: &random) {
    case 0:
      while true {
        let value = Double(bitPattern: random.next())
        if value.isFinite { return value }
      }
    case 1:
      let digits = Int.random(in: 0...6, using: &random)
      let scaled = Double(Int.random(in: -10_000_000...10_000_000, using: &random))
      return scaled / pow(10, Double(digits))
    case 2: return Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &random))
    case 3: return ReaderRoundTripTests.trickyDoubles.randomElement(using: &random)!
    case 4: return Double.random(in: -1e6...1e6, using: &random)
    default: return Double(sign: .plus, exponent: Int.random(in: -1074 ... -1000, using: &random), significand: 1)
    }
  }

  /// A random text of 0…40 pieces (now and then a long one).
  static func text(_ random: inout SplitMix64) -> String {
    let count =
      Int.random(in: 0..<20, using: &random) == 0
      ? Int.random(in: 100...3_000, using: &random) : Int.random(in: 0...40, using: &random)
    var text = ""
    for _ in 0..<count { text += textPieces.randomElement(using: &random)! }
    return text
  }

  /// A random cell of a random kind.
  static func make(_ random: inout SplitMix64) -> RandomCell {
    let placeholder = ExpectedCell(sheet: "", row: 0, column: 0, value: .uncalculated)
    func expect(
      _ value: CellValue, formula: String? = nil, numberFormat: String? = nil, iso: String? = nil,
      tolerance: Double = 0
    ) -> ExpectedCell {
      var cell = placeholder
      cell.value = value
      cell.formula = formula
      cell.numberFormat = numberFormat
      cell.iso8601 = iso
      cell.serialTolerance = tolerance
      return cell
    }
    switch Int.random(in: 0..<12, using: &random) {
    case 0, 1:
      let value = number(&random)
      return RandomCell(content: .number(value), expected: expect(.number(value)))
    case 2:
      let value = number(&random)
      let code = numberFormats.randomElement(using: &random)!
      return RandomCell(
        content: .number(value), format: CellFormat(numberFormat: code),
        expected: expect(.number(value), numberFormat: code))
    case 3:
      let value =
        Bool.random(using: &random)
        ? Double(Int.random(in: 0...2_958_465, using: &random)) + Double.random(in: 0..<1, using: &random)
        : number(&random)
      let (code, timeOnly) = dateFormats.randomElement(using: &random)!
      let value2: CellValue =
        ExcelDate(serial: value, uses1904: false, timeOnly: timeOnly).map(CellValue.date) ?? .number(value)
      return RandomCell(
        content: .number(value), format: CellFormat(numberFormat: code), expected: expect(value2, numberFormat: code))
    case 4, 5:
      let text = text(&random)
      return RandomCell(content: .string(text), expected: text.isEmpty ? nil : expect(.string(text)))
    case 6:
      let flag = Bool.random(using: &random)
      return RandomCell(content: .bool(flag), expected: expect(.bool(flag)))
    case 7:
      let formula = "SUM(A1:B\(Int.random(in: 1...99, using: &random)))*\(Int.random(in: 1...9, using: &random))"
      switch Int.random(in: 0..<3, using: &random) {
      case 0:
        let value = number(&random)
        return RandomCell(
          content: .formula(formula, cached: .number(value)), expected: expect(.number(value), formula: formula))
      case 1:
        let text = text(&random).unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" }
        let cached = String(String.UnicodeScalarView(text))
        return RandomCell(
          content: .formula(formula, cached: .string(cached)), expected: expect(.string(cached), formula: formula))
      default:
        return RandomCell(content: .formula("=" + formula), expected: expect(.uncalculated, formula: formula))
      }
    case 8:
      let year = Int.random(in: 1900...9999, using: &random)
      let month = Int.random(in: 1...12, using: &random)
      let day = Int.random(in: 1...28, using: &random)
      let serial = Double(ExcelSerial.days(year: year, month: month, day: day))
      let iso = String(format: "%04d-%02d-%02d", year, month, day)
      return RandomCell(
        content: .date(year: year, month: month, day: day),
        expected: expect(.date(ExcelDate(serial: serial, uses1904: false)!), numberFormat: "yyyy-mm-dd", iso: iso))
    case 9:
      let year = Int.random(in: 1900...9998, using: &random)
      let month = Int.random(in: 1...12, using: &random)
      let day = Int.random(in: 1...28, using: &random)
      let hour = Int.random(in: 0...23, using: &random)
      let minute = Int.random(in: 0...59, using: &random)
      let milliseconds = Int.random(in: 0..<60_000, using: &random)
      let second = Double(milliseconds) / 1000
      let serial =
        Double(ExcelSerial.days(year: year, month: month, day: day))
        + (Double(hour * 3600 + minute * 60) + second) / 86_400
      var iso = String(format: "%04d-%02d-%02d", year, month, day)
      if hour != 0 || minute != 0 || milliseconds != 0 {
        iso += String(format: "T%02d:%02d:%02d", hour, minute, milliseconds / 1000)
        if milliseconds % 1000 != 0 { iso += String(format: ".%03d", milliseconds % 1000) }
      }
      return RandomCell(
        content: .dateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second),
        expected: expect(
          .date(ExcelDate(serial: serial, uses1904: false)!), numberFormat: "yyyy-mm-dd hh:mm:ss", iso: iso,
          tolerance: 1e-9))
    default:
      let code = (numberFormats + dateFormats.map(\.code)).randomElement(using: &random)!
      return RandomCell(content: .blank, format: CellFormat(fill: .inputYellow, numberFormat: code), expected: nil)
    }
  }
}
