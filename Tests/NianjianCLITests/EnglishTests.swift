import Foundation
import NianjianTestSupport
import Testing

/// The Chinese that may stay in English output: names that come from the schema (jurisdiction, plans, domains,
/// indicators, departments, units, the plans' own wording) and texts that come from the input files (file names,
/// sheet names, what departments typed). Everything else Chinese in an English run is a forgotten translation.
///
/// Allowed phrases are removed whole, longest first; units only where they do not touch other Chinese (so the
/// unit `人` does not excuse `人数`). What is left must hold no Chinese character or Chinese punctuation.
struct ChineseFilter {
  private var phrases: Set<String> = []
  private var units: Set<String> = []
  private var index: [Unicode.Scalar: [String]] = [:]

  /// Whether a scalar is a Chinese character or Chinese punctuation (`、`, `，`, `：`, `（`, `“` …).
  static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201C, 0x201D: return false  // curly quotes also appear in English text
    case 0x3001...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
    case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5E: return true
    default: return false
    }
  }

  /// Whether `text` holds any Chinese.
  static func hasChinese<Text: StringProtocol>(_ text: Text) -> Bool { text.unicodeScalars.contains(where: isChinese) }

  /// Allows `text` as it is, trimmed, and line by line (messages show typed text trimmed and on one line).
  mutating func allow(_ text: String) {
    var variants = [text, text.trimmingCharacters(in: .whitespacesAndNewlines)]
    variants += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    for variant in variants where Self.hasChinese(variant) {
      guard phrases.insert(variant).inserted, let first = variant.unicodeScalars.first(where: Self.isChinese) else {
        continue
      }
      index[first, default: []].append(variant)
    }
  }

  /// Allows a unit (removed only where it does not touch other Chinese).
  mutating func allowUnit(_ unit: String) {
    if Self.hasChinese(unit) { units.insert(unit) }
  }

  /// Allows every name of a `nianjian schema export` document; units go to ``allowUnit(_:)``. The `description`
  /// objects (`{"zh","en"}`) are the tool's own renderings of targets, not schema text, and are left out.
  mutating func allowSchema(exportJSON: Data) throws {
    func walk(_ value: Any, key: String?) {
      switch value {
      case let text as String: key == "unit" ? allowUnit(text) : allow(text)
      case let list as [Any]: list.forEach { walk($0, key: key) }
      case let object as [String: Any]:
        for (name, child) in object where !(name == "description" && child is [String: Any]) {
          walk(child, key: name)
        }
      default: break
      }
    }
    walk(try JSONSerialization.jsonObject(with: exportJSON), key: nil)
  }

  /// Allows the name and path of every file under `folder` (file names stay Chinese in every language).
  mutating func allowFileNames(under folder: URL) {
    guard let paths = FileManager.default.enumerator(atPath: folder.path) else { return }
    for case let relative as String in paths {
      let url = folder.appendingPathComponent(relative)
      allow(url.path)
      allow(relative)
      allow(url.lastPathComponent)
      allow(url.deletingPathExtension().lastPathComponent)
    }
  }

  /// What is left of `text` once every allowed name is removed, or `nil` when no Chinese is left.
  func leftover(_ text: String) -> String? {
    guard Self.hasChinese(text) else { return nil }
    var candidates: Set<String> = []
    for scalar in Set(text.unicodeScalars.filter(Self.isChinese)) { candidates.formUnion(index[scalar] ?? []) }
    var rest = text
    for phrase in candidates.sorted(by: { ($0.count, $0) > ($1.count, $1) }) where rest.contains(phrase) {
      rest = rest.replacingOccurrences(of: phrase, with: " ")
    }
    for unit in units.sorted(by: { ($0.count, $0) > ($1.count, $1) }) where rest.contains(unit) {
      rest = Self.removing(unit, from: rest)
    }
    return Self.hasChinese(rest) ? rest : nil
  }

  /// The lines of `output` that keep Chinese, each with what is left of it.
  func leftoverLines(_ output: String) -> [String] {
    output.split(whereSeparator: \.isNewline).compactMap { line in
      leftover(String(line)).map { "\(line)\n    left: \($0)" }
    }
  }

  /// `text` without the occurrences of `unit` that touch no other Chinese.
  private static func removing(_ unit: String, from text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let range = rest.range(of: unit) {
      let before = rest[..<range.lowerBound]
      let previous = before.last ?? result.last
      let next = rest[range.upperBound...].first
      let touches = [previous, next].contains { $0.map { hasChinese(String($0)) } ?? false }
      result += before + (touches ? unit : " ")
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

/// `--lang en` everywhere: the demo's messages and workbooks, English templates read back, error paths.
@Suite struct EnglishTests {
  static let schema = TestSupport.templatesDirectory.appendingPathComponent("guandu").path
  static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

  /// Chinese sheet names of the workbooks nianjian writes; none may appear in an English workbook.
  static let chineseSheetNames: Set<String> = [
    "填报说明", "监测数据", "审核结果", "封面", "目录", "综述", "预警与说明", "报送情况", "冲突与修订", "数据来源", "图表数据",
    "妇女发展规划", "儿童发展规划", "辖区与部门", "一致性规则",
  ]

  // MARK: Reading workbooks through `nianjian dump`

  /// The string cells of a workbook, with their sheet and cell.
  static func stringCells(_ file: URL) throws -> [(sheet: String, cell: String, text: String)] {
    let dump = try TestSupport.nianjian(["dump", file.path])
    guard dump.status == 0 else { return [] }
    return dump.stdout.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let text = object["value"] as? String
      else { return nil }
      return (object["sheet"] as? String ?? "", object["cell"] as? String ?? "", text)
    }
  }

  /// The sheet names and core document properties of a workbook (`dump --format info`).
  static func info(_ file: URL) throws -> (sheets: [String], properties: [String]) {
    let dump = try TestSupport.nianjian(["dump", "--format", "info", file.path])
    guard dump.status == 0, let object = try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any]
    else { return ([], []) }
    let sheets = (object["sheets"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    let core = (object["properties"] as? [String: Any])?["core"] as? [String: Any] ?? [:]
    return (sheets, core.values.compactMap { $0 as? String })
  }

  /// The `.xlsx` and `.csv` files under `folder`, sorted.
  static func files(under folder: URL, extensions: Set<String>) -> [URL] {
    let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    return paths.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  // MARK: The allowance

  /// Everything that may stay Chinese when nianjian runs on the files under `inputs` with the schema in `schema`
  /// and writes to `out`: the schema's names; file names; the input files' sheet names; and what departments typed
  /// into them, that is every text of an input workbook (or history table) that is not boilerplate of a blank
  /// Chinese template of one of `years` (labels, instructions, titles).
  static func filter(schema: String, inputs: URL, out: URL, years: Set<Int>) throws -> ChineseFilter {
    var filter = ChineseFilter()
    let export = try TestSupport.nianjian(["schema", "export", "--schema", schema])
    try #require(export.status == 0, "\(export.stderr)")
    try filter.allowSchema(exportJSON: export.stdoutData)
    filter.allowFileNames(under: inputs)
    filter.allowFileNames(under: out)

    let blanks = try TestSupport.makeTemporaryDirectory("english-blank-templates")
    defer { try? FileManager.default.removeItem(at: blanks) }
    var boilerplate: Set<String> = []
    for year in years.sorted() {
      let folder = blanks.appendingPathComponent(String(year))
      let made = try TestSupport.nianjian(
        [
          "template", "--year", String(year), "--out", folder.path, "--schema", schema,
          "--store", blanks.appendingPathComponent("none.sqlite").path,
        ], in: blanks)
      guard made.status == 0 else { continue }
      for template in files(under: folder, extensions: ["xlsx"]) {
        boilerplate.formUnion(try stringCells(template).map(\.text))
      }
    }
    for input in files(under: inputs, extensions: ["xlsx"]) {
      for cell in try stringCells(input) where !boilerplate.contains(cell.text) { filter.allow(cell.text) }
      for sheet in try info(input).sheets { filter.allow(sheet) }
    }
    for table in files(under: inputs, extensions: ["csv"]) {
      guard let text = try? String(contentsOf: table, encoding: .utf8) else { continue }
      for line in text.split(whereSeparator: \.isNewline) {
        for field in line.split(separator: ",") {
          filter.allow(field.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
        }
      }
    }
    return filter
  }

  /// What stays Chinese in `workbooks` beyond `filter`: sheet names (a Chinese sheet name of nianjian's own is
  /// never allowed), document properties and string cells.
  static func workbookProblems(_ workbooks: [URL], _ filter: ChineseFilter) throws -> [String] {
    var problems: [String] = []
    for workbook in workbooks {
      let (sheets, properties) = try info(workbook)
      for sheet in sheets where chineseSheetNames.contains(sheet) || filter.leftover(sheet) != nil {
        problems.append("\(workbook.lastPathComponent): sheet \(sheet)")
      }
      for property in properties {
        if let rest = filter.leftover(property) { problems.append("\(workbook.lastPathComponent): \(rest)") }
      }
      for cell in try stringCells(workbook) {
        if let rest = filter.leftover(cell.text) {
          problems.append("\(workbook.lastPathComponent) \(cell.sheet)!\(cell.cell): \(cell.text)\n    left: \(rest)")
        }
      }
      for text in try otherTexts(workbook) {
        if let rest = filter.leftover(text) {
          problems.append("\(workbook.lastPathComponent) (note, chart, prompt or footer): \(text)\n    left: \(rest)")
        }
      }
    }
    return problems
  }

  /// The texts `dump` does not show: notes, chart titles and series, data-validation prompts and alerts, page
  /// headers and footers, document properties (`Tests/Fixtures/english/workbook_texts.py`, standard library).
  static func otherTexts(_ workbook: URL) throws -> [String] {
    let result = try TestSupport.python([TestSupport.fixture("english/workbook_texts.py").path, workbook.path])
    #expect(result.status == 0, "workbook_texts.py \(workbook.lastPathComponent): \(result.stderr)")
    return result.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) as? String
    }
  }

  // MARK: Tests

  @Test func filterFindsForgottenChineseButNotNames() {
    var filter = ChineseFilter()
    filter.allow("区卫生健康局")
    filter.allow("统计口径调整。")
    filter.allowUnit("人")
    filter.allowUnit("岁")
    #expect(filter.leftover("区卫生健康局: accepted, 12 人, 75.68岁") == nil)
    #expect(filter.leftover("explained: 统计口径调整。 [explained]") == nil)
    #expect(filter.leftover("explain it in 情况说明") != nil)
    #expect(filter.leftover("区卫生健康局：accepted") != nil)
    #expect(filter.leftover("12 人数") != nil)
    #expect(filter.leftover("2025年") != nil)
    #expect(filter.leftover("plain English “quoted” — fine") == nil)
  }

  @Test func englishDemoLeavesOnlyNamesFromTheSchemaAndTheInputs() throws {
    let out = try TestSupport.makeTemporaryDirectory("english-demo")
    defer { try? FileManager.default.removeItem(at: out) }
    let demo = try TestSupport.nianjian(["demo", "--lang", "en", "--out", out.path], in: TestSupport.packageRoot)
    try #require(demo.status == 0, "stderr: \(demo.stderr)")
    let years = Set(
      try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).compactMap { Int($0) }
        .flatMap { [$0 - 1, $0] })
    let filter = try Self.filter(schema: Self.schema, inputs: Self.samples, out: out, years: years)

    let left = filter.leftoverLines(demo.stdout + "\n" + demo.stderr)
    #expect(left.isEmpty, "Chinese left in the English demo's messages:\n\(left.joined(separator: "\n"))")

    // The same filter is not blind: the Chinese messages of the same returns are caught.
    let returns = Self.files(under: Self.samples, extensions: ["xlsx"]).map(\.path)
    let chinese = try TestSupport.nianjian(
      ["validate", "--schema", Self.schema, "--store", out.appendingPathComponent("none.sqlite").path] + returns,
      in: out)
    #expect(!filter.leftoverLines(chinese.stdout + chinese.stderr).isEmpty)

    // Every workbook written: English sheet names, labels, titles and notes.
    let workbooks = Self.files(under: out, extensions: ["xlsx"])
    let problems = try Self.workbookProblems(workbooks, filter)
    #expect(problems.isEmpty, "Chinese left in English workbooks:\n\(problems.prefix(60).joined(separator: "\n"))")
    let sheetSets = try workbooks.map { try Self.info($0).sheets }
    // The demo wrote a yearbook, marked copies and templates, all in English.
    #expect(sheetSets.contains { $0.starts(with: ["Cover", "Contents", "Summary"]) })
    #expect(sheetSets.contains { $0.first == "Review" && $0.contains("Monitoring data") })
    #expect(sheetSets.contains { $0 == ["Instructions", "Monitoring data", "nianjian_meta"] })
  }

  /// The messy returns of the validation tests (`Tests/Fixtures/validate/make_returns.py`: text numbers,
  /// full-width digits, units typed, fractions, formulas never calculated, hidden and moved rows, retyped forms
  /// without identity, wrong department, year or jurisdiction …) through validate, import, status and yearbook
  /// in English: every finding, marked copy and yearbook text is English apart from schema names and input texts.
  @Test func messyReturnsAreReportedInEnglish() throws {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return }
    let schema = TestSupport.fixture("validate/xiaoyang").path
    let work = try TestSupport.makeTemporaryDirectory("english-messy")
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = work.appendingPathComponent("returns")
    let out = work.appendingPathComponent("out")
    for folder in [inputs, out] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let export = try TestSupport.nianjian(["schema", "export", "--schema", schema])
    let version = try #require(
      (try JSONSerialization.jsonObject(with: export.stdoutData) as? [String: Any])?["schema_version"] as? String)
    let made = try TestSupport.python([TestSupport.fixture("validate/make_returns.py").path, inputs.path, version])
    try #require(made.status == 0, "\(made.stderr)")
    let returns = Self.files(under: inputs, extensions: ["xlsx"]).map(\.path)
    try #require(returns.count > 20)

    let store = out.appendingPathComponent("store.sqlite").path
    let common = ["--schema", schema, "--lang", "en"]
    let runs = [
      try TestSupport.nianjian(
        ["validate", "--verbose", "--year", "2025", "--marked", out.appendingPathComponent("marked").path] + common
          + returns, in: work),
      try TestSupport.nianjian(["import", "--store", store] + common + returns, in: work),
      try TestSupport.nianjian(["status", "--year", "2025", "--store", store] + common, in: work),
      try TestSupport.nianjian(
        ["yearbook", "--year", "2025", "--store", store, "--out", out.appendingPathComponent("book.xlsx").path]
          + common, in: work),
    ]
    let output = runs.map { $0.stdout + "\n" + $0.stderr }.joined(separator: "\n")
    for rule in ["value.not_a_number", "coerce.full_width", "value.uncalculated_formula", "file.identified_by_header"] {
      #expect(output.contains(rule), "\(rule) not reported")
    }
    let filter = try Self.filter(schema: schema, inputs: inputs, out: out, years: [2024, 2025])
    let left = filter.leftoverLines(output)
    #expect(left.isEmpty, "Chinese left in English messages:\n\(left.joined(separator: "\n"))")
    let workbooks = Self.files(under: out, extensions: ["xlsx"])
    #expect(workbooks.count > 20)
    let problems = try Self.workbookProblems(workbooks, filter)
    #expect(problems.isEmpty, "Chinese left in English workbooks:\n\(problems.prefix(60).joined(separator: "\n"))")
  }

  @Test func englishRegistryWorkbookHoldsOnlySchemaNames() throws {
    let work = try TestSupport.makeTemporaryDirectory("english-registry")
    defer { try? FileManager.default.removeItem(at: work) }
    let book = work.appendingPathComponent("registry.xlsx")
    let export = try TestSupport.nianjian(
      ["schema", "export", "--schema", Self.schema, "--format", "xlsx", "--out", book.path, "--lang", "en"])
    try #require(export.status == 0, "\(export.stderr)")
    var filter = ChineseFilter()
    try filter.allowSchema(
      exportJSON: try TestSupport.nianjian(["schema", "export", "--schema", Self.schema]).stdoutData)
    let (sheets, properties) = try Self.info(book)
    #expect(sheets.first == "Jurisdiction")
    #expect(sheets.allSatisfy { !Self.chineseSheetNames.contains($0) && filter.leftover($0) == nil }, "\(sheets)")
    #expect(properties.allSatisfy { filter.leftover($0) == nil }, "\(properties)")
    let left = try Self.stringCells(book).filter { filter.leftover($0.text) != nil }
      .map { "\($0.sheet)!\($0.cell): \($0.text)" }
    #expect(left.isEmpty, "\(left.prefix(20).joined(separator: "\n"))")
  }

  /// A return filled into the English template validates, imports and reaches the yearbook exactly like the same
  /// values filled into the Chinese template.
  @Test func filledEnglishTemplateIsReadLikeTheChineseOne() throws {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return }
    let work = try TestSupport.makeTemporaryDirectory("english-filled")
    defer { try? FileManager.default.removeItem(at: work) }

    // Values for the health bureau's 2026 indicators: baselines, one declared not applicable, one text, one
    // explanation, and one value far out of range (an error in both).
    let export = try TestSupport.nianjian(["schema", "export", "--schema", Self.schema])
    let object = try #require(try JSONSerialization.jsonObject(with: export.stdoutData) as? [String: Any])
    let indicators = (object["plans"] as? [[String: Any]] ?? []).flatMap {
      $0["indicators"] as? [[String: Any]] ?? []
    }.filter { ($0["departments"] as? [String] ?? []).contains("health") }
    let numeric = indicators.filter { $0["unit_kind"] as? String != "qualitative" }
    let qualitative = try #require(indicators.first { $0["unit_kind"] as? String == "qualitative" })
    try #require(numeric.count > 6)
    func code(_ indicator: [String: Any]) -> String { indicator["code"] as? String ?? "" }
    var values: [String: Any] = [:]
    for indicator in numeric.prefix(6) {
      values[code(indicator)] = ((indicator["baseline"] as? [String: Any])?["value"] as? Double) ?? 1
    }
    values[code(numeric[1])] = 1e9
    values[code(qualitative)] = "按计划推进"
    let explanations = [code(numeric[0]): "统计口径调整"]

    var results: [OutputLanguage: (validate: [String: Any], importOutput: String, sources: [String])] = [:]
    for language in [OutputLanguage.zh, .en] {
      let folder = work.appendingPathComponent(language.rawValue)
      let made = try TestSupport.nianjian(
        [
          "template", "--year", "2026", "--department", "health", "--out", folder.path, "--schema", Self.schema,
          "--lang", language.rawValue, "--store", folder.appendingPathComponent("none.sqlite").path,
        ], in: work)
      try #require(made.status == 0, "\(made.stderr)")
      let template = try #require(Self.files(under: folder, extensions: ["xlsx"]).first)
      var filled = values
      filled[code(numeric[2])] = language == .en ? "N/A" : "不适用"
      let spec = folder.appendingPathComponent("spec.json")
      try JSONSerialization.data(withJSONObject: ["values": filled, "explanations": explanations]).write(to: spec)
      let returnFile = folder.appendingPathComponent("return").appendingPathComponent(template.lastPathComponent)
      try FileManager.default.createDirectory(
        at: returnFile.deletingLastPathComponent(), withIntermediateDirectories: true)
      let fill = try TestSupport.python(
        [TestSupport.fixture("english/fill_return.py").path, template.path, returnFile.path, spec.path])
      try #require(fill.status == 0, "\(fill.stderr)")

      let store = folder.appendingPathComponent("store.sqlite").path
      let validate = try TestSupport.nianjian(
        ["validate", "--format", "json", "--schema", Self.schema, "--store", store, returnFile.path], in: folder)
      let reports = try #require(try JSONSerialization.jsonObject(with: validate.stdoutData) as? [[String: Any]])
      let imported = try TestSupport.nianjian(
        ["import", "--schema", Self.schema, "--store", store, returnFile.path],
        in: folder.appendingPathComponent("return"))
      #expect(imported.status == 2, "\(imported.stdout)\(imported.stderr)")
      // The yearbook straight from the return (no store), in Chinese for both, and its 数据来源 sheet.
      let book = folder.appendingPathComponent("book.xlsx")
      let yearbook = try TestSupport.nianjian(
        ["yearbook", "--year", "2026", "--out", book.path, "--schema", Self.schema, returnFile.path], in: folder)
      #expect(yearbook.status == 0 || yearbook.status == 1 || yearbook.status == 2, "\(yearbook.stderr)")
      results[language] = (reports.first ?? [:], imported.stdout, try Self.sourceRows(book))
    }
    let zh = try #require(results[.zh])
    let en = try #require(results[.en])
    func findings(_ report: [String: Any]) -> [String] {
      (report["findings"] as? [[String: Any]] ?? []).map { finding in
        ["severity", "rule", "indicator", "cell", "value", "explained"].map { "\(finding[$0] ?? "-")" }
          .joined(separator: "|")
      }
    }
    #expect(en.validate["identification"] as? String == "custom_property")
    #expect(en.validate["identification"] as? String == zh.validate["identification"] as? String)
    // The same findings in the same cells; only the marker typed differs (N/A in English, 不适用 in Chinese).
    #expect(findings(en.validate).map { $0.replacingOccurrences(of: "|N/A|", with: "|不适用|") } == findings(zh.validate))
    #expect(findings(en.validate).contains { $0.hasPrefix("error|value.") })
    #expect(en.validate["summary"] as? NSDictionary == zh.validate["summary"] as? NSDictionary)
    #expect(zh.validate["summary"] as? NSDictionary != nil)
    // Import says the same, up to the sheet's name and the folder.
    let englishImport = en.importOutput.replacingOccurrences(of: "Monitoring data!", with: "监测数据!")
      .replacingOccurrences(of: "/en/return/", with: "/zh/return/")
    #expect(englishImport == zh.importOutput)
    #expect(!en.sources.isEmpty)
    #expect(en.sources == zh.sources)
  }

  /// A return retyped into a fresh workbook with English labels (no template identity) is recognised by its
  /// header, department (Reporting unit) and year (Value this year header) exactly like the same return with
  /// Chinese labels.
  @Test func retypedEnglishFormIsIdentifiedLikeAChineseOne() throws {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return }
    let work = try TestSupport.makeTemporaryDirectory("english-retyped")
    defer { try? FileManager.default.removeItem(at: work) }
    let export = try TestSupport.nianjian(["schema", "export", "--schema", Self.schema])
    let object = try #require(try JSONSerialization.jsonObject(with: export.stdoutData) as? [String: Any])
    let health = (object["plans"] as? [[String: Any]] ?? []).flatMap { $0["indicators"] as? [[String: Any]] ?? [] }
      .filter { ($0["departments"] as? [String] ?? []).contains("health") && $0["unit_kind"] as? String == "percent" }
    try #require(health.count >= 3)
    let rows: [[Any]] = health.prefix(3).map { [$0["code"] ?? "", $0["name"] ?? "", 50.5] }
    let spec = work.appendingPathComponent("spec.json")
    try JSONSerialization.data(withJSONObject: ["year": 2025, "unit": "区卫生健康局", "rows": rows]).write(to: spec)
    var reports: [String: [String: Any]] = [:]
    for language in ["zh", "en"] {
      let file = work.appendingPathComponent("retyped-\(language).xlsx")
      let made = try TestSupport.python(
        [TestSupport.fixture("english/retyped_return.py").path, language, file.path, spec.path])
      try #require(made.status == 0, "\(made.stderr)")
      let result = try TestSupport.nianjian(
        ["validate", "--format", "json", "--schema", Self.schema, "--store", "none.sqlite", file.path], in: work)
      reports[language] = try #require(
        (try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])?.first)
    }
    let zh = try #require(reports["zh"])
    let en = try #require(reports["en"])
    #expect(en["identification"] as? String == "header_by_code")
    #expect(en["identification"] as? String == zh["identification"] as? String)
    let template = try #require(en["template"] as? [String: Any])
    #expect(template["department"] as? String == "health")
    #expect(template["year"] as? Int == 2025)
    #expect(en["template"] as? NSDictionary == zh["template"] as? NSDictionary)
    func findings(_ report: [String: Any]) -> [String] {
      (report["findings"] as? [[String: Any]] ?? []).map { finding in
        ["severity", "rule", "indicator", "sheet", "cell", "value"].map { "\(finding[$0] ?? "-")" }
          .joined(separator: "|")
      }
    }
    #expect(findings(en) == findings(zh))
    #expect(findings(en).contains { $0.contains("target.attainment") })
    // The footer line (Prepared by / 填表人) is not taken for an indicator row.
    #expect(!findings(en).contains { $0.contains("structure.unknown_row") })
  }

  /// The 数据来源 rows of a Chinese yearbook: indicator code, year, value, cell and explanation, in sheet order.
  static func sourceRows(_ book: URL) throws -> [String] {
    let dump = try TestSupport.nianjian(["dump", "--sheet", "数据来源", book.path])
    var rows: [Int: [String: String]] = [:]
    for line in dump.stdout.split(separator: "\n") {
      guard let cell = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let reference = cell["cell"] as? String, let row = Int(reference.drop { $0.isLetter })
      else { continue }
      rows[row, default: [:]][String(reference.prefix { $0.isLetter })] = "\(cell["value"] ?? "")"
    }
    guard let header = rows.keys.sorted().first(where: { rows[$0]?.values.contains("指标代码") == true }) else {
      return []
    }
    let labels = rows[header] ?? [:]
    let wanted = ["指标代码", "年份", "数值", "单元格", "情况说明"].compactMap { label in
      labels.first { $0.value == label }?.key
    }
    return rows.keys.sorted().filter { $0 > header }.map { row in
      wanted.map { rows[row]?[$0] ?? "" }.joined(separator: "|")
    }
  }

  /// Every command's usage errors and unreadable or missing files, in English: no Chinese at all (the files have
  /// ASCII names). ArgumentParser's own `Help:` line repeats the option's help, which is bilingual by design.
  @Test func errorPathsOfEveryCommandAreEnglish() throws {
    let work = try TestSupport.makeTemporaryDirectory("english-errors")
    defer { try? FileManager.default.removeItem(at: work) }
    try Data("code,year,value\nW-HE-02,2024,abc\n".utf8).write(to: work.appendingPathComponent("history.csv"))
    try Data("not a workbook".utf8).write(to: work.appendingPathComponent("bad.xlsx"))
    let made = try TestSupport.nianjian(
      [
        "template", "--year", "2026", "--department", "health", "--out", work.appendingPathComponent("t").path,
        "--schema", Self.schema, "--lang", "en",
      ], in: work)
    try #require(made.status == 0)
    let template = try #require(Self.files(under: work.appendingPathComponent("t"), extensions: ["xlsx"]).first)
    try FileManager.default.copyItem(at: template, to: work.appendingPathComponent("form.xlsx"))

    let schema = Self.schema
    let cases: [(arguments: [String], status: Int32)] = [
      (["dump"], 64),
      (["dump", "missing.xlsx"], 74),
      (["dump", "bad.xlsx"], 65),
      (["dump", "--sheet", "Nope", "form.xlsx"], 64),
      (["dump", "--format", "yaml", "form.xlsx"], 64),
      (["schema", "check", "--schema", "missing"], 64),
      (["schema", "export", "--schema", schema, "--format", "xlsx"], 64),
      (["schema", "export", "--schema", schema, "--out", "no/such/folder/s.json"], 74),
      (["template", "--year", "2026", "--schema", schema], 64),
      (["template", "--year", "1800", "--out", "t2", "--schema", schema], 64),
      (["template", "--year", "2026", "--department", "nope", "--out", "t2", "--schema", schema], 64),
      (["validate", "--schema", schema], 64),
      (["validate", "--schema", schema, "bad.xlsx"], 65),
      (["validate", "--schema", schema, "missing.xlsx"], 74),
      (["validate", "--schema", schema, "--format", "yaml", "form.xlsx"], 64),
      (["import", "--schema", schema, "--store", "s.sqlite", "bad.xlsx"], 65),
      (["import", "--schema", schema, "--store", "s.sqlite", "missing.xlsx"], 74),
      (["import", "--schema", schema, "--store", "s.sqlite", "history.csv"], 2),
      (["status", "--year", "99999", "--schema", schema], 64),
      (["status", "--year", "2025", "--schema", schema, "--store", "none.sqlite"], 74),
      (["yearbook", "--year", "2025", "--out", "book.txt", "--schema", schema], 64),
      (["yearbook", "--year", "2025", "--out", "book.xlsx", "--schema", schema, "bad.xlsx"], 65),
      (["yearbook", "--year", "2025", "--out", "book.xlsx", "--schema", schema, "--store", "none.sqlite"], 74),
      (["demo", "--samples", "missing", "--out", "o"], 64),
      // A file where a folder or a store is expected.
      (["validate", "--schema", schema, "--marked", "form.xlsx", "form.xlsx"], 74),
      (["validate", "--schema", schema, "--store", "bad.xlsx", "form.xlsx"], 74),
      (["import", "--schema", schema, "--store", "bad.xlsx", "form.xlsx"], 74),
      (["status", "--year", "2025", "--schema", schema, "--store", "bad.xlsx"], 74),
      (["template", "--year", "2026", "--out", "t3", "--schema", schema, "--store", "bad.xlsx"], 74),
      (["yearbook", "--year", "2025", "--out", "b.xlsx", "--schema", schema, "--store", "bad.xlsx"], 74),
    ]
    for (arguments, status) in cases {
      let result = try TestSupport.nianjian(arguments + ["--lang", "en"], in: work)
      let output = (result.stdout + "\n" + result.stderr).split(whereSeparator: \.isNewline)
        .filter { !$0.hasPrefix("Help:") }
      let chinese = output.filter { ChineseFilter.hasChinese($0) }
      #expect(result.status == status, "\(arguments): \(result.status)\n\(result.stderr)")
      #expect(!result.stderr.isEmpty || !result.stdout.isEmpty, "\(arguments) said nothing")
      #expect(chinese.isEmpty, "\(arguments):\n\(chinese.joined(separator: "\n"))")
    }
  }
}

/// The two languages, as the tests name them.
enum OutputLanguage: String {
  case zh, en
}
