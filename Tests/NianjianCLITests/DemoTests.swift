import Foundation
import NianjianTestSupport
import Testing

/// One run of `nianjian demo` into a temporary folder, shared by the tests below (it takes a few seconds).
private enum DemoRun {
  struct Output {
    var folder: URL
    var result: TestSupport.ProcessResult
  }

  static let output: Output? = {
    guard let folder = try? TestSupport.makeTemporaryDirectory("demo"),
      let result = try? TestSupport.nianjian(["demo", "--out", folder.path], in: TestSupport.packageRoot)
    else { return nil }
    // The folder is shared by every test of the run, so it goes when the test process ends.
    atexit { DemoRun.removeFolder() }
    return Output(folder: folder, result: result)
  }()

  static func removeFolder() {
    if let folder = output?.folder { try? FileManager.default.removeItem(at: folder) }
  }

  static var samples: URL { TestSupport.packageRoot.appendingPathComponent("Samples") }
  static var returns2025: URL { samples.appendingPathComponent("2025") }

  /// The 2025 sample return of a department, by the name in its file name (`_民政局_`).
  static func sample(_ department: String) throws -> URL {
    let names = try FileManager.default.contentsOfDirectory(atPath: returns2025.path)
    let name = try #require(names.first { $0.contains("_\(department)_") }, "no 2025 sample of \(department)")
    return returns2025.appendingPathComponent(name)
  }

  /// The sample returns that `validate --year 2025` rejects (errors) or cannot read, by department.
  static let sentBack = ["昆明市公安局官渡分局", "司法局", "团区委", "总工会"]
}

/// One cell of `nianjian dump` JSON lines.
private struct DumpedCell {
  var sheet: String
  var cell: String
  var type: String
  var value: Any?

  var row: Int { Int(cell.drop { $0.isLetter }) ?? 0 }
  var column: String { String(cell.prefix { $0.isLetter }) }
  var text: String? { value as? String }
  var number: Double? { type == "number" ? (value as? NSNumber)?.doubleValue : nil }

  /// Every non-empty cell of a workbook (or of one sheet).
  static func read(_ file: URL, sheet: String? = nil) throws -> [DumpedCell] {
    let result = try TestSupport.nianjian(["dump", file.path] + (sheet.map { ["--sheet", $0] } ?? []))
    #expect(result.status == 0, "dump \(file.lastPathComponent): \(result.stderr)")
    return result.stdout.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let sheet = object["sheet"] as? String, let cell = object["cell"] as? String
      else { return nil }
      return DumpedCell(sheet: sheet, cell: cell, type: object["type"] as? String ?? "", value: object["value"])
    }
  }
}

/// The indicator rows of a return form: where each code's 本年数值 cell is and what it holds.
private struct FormValues {
  var sheet: String
  var headerCell: String
  var cells: [String: DumpedCell]
  var references: [String: String]

  init(_ file: URL) throws {
    let cells = try DumpedCell.read(file)
    let codeHeaders = cells.filter { $0.text == "指标代码" }
    var found: (header: DumpedCell, code: DumpedCell)?
    for cell in cells where cell.text?.hasPrefix("本年数值") == true {
      if let code = codeHeaders.first(where: { $0.sheet == cell.sheet && $0.row == cell.row }) {
        found = (cell, code)
        break
      }
    }
    let (header, codeHeader) = try #require(found, "no header row with 指标代码 and 本年数值")
    sheet = header.sheet
    headerCell = header.cell
    var byCode: [String: DumpedCell] = [:]
    var references: [String: String] = [:]
    let inSheet = cells.filter { $0.sheet == header.sheet && $0.row > header.row }
    let values = Dictionary(
      inSheet.filter { $0.column == header.column }.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
    for cell in inSheet where cell.column == codeHeader.column {
      guard let code = cell.text, code.range(of: #"^[A-Z]-[A-Z]{2}-\d+$"#, options: .regularExpression) != nil else {
        continue
      }
      references[code] = "\(header.column)\(cell.row)"
      if let value = values[cell.row] { byCode[code] = value }
    }
    self.cells = byCode
    self.references = references
  }

  func cell(of code: String) throws -> String { try #require(references[code], "no row for \(code)") }
}

/// What `validate --format json` says about one file.
private struct FileFindings {
  var identification: String?
  var findings: [[String: Any]]

  func find(_ rule: String, cell: String? = nil) -> [String: Any]? {
    findings.first { $0["rule"] as? String == rule && (cell == nil || $0["cell"] as? String == cell) }
  }

  func count(_ severity: String) -> Int { findings.filter { $0["severity"] as? String == severity }.count }
}

/// `nianjian demo` runs the three jobs on `Samples/` through the real commands; its outputs are checked here.
@Suite struct DemoTests {
  /// Validates the 2025 samples as the demo did (its store holds the earlier years) and returns the JSON report.
  private func validateSamples() throws -> [String: FileFindings] {
    let demo = try #require(DemoRun.output)
    let files = try FileManager.default.contentsOfDirectory(atPath: DemoRun.returns2025.path).filter {
      $0.hasSuffix(".xlsx")
    }.sorted()
    let result = try TestSupport.nianjian(
      [
        "validate", "--format", "json", "--year", "2025", "--schema", "Templates/guandu", "--store",
        demo.folder.appendingPathComponent("nianjian.sqlite").path,
      ] + files.map { "Samples/2025/\($0)" },
      in: TestSupport.packageRoot)
    #expect(result.status == 65, "the legacy .xls makes the worst status 65: \(result.stderr)")
    let reports = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
    var byFile: [String: FileFindings] = [:]
    for report in reports {
      let file = URL(fileURLWithPath: report["file"] as? String ?? "").lastPathComponent
      byFile[file] = FileFindings(
        identification: report["identification"] as? String, findings: report["findings"] as? [[String: Any]] ?? [])
    }
    return byFile
  }

  @Test func demoRunsTheThreeJobsAndListsWhatItWrote() throws {
    let demo = try #require(DemoRun.output)
    #expect(demo.result.status == 0, "stderr: \(demo.result.stderr)")
    let stdout = demo.result.stdout
    for step in ["【1/5", "【2/5", "【3/5", "【4/5", "【5/5", "演示完成"] {
      #expect(stdout.contains(step), "no \(step) in the demo's output")
    }
    for year in 2021...2024 {
      #expect(stdout.contains("\(year) 年：30 份报表，接收 30 份"), "the \(year) returns were not all accepted")
    }
    // Every readable return gets a marked copy; the legacy .xls cannot be marked.
    let marked = try FileManager.default.contentsOfDirectory(atPath: demo.folder.appendingPathComponent("审核意见").path)
    let returns = try FileManager.default.contentsOfDirectory(atPath: DemoRun.returns2025.path).filter {
      $0.hasSuffix(".xlsx")
    }
    #expect(marked.count == returns.count - 1)
    // The rejected returns are sent back, the others accepted; status tells a return sent back (公安分局's) from
    // none received, and a return on another unit's or last year's template is charged to nobody.
    for department in DemoRun.sentBack {
      #expect(stdout.contains(try DemoRun.sample(department).lastPathComponent))
    }
    #expect(stdout.contains("退回 4 份"))
    #expect(stdout.contains("接收 22，接收但有警告 4，退回 3，已导入过 0，无法读取 1"))
    #expect(stdout.contains("合计 30 个部门：已接收 23，待说明 3，已退回 1，未报送 3"))
    for path in ["nianjian.sqlite", "审核意见", "2025年妇女儿童统计资料.xlsx", "2026年报表模板"] {
      #expect(stdout.contains(demo.folder.appendingPathComponent(path).path), "the summary lacks \(path)")
      #expect(FileManager.default.fileExists(atPath: demo.folder.appendingPathComponent(path).path))
    }
  }

  @Test func eachMessyReturnGetsTheFindingsAStatisticianExpects() throws {
    let reports = try validateSamples()
    func report(_ department: String) throws -> FileFindings {
      try #require(reports[try DemoRun.sample(department).lastPathComponent], "no report for \(department)")
    }
    func valueCell(_ department: String, _ code: String) throws -> String {
      try FormValues(try DemoRun.sample(department)).cell(of: code)
    }

    // Saved again by LibreOffice: still identified by its document properties; one unexplained swing.
    let civil = try report("民政局")
    #expect(civil.identification == "custom_property")
    let swing = try #require(civil.find("history.large_change", cell: try valueCell("民政局", "W-DM-26")))
    #expect(swing["explained"] as? Bool == false)
    #expect(civil.count("error") == 0)

    // A retyped form: no template identity, found by its header and codes (a warning), values all read.
    let women = try report("妇联")
    #expect(women.identification == "header_by_code")
    #expect(women.find("file.identified_by_header", cell: "E3")?["severity"] as? String == "warning")
    #expect(women.count("error") == 0)

    // Numbers as text and full-width digits: read exactly, reported as information only.
    let education = try report("教育体育局")
    for code in ["C-ED-03", "C-HE-18", "C-ED-15"] {
      #expect(education.find("coerce.text_number", cell: try valueCell("教育体育局", code)) != nil, "\(code)")
    }
    #expect(education.find("coerce.full_width", cell: try valueCell("教育体育局", "C-ED-15")) != nil)
    #expect(education.count("error") == 0 && education.count("warning") == 0)

    // A percentage typed as a fraction: a warning (probably 95.24, not 0.9524); one typed 34.1% is read as 34.1.
    let hrss = try report("人力资源和社会保障局")
    let fraction = try valueCell("人力资源和社会保障局", "W-SS-04")
    #expect(hrss.find("value.possible_fraction", cell: fraction)?["severity"] as? String == "warning")
    #expect(hrss.find("history.large_change", cell: fraction) != nil)
    #expect(hrss.find("coerce.percent_format", cell: try valueCell("人力资源和社会保障局", "W-EC-05")) != nil)
    #expect(hrss.count("error") == 0)

    // A formula never calculated: an error, never read as 0.
    let police = try report("昆明市公安局官渡分局")
    let formula = try #require(
      police.find("value.uncalculated_formula", cell: try valueCell("昆明市公安局官渡分局", "C-SA-01")))
    #expect(formula["severity"] as? String == "error")

    // Last year's template reused: the template says 2024, the title and header say 2025.
    let justice = try report("司法局")
    #expect(justice.find("structure.wrong_year")?["severity"] as? String == "error")
    #expect(justice.find("structure.title_year_mismatch")?["severity"] as? String == "error")
    let header = try FormValues(try DemoRun.sample("司法局")).headerCell
    #expect(justice.find("structure.header_year_mismatch", cell: header) != nil)

    // A hidden row: its value is read, and said.
    let disabled = try report("残联")
    #expect(disabled.find("structure.hidden_row", cell: try valueCell("残联", "C-WE-08")) != nil)
    #expect(disabled.count("error") == 0 && disabled.count("warning") == 0)

    // Another department's template: 团区委 filled in the one sent to 区科协.
    let youth = try report("团区委")
    #expect(youth.find("structure.reporting_unit_mismatch")?["severity"] as? String == "error")

    // A legacy .xls renamed to .xlsx: unreadable, with the reason.
    let union = try report("总工会")
    #expect(union.find("file.unreadable")?["severity"] as? String == "error")

    // A swing explained in 情况说明 is a warning marked explained.
    let health = try report("卫生健康局")
    let explained = try #require(health.find("history.large_change", cell: try valueCell("卫生健康局", "C-WE-07")))
    #expect(explained["explained"] as? Bool == true)

    // Every other return is clean: no errors, no warnings.
    let messy = ["民政局", "妇联", "人力资源和社会保障局", "卫生健康局"] + DemoRun.sentBack
    let messyFiles = Set(try messy.map { try DemoRun.sample($0).lastPathComponent })
    for (file, findings) in reports where !messyFiles.contains(file) {
      #expect(findings.count("error") == 0 && findings.count("warning") == 0, "\(file): \(findings.findings)")
    }
  }

  @Test func theYearbookHoldsEveryAcceptedValue() throws {
    let demo = try #require(DemoRun.output)
    let reports = try validateSamples()
    let yearbook = try DumpedCell.read(demo.folder.appendingPathComponent("2025年妇女儿童统计资料.xlsx"))
    // The plan sheets: a header row with 指标代码 and a 2025年 column; one row per indicator.
    var yearbookValues: [String: DumpedCell] = [:]
    for header in yearbook where header.text == "2025年" {
      guard yearbook.contains(where: { $0.sheet == header.sheet && $0.row == header.row && $0.text == "指标代码" })
      else { continue }
      let codes = yearbook.filter { $0.sheet == header.sheet && $0.column == "A" && $0.row > header.row }
      let column = yearbook.filter { $0.sheet == header.sheet && $0.column == header.column }
      let byRow = Dictionary(column.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
      for code in codes { if let text = code.text, let value = byRow[code.row] { yearbookValues[text] = value } }
    }
    #expect(yearbookValues.count > 200)

    let sentBack = Set(try DemoRun.sentBack.map { try DemoRun.sample($0).lastPathComponent })
    let accepted = try FileManager.default.contentsOfDirectory(atPath: DemoRun.returns2025.path)
      .filter { $0.hasSuffix(".xlsx") && !sentBack.contains($0) }.sorted()
    #expect(accepted.count == 26)
    var compared = 0
    for name in accepted {
      let form = try FormValues(DemoRun.returns2025.appendingPathComponent(name))
      let percentFormatted = Set(
        (reports[name]?.findings ?? []).filter { $0["rule"] as? String == "coerce.percent_format" }
          .compactMap { $0["cell"] as? String })
      for (code, cell) in form.cells {
        let shown = try #require(yearbookValues[code], "\(name): \(code) is not in the yearbook")
        var expected: Double?
        if let number = cell.number {
          expected = percentFormatted.contains(cell.cell) ? number * 100 : number
        } else if let text = cell.text, let number = Double(Self.halfWidth(text).trimmingCharacters(in: .whitespaces)) {
          expected = number
        }
        if let expected {
          let number = try #require(shown.number, "\(name) \(code): \(expected) shown as \(shown.value ?? "nothing")")
          #expect(abs(number - expected) <= 1e-9 * max(1, abs(expected)), "\(name) \(code): \(number) ≠ \(expected)")
        } else {
          #expect(shown.text == cell.text, "\(name) \(code): \(cell.text ?? "") shown as \(shown.value ?? "nothing")")
        }
        compared += 1
      }
    }
    #expect(compared > 300)
  }

  @Test func nextYearsTemplatesIdentifyTheirDepartmentYearAndJurisdiction() throws {
    let demo = try #require(DemoRun.output)
    let folder = demo.folder.appendingPathComponent("2026年报表模板")
    let templates = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(templates.count == 30)
    var departments: Set<String> = []
    for name in templates {
      #expect(name.hasPrefix("2026年_") && name.hasSuffix(".xlsx"))
      let file = folder.appendingPathComponent(name)
      let info = try TestSupport.nianjian(["dump", "--format", "info", file.path])
      let object = try #require(try JSONSerialization.jsonObject(with: info.stdoutData) as? [String: Any])
      let properties = try #require((object["properties"] as? [String: Any])?["custom"] as? [[String: Any]])
      func property(_ key: String) -> Any? { properties.first { $0["name"] as? String == key }?["value"] }
      #expect(property("NianjianYear") as? Int == 2026, "\(name)")
      #expect(property("NianjianJurisdiction") as? String == "guandu", "\(name)")
      let department = try #require(property("NianjianDepartment") as? String, "\(name)")
      departments.insert(department)
      // The hidden metadata sheet says the same.
      let meta = try DumpedCell.read(file, sheet: "nianjian_meta")
      func metadata(_ key: String) -> String? {
        guard let row = meta.first(where: { $0.column == "A" && $0.text == key })?.row,
          let value = meta.first(where: { $0.column == "B" && $0.row == row })
        else { return nil }
        return value.text ?? value.number.map { String(Int($0)) }
      }
      #expect(metadata("department") == department, "\(name)")
      #expect(metadata("year") == "2026", "\(name)")
      #expect(metadata("jurisdiction") == "guandu", "\(name)")
    }
    #expect(departments.count == 30)
  }

  @Test(
    .enabled(
      if: TestSupport.pythonHasModules(["openpyxl"]) && TestSupport.hasLibreOffice, "needs openpyxl and LibreOffice"))
  func theGeneratorRecreatesTheCommittedSamplesByteForByte() throws {
    let out = try TestSupport.makeTemporaryDirectory("samples")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try TestSupport.python(
      ["Samples/make_samples.py", "--nianjian", TestSupport.nianjianExecutable.path, "--out", out.path],
      in: TestSupport.packageRoot)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let made = try Self.files(under: out)
    let committed = try Self.files(under: DemoRun.samples).filter { !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }
    #expect(made == committed)
    for path in committed {
      let fresh = try Data(contentsOf: out.appendingPathComponent(path))
      let old = try Data(contentsOf: DemoRun.samples.appendingPathComponent(path))
      #expect(fresh == old, "\(path) differs: run `python3 Samples/make_samples.py` and commit the samples")
    }
  }

  @Test func demoWithoutSamplesIsAUsageError() throws {
    let empty = try TestSupport.makeTemporaryDirectory("demo-empty")
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try TestSupport.nianjian(
      ["demo", "--samples", empty.path, "--out", empty.appendingPathComponent("out").path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("没有报表"))
  }

  /// The relative paths of the regular files under a folder, sorted.
  private static func files(under folder: URL) throws -> [String] {
    let base = folder.standardizedFileURL.path + "/"
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      if path.contains("__pycache__") { continue }
      found.append(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
    }
    return found.sorted()
  }

  /// Full-width digits and punctuation made ASCII (９８．５ → 98.5).
  private static func halfWidth(_ text: String) -> String {
    String(
      text.unicodeScalars.map { scalar in
        (0xFF01...0xFF5E).contains(scalar.value)
          ? Character(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar) : Character(scalar)
      })
  }
}
