import Foundation
import Schema
import Testing

@testable import NianjianCore

@Suite struct YearbookAnalysisTests {
  func record(_ code: String) throws -> IndicatorRecord {
    let analysis = YearbookAnalysis(try YearbookFixture.input())
    return try #require(analysis.allRecords.first { $0.indicator.code == code })
  }

  @Test func plansAndDomainsFollowSchemaOrder() throws {
    let analysis = YearbookAnalysis(try YearbookFixture.input())
    #expect(analysis.plans.map(\.plan.id) == ["children", "women"])
    #expect(analysis.plans[1].domains.map(\.domain.code) == ["HE", "ED"])
    #expect(
      analysis.plans[1].records.map(\.indicator.code) == [
        "W-HE-01", "W-HE-02", "W-HE-03", "W-HE-04", "W-ED-01", "W-ED-02",
      ])
    #expect(analysis.plans[0].years == [2021, 2022, 2023, 2024])
  }

  @Test func valueOfTheYearIsJudgedAgainstTheTargetThatApplies() throws {
    let infant = try record("C-HE-01")
    #expect(infant.target?.year == 2025)
    #expect(infant.attainment.status == .met)
    #expect(infant.attainment.year == 2024)
    #expect(infant.attainment.value == 3.95)
  }

  @Test func missingYearFallsBackToTheLatestEarlierValue() throws {
    let screening = try record("W-HE-03")
    #expect(screening.attainment.year == 2023)
    #expect(screening.attainment.status == .met)
  }

  @Test func relativeChangeTargetIsJudgedFromTheBaseline() throws {
    let injuries = try record("C-HE-03")
    #expect(injuries.attainment.status == .near)
    #expect(injuries.attainment.goal == 16)
  }

  @Test func dropOfTheManagementRateSwingsAndIsOffTrack() throws {
    let management = try record("W-HE-02")
    #expect(management.attainment.status == .notMet)
    #expect(management.isSwinging)
    #expect(management.volatility.swings.map(\.toYear) == [2024])
    #expect(management.isOffTrack)
    let projection = try #require(management.projection)
    #expect(projection < 93)
  }

  @Test func qualitativeIndicatorIsShownButNotJudged() throws {
    let system = try record("W-HE-04")
    #expect(system.attainment.status == .cannotAssess)
    #expect(system.cells[2024] == .text("已建立区、街道两级妇幼健康服务网络"))
    #expect(system.onTrack == nil)
    #expect(!system.isSwinging)
  }

  @Test func disagreeingSourcesBecomeAConflictAndAreNotJudged() throws {
    let enrolment = try record("W-ED-02")
    guard case .conflict(let values) = enrolment.cells[2024] else {
      Issue.record("2024 should be a conflict")
      return
    }
    #expect(Set(values) == [YearbookFixture.conflictEducation, YearbookFixture.conflictStatistics])
    #expect(enrolment.series[2024] == nil)
    #expect(enrolment.attainment.year == 2023)
    #expect(enrolment.cells[2022] == .missing(.notApplicable))
  }

  @Test func agreeingSourcesAreOneValueAndDisagreeingOnesAConflictEvenWithoutARecord() {
    let a = YearbookFixture.value("W-HE-01", 2024, .number(9.5), "health", row: 5)
    let b = YearbookFixture.value("W-HE-01", 2024, .number(9.5), "statistics", row: 7)
    let c = YearbookFixture.value("W-HE-01", 2024, .number(9.6), "statistics", row: 7)
    #expect(YearbookAnalysis.cell(values: [a, b], conflicting: []) == .number(9.5))
    #expect(YearbookAnalysis.cell(values: [a, c], conflicting: []) == .conflict([a, c]))
  }

  @Test func sortedValuesFollowPlanThenIndicatorThenYear() throws {
    let analysis = YearbookAnalysis(try YearbookFixture.input())
    let codes = analysis.sortedValues.map(\.indicatorCode)
    #expect(codes.first == "C-HE-01")
    #expect(codes.last == "W-ED-02")
    let infantYears = analysis.sortedValues.filter { $0.indicatorCode == "C-HE-01" }.map(\.year)
    #expect(infantYears == infantYears.sorted())
    #expect(analysis.sortedValues.count == YearbookFixture.values().count)
  }
}

@Suite struct YearbookLayoutTests {
  @Test func chartTargetLinesAreFlatForLevelsAndComputedGoalsOnly() throws {
    let analysis = YearbookAnalysis(try YearbookFixture.input())
    func levels(_ code: String) throws -> [Double] {
      ChartsSheet.targetLevels(try #require(analysis.allRecords.first { $0.indicator.code == code }))
    }
    #expect(try levels("C-HE-01") == [4.5])
    #expect(try levels("C-WE-02") == [103, 107])
    #expect(try levels("C-WE-01") == [50])
    #expect(try levels("C-HE-03") == [16])
    #expect(try levels("W-HE-03").isEmpty, "逐年提高 has no level")
    #expect(try levels("W-ED-01").isEmpty)
  }

  @Test func plansOfTheSameKindGetDistinctSheetNames() throws {
    var schema = try YearbookFixture.schema()
    var second = schema.plans[1]
    second.id = "women_b"
    schema = Schema(
      jurisdiction: schema.jurisdiction, departments: schema.departments, plans: schema.plans + [second],
      version: schema.version)
    let names = YearbookSheetNames(schema: schema, language: .zh)
    #expect(names.plans == ["儿童发展规划", "妇女发展规划 women", "妇女发展规划 women_b"])
    #expect(Set(names.ordered.map { $0.lowercased() }).count == names.ordered.count)
    #expect(names.ordered.allSatisfy { $0.count <= 31 })
  }

  @Test func sheetNamesAreCleanedAndMadeUnique() {
    var used: Set<String> = ["目录"]
    #expect(YearbookSheetNames.clean("a/b[c]:d*e?f\\g") == "a_b_c__d_e_f_g")
    #expect(YearbookSheetNames.clean("'引号'") == "引号")
    #expect(YearbookSheetNames.clean(String(repeating: "长", count: 40)).count == 31)
    #expect(YearbookSheetNames.unique("目录", used: &used) == "目录2")
    #expect(YearbookSheetNames.unique("目录", used: &used) == "目录3")
  }
}

@Suite struct YearbookLimitsTests {
  @Test func valuesFromLongAgoDoNotWidenThePlanSheetBeyondTheLimit() throws {
    var input = try YearbookFixture.input()
    input.values.append(YearbookFixture.value("W-HE-01", 1, .number(99), "health", row: 5))
    input.values.append(YearbookFixture.value("W-HE-01", 1990, .number(30), "health", row: 5))
    let analysis = YearbookAnalysis(input)
    let women = try #require(analysis.plans.first { $0.plan.id == "women" })
    #expect(women.years.count == YearbookAnalysis.maximumYearColumns)
    #expect(women.years.first == 1990 - 25)
    #expect(women.years.last == 2024)
    let book = try ReadYearbook(try YearbookScratch.write(input))
    #expect(book.rows("数据来源", column: "C", equal: "1").isEmpty, "years are numbers")
    let provenanceYears = (book.cells["数据来源"] ?? [:]).filter { $0.key.hasPrefix("C") }.compactMap {
      $0.value.numericValue
    }
    #expect(provenanceYears.contains(1))
  }
}
