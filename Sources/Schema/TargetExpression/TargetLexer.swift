/// A token of a target expression, with its 1-based column (in Unicode scalars) inside the expression.
struct TargetToken: Sendable, Hashable {
  /// What the token is.
  var kind: Kind
  /// The 1-based column of its first character.
  var column: Int
  /// The characters it was read from.
  var text: String

  enum Kind: Sendable, Hashable {
    case number(Double)
    case comparison(ComparisonOperator)
    case approximately
    case plusMinus
    case rangeSeparator
    case percent
    case permille
    case keyword(Keyword)
  }

  /// Words of the grammar; several spellings (English and Chinese) map to one keyword.
  enum Keyword: String, Sendable, Hashable {
    case increase, decrease, yearly, eliminate, qualitative, maintain, from, points
    /// 全覆盖 (= 100).
    case fullCoverage
    /// 左右 after a number (≈).
    case aboutSuffix
    /// 以上 after a number (≥).
    case atLeastSuffix
    /// 以下 after a number (≤).
    case atMostSuffix
    /// 比 … 年 (compared with a year).
    case comparedWith
    /// 年 after a year.
    case yearSuffix
    /// 每年 (per year, in a relative change).
    case perYear
  }
}

/// Splits a target expression into tokens. Full-width digits and operators are read as their ASCII forms.
enum TargetLexer {
  /// Chinese words and what they mean, longest first when matching.
  static let chineseWords: [(String, [TargetToken.Kind])] = {
    let increase: [TargetToken.Kind] = [.keyword(.increase)]
    let decrease: [TargetToken.Kind] = [.keyword(.decrease)]
    let increaseYearly: [TargetToken.Kind] = [.keyword(.increase), .keyword(.yearly)]
    let decreaseYearly: [TargetToken.Kind] = [.keyword(.decrease), .keyword(.yearly)]
    var words: [(String, [TargetToken.Kind])] = [
      ("逐年提高", increaseYearly), ("逐年提升", increaseYearly), ("逐年增加", increaseYearly),
      ("逐年上升", increaseYearly), ("逐年增长", increaseYearly), ("逐年延长", increaseYearly),
      ("逐年下降", decreaseYearly), ("逐年降低", decreaseYearly), ("逐年减少", decreaseYearly),
      ("稳步提高", increase), ("稳步提升", increase), ("持续提高", increase), ("持续提升", increase),
      ("提高", increase), ("提升", increase), ("增加", increase), ("上升", increase), ("增长", increase),
      ("延长", increase),
      ("持续下降", decrease), ("稳步下降", decrease), ("下降", decrease), ("降低", decrease), ("减少", decrease),
      ("消除", [.keyword(.eliminate)]), ("杜绝", [.keyword(.eliminate)]),
      ("定性", [.keyword(.qualitative)]),
      ("保持在", [.keyword(.maintain)]), ("保持", [.keyword(.maintain)]), ("巩固", [.keyword(.maintain)]),
      ("维持", [.keyword(.maintain)]),
      ("全覆盖", [.keyword(.fullCoverage)]),
      ("左右", [.keyword(.aboutSuffix)]), ("以上", [.keyword(.atLeastSuffix)]),
      ("以下", [.keyword(.atMostSuffix)]),
      ("不低于", [.comparison(.greaterOrEqual)]), ("不少于", [.comparison(.greaterOrEqual)]),
      ("不高于", [.comparison(.lessOrEqual)]), ("不超过", [.comparison(.lessOrEqual)]),
      ("低于", [.comparison(.less)]), ("小于", [.comparison(.less)]),
      ("高于", [.comparison(.greater)]), ("大于", [.comparison(.greater)]), ("超过", [.comparison(.greater)]),
      ("达到", [.comparison(.greaterOrEqual)]),
      ("约", [.approximately]),
      ("个百分点", [.keyword(.points)]), ("百分点", [.keyword(.points)]),
      ("每年", [.keyword(.perYear)]), ("比", [.keyword(.comparedWith)]), ("年", [.keyword(.yearSuffix)]),
      ("至", [.rangeSeparator]), ("到", [.rangeSeparator]),
      ("控制在", []), ("在", []),
    ]
    words.sort { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    return words
  }()

  /// English words and what they mean.
  static let englishWords: [String: TargetToken.Keyword] = [
    "increase": .increase, "decrease": .decrease, "yearly": .yearly, "eliminate": .eliminate,
    "qualitative": .qualitative, "maintain": .maintain, "from": .from, "points": .points, "point": .points,
    "pp": .points,
  ]

  /// Maps full-width and look-alike characters to the ones the grammar uses (one scalar for one scalar, so
  /// columns stay put).
  static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
      return Unicode.Scalar(value - 0xFEE0) ?? scalar
    }
    switch value {
    case 0xFF0E: return "."
    case 0xFF1C: return "<"
    case 0xFF1E: return ">"
    case 0xFF1D: return "="
    case 0xFF05: return "%"
    case 0xFF0D, 0x2212: return "-"
    case 0xFF0B: return "+"
    case 0x3000: return " "
    case 0x2266: return "≤"
    case 0x2267: return "≥"
    default: return scalar
    }
  }

  /// Tokenizes `text`, or throws a ``TargetParseError`` naming the column of the first character it cannot read.
  static func tokenize(_ text: String) throws(TargetParseError) -> [TargetToken] {
    let scalars = text.unicodeScalars.map(normalize)
    var tokens: [TargetToken] = []
    var index = 0
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
      index + offset < scalars.count ? scalars[index + offset] : nil
    }
    func add(_ kind: TargetToken.Kind, length: Int) {
      let piece = String(String.UnicodeScalarView(scalars[index..<index + length]))
      tokens.append(TargetToken(kind: kind, column: index + 1, text: piece))
      index += length
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.isWhitespace {
        index += 1
        continue
      }
      if isDigit(scalar) || (scalar == "-" && peek(1).map(isDigit) == true && !lastIsNumber(tokens)) {
        try readNumber(scalars, &index, &tokens)
        continue
      }
      switch scalar {
      case "<":
        if peek(1) == "=" { add(.comparison(.lessOrEqual), length: 2) } else { add(.comparison(.less), length: 1) }
        continue
      case ">":
        if peek(1) == "=" {
          add(.comparison(.greaterOrEqual), length: 2)
        } else {
          add(.comparison(.greater), length: 1)
        }
        continue
      case "≤": add(.comparison(.lessOrEqual), length: 1); continue
      case "≥": add(.comparison(.greaterOrEqual), length: 1); continue
      case "=":
        add(.comparison(.equal), length: peek(1) == "=" ? 2 : 1)
        continue
      case "≈": add(.approximately, length: 1); continue
      case "±": add(.plusMinus, length: 1); continue
      case "+":
        if peek(1) == "/" && peek(2) == "-" {
          add(.plusMinus, length: 3)
          continue
        }
      case ".":
        if peek(1) == "." {
          add(.rangeSeparator, length: 2)
          continue
        }
      case "～", "~", "—", "–": add(.rangeSeparator, length: 1); continue
      case "%": add(.percent, length: 1); continue
      case "-":
        throw TargetParseError(
          column: index + 1, code: .unexpectedCharacter,
          message: BilingualText(zh: "区间请写作“103..107”", en: "write a range as '103..107'"))
      case "‰": add(.permille, length: 1); continue
      default: break
      }
      if isLetter(scalar) {
        var end = index
        while end < scalars.count, isLetter(scalars[end]) { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
        guard let keyword = englishWords[word] else {
          throw TargetParseError(
            column: index + 1, code: .unknownWord,
            message: BilingualText(zh: "无法识别的词“\(word)”", en: "unknown word '\(word)'"))
        }
        add(.keyword(keyword), length: end - index)
        continue
      }
      if let (word, kinds) = chineseWords.first(where: { matches($0.0, scalars, at: index) }) {
        let length = word.unicodeScalars.count
        for kind in kinds {
          tokens.append(TargetToken(kind: kind, column: index + 1, text: word))
        }
        index += length
        continue
      }
      throw TargetParseError(
        column: index + 1, code: .unexpectedCharacter,
        message: BilingualText(zh: "无法识别的字符“\(scalar)”", en: "unexpected character '\(scalar)'"))
    }
    return tokens
  }

  private static func lastIsNumber(_ tokens: [TargetToken]) -> Bool {
    if case .number = tokens.last?.kind { return true }
    return false
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func matches(_ word: String, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    var position = index
    for scalar in word.unicodeScalars {
      guard position < scalars.count, scalars[position] == scalar else { return false }
      position += 1
    }
    return true
  }

  /// Reads `-12.5`, `93`, `1e-05`; thousands separators are not part of the grammar.
  private static func readNumber(
    _ scalars: [Unicode.Scalar], _ index: inout Int, _ tokens: inout [TargetToken]
  ) throws(TargetParseError) {
    let start = index
    var end = index
    if scalars[end] == "-" { end += 1 }
    while end < scalars.count, isDigit(scalars[end]) { end += 1 }
    if end + 1 < scalars.count, scalars[end] == ".", isDigit(scalars[end + 1]) {
      end += 1
      while end < scalars.count, isDigit(scalars[end]) { end += 1 }
    }
    if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
      var probe = end + 1
      if probe < scalars.count, scalars[probe] == "-" || scalars[probe] == "+" { probe += 1 }
      if probe < scalars.count, isDigit(scalars[probe]) {
        end = probe
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
      }
    }
    let text = String(String.UnicodeScalarView(scalars[start..<end]))
    guard let value = Double(text), value.isFinite else {
      throw TargetParseError(
        column: start + 1, code: .badNumber,
        message: BilingualText(zh: "无法读取数字“\(text)”", en: "cannot read the number '\(text)'"))
    }
    tokens.append(TargetToken(kind: .number(value), column: start + 1, text: text))
    index = end
  }
}
