import PropertyBased
import Schema
import Testing

@Suite struct ProjectionTests {
  @Test func aLineThroughExactPointsIsRecovered() throws {
    let line = try #require(TrendProjection.fit([2021: 10, 2022: 12, 2023: 14, 2024: 16]))
    #expect(abs(line.slope - 2) < 1e-9)
    #expect(abs(line.value(at: 2030) - 28) < 1e-9)
    #expect(line.pointCount == 4)
    #expect(line.years == 2021...2024)
  }

  @Test func fewerThanThreeYearsGiveNoTrend() {
    #expect(TrendProjection.fit([2021: 10, 2022: 12]) == nil)
    #expect(TrendProjection.onTrack(.compare(.lessOrEqual, 8), targetYear: 2030, series: [2021: 10, 2022: 9]) == nil)
  }

  @Test func projectionWarnsWhenTheTrendMissesTheTarget() {
    let falling: [Int: Double] = [2021: 12, 2022: 11, 2023: 10]
    #expect(TrendProjection.onTrack(.compare(.lessOrEqual, 8), targetYear: 2030, series: falling) == true)
    let rising: [Int: Double] = [2021: 6, 2022: 6.5, 2023: 7]
    #expect(TrendProjection.onTrack(.compare(.lessOrEqual, 8), targetYear: 2030, series: rising) == false)
    #expect(TrendProjection.onTrack(.trend(.increase, yearly: true), targetYear: 2030, series: rising) == true)
    #expect(TrendProjection.onTrack(.qualitative, targetYear: 2030, series: rising) == nil)
  }

  @Test func projectionsAreClampedToTheRange() {
    let rising: [Int: Double] = [2021: 90, 2022: 95, 2023: 99]
    #expect(
      TrendProjection.onTrack(
        .compare(.equal, 100), targetYear: 2030, series: rising, range: ValueRange(0, 100)) == true)
  }

  @Test func theFittedSlopeOfALineIsItsSlope() async {
    await propertyCheck(count: 200, input: Gen.int(in: -1000...1000), Gen.int(in: -1000...1000), Gen.int(in: 3...10)) {
      slope, intercept, count in
      var series: [Int: Double] = [:]
      for year in 2021..<(2021 + count) {
        series[year] = Double(intercept) + Double(slope) / 10 * Double(year - 2021)
      }
      let line = TrendProjection.fit(series)
      #expect(line != nil)
      if let line { #expect(abs(line.slope - Double(slope) / 10) < 1e-6) }
    }
  }
}

@Suite struct VolatilityTests {
  @Test func aDropNearOneHundredPercentIsASwing() throws {
    let percent = try #require(IndicatorUnit(symbol: "%"))
    #expect(Volatility.assess(series: [2023: 98, 2024: 95], unit: percent).isSwinging)
    #expect(!Volatility.assess(series: [2023: 30, 2024: 33], unit: percent).isSwinging)
    #expect(Volatility.assess(series: [2023: 30, 2024: 37], unit: percent).isSwinging)
    #expect(!Volatility.assess(series: [2023: 99.5, 2024: 99], unit: percent).isSwinging)
  }

  @Test func smallCountsDoNotAlarm() throws {
    let count = try #require(IndicatorUnit(symbol: "人"))
    #expect(!Volatility.assess(series: [2023: 2, 2024: 4], unit: count).isSwinging)
    #expect(Volatility.assess(series: [2023: 20, 2024: 30], unit: count).isSwinging)
  }

  @Test func qualitativeAndSingleYearsNeverSwing() throws {
    let text = try #require(IndicatorUnit(symbol: "文字"))
    #expect(!Volatility.assess(series: [2023: 1, 2024: 100], unit: text).isSwinging)
    let percent = try #require(IndicatorUnit(symbol: "%"))
    let single = Volatility.assess(series: [2024: 50], unit: percent)
    #expect(single.changes.isEmpty)
    #expect(single.largestRelativeChange == nil)
  }

  @Test func changesAreListedInYearOrder() throws {
    let percent = try #require(IndicatorUnit(symbol: "‰"))
    let report = Volatility.assess(series: [2024: 4.5, 2022: 3, 2023: 3.1], unit: percent)
    #expect(report.changes.map(\.toYear) == [2023, 2024])
    #expect(report.swings.map(\.toYear) == [2024])
    #expect(Volatility.assess(series: [2024: 4.5, 2022: 3, 2023: 3.1], unit: percent, since: 2024).changes.count == 1)
  }

  @Test func unchangedValuesNeverSwing() async throws {
    let kinds = IndicatorUnit.fixedSymbols.map(\.symbol)
    await propertyCheck(count: 200, input: Gen.int(in: 0...(kinds.count - 1)), Gen.int(in: 0...1000)) { index, v in
      guard let unit = IndicatorUnit(symbol: kinds[index]) else { return }
      #expect(!Volatility.assess(series: [2023: Double(v), 2024: Double(v)], unit: unit).isSwinging)
    }
  }
}
