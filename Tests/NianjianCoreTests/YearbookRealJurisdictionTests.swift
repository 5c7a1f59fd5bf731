import Foundation
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@testable import NianjianCore

/// A yearbook for a real jurisdiction (`Templates/guandu`) with synthetic values for every indicator.
@Suite struct YearbookRealJurisdictionTests {
  static let years = 2021...2024

  /// A synthetic number inside the indicator's range with more digits than it displays.
  static func syntheticValue(_ indicator: Indicator, year: Int, index: Int) -> Double {
    let low = indicator.range.lowerBound ?? 0
    let high = indicator.range.upperBound ?? (low + 10_000)
    let fraction = Double((index * 37 + year * 11) % 97) / 97.0
    let value = low + (high - low) * (0.1 + 0.8 * fraction)
    return indicator.unit.isInteger ? value.rounded() : value + 0.000123
  }

  static func input() throws -> YearbookInput {
    let schema = try SchemaLoader.load(directory: TestSupport.templatesDirectory.appendingPathComponent("guandu"))
    var values: [StoredValue] = []
    for (index, indicator) in schema.allIndicators.enumerated() {
      for year in years {
        let quantity: ReportedQuantity =
          indicator.isQualitative
          ? .text("\(year)年进展：\(indicator.name)") : .number(syntheticValue(indicator, year: year, index: index))
        let department = indicator.mainDepartment ?? "statistics"
        let fileName = "\(department)-\(year).xlsx"
        values.append(
          StoredValue(
            indicatorCode: indicator.code, year: year, quantity: quantity, department: department,
            provenance: Provenance(
              fileName: fileName, sha256: YearbookFixture.sha(fileName), sheet: "表1", cell: "E\(index + 5)",
              rawText: "raw"),
            submissionID: Int64(year), schemaVersion: schema.version))
      }
    }
    return YearbookInput(
      schema: schema, year: years.upperBound, values: values, submissions: [], warnings: [], revisions: [],
      conflicts: [])
  }

  @Test func everyValueAppearsExactlyOnItsPlanSheetAndInTheSources() throws {
    let input = try Self.input()
    let url = try YearbookScratch.write(input)
    let book = try ReadYearbook(url)
    let names = YearbookSheetNames(schema: input.schema, language: .zh)
    #expect(book.sheetNames == names.ordered)
    let analysis = YearbookAnalysis(input)
    var checked = 0
    for (planIndex, section) in analysis.plans.enumerated() {
      let sheet = names.plans[planIndex]
      #expect(section.years == Array(Self.years))
      for record in section.records {
        let rows = book.rows(sheet, column: "A", equal: record.indicator.code)
        guard let row = rows.first, rows.count == 1 else {
          Issue.record("\(record.indicator.code) should have one row on \(sheet)")
          continue
        }
        for (offset, year) in section.years.enumerated() {
          let column = CellReference.columnName(PlanSheet.firstYearColumn + offset + 1)
          let expected = try #require(
            input.values.first { $0.indicatorCode == record.indicator.code && $0.year == year })
          switch expected.quantity {
          case .number(let number): #expect(book.number(sheet, "\(column)\(row)") == number)
          case .text(let text): #expect(book.text(sheet, "\(column)\(row)") == text)
          case .missing: Issue.record("no missing values in this input")
          }
          checked += 1
        }
      }
    }
    #expect(checked == input.values.count)
    for (offset, value) in analysis.sortedValues.enumerated() {
      let cell = "D\(ProvenanceSheet.headerRow + 2 + offset)"
      if case .number(let number) = value.quantity { #expect(book.number("数据来源", cell) == number) }
    }
    // Every numeric indicator has four years, so every one gets a chart.
    let charted = analysis.allRecords.filter { !$0.indicator.isQualitative }.count
    #expect(charted > 100)
  }
}
