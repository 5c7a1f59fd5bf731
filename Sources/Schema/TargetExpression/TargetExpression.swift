/// A parsed target expression: the small grammar of `targets[].expression` (see `Templates/README.md`).
///
/// Parse one with ``TargetExpressionParser/parse(_:)``; render it back with ``canonical`` (the form written in
/// the YAML) or ``text(unit:)`` (the form shown in templates and the yearbook).
///
/// ```swift
/// let target = try TargetExpressionParser.parse("decrease 20% from 2020")
/// target.text().zh  // "比2020年下降20%"
/// ```
public indirect enum TargetExpression: Sendable, Hashable, CustomStringConvertible {
  /// `<= 9`, `< 7`, `>= 93`, `> 0`, `= 100` (全覆盖).
  case compare(ComparisonOperator, Double)
  /// `≈ 46` (左右) or `≈ 46 ± 1`; `nil` tolerance means the default (``defaultApproximateTolerance``).
  case approximately(Double, tolerance: Double?)
  /// `103..107`: between two values, both included.
  case between(Double, Double)
  /// `eliminate` (消除): the value must be 0.
  case eliminate
  /// `increase`, `decrease` (against the baseline or the year before), or with `yearly` every year.
  case trend(ChangeDirection, yearly: Bool)
  /// `decrease 20% from 2020`, `increase 5 points from 2020`, `decrease 1 point yearly from 2020`.
  case change(ChangeDirection, amount: ChangeAmount, yearly: Bool, from: Int)
  /// `maintain` (keep the baseline level, by direction) or `maintain >= 95` (keep a level).
  case maintain(TargetExpression?)
  /// `qualitative` (定性): shown, never judged.
  case qualitative

  /// The default tolerance of `≈ x`: 2 % of |x| (documented in `Templates/README.md`).
  public static let defaultApproximateTolerance = 0.02

  /// The tolerance actually used by an `≈` target.
  public static func tolerance(of value: Double, declared: Double?) -> Double {
    declared ?? abs(value) * defaultApproximateTolerance
  }

  /// The form written in the YAML (`<= 9`, `≈ 46 ± 1`, `decrease 20% from 2020`); it parses back to `self`.
  public var canonical: String {
    switch self {
    case .compare(let op, let value): return "\(op.rawValue) \(NumberText.plain(value))"
    case .approximately(let value, let tolerance):
      if let tolerance { return "≈ \(NumberText.plain(value)) ± \(NumberText.plain(tolerance))" }
      return "≈ \(NumberText.plain(value))"
    case .between(let low, let high): return "\(NumberText.plain(low))..\(NumberText.plain(high))"
    case .eliminate: return "eliminate"
    case .trend(let direction, let yearly): return direction.rawValue + (yearly ? " yearly" : "")
    case .change(let direction, let amount, let yearly, let year):
      return "\(direction.rawValue) \(amount.canonical)\(yearly ? " yearly" : "") from \(year)"
    case .maintain(let level):
      guard let level else { return "maintain" }
      return "maintain \(level.canonical)"
    case .qualitative: return "qualitative"
    }
  }

  /// Same as ``canonical``.
  public var description: String { canonical }

  /// The target as text for templates and the yearbook, in both languages (`≤9%`, `逐年提高`, `比2020年下降20%`).
  ///
  /// - Parameter unit: when given, its suffix follows the numbers of levels (`≤9/10万`).
  public func text(unit: IndicatorUnit? = nil) -> BilingualText {
    BilingualText(zh: description(english: false, unit: unit), en: description(english: true, unit: unit))
  }

  /// The target as text in Chinese, or in English when `english` is true.
  public func description(english: Bool, unit: IndicatorUnit? = nil) -> String {
    let suffix = unit?.displaySuffix(english: english) ?? ""
    func number(_ value: Double) -> String { NumberText.plain(value) + suffix }
    switch self {
    case .compare(let op, let value):
      return english ? "\(op.symbol) \(number(value))" : "\(op.symbol)\(number(value))"
    case .approximately(let value, let tolerance):
      if let tolerance {
        let core = "\(NumberText.plain(value))±\(NumberText.plain(tolerance))\(suffix)"
        return english ? "\(NumberText.plain(value)) ± \(NumberText.plain(tolerance))\(suffix)" : core
      }
      return english ? "about \(number(value))" : "\(number(value))左右"
    case .between(let low, let high):
      return english
        ? "\(NumberText.plain(low))–\(number(high))" : "\(NumberText.plain(low))～\(number(high))"
    case .eliminate: return english ? "eliminate" : "消除"
    case .qualitative: return english ? "qualitative" : "定性"
    case .trend(let direction, let yearly):
      if english { return direction.rawValue + (yearly ? " every year" : "") }
      return (yearly ? "逐年" : "") + direction.chineseVerb
    case .change(let direction, let amount, let yearly, let year):
      if english {
        let side = direction == .increase ? "above" : "below"
        return "\(amount.english)\(yearly ? " per year" : "") \(side) \(year)"
      }
      return "比\(year)年\(yearly ? "每年" : "")\(direction.chineseVerb)\(amount.chinese)"
    case .maintain(let level):
      guard let level else { return english ? "maintain" : "保持" }
      return english
        ? "maintain \(level.description(english: true, unit: unit))"
        : "保持\(level.description(english: false, unit: unit))"
    }
  }

  /// Whether the target has no number and is never judged.
  public var isQualitative: Bool { self == .qualitative }

  /// Whether the target names a level the value can be compared with (a number, a band, eliminate).
  public var isLevel: Bool {
    switch self {
    case .compare, .approximately, .between, .eliminate: return true
    case .maintain(let level): return level != nil
    case .trend, .change, .qualitative: return false
    }
  }

  /// The direction the target implies is better, or `nil` when it implies none (`≈`, ranges, `=`).
  public var impliedDirection: Direction? {
    switch self {
    case .compare(let op, _):
      switch op {
      case .lessOrEqual, .less: return .lower
      case .greaterOrEqual, .greater: return .higher
      case .equal: return nil
      }
    case .eliminate: return .lower
    case .trend(let direction, _), .change(let direction, _, _, _):
      return direction == .increase ? .higher : .lower
    case .maintain(let level): return level?.impliedDirection
    case .approximately, .between, .qualitative: return nil
    }
  }

  /// The values the target names in the indicator's unit (for range checks): `[9]` for `<= 9`, `[103, 107]` for a
  /// band, `[0]` for eliminate; relative changes and trends name none.
  public var levelValues: [Double] {
    switch self {
    case .compare(_, let value), .approximately(let value, _): return [value]
    case .between(let low, let high): return [low, high]
    case .eliminate: return [0]
    case .maintain(let level): return level?.levelValues ?? []
    case .trend, .change, .qualitative: return []
    }
  }

  /// The year a relative change is measured from (`from 2020`), if any.
  public var referenceYear: Int? {
    if case .change(_, _, _, let year) = self { return year }
    return nil
  }
}

/// A comparison in a target (`<=`, `<`, `>=`, `>`, `=`).
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  /// `<=`: not above (控制在…以下).
  case lessOrEqual = "<="
  /// `<`: below (低于).
  case less = "<"
  /// `>=`: not below (达到…以上).
  case greaterOrEqual = ">="
  /// `>`: above (高于).
  case greater = ">"
  /// `=`: equal (全覆盖 = 100).
  case equal = "="

  /// The mathematical symbol used in text (`≤`, `<`, `≥`, `>`, `=`).
  public var symbol: String {
    switch self {
    case .lessOrEqual: return "≤"
    case .less: return "<"
    case .greaterOrEqual: return "≥"
    case .greater: return ">"
    case .equal: return "="
    }
  }

  /// Whether `value` satisfies `value <op> bound` (exactly; callers round first).
  public func holds(_ value: Double, _ bound: Double) -> Bool {
    switch self {
    case .lessOrEqual: return value <= bound
    case .less: return value < bound
    case .greaterOrEqual: return value >= bound
    case .greater: return value > bound
    case .equal: return value == bound
    }
  }
}

/// Up or down.
public enum ChangeDirection: String, Sendable, Hashable, CaseIterable {
  /// `increase` (提高).
  case increase
  /// `decrease` (下降).
  case decrease

  /// 提高 / 下降.
  public var chineseVerb: String { self == .increase ? "提高" : "下降" }
}

/// How large a relative change must be.
public enum ChangeAmount: Sendable, Hashable {
  /// A relative change in per cent of the reference value (`20%`).
  case percent(Double)
  /// An absolute change in the indicator's unit, such as percentage points (`5 points`, 5个百分点).
  case points(Double)

  /// The number of the amount.
  public var value: Double {
    switch self {
    case .percent(let value), .points(let value): return value
    }
  }

  /// `20%`, `5 points`, `1 point`.
  public var canonical: String {
    switch self {
    case .percent(let value): return "\(NumberText.plain(value))%"
    case .points(let value): return "\(NumberText.plain(value)) \(value == 1 ? "point" : "points")"
    }
  }

  var english: String { canonical }

  var chinese: String {
    switch self {
    case .percent(let value): return "\(NumberText.plain(value))%"
    case .points(let value): return "\(NumberText.plain(value))个百分点"
    }
  }
}
