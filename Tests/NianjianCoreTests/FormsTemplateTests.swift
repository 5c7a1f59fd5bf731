import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@Suite struct FormsTemplateTests {
  private func writeHealth(
    _ schema: Schema, year: Int = 2026, previous: [String: StoredValue] = [:], language: Language = .zh
  ) throws -> URL {
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    return try #require(
      try TemplateWriter.write(
        schema: schema, department: "health", year: year, previous: previous, to: folder, language: language))
  }

  @Test func templateHoldsExactlyTheDepartmentsIndicatorsWomensPlanFirst() throws {
    let schema = try FormsSupport.sampleSchema()
    let file = try writeHealth(schema)
    let document = try XLSXDocument(contentsOf: file)
    #expect(
      document.sheets.map(\.name) == [FormLayout.instructionsSheet, FormLayout.formSheet, FormLayout.metadataSheet])
    let sheet = try FormsSupport.formSheet(document)
    let rows = FormsSupport.rowsByCode(sheet)
    // 妇女 before 儿童 (as in 妇女儿童发展规划), each plan in file order.
    let plans = schema.plans.filter { $0.kind == .women } + schema.plans.filter { $0.kind == .children }
    let expected = plans.flatMap(\.indicators).filter { $0.departments.contains("health") }.map(\.code)
    #expect(Set(rows.keys) == Set(expected))
    #expect(expected.map { rows[$0] ?? 0 } == expected.map { rows[$0] ?? 0 }.sorted())
    // Section rows (plan and domain) have no code.
    let header = try #require(FormsSupport.header(of: sheet))
    let sectionTexts = sheet.cells.filter { $0.column == 1 && $0.row > header.row }.compactMap(FormsSupport.string)
    #expect(sectionTexts.contains("一、样例区妇女发展规划（2021—2030年）"))
    #expect(sectionTexts.contains("（一）妇女与健康"))
    #expect(sectionTexts.contains("二、样例区儿童发展规划（2021—2030年）"))
    // Statistical-form conventions above the header.
    let texts = sheet.cells.compactMap(FormsSupport.string)
    #expect(texts.contains("样例区妇女儿童发展规划监测报表（2026年）"))
    #expect(texts.contains("表　　号：样妇儿监测表2026-1"))
    #expect(texts.contains("制定机关：样例区统计局"))
    #expect(texts.contains("填报单位：区卫生健康局"))
    #expect(texts.contains { $0.hasPrefix("有效期至：") })
    for footer in FormLayout.Footer.allCases { #expect(texts.contains(footer.rawValue + "：")) }
    #expect(file.lastPathComponent == "2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx")
  }

  @Test func templateIsIdentifiedByCustomPropertiesAndHiddenMetadataSheet() throws {
    let schema = try FormsSupport.sampleSchema()
    let document = try XLSXDocument(contentsOf: try writeHealth(schema))
    let id = TemplateIdentity.makeID(
      jurisdiction: "sample", department: "health", year: 2026, schemaVersion: schema.version)
    #expect(document.properties.custom(FormLayout.Property.templateID) == .string(id))
    #expect(document.properties.custom(FormLayout.Property.schemaVersion) == .string(schema.version))
    #expect(document.properties.custom(FormLayout.Property.jurisdiction) == .string("sample"))
    #expect(document.properties.custom(FormLayout.Property.department) == .string("health"))
    let meta = try #require(document.sheet(named: FormLayout.metadataSheet))
    #expect(meta.state == .hidden)
    let cells = try document.readSheet(meta)
    var pairs: [String: String] = [:]
    for row in Set(cells.cells.map(\.row)) {
      if let key = FormsSupport.string(cells.cell(row: row, column: 1)),
        let value = FormsSupport.string(cells.cell(row: row, column: 2))
      {
        pairs[key] = value
      }
    }
    #expect(pairs[FormLayout.MetadataKey.templateID] == id)
    #expect(pairs[FormLayout.MetadataKey.schemaVersion] == schema.version)
    #expect(pairs[FormLayout.MetadataKey.jurisdiction] == "sample")
    #expect(pairs[FormLayout.MetadataKey.department] == "health")
    #expect(pairs[FormLayout.MetadataKey.year] == "2026")
  }

  @Test func previousValueComesFromTheStoreElseFromAnEarlierBaselineMarkedAsSuch() throws {
    let schema = try FormsSupport.sampleSchema()
    let stored = StoredValue(
      indicatorCode: "W-HE-03", year: 2025, quantity: .number(70.125), department: "health",
      provenance: Provenance(fileName: "2025.xlsx", sha256: "cd", sheet: "监测数据", cell: "G9", rawText: "70.125"),
      submissionID: 1, schemaVersion: schema.version)
    let document = try XLSXDocument(contentsOf: try writeHealth(schema, previous: ["W-HE-03": stored]))
    let sheet = try FormsSupport.formSheet(document)
    let header = try #require(FormsSupport.header(of: sheet))
    let previousColumn = try #require(header.columns[.previous])
    let rows = FormsSupport.rowsByCode(sheet)
    #expect(FormsSupport.string(sheet.cell(row: header.row, column: previousColumn)) == "上年数值（2025年）")
    // From the store: the number exactly, no baseline label.
    let storeRow = try #require(rows["W-HE-03"])
    let fromStore = try #require(sheet.cell(row: storeRow, column: previousColumn))
    #expect(fromStore.value == .number(70.125))
    #expect(fromStore.numberFormat?.contains("基期") != true)
    // The baseline of 2020, labelled by its number format.
    let baselineRow = try #require(rows["W-HE-01"])
    let baseline = try #require(sheet.cell(row: baselineRow, column: previousColumn))
    #expect(baseline.value == .number(5.2))
    #expect(baseline.numberFormat?.contains("基期") == true)
    // No store value and no baseline: empty.
    let emptyRow = try #require(rows["W-HE-04"])
    #expect(sheet.cell(row: emptyRow, column: previousColumn) == nil)
  }

  @Test func sameInputsGiveTheSameBytes() throws {
    let schema = try FormsSupport.guanduSchema()
    let first = try writeHealth(schema)
    let second = try writeHealth(schema)
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
  }

  @Test func departmentWithoutIndicatorsGetsNoFile() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let outcomes = try TemplateWriter.writeSet(schema: schema, departments: nil, year: 2026, previous: [:], to: folder)
    #expect(outcomes.map(\.department.id) == ["health", "education", "civil_affairs", "statistics", "finance"])
    #expect(outcomes.last?.file == nil)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count == 4)
    #expect(!files.contains { $0.hasPrefix(".") })
    #expect(files.contains("2026年_统计局_妇女发展规划监测报表.xlsx"))
  }

  @Test func badArgumentsAreRefusedBeforeAnythingIsWritten() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    #expect(throws: FormsError.unknownDepartment("nope", valid: schema.departments.map(\.id))) {
      try TemplateWriter.writeSet(
        schema: schema, departments: ["health", "nope"], year: 2026, previous: [:], to: folder)
    }
    #expect(throws: FormsError.yearOutsidePlans(2032, periods: schema.plans.map(\.period))) {
      try TemplateWriter.writeSet(schema: schema, departments: nil, year: 2032, previous: [:], to: folder)
    }
    let missing = folder.appendingPathComponent("missing")
    #expect(throws: FormsError.outputFolderMissing(missing.path)) {
      try TemplateWriter.writeSet(schema: schema, departments: nil, year: 2026, previous: [:], to: missing)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func theYearAfterThePlansEndIsAcceptedAndEarlierYearsAreNot() throws {
    let schema = try FormsSupport.sampleSchema()
    #expect(TemplateWriter.plans(of: schema, activeIn: 2031).count == 2)
    #expect(TemplateWriter.plans(of: schema, activeIn: 2032).isEmpty)
    #expect(TemplateWriter.plans(of: schema, activeIn: 2020).isEmpty)
  }

  @Test func fileNamesDropTheJurisdictionPrefixButKeepPartyOrganNames() throws {
    let schema = try FormsSupport.guanduSchema()
    let names = schema.departments.compactMap { TemplateWriter.fileName(schema: schema, department: $0, year: 2026) }
    #expect(names.contains("2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx"))
    #expect(names.contains("2026年_区委组织部_妇女发展规划监测报表.xlsx"))
    #expect(names.allSatisfy { !$0.contains("/") && !$0.contains(" ") })
  }

  @Test func englishTemplatesUseEnglishLabelsAndKeepTheIdentification() throws {
    let schema = try FormsSupport.sampleSchema()
    let document = try XLSXDocument(contentsOf: try writeHealth(schema, language: .en))
    #expect(document.sheets.map(\.name).contains(FormLayout.EnglishSheet.form))
    let sheet = try FormsSupport.formSheet(document, language: .en)
    #expect(sheet.cells.compactMap(FormsSupport.string).contains("Indicator code"))
    #expect(document.properties.custom(FormLayout.Property.department) == .string("health"))
  }
}

@Suite struct FormsFileNameTests {
  @Test func departmentsWithTheSameShortNameGetDistinctFiles() throws {
    var schema = try FormsSupport.sampleSchema()
    // 区统计局 and 市统计局 both shorten to 统计局.
    schema.departments.append(Department(id: "city_statistics", name: "市统计局"))
    let statistics = try #require(schema.department(id: "statistics"))
    let city = try #require(schema.department(id: "city_statistics"))
    let name = try #require(TemplateWriter.fileName(schema: schema, department: statistics, year: 2026))
    #expect(name == "2026年_统计局（statistics）_妇女发展规划监测报表.xlsx")
    #expect(TemplateWriter.fileName(schema: schema, department: city, year: 2026) == nil)
  }
}
