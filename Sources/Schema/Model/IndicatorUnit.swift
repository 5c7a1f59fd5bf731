import Foundation

/// The unit an indicator is reported in, as written in the YAML (`%`, `1/10万`, `人` …), with its kind.
///
/// Only the units listed in `Templates/README.md` are accepted; ``init(symbol:)`` returns `nil` for any other.
/// (Not called `Unit`: Foundation has a `Unit` class, and the two would clash in every file importing both.)
public struct IndicatorUnit: Sendable, Hashable {
  /// The unit as written (`%`, `张/千人`).
  public var symbol: String
  /// What kind of quantity it measures.
  public var kind: Kind

  /// Recognises a unit symbol, or returns `nil` for an unknown one.
  ///
  /// ```swift
  /// IndicatorUnit(symbol: "1/10万")?.kind  // .perHundredThousand
  /// IndicatorUnit(symbol: "张/千人")?.kind  // .perThousand
  /// ```
  public init?(symbol: String) {
    let trimmed = symbol.trimmingCharacters(in: .whitespaces)
    guard let kind = IndicatorUnit.kind(of: trimmed) else { return nil }
    self.symbol = trimmed
    self.kind = kind
  }

  /// The units people write that have a fixed symbol, with their kind.
  public static let fixedSymbols: [(symbol: String, kind: Kind)] = [
    ("%", .percent), ("‰", .permille), ("1/10万", .perHundredThousand),
    ("岁", .years), ("年", .years),
    ("人", .count), ("人次", .count), ("个", .count), ("所", .count), ("家", .count), ("张", .count),
    ("次", .count), ("件", .count), ("户", .count), ("名", .count), ("项", .count), ("处", .count),
    ("元", .amount), ("万元", .amount), ("亿元", .amount), ("小时", .amount), ("天", .amount),
    ("平方米", .amount),
    ("1:N", .ratio), ("倍", .multiple), ("比值", .index), ("文字", .qualitative),
  ]

  private static func kind(of symbol: String) -> Kind? {
    if let fixed = fixedSymbols.first(where: { $0.symbol == symbol }) { return fixed.kind }
    if symbol.count > 3, symbol.hasSuffix("/千人") { return .perThousand }
    if symbol.count > 3, symbol.hasSuffix("/万人") { return .perTenThousand }
    return nil
  }

  /// Whether values must be whole numbers (counts of people, schools …).
  public var isInteger: Bool { kind == .count }

  /// Whether the unit has no number (`文字`).
  public var isQualitative: Bool { kind == .qualitative }

  /// The range used when the YAML gives none.
  public var defaultRange: ValueRange {
    switch kind {
    case .percent: return ValueRange(0, 100)
    case .permille: return ValueRange(0, 1000)
    case .perHundredThousand: return ValueRange(0, 100_000)
    case .years: return ValueRange(0, 150)
    case .index: return ValueRange(0, 1000)
    case .qualitative: return .unbounded
    case .count, .amount, .perThousand, .perTenThousand, .ratio, .multiple: return ValueRange(0, nil)
    }
  }

  /// The decimal places used when the YAML gives none: 0 for counts and text, 2 otherwise.
  public var defaultDecimals: Int {
    switch kind {
    case .count, .qualitative: return 0
    default: return 2
    }
  }

  /// The suffix shown after a number in text (`%`, `‰`, `/10万`, `岁`); empty for `1:N`, `比值` and `文字`.
  public var displaySuffix: String {
    switch kind {
    case .perHundredThousand: return "/10万"
    case .ratio, .index, .qualitative: return ""
    default: return symbol
    }
  }

  /// The suffix shown after a number in English text: ``displaySuffix`` with `/10万` written `/100,000`.
  public var englishDisplaySuffix: String {
    kind == .perHundredThousand ? "/100,000" : displaySuffix
  }

  /// ``englishDisplaySuffix`` when `english`, else ``displaySuffix``.
  public func displaySuffix(english: Bool) -> String { english ? englishDisplaySuffix : displaySuffix }

  /// The kind of quantity a unit measures.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Per cent (93.5 means 93.5 %).
    case percent
    /// Per mille (‰).
    case permille
    /// Per 100 000 (1/10万).
    case perHundredThousand
    /// An age or a number of years (岁, 年).
    case years
    /// A whole-number count (人, 个, 所 …).
    case count
    /// An amount of money, time or area (元, 小时, 平方米 …).
    case amount
    /// So many per thousand people (张/千人).
    case perThousand
    /// So many per ten thousand people (人/万人).
    case perTenThousand
    /// A ratio 1:N where only N is reported (师生比).
    case ratio
    /// A multiple (倍).
    case multiple
    /// An index relative to 100 women (出生人口性别比).
    case index
    /// No number: a qualitative goal (文字).
    case qualitative
  }
}
