import Foundation

/// Judges values against targets. Pure functions; the rules are documented in `Templates/README.md` (达标判断).
///
/// ```swift
/// let target = try TargetExpressionParser.parse("<= 8")
/// AttainmentEvaluator.evaluate(target, value: 8.3, year: 2025).status  // .near (within 5 % of 8)
/// ```
public enum AttainmentEvaluator {
  /// The width of the near band (接近达标) as a fraction of the level missed: 5 %.
  public static let nearBandFraction = 0.05

  /// A relative allowance for floating-point noise in comparisons (1e-9 of the larger magnitude).
  static let comparisonEpsilon = 1e-9

  /// The inputs of a judgement besides the target and the value.
  public struct Context: Sendable, Hashable {
    /// The year being judged.
    public var year: Int
    /// Known values by year (for trends and `from <year>` references); may include `year` itself.
    public var series: [Int: Double]
    /// The plan's baseline, if any.
    public var baseline: Baseline?
    /// Which direction is better (used by `maintain` without a level).
    public var direction: Direction
    /// The indicator's decimals: values are compared at this precision. `nil` compares exactly.
    public var decimals: Int?
    /// The indicator's unit, shown after numbers in the reason (`目标≥95%`).
    public var unit: IndicatorUnit?

    /// Creates a context.
    public init(
      year: Int, series: [Int: Double] = [:], baseline: Baseline? = nil, direction: Direction = .neutral,
      decimals: Int? = nil, unit: IndicatorUnit? = nil
    ) {
      self.year = year
      self.series = series
      self.baseline = baseline
      self.direction = direction
      self.decimals = decimals
      self.unit = unit
    }
  }

  /// Judges an indicator for `year` (or, when `nil`, its latest year in `series`) against the target that applies
  /// to that year (``Indicator/target(for:)``).
  public static func evaluate(indicator: Indicator, series: [Int: Double], year: Int? = nil) -> Attainment {
    guard let judgedYear = year ?? series.keys.max() else {
      return Attainment(status: .cannotAssess, reason: BilingualText(zh: "没有数据", en: "no data"))
    }
    guard let target = indicator.target(for: judgedYear) else {
      return Attainment(
        status: .cannotAssess, reason: BilingualText(zh: "没有目标", en: "no target"), year: judgedYear,
        value: series[judgedYear])
    }
    let context = Context(
      year: judgedYear, series: series, baseline: indicator.baseline, direction: indicator.direction,
      decimals: indicator.decimals, unit: indicator.unit)
    return evaluate(target.expression, value: series[judgedYear], context: context)
  }

  /// Judges `value` for `year` against a target expression.
  public static func evaluate(
    _ target: TargetExpression, value: Double?, year: Int, series: [Int: Double] = [:], baseline: Baseline? = nil,
    direction: Direction = .neutral, decimals: Int? = nil
  ) -> Attainment {
    evaluate(
      target, value: value,
      context: Context(year: year, series: series, baseline: baseline, direction: direction, decimals: decimals))
  }

  /// Judges `value` against a target expression in a context.
  public static func evaluate(_ target: TargetExpression, value: Double?, context: Context) -> Attainment {
    if target.isQualitative {
      return Attainment(
        status: .cannotAssess, reason: BilingualText(zh: "定性目标，不判断达标", en: "qualitative target: not judged"),
        year: context.year, value: value)
    }
    guard let value, value.isFinite else {
      return Attainment(
        status: .cannotAssess,
        reason: BilingualText(zh: "\(context.year)年没有数据", en: "no value for \(context.year)"), year: context.year)
    }
    let judged = rounded(value, context.decimals)
    let verdict = judge(target, judged, context)
    var attainment = Attainment(
      status: verdict.status, reason: verdict.reason, year: context.year, value: value, goal: verdict.goal)
    if verdict.status != .cannotAssess {
      let shown = NumberText.plain(value)
      let targetText = target.text(unit: context.unit)
      attainment.reason = BilingualText(
        zh: "\(context.year)年值\(shown + (context.unit?.displaySuffix ?? ""))，目标\(targetText.zh)：\(verdict.reason.zh)",
        en:
          "\(context.year) value \(shown + (context.unit?.englishDisplaySuffix ?? "")), target \(targetText.en): \(verdict.reason.en)"
      )
    }
    return attainment
  }

  /// `value` rounded half away from zero to `decimals` places (unchanged when `nil`).
  public static func rounded(_ value: Double, _ decimals: Int?) -> Double {
    guard let decimals else { return value }
    var scale = 1.0
    for _ in 0..<max(0, min(decimals, 12)) { scale *= 10 }
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
  }

  private typealias Verdict = (status: Attainment.Status, reason: BilingualText, goal: Double?)

  private static let metText = BilingualText(zh: "达标", en: "met")
  private static let nearText = BilingualText(zh: "接近达标（差距在目标值的5%以内）", en: "near (within 5% of the target)")
  private static let notMetText = BilingualText(zh: "未达标", en: "not met")

  private static func slack(_ a: Double, _ b: Double) -> Double { comparisonEpsilon * max(1, abs(a), abs(b)) }

  private static func judge(_ target: TargetExpression, _ value: Double, _ context: Context) -> Verdict {
    switch target {
    case .qualitative:
      return (.cannotAssess, BilingualText(zh: "定性目标，不判断达标", en: "qualitative target: not judged"), nil)
    case .compare(let op, let bound):
      return (threshold(op, bound, value), reasonFor(threshold(op, bound, value)), bound)
    case .approximately(let center, let declared):
      let tolerance = TargetExpression.tolerance(of: center, declared: declared)
      let distance = abs(value - center)
      let status: Attainment.Status
      if distance <= tolerance + slack(value, center) {
        status = .met
      } else if distance <= tolerance + nearBandFraction * abs(center) + slack(value, center) {
        status = .near
      } else {
        status = .notMet
      }
      return (status, reasonFor(status), center)
    case .between(let low, let high):
      let status: Attainment.Status
      if value >= low - slack(value, low), value <= high + slack(value, high) {
        status = .met
      } else if value < low {
        status = low - value <= nearBandFraction * abs(low) + slack(value, low) ? .near : .notMet
      } else {
        status = value - high <= nearBandFraction * abs(high) + slack(value, high) ? .near : .notMet
      }
      return (status, reasonFor(status), value < low ? low : high)
    case .eliminate:
      let status: Attainment.Status = abs(value) <= slack(value, 0) ? .met : .notMet
      return (
        status,
        status == .met
          ? BilingualText(zh: "已消除", en: "eliminated") : BilingualText(zh: "尚未消除", en: "not yet eliminated"), 0
      )
    case .maintain(let level):
      if let level { return judge(level, value, context) }
      return maintainBaseline(value, context)
    case .trend(let direction, let yearly):
      return yearly ? yearlyTrend(direction, value, context) : trend(direction, value, context)
    case .change(let direction, let amount, let yearly, let from):
      guard let reference = referenceValue(year: from, context) else {
        return (
          .cannotAssess,
          BilingualText(zh: "缺少\(from)年的数值，无法计算目标", en: "no value for \(from), so the goal cannot be computed"), nil
        )
      }
      let steps = yearly ? max(Double(context.year) - Double(from), 0) : 1
      let sign = direction == .increase ? 1.0 : -1.0
      let goal: Double
      switch amount {
      case .percent(let percent):
        goal = reference * pow(1 + sign * percent / 100, steps)
      case .points(let points):
        goal = reference + sign * points * steps
      }
      let op: ComparisonOperator = direction == .increase ? .greaterOrEqual : .lessOrEqual
      let status = threshold(op, goal, value)
      let goalText = NumberText.plain(rounded(goal, (context.decimals ?? 4) + 2))
      return (
        status,
        BilingualText(
          zh: "按\(from)年值\(NumberText.plain(reference))计算目标为\(op.symbol)\(goalText)，\(reasonFor(status).zh)",
          en:
            "from the \(from) value \(NumberText.plain(reference)) the goal is \(op.symbol) \(goalText): \(reasonFor(status).en)"
        ), goal
      )
    }
  }

  private static func reasonFor(_ status: Attainment.Status) -> BilingualText {
    switch status {
    case .met: return metText
    case .near: return nearText
    case .notMet: return notMetText
    case .cannotAssess: return BilingualText(zh: "无法评估", en: "cannot assess")
    }
  }

  /// `value <op> bound`: met when it holds; near when it fails by at most 5 % of |bound|.
  static func threshold(_ op: ComparisonOperator, _ bound: Double, _ value: Double) -> Attainment.Status {
    let eps = slack(value, bound)
    let band = nearBandFraction * abs(bound) + eps
    switch op {
    case .lessOrEqual:
      if value <= bound + eps { return .met }
      return value - bound <= band ? .near : .notMet
    case .less:
      if value < bound - eps { return .met }
      return value - bound <= band ? .near : .notMet
    case .greaterOrEqual:
      if value >= bound - eps { return .met }
      return bound - value <= band ? .near : .notMet
    case .greater:
      if value > bound + eps { return .met }
      return bound - value <= band ? .near : .notMet
    case .equal:
      if abs(value - bound) <= eps { return .met }
      return abs(value - bound) <= band ? .near : .notMet
    }
  }

  /// The value of `year`: from the series, else the baseline when it is for that year.
  private static func referenceValue(year: Int, _ context: Context) -> Double? {
    if let value = context.series[year] { return rounded(value, context.decimals) }
    if let baseline = context.baseline, baseline.year == year { return rounded(baseline.value, context.decimals) }
    return nil
  }

  /// The baseline (when earlier than the judged year), else the latest earlier value of the series.
  private static func previousReference(_ context: Context) -> (year: Int, value: Double)? {
    if let baseline = context.baseline, baseline.year < context.year {
      return (baseline.year, rounded(baseline.value, context.decimals))
    }
    guard let year = context.series.keys.filter({ $0 < context.year }).max(), let value = context.series[year] else {
      return nil
    }
    return (year, rounded(value, context.decimals))
  }

  private static func trend(_ direction: ChangeDirection, _ value: Double, _ context: Context) -> Verdict {
    guard let reference = previousReference(context) else {
      return (
        .cannotAssess,
        BilingualText(zh: "没有基期值或往年数据，无法判断升降", en: "no baseline or earlier value to compare with"), nil
      )
    }
    let delta = value - reference.value
    let status: Attainment.Status
    if abs(delta) <= slack(value, reference.value) {
      status = .near
    } else {
      status = (delta > 0) == (direction == .increase) ? .met : .notMet
    }
    let verb = direction == .increase ? "高于" : "低于"
    return (
      status,
      BilingualText(
        zh:
          "与\(reference.year)年的\(NumberText.plain(reference.value))相比，应\(verb)该值：\(status == .near ? "持平，接近达标" : reasonFor(status).zh)",
        en:
          "compared with \(reference.value) in \(reference.year): \(status == .near ? "unchanged, near" : reasonFor(status).en)"
      ),
      reference.value
    )
  }

  /// 逐年: met when every step between known years goes the right way; near when the whole span does but some step
  /// does not; not met otherwise. The baseline counts as a point; series years before it are ignored.
  private static func yearlyTrend(_ direction: ChangeDirection, _ value: Double, _ context: Context) -> Verdict {
    var points: [Int: Double] = [:]
    for (year, known) in context.series where year < context.year {
      if let baseline = context.baseline, year < baseline.year { continue }
      points[year] = rounded(known, context.decimals)
    }
    if let baseline = context.baseline, baseline.year < context.year, points[baseline.year] == nil {
      points[baseline.year] = rounded(baseline.value, context.decimals)
    }
    points[context.year] = value
    let ordered = points.sorted { $0.key < $1.key }
    guard ordered.count >= 2, let first = ordered.first, let last = ordered.last else {
      return (
        .cannotAssess,
        BilingualText(zh: "至少需要两个年份的数据才能判断逐年变化", en: "needs values for at least two years"), nil
      )
    }
    func rightWay(_ from: Double, _ to: Double) -> Bool {
      let delta = to - from
      guard abs(delta) > slack(from, to) else { return false }
      return (delta > 0) == (direction == .increase)
    }
    var wrongYears: [Int] = []
    for index in 1..<ordered.count where !rightWay(ordered[index - 1].value, ordered[index].value) {
      wrongYears.append(ordered[index].key)
    }
    let verb = direction == .increase ? "提高" : "下降"
    if wrongYears.isEmpty {
      return (
        .met,
        BilingualText(
          zh: "\(first.key)—\(last.key)年逐年\(verb)，达标", en: "every year from \(first.key) to \(last.key): met"), nil
      )
    }
    let list = wrongYears.map(String.init).joined(separator: "、")
    if rightWay(first.value, last.value) {
      return (
        .near,
        BilingualText(
          zh: "\(first.key)—\(last.key)年总体\(verb)，但\(list)年未\(verb)，接近达标",
          en:
            "overall \(direction.rawValue) from \(first.key) to \(last.key), but not in \(wrongYears.map(String.init).joined(separator: ", ")): near"
        ),
        nil
      )
    }
    return (
      .notMet,
      BilingualText(
        zh: "\(list)年未\(verb)，未达标",
        en: "no \(direction.rawValue) in \(wrongYears.map(String.init).joined(separator: ", ")): not met"),
      nil
    )
  }

  /// `maintain` without a level: keep the baseline (or the earliest known) level, judged by direction.
  private static func maintainBaseline(_ value: Double, _ context: Context) -> Verdict {
    var reference: (year: Int, value: Double)?
    if let baseline = context.baseline, baseline.year < context.year {
      reference = (baseline.year, rounded(baseline.value, context.decimals))
    } else if let year = context.series.keys.filter({ $0 < context.year }).min(), let known = context.series[year] {
      reference = (year, rounded(known, context.decimals))
    }
    guard let reference else {
      return (
        .cannotAssess, BilingualText(zh: "没有基期值或往年数据，无法判断是否保持", en: "no baseline or earlier value to keep"), nil
      )
    }
    let status: Attainment.Status
    switch context.direction {
    case .higher: status = threshold(.greaterOrEqual, reference.value, value)
    case .lower: status = threshold(.lessOrEqual, reference.value, value)
    case .neutral:
      let tolerance = TargetExpression.tolerance(of: reference.value, declared: nil)
      let distance = abs(value - reference.value)
      if distance <= tolerance + slack(value, reference.value) {
        status = .met
      } else if distance <= tolerance + nearBandFraction * abs(reference.value) + slack(value, reference.value) {
        status = .near
      } else {
        status = .notMet
      }
    }
    return (
      status,
      BilingualText(
        zh: "与\(reference.year)年的\(NumberText.plain(reference.value))相比：\(reasonFor(status).zh)",
        en: "compared with \(NumberText.plain(reference.value)) in \(reference.year): \(reasonFor(status).en)"),
      reference.value
    )
  }
}
