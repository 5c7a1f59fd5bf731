/// Everything the yearbook says about one indicator in one year: attainment, projection and warnings.
///
/// ```swift
/// let assessment = IndicatorAssessment.assess(indicator, series: [2021: 6, 2022: 6.8, 2023: 7.4, 2024: 7.9], year: 2024)
/// assessment.attainment.status          // .met (7.9 ≤ 8)
/// assessment.warnings.map(\.kind)       // [.offTrack]: the trend passes 8 before 2030
/// ```
public struct IndicatorAssessment: Sendable, Hashable {
  /// The indicator's code.
  public var code: String
  /// The year assessed.
  public var year: Int
  /// The target that applies to the year (``Indicator/target(for:)``), if any.
  public var target: Target?
  /// The judgement of the year's value.
  public var attainment: Attainment
  /// The least-squares line over the years up to ``year``, if there are enough of them.
  public var trend: LinearTrend?
  /// Whether the trend reaches the target by its year (`nil`: cannot tell).
  public var onTrack: Bool?
  /// The year-on-year changes up to ``year``.
  public var volatility: Volatility.Report
  /// The early warnings (预警) for the year, in a fixed order: off track, then swinging.
  public var warnings: [EarlyWarning]

  /// Assesses `indicator` for `year` from its known values. Values after `year` are ignored.
  public static func assess(_ indicator: Indicator, series: [Int: Double], year: Int) -> IndicatorAssessment {
    let known = series.filter { $0.key <= year }
    let target = indicator.target(for: year)
    let attainment = AttainmentEvaluator.evaluate(indicator: indicator, series: known, year: year)
    let trend = TrendProjection.fit(known)
    let onTrack = target.flatMap { TrendProjection.onTrack(indicator: indicator, target: $0, series: known) }
    let volatility = Volatility.assess(series: known, unit: indicator.unit)
    var warnings: [EarlyWarning] = []
    if let target, onTrack == false {
      warnings.append(offTrackWarning(indicator, target: target, trend: trend, known: known))
    }
    if let swing = volatility.changes.last, swing.toYear == year, swing.isSwing {
      warnings.append(swingWarning(indicator, swing))
    }
    return IndicatorAssessment(
      code: indicator.code, year: year, target: target, attainment: attainment, trend: trend, onTrack: onTrack,
      volatility: volatility, warnings: warnings)
  }

  private static func offTrackWarning(
    _ indicator: Indicator, target: Target, trend: LinearTrend?, known: [Int: Double]
  ) -> EarlyWarning {
    let goal = target.expression.text(unit: indicator.unit)
    let unit = indicator.unit
    if let actual = known[target.year] {
      let shown = NumberText.plain(actual)
      return EarlyWarning(
        kind: .offTrack,
        message: BilingualText(
          zh: "\(target.year)年值\(shown + unit.displaySuffix)，未达到目标\(goal.zh)",
          en: "\(target.year) value \(shown + unit.englishDisplaySuffix) misses the target \(goal.en)"
        ))
    }
    guard let trend else {
      return EarlyWarning(
        kind: .offTrack,
        message: BilingualText(zh: "预计难以达到目标\(goal.zh)", en: "unlikely to meet the target \(goal.en)"))
    }
    let span = "\(trend.years.lowerBound)—\(trend.years.upperBound)"
    if case .trend = target.expression {
      return EarlyWarning(
        kind: .offTrack,
        message: BilingualText(
          zh: "\(span)年的变化趋势与目标“\(goal.zh)”相反", en: "the \(span) trend runs against the target '\(goal.en)'"))
    }
    let projected = AttainmentEvaluator.rounded(trend.value(at: target.year), indicator.decimals)
    let shown = NumberText.plain(projected)
    return EarlyWarning(
      kind: .offTrack,
      message: BilingualText(
        zh: "按\(span)年趋势推算，\(target.year)年约为\(shown + unit.displaySuffix)，预计难以达到目标\(goal.zh)",
        en:
          "on the \(span) trend, \(target.year) would be about \(shown + unit.englishDisplaySuffix): unlikely to meet the target \(goal.en)"
      ))
  }

  private static func swingWarning(_ indicator: Indicator, _ change: Volatility.Change) -> EarlyWarning {
    let unit = indicator.unit
    let from = NumberText.plain(change.from)
    let to = NumberText.plain(change.to)
    return EarlyWarning(
      kind: .swinging,
      message: BilingualText(
        zh:
          "由\(change.fromYear)年的\(from + unit.displaySuffix)变为\(change.toYear)年的\(to + unit.displaySuffix)，波动较大，请核实",
        en:
          "changed from \(from + unit.englishDisplaySuffix) in \(change.fromYear) to \(to + unit.englishDisplaySuffix) in \(change.toYear): a large swing, please verify"
      ))
  }
}

/// An early warning about an indicator (对预计达标困难、波动较大的监测指标及时预警).
public struct EarlyWarning: Sendable, Hashable {
  /// What the warning is about.
  public var kind: Kind
  /// The warning in Chinese and English.
  public var message: BilingualText

  /// Creates a warning.
  public init(kind: Kind, message: BilingualText) {
    self.kind = kind
    self.message = message
  }

  /// The kinds of early warning.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// 预计达标困难: the trend does not reach the target by its year.
    case offTrack = "off_track"
    /// 波动较大: the latest year-on-year change is a swing.
    case swinging

    /// 预计达标困难 / 波动较大 and the English names.
    public var label: BilingualText {
      switch self {
      case .offTrack: return BilingualText(zh: "预计达标困难", en: "unlikely to meet the target")
      case .swinging: return BilingualText(zh: "波动较大", en: "large swing")
      }
    }
  }
}
