/// The language of every user-facing sentence: Simplified Chinese by default, English on request.
public enum Language: String, Sendable, CaseIterable {
  /// Simplified Chinese (the default).
  case zh
  /// English (`--lang en`).
  case en
}

/// A sentence in both languages; pick one with ``text(_:)``.
public struct LocalizedText: Sendable, Hashable {
  /// The Chinese sentence.
  public var zh: String
  /// The English sentence.
  public var en: String

  /// Creates a sentence from its Chinese and English forms.
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The sentence in `language`.
  public func text(_ language: Language) -> String {
    switch language {
    case .zh: return zh
    case .en: return en
    }
  }
}
