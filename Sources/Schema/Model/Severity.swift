/// How serious a finding is, following the statistics office's own practice.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  /// 强制性审核: the return (or the schema) cannot be accepted.
  case error
  /// 核实性审核: accepted only with an explanation (情况说明).
  case warning
  /// For information only.
  case info

  /// The Chinese and English names used in messages (错误 / 警告 / 提示).
  public var label: BilingualText {
    switch self {
    case .error: return BilingualText(zh: "错误", en: "error")
    case .warning: return BilingualText(zh: "警告", en: "warning")
    case .info: return BilingualText(zh: "提示", en: "info")
    }
  }

  private var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .info: return 2
    }
  }

  /// Orders by seriousness: errors first.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
