import Schema
import Testing

@Suite struct IndicatorAssessmentTests {
  private func indicator(_ unit: String, _ targets: [(Int, TargetExpression)], direction: Direction = .lower)
    throws -> Indicator
  {
    Indicator(
      code: "W-HE-01", name: "孕产妇死亡率", domain: "HE", unit: try #require(IndicatorUnit(symbol: unit)),
      direction: direction, departments: ["health"],
      targets: targets.map { Target(year: $0.0, expression: $0.1) })
  }

  @Test func aMetValueOnARisingTrendIsWarnedAsOffTrack() throws {
    let mmr = try indicator("1/10万", [(2030, .compare(.lessOrEqual, 8))])
    let assessment = IndicatorAssessment.assess(mmr, series: [2021: 6, 2022: 6.8, 2023: 7.4, 2024: 7.9], year: 2024)
    #expect(assessment.attainment.status == .met)
    #expect(assessment.onTrack == false)
    #expect(assessment.warnings.map(\.kind) == [.offTrack])
    #expect(assessment.warnings.first?.message.zh.hasPrefix("按2021—2024年趋势推算，2030年约为") == true)
    #expect(assessment.warnings.first?.message.zh.hasSuffix("预计难以达到目标≤8/10万") == true)
  }

  @Test func laterValuesAreIgnored() throws {
    let mmr = try indicator("1/10万", [(2030, .compare(.lessOrEqual, 8))])
    let assessment = IndicatorAssessment.assess(mmr, series: [2021: 9, 2022: 8.5, 2023: 8, 2030: 20], year: 2023)
    #expect(assessment.onTrack == true)
    #expect(assessment.trend?.years == 2021...2023)
    #expect(assessment.warnings.isEmpty)
  }

  @Test func aSwingIntoTheYearIsWarned() throws {
    let rate = try indicator("%", [(2030, .compare(.greaterOrEqual, 95))], direction: .higher)
    let assessment = IndicatorAssessment.assess(rate, series: [2022: 97, 2023: 98, 2024: 94], year: 2024)
    #expect(assessment.attainment.status == .near)
    #expect(assessment.warnings.map(\.kind).contains(.swinging))
    let swing = try #require(assessment.warnings.first { $0.kind == .swinging })
    #expect(swing.message.zh == "由2023年的98%变为2024年的94%，波动较大，请核实")
    let earlier = IndicatorAssessment.assess(rate, series: [2022: 97, 2023: 98, 2024: 94], year: 2023)
    #expect(!earlier.warnings.map(\.kind).contains(.swinging))
  }

  @Test func aTrendAgainstAYearlyTargetIsWarned() throws {
    let rate = try indicator("%", [(2030, .trend(.increase, yearly: true))], direction: .higher)
    let assessment = IndicatorAssessment.assess(rate, series: [2022: 60, 2023: 59, 2024: 58.5], year: 2024)
    #expect(assessment.attainment.status == .notMet)
    #expect(assessment.warnings.map(\.kind) == [.offTrack])
    #expect(assessment.warnings.first?.message.zh == "2022—2024年的变化趋势与目标“逐年提高”相反")
  }

  @Test func qualitativeIndicatorsGetNoWarnings() throws {
    let text = try indicator("文字", [(2030, .qualitative)], direction: .neutral)
    let assessment = IndicatorAssessment.assess(text, series: [:], year: 2024)
    #expect(assessment.attainment.status == .cannotAssess)
    #expect(assessment.onTrack == nil)
    #expect(assessment.warnings.isEmpty)
  }
}
