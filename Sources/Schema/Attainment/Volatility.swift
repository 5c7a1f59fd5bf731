/// Finds indicators that swing a lot from year to year (波动较大), with unit- and size-dependent thresholds.
///
/// A change between two consecutive known years is a swing when both hold:
/// - its absolute size is at least ``Threshold/minimumAbsolute`` (so tiny numbers do not alarm), and
/// - its relative size exceeds ``Threshold/relative``. The relative size is |Δ| divided by the earlier value;
///   for bounded shares (`%`, `‰`) it is divided by the distance of the earlier value from the nearer bound
///   (min(v, 100 − v) for `%`), so a drop from 98 % to 95 % counts as large.
///
/// The thresholds per unit kind are listed in `Templates/README.md` (波动较大).
public enum Volatility {
  /// The thresholds of one unit kind.
  public struct Threshold: Sendable, Hashable {
    /// The relative change above which a change is a swing.
    public var relative: Double
    /// The absolute change (in the unit) below which a change is never a swing.
    public var minimumAbsolute: Double
  }

  /// The thresholds for a unit kind; `nil` for qualitative indicators.
  public static func threshold(for kind: IndicatorUnit.Kind) -> Threshold? {
    switch kind {
    case .percent: return Threshold(relative: 0.2, minimumAbsolute: 2)
    case .permille: return Threshold(relative: 0.3, minimumAbsolute: 0.5)
    case .perHundredThousand: return Threshold(relative: 0.3, minimumAbsolute: 3)
    case .years: return Threshold(relative: 0.02, minimumAbsolute: 1)
    case .count: return Threshold(relative: 0.3, minimumAbsolute: 5)
    case .index: return Threshold(relative: 0.03, minimumAbsolute: 2)
    case .amount, .perThousand, .perTenThousand, .ratio, .multiple:
      return Threshold(relative: 0.3, minimumAbsolute: 0)
    case .qualitative: return nil
    }
  }

  /// The change between two consecutive known years.
  public struct Change: Sendable, Hashable {
    /// The earlier year.
    public var fromYear: Int
    /// The later year.
    public var toYear: Int
    /// The earlier value.
    public var from: Double
    /// The later value.
    public var to: Double
    /// The relative size as defined above (infinite when the base is 0 and the value changed).
    public var relative: Double
    /// Whether the change is a swing.
    public var isSwing: Bool

    /// `to − from`.
    public var absolute: Double { to - from }
  }

  /// The year-on-year changes of a series and which of them swing.
  public struct Report: Sendable, Hashable {
    /// Every change between consecutive known years, in year order.
    public var changes: [Change]

    /// The changes that swing.
    public var swings: [Change] { changes.filter(\.isSwing) }
    /// Whether any change swings (波动较大).
    public var isSwinging: Bool { changes.contains(where: \.isSwing) }
    /// The largest relative change (the volatility measure), or `nil` with fewer than two years.
    public var largestRelativeChange: Double? { changes.map(\.relative).max() }
  }

  /// Assesses a series in a unit. With `since`, only changes ending in or after that year are kept.
  public static func assess(series: [Int: Double], unit: IndicatorUnit, since: Int? = nil) -> Report {
    guard let threshold = threshold(for: unit.kind) else { return Report(changes: []) }
    let points = series.filter { $0.value.isFinite }.sorted { $0.key < $1.key }
    var changes: [Change] = []
    for index in points.indices.dropFirst() {
      let previous = points[index - 1]
      let current = points[index]
      if let since, current.key < since { continue }
      let delta = abs(current.value - previous.value)
      let base: Double
      switch unit.kind {
      case .percent: base = min(abs(previous.value), abs(100 - previous.value))
      case .permille: base = min(abs(previous.value), abs(1000 - previous.value))
      default: base = abs(previous.value)
      }
      let relative = base > 0 ? delta / base : (delta > 0 ? .infinity : 0)
      let isSwing = delta >= threshold.minimumAbsolute && delta > 0 && relative > threshold.relative
      changes.append(
        Change(
          fromYear: previous.key, toYear: current.key, from: previous.value, to: current.value, relative: relative,
          isSwing: isSwing))
    }
    return Report(changes: changes)
  }
}
