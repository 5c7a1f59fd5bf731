import Foundation
import NianjianTestSupport
import Testing

/// The `nianjian dump` contract (`../shared/DESIGN.md`, "Command line"), through the built binary.
@Suite struct DumpTests {
  private func fixture(_ path: String) -> String { TestSupport.fixture("reader/" + path).path }

  @Test func jsonlListsEveryCellWithAValueInContractForm() throws {
    let result = try TestSupport.nianjian(["dump", fixture("xlsxwriter/return-normal.xlsx")])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == #"{"sheet":"表1","cell":"A1","type":"string","value":"指标"}"#)
    #expect(lines.contains(#"{"sheet":"表1","cell":"B2","type":"number","value":93.5}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"C2","type":"number","value":0.935}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"D2","type":"date","value":"2025-03-01"}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"E2","type":"string","value":"第一行\r\n第二行"}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"B3","type":"number","value":1e-07}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"C3","type":"number","value":93.5000001,"formula":"B2+B3"}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"E3","type":"bool","value":false}"#))
    #expect(lines.contains(#"{"sheet":"表1","cell":"C4","type":"number","value":123456789012345.6}"#))
    #expect(lines.last == #"{"sheet":"字典","cell":"A2","type":"string","value":"否"}"#, "hidden sheets too")
  }

  @Test func jsonlMarksUncalculatedFormulasAndErrors() throws {
    let result = try TestSupport.nianjian(["dump", fixture("quirks/formula-without-cached-value.xlsx")])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == #"{"sheet":"Sheet1","cell":"A1","type":"uncalculated","value":null,"formula":"SUM(B1:B2)"}"#)
    #expect(lines.contains(##"{"sheet":"Sheet1","cell":"D1","type":"error","value":"#DIV/0!","formula":"1/0"}"##))
  }

  @Test func jsonlNumbersParseBackToTheSameDouble() throws {
    let result = try TestSupport.nianjian(["dump", fixture("quirks/booleans-errors-numbers.xlsx")])
    let values = result.stdout.split(separator: "\n").compactMap { line -> Double? in
      guard let data = line.data(using: .utf8),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        object["type"] as? String == "number"
      else { return nil }
      return (object["value"] as? NSNumber)?.doubleValue
    }
    #expect(values.contains(1.2345678901234567e17))
    #expect(values.contains(0.1))
    #expect(values.contains(0.001))
    #expect(result.stdout.contains(#""cell":"G1","type":"number","value":-0}"#))
  }

  @Test func jsonlIsDeterministic() throws {
    let first = try TestSupport.nianjian(["dump", fixture("openpyxl/return-basic.xlsx")])
    let second = try TestSupport.nianjian(["dump", fixture("openpyxl/return-basic.xlsx")])
    #expect(first.stdoutData == second.stdoutData)
  }

  @Test func sheetOptionSelectsOneSheetAndUnknownSheetIsUsageError() throws {
    let one = try TestSupport.nianjian(["dump", fixture("quirks/sheet-states.xlsx"), "--sheet", "_meta"])
    #expect(one.status == 0)
    #expect(one.stdout.split(separator: "\n").count == 2)
    let unknown = try TestSupport.nianjian(["dump", fixture("quirks/sheet-states.xlsx"), "--sheet", "无此表"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("无此表") && unknown.stderr.contains("可见"))
  }

  @Test func statsPrintsCellsSumAndCharacters() throws {
    let result = try TestSupport.nianjian(["dump", "--format", "stats", fixture("quirks/no-cell-references.xlsx")])
    #expect(result.status == 0)
    #expect(result.stdout == "7 124 3\n")
  }

  @Test func csvIsRFC4180ForOneSheet() throws {
    let result = try TestSupport.nianjian(["dump", "--format", "csv", fixture("xlsxwriter/return-normal.xlsx")])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("指标,数值,比例,日期,说明\r\n学前教育毛入园率,93.5,0.935,2025-03-01,\"第一行\r\n第二行\"\r\n"))
    let second = try TestSupport.nianjian([
      "dump", "--format", "csv", "--sheet", "字典", fixture("xlsxwriter/return-normal.xlsx"),
    ])
    #expect(second.stdout == "是\r\n否\r\n")
  }

  @Test func infoShowsHiddenSheetsCustomPropertiesAndDefinedNames() throws {
    let result = try TestSupport.nianjian(["dump", "--format", "info", fixture("quirks/properties-defined-names.xlsx")])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let properties = try #require(object["properties"] as? [String: Any])
    let custom = try #require(properties["custom"] as? [[String: Any]])
    #expect(custom.first?["name"] as? String == "TemplateID")
    #expect(custom.first?["value"] as? String == "WCH-2026-WJW")
    let names = try #require(object["defined_names"] as? [[String: Any]])
    #expect(names.map { $0["name"] as? String } == ["_xlnm.Print_Area", "TemplateID", "数据区"])
    let states = try TestSupport.nianjian(["dump", "--format", "info", fixture("quirks/sheet-states.xlsx")])
    #expect(states.stdout.contains(#""name":"_meta","index":2,"state":"veryHidden","kind":"worksheet""#))
    let merged = try TestSupport.nianjian(["dump", "--format", "info", fixture("quirks/merged-hidden.xlsx")])
    #expect(merged.stdout.contains(#""merged":["A1:C1","A3:A4"],"hidden_rows":[2],"hidden_columns":["B:C"]"#))
  }

  @Test func missingFileExits74WithAChineseMessage() throws {
    let result = try TestSupport.nianjian(["dump", "/nonexistent/卫生健康局.xlsx"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("卫生健康局.xlsx") && result.stderr.contains("文件不存在"))
    #expect(result.stdout.isEmpty)
  }

  static let unreadable: [(file: String, chinese: String)] = [
    ("legacy.xls.xlsx", "另存为 .xlsx"), ("encrypted.xlsx", "密码"), ("opendocument.xlsx", "OpenDocument"),
    ("html.xlsx", "网页"), ("csv.xlsx", "CSV"), ("empty.xlsx", "空的"), ("truncated.xlsx", "不完整"),
    ("corrupt.xlsx", "损坏"), ("zip-bomb.xlsx", "安全限制"), ("billion-laughs.xlsx", "DOCTYPE"),
    ("missing-part.xlsx", "部件缺失"), ("too-many-entries.xlsx", "安全限制"), ("duplicate-entry.xlsx", "重名"),
    ("xml2003.xlsx", "2003"), ("binary-garbage.xlsx", "无法识别"),
  ]

  @Test(arguments: unreadable.map(\.file))
  func unreadableInputExits65WithOneChineseLine(_ file: String) throws {
    let folder = try DumpHostileFiles.directory.get()
    let path = folder.appendingPathComponent(file).path
    let result = try TestSupport.nianjian(["dump", path])
    #expect(result.status == 65, "\(file): \(result.stderr)")
    let expected = try #require(Self.unreadable.first { $0.file == file }?.chinese)
    #expect(result.stderr.contains(file) && result.stderr.contains(expected), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!result.stderr.contains("SECRET") && result.stdout.isEmpty)
    let english = try TestSupport.nianjian(["dump", path, "--lang", "en"])
    #expect(english.status == 65)
    #expect(english.stderr.hasPrefix("Cannot read \"\(file)\""))
  }
}

/// Hostile files generated once for the CLI tests.
enum DumpHostileFiles {
  static let directory: Result<URL, Error> = Result {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-dump-hostile")
    let script = TestSupport.fixture("reader/scripts/make_hostile.py").path
    let result = try TestSupport.python([script, folder.path])
    guard result.status == 0 else { throw GeneratorError(message: result.stderr) }
    return folder
  }

  struct GeneratorError: Error {
    var message: String
  }
}
