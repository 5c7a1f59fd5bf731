/// A user-facing sentence in Simplified Chinese and English.
///
/// The schema layer sits below `NianjianCore`, so it carries its own small text type; the command line picks
/// ``zh`` or ``en`` from `--lang`.
public struct BilingualText: Sendable, Hashable, Codable {
  /// The Chinese sentence (the default language of every message).
  public var zh: String
  /// The English sentence (`--lang en`).
  public var en: String

  /// Creates a sentence from its Chinese and English forms.
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The sentence in Chinese when `english` is false, else in English.
  public func text(english: Bool) -> String { english ? en : zh }
}
