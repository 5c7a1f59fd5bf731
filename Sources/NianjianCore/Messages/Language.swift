import Schema

/// The language of every user-facing sentence: Simplified Chinese by default, English on request.
public enum Language: String, Sendable, CaseIterable {
  /// Simplified Chinese (the default).
  case zh
  /// English (`--lang en`).
  case en

  /// Whether this is English (the form `BilingualText.text(english:)` takes).
  public var isEnglish: Bool { self == .en }
}

extension BilingualText {
  /// The sentence in `language`.
  public func text(_ language: Language) -> String { text(english: language.isEnglish) }
}
