import PropertyBased
import Schema
import Testing

@Suite struct AttainmentTests {
  private func status(
    _ text: String, _ value: Double?, year: Int = 2025, series: [Int: Double] = [:],
    baseline: Baseline? = nil, direction: Direction = .neutral, decimals: Int? = nil
  )
    throws -> Attainment.Status
  {
    let target = try TargetExpressionParser.parse(text)
    return AttainmentEvaluator.evaluate(
      target, value: value, year: year, series: series, baseline: baseline, direction: direction, decimals: decimals
    ).status
  }

  @Test func thresholdsAreMetNearOrNotMet() throws {
    #expect(try status("<= 8", 7.5) == .met)
    #expect(try status("<= 8", 8) == .met)
    #expect(try status("<= 8", 8.4) == .near)  // within 5% of 8 (0.4)
    #expect(try status("<= 8", 8.41) == .notMet)
    #expect(try status(">= 95", 94) == .near)
    #expect(try status(">= 95", 90) == .notMet)
    #expect(try status("< 7", 7) == .near)
    #expect(try status("= 100", 100) == .met)
    #expect(try status("= 100", 96) == .near)
  }

  @Test func valuesAreJudgedAtTheIndicatorsPrecision() throws {
    #expect(try status("<= 8", 8.004, decimals: 2) == .met)
    #expect(try status("<= 8", 8.004) == .near)
  }

  @Test func approximateTargetsUseTwoPercentByDefault() throws {
    #expect(try status("≈ 46", 46.9) == .met)  // tolerance 0.92
    #expect(try status("≈ 46", 47) == .near)  // within 0.92 + 2.3
    #expect(try status("≈ 46", 40) == .notMet)
    #expect(try status("≈ 46 ± 1", 47) == .met)
  }

  @Test func rangesAndElimination() throws {
    #expect(try status("103..107", 105) == .met)
    #expect(try status("103..107", 110) == .near)
    #expect(try status("103..107", 115) == .notMet)
    #expect(try status("eliminate", 0) == .met)
    #expect(try status("eliminate", 1) == .notMet)
  }

  @Test func qualitativeAndMissingCannotBeAssessed() throws {
    #expect(try status("qualitative", 5) == .cannotAssess)
    #expect(try status(">= 95", nil) == .cannotAssess)
  }

  @Test func trendsCompareWithTheBaselineOrTheYearBefore() throws {
    let baseline = Baseline(year: 2020, value: 60)
    #expect(try status("increase", 65, baseline: baseline) == .met)
    #expect(try status("increase", 60, baseline: baseline) == .near)
    #expect(try status("increase", 55, baseline: baseline) == .notMet)
    #expect(try status("decrease", 5, series: [2024: 6]) == .met)
    #expect(try status("increase", 5) == .cannotAssess)
  }

  @Test func yearlyTrendsLookAtEveryStep() throws {
    let rising: [Int: Double] = [2021: 60, 2022: 62, 2023: 63, 2024: 64]
    #expect(try status("increase yearly", 66, series: rising) == .met)
    let dip: [Int: Double] = [2021: 60, 2022: 59, 2023: 63, 2024: 64]
    #expect(try status("increase yearly", 66, series: dip) == .near)
    #expect(try status("increase yearly", 58, series: dip) == .notMet)
    #expect(try status("increase yearly", 58) == .cannotAssess)
  }

  @Test func relativeChangesComputeTheirGoal() throws {
    let baseline = Baseline(year: 2020, value: 50)
    let target = try TargetExpressionParser.parse("decrease 20% from 2020")
    let attainment = AttainmentEvaluator.evaluate(target, value: 40, year: 2030, baseline: baseline)
    #expect(attainment.status == .met)
    #expect(attainment.goal == 40)
    #expect(try status("decrease 20% from 2020", 41, baseline: baseline) == .near)
    #expect(try status("decrease 20% from 2020", 45, baseline: baseline) == .notMet)
    #expect(try status("decrease 20% from 2020", 40) == .cannotAssess)
    #expect(try status("decrease 1 point yearly from 2020", 45, year: 2025, baseline: baseline) == .met)
    #expect(try status("increase 10% from 2020", 55, series: [2020: 50]) == .met)
  }

  @Test func maintainWithoutLevelKeepsTheBaselineByDirection() throws {
    let baseline = Baseline(year: 2020, value: 90)
    #expect(try status("maintain", 91, baseline: baseline, direction: .higher) == .met)
    #expect(try status("maintain", 88, baseline: baseline, direction: .higher) == .near)
    #expect(try status("maintain", 80, baseline: baseline, direction: .higher) == .notMet)
    #expect(try status("maintain >= 95", 96) == .met)
  }

  @Test func indicatorsAreJudgedAgainstTheTargetForTheYear() throws {
    let unit = try #require(IndicatorUnit(symbol: "1/10万"))
    let indicator = Indicator(
      code: "W-HE-01", name: "孕产妇死亡率", domain: "HE", unit: unit, direction: .lower, departments: ["health"],
      targets: [
        Target(year: 2025, expression: .compare(.lessOrEqual, 9)),
        Target(year: 2030, expression: .compare(.lessOrEqual, 8)),
      ])
    let series: [Int: Double] = [2023: 8.5, 2027: 8.3]
    #expect(AttainmentEvaluator.evaluate(indicator: indicator, series: series, year: 2023).status == .met)
    #expect(AttainmentEvaluator.evaluate(indicator: indicator, series: series).status == .near)
    let reason = AttainmentEvaluator.evaluate(indicator: indicator, series: series).reason.zh
    #expect(reason == "2027年值8.3/10万，目标≤8/10万：接近达标（差距在目标值的5%以内）")
    #expect(AttainmentEvaluator.evaluate(indicator: indicator, series: [:]).status == .cannotAssess)
  }

  // MARK: properties

  private static func rank(_ status: Attainment.Status) -> Int {
    switch status {
    case .notMet: return 0
    case .near: return 1
    case .met: return 2
    case .cannotAssess: return -1
    }
  }

  @Test func atMostIsMetExactlyWhenTheValueIsNotAbove() async {
    await propertyCheck(count: 500, input: Gen.int(in: -100_000...100_000), Gen.int(in: -100_000...100_000)) { v, x in
      let value = Double(v) / 100
      let bound = Double(x) / 100
      let status = AttainmentEvaluator.evaluate(.compare(.lessOrEqual, bound), value: value, year: 2025).status
      #expect((status == .met) == (value <= bound))
    }
  }

  @Test func thresholdAttainmentIsMonotoneInTheBetterDirection() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...4), Gen.int(in: -10_000...10_000), Gen.int(in: -10_000...10_000),
      Gen.int(in: -10_000...10_000)
    ) { opIndex, x, v1, v2 in
      let op = ComparisonOperator.allCases[opIndex]
      guard op != .equal else { return }
      let bound = Double(x) / 10
      let (low, high) = (Double(min(v1, v2)) / 10, Double(max(v1, v2)) / 10)
      let lowStatus = AttainmentEvaluator.evaluate(.compare(op, bound), value: low, year: 2025).status
      let highStatus = AttainmentEvaluator.evaluate(.compare(op, bound), value: high, year: 2025).status
      if op == .greaterOrEqual || op == .greater {
        #expect(Self.rank(lowStatus) <= Self.rank(highStatus))
      } else {
        #expect(Self.rank(lowStatus) >= Self.rank(highStatus))
      }
    }
  }

  @Test func theNearBandNeverHoldsAMetValue() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...(TargetSamples.kindCount - 1)), Gen.int(in: -100_000...100_000),
      Gen.int(in: 1...10_000), Gen.int(in: -100_000...100_000)
    ) { kind, a, b, v in
      let target = TargetSamples.make(kind: kind, a: a, b: b, year: 2020)
      let value = Double(v) / 100
      let status = AttainmentEvaluator.evaluate(target, value: value, year: 2025).status
      guard status == .near else { return }
      switch target {
      case .compare(let op, let bound): #expect(!op.holds(value, bound))
      case .approximately(let center, let tolerance):
        #expect(abs(value - center) > TargetExpression.tolerance(of: center, declared: tolerance))
      case .between(let low, let high): #expect(value < low || value > high)
      default: break
      }
    }
  }

  @Test func nearIsOnlyEverWithinFivePercentOfTheBound() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...3), Gen.int(in: -10_000...10_000), Gen.int(in: -10_000...10_000)
    ) {
      opIndex, x, v in
      let op = ComparisonOperator.allCases[opIndex]
      let bound = Double(x) / 10
      let value = Double(v) / 10
      let status = AttainmentEvaluator.evaluate(.compare(op, bound), value: value, year: 2025).status
      if status == .near {
        #expect(abs(value - bound) <= AttainmentEvaluator.nearBandFraction * abs(bound) + 1e-6)
      }
    }
  }

  @Test func judgingAtAPrecisionEqualsJudgingTheRoundedValue() async {
    await propertyCheck(
      count: 300, input: Gen.int(in: -1_000_000...1_000_000), Gen.int(in: -10_000...10_000), Gen.int(in: 0...3)
    ) {
      v, x, decimals in
      let value = Double(v) / 10_000
      let target = TargetExpression.compare(.greaterOrEqual, Double(x) / 100)
      let withPrecision = AttainmentEvaluator.evaluate(target, value: value, year: 2025, decimals: decimals).status
      let rounded = AttainmentEvaluator.rounded(value, decimals)
      #expect(withPrecision == AttainmentEvaluator.evaluate(target, value: rounded, year: 2025).status)
    }
  }

  @Test func qualitativeTargetsAreNeverJudged() async {
    await propertyCheck(count: 100, input: Gen.int(in: -100_000...100_000)) { v in
      #expect(
        AttainmentEvaluator.evaluate(.qualitative, value: Double(v), year: 2025).status == .cannotAssess)
    }
  }
}
