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
