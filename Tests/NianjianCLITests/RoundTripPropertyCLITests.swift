import Foundation
import NianjianTestSupport
import Testing

/// End to end, nothing is lost: random values within each indicator's range and decimals (edges, tiny and huge
/// magnitudes, texts, declared missing values, blanks) go through template → filled return (openpyxl) →
/// `validate` → `import` → `yearbook`, and read back from the yearbook exactly as typed (as decimal text).
///
/// The seeds are fixed, so every run checks the same cases (the PropertyBased library draws new seeds on each run;
/// each case here costs about a second of real tools).
@Suite struct RoundTripPropertyCLITests {
  static let schema = TestSupport.templatesDirectory.appendingPathComponent("guandu").path
  static let year = 2025
  /// Each case: a seed and the department whose form it fills (percentages, rates per 1,000 and 100,000, years
  /// of life, counts and amounts in 元 and 万元 with no upper bound, texts).
  static let cases: [(seed: UInt64, department: String)] = [
    (1, "health"), (20_251_125, "education"), (0xDEAD_BEEF, "civil_affairs"), (987_654_321, "statistics"),
  ]
  static let departments = cases.map(\.department)
  static let timeLimit: TimeInterval = 120

  @Test(arguments: cases.map(\.seed))
  func everyTypedValueComesOutOfTheYearbookUnchanged(_ seed: UInt64) throws {
    guard let registry = try Registry.shared() else { return }
    let department = try #require(Self.cases.first { $0.seed == seed }?.department)
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-roundtrip")
    var random = SplitMix64(seed: seed)
    let indicators = registry.indicators.filter { $0.value.departments.contains(department) }
    var typed = indicators.mapValues { Typed.random($0, using: &random) }
    Typed.repair(&typed, rules: registry.errorRules)

    let valuesFile = folder.appendingPathComponent("values.json")
    try JSONSerialization.data(withJSONObject: typed.mapValues(\.json), options: [.sortedKeys]).write(to: valuesFile)
    let filled = folder.appendingPathComponent("\(Self.year)年_\(department)_填报.xlsx")
    let template = try #require(registry.templates[department])
    let fill = try TestSupport.python([
      TestSupport.fixture("robust/fill_values.py").path, template.path, filled.path, valuesFile.path,
    ])
    try #require(fill.status == 0, "\(fill.stderr)")
    let codes = try #require(try JSONSerialization.jsonObject(with: Data(fill.stdout.utf8)) as? [String])
    #expect(codes.count >= 5, "the form holds the department's indicators")

    let store = folder.appendingPathComponent("s.sqlite").path
    let validated = try run(["validate", filled.path, "--format", "json"])
    #expect([0, 1].contains(validated.exitStatus ?? -1), "no errors: \(validated.stdout.prefix(2_000))")
    let imported = try run(["import", filled.path, "--store", store])
    #expect([0, 1].contains(imported.exitStatus ?? -1), "\(imported.stdout.prefix(2_000))")
    let yearbook = folder.appendingPathComponent("年鉴.xlsx")
    let written = try run(["yearbook", "--year", "\(Self.year)", "--out", yearbook.path, "--store", store])
    #expect(written.exitStatus == 0, "\(written.stderr)")

    // The same yearbook made straight from the return file, without a store.
    let fromFiles = folder.appendingPathComponent("年鉴-文件.xlsx")
    let direct = try run(["yearbook", "--year", "\(Self.year)", "--out", fromFiles.path, filled.path])
    #expect(direct.exitStatus == 0, "\(direct.stderr)")

    // From the store, a blank cell is listed in 数据来源 (an empty 原始内容); straight from files it is not
    // (nothing was reported). The plan sheet shows "—" either way.
    for (book, blanksListed) in [(yearbook, true), (fromFiles, false)] {
      let dump = try ChildProcess.runNianjian(["dump", book.path], timeout: Self.timeLimit)
      #expect(dump.exitStatus == 0, "\(dump.stderr)")
      expectEveryValue(of: codes, typed: typed, in: YearbookCells(jsonl: dump.stdout), blanksListed: blanksListed)
    }
  }

  private func expectEveryValue(
    of codes: [String], typed: [String: Typed], in book: YearbookCells, blanksListed: Bool
  ) {
    for code in codes {
      guard let value = typed[code] else {
        Issue.record("\(code) was filled but not generated")
        continue
      }
      let planCell = book.planValue(code: code, year: Self.year)
      let sourceRow = book.provenance(code: code, year: Self.year)
      #expect(value.matchesShown(planCell), "\(code): typed \(value), plan sheet shows \(String(describing: planCell))")
      if case .blank = value, !blanksListed {
        #expect(sourceRow == nil, "\(code): a blank is not listed in 数据来源 of a yearbook made from files")
        continue
      }
      #expect(
        value.matchesShown(sourceRow?.value), "\(code): typed \(value), 数据来源 shows \(String(describing: sourceRow))")
      #expect(value.matchesRaw(sourceRow?.raw), "\(code): typed \(value), 原始内容 \(String(describing: sourceRow?.raw))")
    }
  }

  private func run(_ arguments: [String]) throws -> ChildProcess.Outcome {
    let outcome = try ChildProcess.runNianjian(arguments + ["--schema", Self.schema], timeout: Self.timeLimit)
    #expect(outcome.signal == nil && !outcome.timedOut, "\(arguments[0])")
    return outcome
  }
}

/// What is typed into one 本年数值 cell.
enum Typed: CustomStringConvertible {
  /// A number, as the decimal text it is typed from (`"93.40"`).
  case number(String)
  /// A text: a qualitative answer, or a missing-value marker (`—`, `无`, `不适用`).
  case text(String)
  /// Nothing typed.
  case blank

  static let noDataMarkers = ["—", "无"]
  static let notApplicable = "不适用"
  /// How the yearbook shows a value that is declared missing or left blank.
  static let shownNoData = "—"
  /// The largest integer part drawn for indicators with no upper bound (15 significant digits with 2 decimals).
  static let largestUnbounded: Double = 999_999_999_999

  var description: String {
    switch self {
    case .number(let text): "number \(text)"
    case .text(let text): "text \(text)"
    case .blank: "blank"
    }
  }

  var json: [String: String] {
    switch self {
    case .number(let text): ["kind": "number", "text": text]
    case .text(let text): ["kind": "text", "text": text]
    case .blank: ["kind": "blank"]
    }
  }

  var decimal: Decimal? {
    if case .number(let text) = self { return Decimal(string: text) }
    return nil
  }

  /// Whether the yearbook's cell (`.number` raw text or `.string`) shows this value.
  func matchesShown(_ cell: YearbookCells.Value?) -> Bool {
    switch (self, cell) {
    case (.number(let text), .number(let shown)?): return Decimal(string: text) == Decimal(string: shown)
    case (.text(let text), .string(let shown)?):
      if Self.noDataMarkers.contains(text) { return shown == Self.shownNoData }
      return shown == text
    case (.blank, .string(let shown)?): return shown == Self.shownNoData
    default: return false
    }
  }

  /// Whether the provenance sheet's 原始内容 is what was typed.
  func matchesRaw(_ raw: YearbookCells.Value?) -> Bool {
    switch (self, raw) {
    case (.number(let text), .string(let shown)?): return Decimal(string: text) == Decimal(string: shown)
    case (.number(let text), .number(let shown)?): return Decimal(string: text) == Decimal(string: shown)
    case (.text(let text), .string(let shown)?): return shown == text
    case (.blank, nil): return true
    case (.blank, .string(let shown)?): return shown.isEmpty
    default: return false
    }
  }

  /// A random value for `indicator`: mostly numbers (edges, the smallest step, huge and ordinary ones), some
  /// declared missing values and blanks; qualitative indicators get texts.
  static func random(_ indicator: Registry.Indicator, using random: inout SplitMix64) -> Typed {
    let draw = Int.random(in: 0..<100, using: &random)
    if indicator.isQualitative {
      if draw < 10 { return .text(noDataMarkers[0]) }
      if draw < 15 { return .text(notApplicable) }
      return .text("已建立工作机制（第\(Int.random(in: 1...999, using: &random))项）")
    }
    switch draw {
    case ..<5: return .text(noDataMarkers[0])
    case ..<8: return .text(noDataMarkers[1])
    case ..<12: return .text(notApplicable)
    case ..<15: return .blank
    default: break
    }
    let scale = Array(repeating: 10.0, count: indicator.decimals).reduce(1, *)
    let lowest = Int64(((indicator.lowest ?? 0) * scale).rounded(.up))
    let highest = Int64(((indicator.highest ?? largestUnbounded) * scale).rounded(.down))
    let units: Int64
    switch draw {
    case ..<22: units = lowest
    case ..<29: units = highest
    case ..<36: units = min(lowest + 1, highest)
    case ..<44:
      // A big magnitude: the top three decades of the range.
      units = Int64.random(in: max(lowest, highest / 1000)...highest, using: &random)
    default:
      let ordinaryTop = indicator.highest == nil ? min(highest, 1_000_000 * Int64(scale)) : highest
      units = Int64.random(in: lowest...max(lowest, ordinaryTop), using: &random)
    }
    return .number(decimalText(units, decimals: indicator.decimals))
  }

  /// `units` scaled down by `decimals` places, as text with exactly that many decimals (`9340, 2` → `"93.40"`).
  static func decimalText(_ units: Int64, decimals: Int) -> String {
    guard decimals > 0 else { return String(units) }
    var digits = String(units.magnitude)
    while digits.count <= decimals { digits = "0" + digits }
    let point = digits.index(digits.endIndex, offsetBy: -decimals)
    return (units < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
  }

  /// Swaps values until every error rule `left ≤ right` holds (the two indicators share unit and range).
  static func repair(_ typed: inout [String: Typed], rules: [(left: String, right: String)]) {
    for _ in 0..<rules.count + 1 {
      var changed = false
      for rule in rules {
        guard let left = typed[rule.left]?.decimal, let right = typed[rule.right]?.decimal, left > right else {
          continue
        }
        let swapped = (typed[rule.right], typed[rule.left])
        typed[rule.left] = swapped.0
        typed[rule.right] = swapped.1
        changed = true
      }
      if !changed { return }
    }
  }
}

/// The guandu indicators and the blank 2025 templates of the tested departments, read once per run.
struct Registry: Sendable {
  struct Indicator: Sendable {
    var code: String
    var departments: [String]
    var isQualitative: Bool
    var decimals: Int
    var lowest: Double?
    var highest: Double?
  }

  var indicators: [String: Indicator]
  var errorRules: [(left: String, right: String)]
  var templates: [String: URL]

  private static let made: Result<Registry?, Error> = Result {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return nil }
    let schema = RoundTripPropertyCLITests.schema
    let export = try TestSupport.nianjian(["schema", "export", "--schema", schema, "--format", "json"])
    let root = try #require(try JSONSerialization.jsonObject(with: export.stdoutData) as? [String: Any])
    var indicators: [String: Indicator] = [:]
    var rules: [(left: String, right: String)] = []
    for plan in root["plans"] as? [[String: Any]] ?? [] {
      for item in plan["indicators"] as? [[String: Any]] ?? [] {
        guard let code = item["code"] as? String else { continue }
        let range = item["range"] as? [Any] ?? []
        indicators[code] = Indicator(
          code: code, departments: item["departments"] as? [String] ?? [],
          isQualitative: item["unit_kind"] as? String == "qualitative",
          decimals: (item["decimals"] as? NSNumber)?.intValue ?? 0, lowest: (range.first as? NSNumber)?.doubleValue,
          highest: range.count > 1 ? (range[1] as? NSNumber)?.doubleValue : nil)
      }
      for rule in plan["rules"] as? [[String: Any]] ?? [] where rule["severity"] as? String == "error" {
        let kind = rule["kind"] as? String
        try #require(kind == "not_greater" || kind == "ratio_le", "the generator knows rule kind \(kind ?? "?")")
        let left = rule["left"] as? String ?? rule["numerator"] as? String ?? ""
        let right = rule["right"] as? String ?? rule["denominator"] as? String ?? ""
        rules.append((left, right))
      }
    }
    var templates: [String: URL] = [:]
    for department in RoundTripPropertyCLITests.departments {
      let folder = try TestSupport.makeTemporaryDirectory("nianjian-roundtrip-template")
      let made = try TestSupport.nianjian([
        "template", "--year", "\(RoundTripPropertyCLITests.year)", "--department", department, "--out", folder.path,
        "--schema", schema,
      ])
      try #require(made.status == 0, "\(made.stderr)")
      let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
      templates[department] = folder.appendingPathComponent(name)
    }
    return Registry(indicators: indicators, errorRules: rules, templates: templates)
  }

  static func shared() throws -> Registry? { try made.get() }
}

/// The yearbook's cells as `nianjian dump` prints them, numbers kept as their printed text.
struct YearbookCells {
  enum Value: Equatable, CustomStringConvertible {
    case number(String)
    case string(String)

    var description: String {
      switch self {
      case .number(let text): "number \(text)"
      case .string(let text): "“\(text)”"
      }
    }
  }

  static let planSheets = ["妇女发展规划", "儿童发展规划"]
  static let provenanceSheet = "数据来源"

  private var cells: [String: [String: Value]] = [:]

  init(jsonl: String) {
    for line in jsonl.split(separator: "\n") {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let sheet = object["sheet"] as? String, let cell = object["cell"] as? String
      else { continue }
      let value: Value
      if object["type"] as? String == "number", let range = line.range(of: #""value":"#) {
        value = .number(String(line[range.upperBound...].dropLast()))
      } else {
        value = .string("\(object["value"] ?? "")")
      }
      cells[sheet, default: [:]][cell] = value
    }
  }

  /// The cell of `sheet` at `column` and `row`.
  func value(_ sheet: String, _ column: String, _ row: Int) -> Value? { cells[sheet]?["\(column)\(row)"] }

  /// The rows whose column A holds `code` in `sheet`.
  private func rows(_ sheet: String, code: String) -> [Int] {
    (cells[sheet] ?? [:]).compactMap { key, value in
      guard key.hasPrefix("A"), value == .string(code) else { return nil }
      return Int(key.dropFirst())
    }.sorted()
  }

  /// The value shown for `code` in the year column (`2025年`) of its plan sheet.
  func planValue(code: String, year: Int) -> Value? {
    for sheet in Self.planSheets {
      guard let row = rows(sheet, code: code).first,
        let column = (cells[sheet] ?? [:]).first(where: { $0.value == .string("\(year)年") })?.key
          .prefix(while: { $0.isLetter })
      else { continue }
      return value(sheet, String(column), row)
    }
    return nil
  }

  /// The 数值 (column D) and 原始内容 (column J) of the provenance row for `code` and `year`.
  func provenance(code: String, year: Int) -> (value: Value?, raw: Value?)? {
    for row in rows(Self.provenanceSheet, code: code) where value(Self.provenanceSheet, "C", row) == .number("\(year)")
    {
      return (value(Self.provenanceSheet, "D", row), value(Self.provenanceSheet, "J", row))
    }
    return nil
  }
}

/// A small seeded generator (SplitMix64): the same seed gives the same values on every machine.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
