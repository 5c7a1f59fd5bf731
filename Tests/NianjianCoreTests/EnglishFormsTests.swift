import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

/// Templates written with `--lang en` (English sheet names and labels) are read exactly like Chinese ones.
@Suite struct EnglishFormsTests {
  private func template(_ language: Language, department: String = "health") throws -> URL {
    let folder = try TestSupport.makeTemporaryDirectory("english-forms-\(language.rawValue)")
    return try #require(
      try TemplateWriter.write(
        schema: try FormsSupport.guanduSchema(), department: department, year: 2026, previous: [:], to: folder,
        language: language))
  }

  @Test func headersAreRecognisedInBothLanguages() {
    func column(_ header: String) -> FormLayout.Column? {
      FormLayout.Column.allCases.first { $0.matches(ReturnExtractor.normalizedLabel(header)) }
    }
    #expect(column("本年数值（2025年）") == .current)
    #expect(column("Value this year (2025)") == .current)
    #expect(column("VALUE THIS YEAR") == .current)
    #expect(column("Ｉｎｄｉｃａｔｏｒ code") == .code)
    #expect(column("Indicator") == .name)
    #expect(column("Previous value (2024)") == .previous)
    #expect(column("Explanation") == .explanation)
    #expect(column("情况说明") == .explanation)
    #expect(column("Remarks") == nil)
    for item in FormLayout.Column.allCases {
      #expect(column(item.englishLabel) == item, "\(item.englishLabel)")
      #expect(column(item.rawValue) == item, "\(item.rawValue)")
    }
  }

  @Test func englishTemplateHasTheSameTableAsTheChineseOne() throws {
    let chinese = try ReturnExtractor.extract(try XLSXDocument(contentsOf: try template(.zh)))
    let english = try ReturnExtractor.extract(try XLSXDocument(contentsOf: try template(.en)))
    let zhTable = try #require(chinese.table)
    let enTable = try #require(english.table)
    #expect(enTable.sheet == FormLayout.EnglishSheet.form)
    #expect(zhTable.sheet == FormLayout.formSheet)
    #expect(enTable.columns == zhTable.columns)
    #expect(enTable.columns.count == FormLayout.Column.templateColumns.count)
    #expect(enTable.headerRow == zhTable.headerRow)
    #expect(enTable.headerYear == 2026)
    #expect(enTable.titleYear == 2026)
    #expect(enTable.reportingUnit == zhTable.reportingUnit)
    #expect(enTable.reportingUnit == "区卫生健康局")
    #expect(enTable.rows.map(\.code) == zhTable.rows.map(\.code))
    #expect(enTable.rows.map(\.valueReference) == zhTable.rows.map(\.valueReference))
    #expect(!enTable.rows.isEmpty)
    // No footer line (Head of unit, Prepared by …) is taken for an indicator row.
    #expect(enTable.rows.allSatisfy { $0.code != nil })
    #expect(english.identityFromProperties == chinese.identityFromProperties)
    #expect(english.identityFromMetadata == chinese.identityFromMetadata)
  }

  @Test func blankEnglishTemplateValidatesLikeTheChineseOne() throws {
    let validator = ReturnValidator(schema: try FormsSupport.guanduSchema())
    let chinese = try validator.validate(fileAt: try template(.zh, department: "civil_affairs"))
    let english = try validator.validate(fileAt: try template(.en, department: "civil_affairs"))
    func key(_ finding: Finding) -> String {
      [finding.severity.rawValue, finding.rule, finding.indicator ?? "", finding.cell ?? "", finding.value ?? ""]
        .joined(separator: "|")
    }
    #expect(english.identification == chinese.identification)
    #expect(english.identity == chinese.identity)
    #expect(english.findings.map(key) == chinese.findings.map(key))
    #expect(english.values.count == chinese.values.count)
    #expect(english.findings.contains { $0.rule == RuleID.valueBlank })
  }

  @Test func ratesPerHundredThousandReadAsSuchInEnglish() throws {
    let unit = try #require(IndicatorUnit(symbol: "1/10万"))
    #expect(unit.displaySuffix == "/10万")
    #expect(unit.englishDisplaySuffix == "/100,000")
    let target = TargetExpression.compare(.lessOrEqual, 9).text(unit: unit)
    #expect(target.zh == "≤9/10万")
    #expect(target.en == "≤ 9/100,000")
    let percent = try #require(IndicatorUnit(symbol: "%"))
    #expect(percent.englishDisplaySuffix == "%")
  }

  @Test func englishTemplatesSuggestNAForNotApplicable() {
    #expect(FormLayout.notApplicableMarker(.en) == "N/A")
    #expect(FormLayout.notApplicableMarkers.contains(FormLayout.notApplicableMarker(.en)))
    #expect(FormLayout.notApplicableMarker(.zh) == FormLayout.notApplicableMarker)
  }
}
