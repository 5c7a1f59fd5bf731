/// The judgement of a value against a target: 达标, 接近达标, 未达标 or 无法评估, with the reason.
public struct Attainment: Sendable, Hashable {
  /// The judgement.
  public var status: Status
  /// Why, in Chinese and English (`2024年值7.5，目标≤8，已达标`).
  public var reason: BilingualText
  /// The year whose value was judged, if any.
  public var year: Int?
  /// The value judged (as reported), if any.
  public var value: Double?
  /// The concrete level the value was compared with (the computed goal of `decrease 20% from 2020`), if any.
  public var goal: Double?

  /// Creates an attainment.
  public init(status: Status, reason: BilingualText, year: Int? = nil, value: Double? = nil, goal: Double? = nil) {
    self.status = status
    self.reason = reason
    self.year = year
    self.value = value
    self.goal = goal
  }

  /// The four judgements.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// 达标: the target is met.
    case met
    /// 接近达标: not met, but within the near band (see ``AttainmentEvaluator/nearBandFraction``).
    case near
    /// 未达标: not met.
    case notMet = "not_met"
    /// 无法评估: no data, a qualitative target, or too few years for a trend.
    case cannotAssess = "cannot_assess"

    /// 达标 / 接近达标 / 未达标 / 无法评估 and the English names.
    public var label: BilingualText {
      switch self {
      case .met: return BilingualText(zh: "达标", en: "met")
      case .near: return BilingualText(zh: "接近达标", en: "near")
      case .notMet: return BilingualText(zh: "未达标", en: "not met")
      case .cannotAssess: return BilingualText(zh: "无法评估", en: "cannot assess")
      }
    }
  }
}
