import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

/// Templates as openpyxl and LibreOffice see them, filled the way a department fills them.
@Suite struct FormsRoundTripTests {
  private func guanduHealthTemplate() throws -> URL {
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    return try #require(
      try TemplateWriter.write(
        schema: try FormsSupport.guanduSchema(), department: "health", year: 2026, previous: [:], to: folder))
  }

  @Test(.enabled(if: FormsSupport.hasOpenpyxl))
  func inputCellsAreUnlockedValidatedAndEverythingElseIsLocked() throws {
    let schema = try FormsSupport.guanduSchema()
    let info = try FormsSupport.script("inspect_form.py", [try guanduHealthTemplate().path])
    let form = try #require(info["form"] as? [String: Any])
    #expect(form["protected"] as? Bool == true)
    #expect(info["structure_locked"] as? Bool == true)
    #expect((form["unlocked_above_header"] as? [String])?.isEmpty == true)
    #expect((form["footer_inputs"] as? [String])?.count == FormLayout.Footer.allCases.count)
    let printing = try #require(form["print"] as? [String: Any])
    #expect(printing["orientation"] as? String == "landscape")
    #expect(printing["paper"] as? Int == 9)  // A4
    #expect(printing["fit"] as? Bool == true)
    #expect(printing["title_rows"] as? String == "$6:$6")
    let rows = try #require(form["rows"] as? [[String: Any]])
    #expect(rows.count == schema.indicators(department: "health").count)
    for row in rows {
      let code = try #require(row["code"] as? String)
      let indicator = try #require(schema.indicator(code: code))
      let cells = try #require(row["cells"] as? [String: [String: Any]])
      for (label, cell) in cells {
        let isInput = label.hasPrefix("本年数值") || label == "情况说明" || label == "数据来源"
        #expect(cell["locked"] as? Bool == !isInput, "\(code) \(label)")
      }
      let current = try #require(cells.first { $0.key.hasPrefix("本年数值") }?.value)
      let validation = try #require(current["validation"] as? [String: Any], "\(code)")
      #expect(validation["errorStyle"] as? String == "warning")
      let format = try #require(current["number_format"] as? String)
      #expect(!format.contains("%"))
      if indicator.isQualitative {
        #expect(validation["type"] as? String == "textLength")
        #expect(format == "@")
      } else {
        #expect(validation["type"] as? String == "custom")
        let formula = try #require(validation["formula1"] as? String)
        if let high = indicator.range.upperBound { #expect(formula.contains("<=\(NumberText.plain(high))")) }
        if let low = indicator.range.lowerBound { #expect(formula.contains(">=\(NumberText.plain(low))")) }
        #expect(formula.contains("\"—\"") && formula.contains("\"不适用\""))
        #expect(formula.contains("INT(") == indicator.unit.isInteger)
        #expect(format == (indicator.decimals == 0 ? "0" : "0." + String(repeating: "0", count: indicator.decimals)))
        let prompt = try #require(validation["prompt"] as? String)
        #expect(prompt.contains("单位：\(indicator.unit.symbol)"))
      }
    }
  }

  @Test(.enabled(if: FormsSupport.hasOpenpyxl))
  func valuesTypedIntoATemplateAreReadBackWhereTheyWereTyped() throws {
    let template = try guanduHealthTemplate()
    let filled = template.deletingLastPathComponent().appendingPathComponent("filled.xlsx")
    let typed = try FormsSupport.script("fill_template.py", [template.path, filled.path])
    try checkFilled(filled, typed: typed)
  }

  @Test(.enabled(if: FormsSupport.hasOpenpyxl && TestSupport.hasLibreOffice))
  func libreOfficeOpensAFilledTemplateAndKeepsValuesAndIdentification() throws {
    let template = try guanduHealthTemplate()
    let folder = template.deletingLastPathComponent()
    let filled = folder.appendingPathComponent("filled.xlsx")
    let typed = try FormsSupport.script("fill_template.py", [template.path, filled.path])
    let converted = folder.appendingPathComponent("converted")
    try FileManager.default.createDirectory(at: converted, withIntermediateDirectories: true)
    let office = try #require(
      ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) })
    let profile = "file:///tmp/lo-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: String(profile.dropFirst("file://".count))) }
    let result = try TestSupport.run(
      URL(fileURLWithPath: office),
      [
        "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "xlsx", "--outdir", converted.path,
        filled.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    try checkFilled(converted.appendingPathComponent("filled.xlsx"), typed: typed)
  }

  /// Checks identification and that every typed value, explanation, source and sign-off is where it was typed.
  private func checkFilled(_ file: URL, typed: [String: Any]) throws {
    let document = try XLSXDocument(contentsOf: file)
    let schema = try FormsSupport.guanduSchema()
    let id = TemplateIdentity.makeID(
      jurisdiction: "guandu", department: "health", year: 2026, schemaVersion: schema.version)
    #expect(document.properties.custom(FormLayout.Property.templateID) == .string(id))
    let meta = try #require(document.sheet(named: FormLayout.metadataSheet))
    #expect(meta.state == .hidden)
    #expect(FormsSupport.string(try document.readSheet(meta).cell("B1")) == id)

    let sheet = try FormsSupport.formSheet(document)
    let header = try #require(FormsSupport.header(of: sheet))
    let values = try #require(typed["values"] as? [[String: Any]])
    #expect(values.count == schema.indicators(department: "health").count)
    let explanationColumn = try #require(header.columns[.explanation])
    let sourceColumn = try #require(header.columns[.dataSource])
    var markers = 0
    for entry in values {
      let reference = try #require(entry["cell"] as? String)
      let cell = try #require(sheet.cell(reference), "\(reference)")
      switch entry["value"] {
      case let text as String:
        #expect(cell.value == .string(text), "\(reference)")
        if text == "—" || text == "不适用" { markers += 1 }
      case let number as NSNumber:
        #expect(cell.value == .number(number.doubleValue), "\(reference)")
      default:
        Issue.record("unexpected value in \(entry)")
      }
      let row = try #require(CellReference.parse(reference)).row
      if let explanation = entry["explanation"] as? String {
        #expect(FormsSupport.string(sheet.cell(row: row, column: explanationColumn)) == explanation)
      }
      #expect(FormsSupport.string(sheet.cell(row: row, column: sourceColumn)) == entry["source"] as? String)
    }
    #expect(markers > 0)
    let footer = try #require(typed["footer"] as? [String: String])
    let footerValues = try #require(typed["footer_values"] as? [String: String])
    #expect(footer.count == FormLayout.Footer.allCases.count)
    for (label, reference) in footer {
      #expect(FormsSupport.string(sheet.cell(reference)) == footerValues[label], "\(label)")
    }
  }
}
