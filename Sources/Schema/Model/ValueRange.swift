/// The plausible range of an indicator's values; either end may be open.
public struct ValueRange: Sendable, Hashable {
  /// The smallest plausible value, or `nil` for no lower bound.
  public var lowerBound: Double?
  /// The largest plausible value, or `nil` for no upper bound.
  public var upperBound: Double?

  /// Creates a range.
  public init(_ lowerBound: Double?, _ upperBound: Double?) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  /// Every value (no bounds).
  public static let unbounded = ValueRange(nil, nil)

  /// Whether `value` lies inside the range (ends included).
  public func contains(_ value: Double) -> Bool {
    if let lowerBound, value < lowerBound { return false }
    if let upperBound, value > upperBound { return false }
    return true
  }

  /// `[0, 100]`, `[0, ∞)` … for messages.
  public var text: String {
    let low = lowerBound.map(NumberText.plain) ?? "-∞"
    let high = upperBound.map(NumberText.plain) ?? "+∞"
    return "[\(low), \(high)]"
  }
}
