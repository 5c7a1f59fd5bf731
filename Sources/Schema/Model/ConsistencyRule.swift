/// A consistency rule between indicators (女 ≤ 合计, parts sum to the total, numerator ≤ denominator).
public struct ConsistencyRule: Sendable, Hashable, Identifiable {
  /// The rule id, unique in the jurisdiction (`W-R-01`).
  public var id: String
  /// What the rule checks.
  public var kind: Kind
  /// How serious a violation is.
  public var severity: Severity
  /// The rule in words (农村孕产妇死亡人数不应大于合计).
  public var description: String

  /// Creates a rule.
  public init(id: String, kind: Kind, severity: Severity, description: String) {
    self.id = id
    self.kind = kind
    self.severity = severity
    self.description = description
  }

  /// Every indicator code the rule refers to, in the order written.
  public var codes: [String] {
    switch kind {
    case .notGreater(let left, let right): return [left, right]
    case .sum(let parts, let total, _): return parts + [total]
    case .ratioLessOrEqual(let numerator, let denominator): return [numerator, denominator]
    }
  }

  /// The allowed difference of a `sum` rule (0 for the other kinds).
  public var tolerance: Double {
    if case .sum(_, _, let tolerance) = kind { return tolerance }
    return 0
  }

  /// Whether the values (by code) satisfy the rule; `nil` when a value is missing.
  public func isSatisfied(by values: [String: Double]) -> Bool? {
    switch kind {
    case .notGreater(let left, let right), .ratioLessOrEqual(let left, let right):
      guard let l = values[left], let r = values[right] else { return nil }
      return l <= r + Self.comparisonSlack(l, r)
    case .sum(let parts, let total, let tolerance):
      guard let t = values[total] else { return nil }
      var sum = 0.0
      for part in parts {
        guard let value = values[part] else { return nil }
        sum += value
      }
      return abs(sum - t) <= tolerance + Self.comparisonSlack(sum, t)
    }
  }

  /// A floating-point allowance so that 0.1 + 0.2 = 0.3 holds.
  private static func comparisonSlack(_ a: Double, _ b: Double) -> Double {
    1e-9 * max(1, abs(a), abs(b))
  }

  /// The kinds of rule (`rules[].kind` in the YAML).
  public enum Kind: Sendable, Hashable {
    /// `not_greater`: left ≤ right.
    case notGreater(left: String, right: String)
    /// `sum`: the parts add up to the total, within `tolerance`.
    case sum(parts: [String], total: String, tolerance: Double)
    /// `ratio_le`: numerator ≤ denominator.
    case ratioLessOrEqual(numerator: String, denominator: String)

    /// The name used in the YAML (`not_greater`, `sum`, `ratio_le`).
    public var name: String {
      switch self {
      case .notGreater: return "not_greater"
      case .sum: return "sum"
      case .ratioLessOrEqual: return "ratio_le"
      }
    }
  }
}
