/// A straight line fitted to yearly values by least squares.
public struct LinearTrend: Sendable, Hashable {
  /// The change per year.
  public var slope: Double
  /// The value the line gives at year 0 (use ``value(at:)``).
  public var intercept: Double
  /// How many years the line was fitted to.
  public var pointCount: Int
  /// The first and last year fitted.
  public var years: ClosedRange<Int>

  /// The line's value at `year`.
  public func value(at year: Int) -> Double { intercept + slope * Double(year) }
}

/// Projects a series to the target year to warn early about targets unlikely to be met (预计达标困难).
///
/// Pure functions; the rules are documented in `Templates/README.md` (预警).
public enum TrendProjection {
  /// The fewest years a trend is fitted to.
  public static let minimumPoints = 3

  /// Fits a least-squares line to the series, or `nil` with fewer than ``minimumPoints`` years.
  public static func fit(_ series: [Int: Double]) -> LinearTrend? {
    let points = series.filter { $0.value.isFinite }.sorted { $0.key < $1.key }
    guard points.count >= minimumPoints, let first = points.first?.key, let last = points.last?.key else {
      return nil
    }
    // Centre the years so that large year numbers do not cost precision.
    let meanYear = points.map { Double($0.key) }.reduce(0, +) / Double(points.count)
    let meanValue = points.map(\.value).reduce(0, +) / Double(points.count)
    var covariance = 0.0
    var variance = 0.0
    for point in points {
      let dx = Double(point.key) - meanYear
      covariance += dx * (point.value - meanValue)
      variance += dx * dx
    }
    guard variance > 0 else { return nil }
    let slope = covariance / variance
    return LinearTrend(
      slope: slope, intercept: meanValue - slope * meanYear, pointCount: points.count, years: first...last)
  }

  /// Whether the indicator is on track to meet `target` by its year: `true`, `false` (预计达标困难), or `nil` when
  /// it cannot be told (a qualitative target, fewer than ``minimumPoints`` years).
  ///
  /// - A level or relative-change target: the fitted line at the target year (clamped to the indicator's range)
  ///   is judged like a value; on track when that judgement is 达标. When the series already has the target year,
  ///   its actual value is judged instead.
  /// - `increase` / `decrease` (yearly or not): on track when the slope has the right sign.
  /// - `maintain` without a level: the projected value is judged against the baseline.
  public static func onTrack(indicator: Indicator, target: Target, series: [Int: Double]) -> Bool? {
    onTrack(
      target.expression, targetYear: target.year, series: series, baseline: indicator.baseline,
      direction: indicator.direction, decimals: indicator.decimals, range: indicator.range)
  }

  /// ``onTrack(indicator:target:series:)`` with the indicator's parts given one by one.
  public static func onTrack(
    _ expression: TargetExpression, targetYear: Int, series: [Int: Double], baseline: Baseline? = nil,
    direction: Direction = .neutral, decimals: Int? = nil, range: ValueRange = .unbounded
  ) -> Bool? {
    if expression.isQualitative { return nil }
    let context = AttainmentEvaluator.Context(
      year: targetYear, series: series, baseline: baseline, direction: direction, decimals: decimals)
    if let actual = series[targetYear] {
      let status = AttainmentEvaluator.evaluate(expression, value: actual, context: context).status
      return status == .cannotAssess ? nil : status == .met
    }
    guard let line = fit(series) else { return nil }
    if case .trend(let change, _) = expression {
      return change == .increase ? line.slope > 0 : line.slope < 0
    }
    var projected = line.value(at: targetYear)
    if let low = range.lowerBound { projected = max(projected, low) }
    if let high = range.upperBound { projected = min(projected, high) }
    let status = AttainmentEvaluator.evaluate(expression, value: projected, context: context).status
    return status == .cannotAssess ? nil : status == .met
  }
}
