/// Parses target expressions (`<= 9`, `≈ 46 ± 1`, `decrease 20% from 2020`, 逐年提高 …).
///
/// The grammar, with its Chinese aliases, is documented in `Templates/README.md`:
///
/// ```text
/// target  := "qualitative" | "eliminate" | "全覆盖" | "maintain" [level] | level | change | zh-change
/// level   := cmp number [unit] | "≈" number [unit] ["±" number] | number [unit] ("左右" | "以上" | "以下")
///          | number [unit] "±" number | number [unit] ".." number [unit]
/// change  := ("increase" | "decrease") ["yearly"]
///          | ("increase" | "decrease") amount ["yearly"] "from" year
/// zh-change := "比" year "年" ["每年"] ("提高" | "下降") amount
/// amount  := number "%" | number "points"
/// ```
public enum TargetExpressionParser {
  /// The earliest and latest year a relative change may be measured from.
  public static let referenceYearBounds = 1949...2100

  /// Parses `text`, or throws a ``TargetParseError`` with the 1-based column of the problem.
  public static func parse(_ text: String) throws(TargetParseError) -> TargetExpression {
    let tokens = try TargetLexer.tokenize(text)
    var parser = Cursor(tokens: tokens, endColumn: text.unicodeScalars.count + 1)
    guard !tokens.isEmpty else {
      throw TargetParseError(
        column: 1, code: .empty, message: BilingualText(zh: "目标表达式为空", en: "the target expression is empty"))
    }
    let expression = try parser.parseTarget()
    if let extra = parser.peek {
      throw TargetParseError(
        column: extra.column, code: .trailingText,
        message: BilingualText(zh: "多余的内容“\(extra.text)”", en: "unexpected trailing text '\(extra.text)'"))
    }
    return expression
  }

  private struct Cursor {
    var tokens: [TargetToken]
    var position = 0
    var endColumn: Int

    init(tokens: [TargetToken], endColumn: Int) {
      self.tokens = tokens
      self.endColumn = endColumn
    }

    var peek: TargetToken? { position < tokens.count ? tokens[position] : nil }

    mutating func advance() -> TargetToken? {
      defer { position += 1 }
      return peek
    }

    mutating func accept(_ kind: TargetToken.Kind) -> Bool {
      if peek?.kind == kind {
        position += 1
        return true
      }
      return false
    }

    func unexpected(_ expected: BilingualText) -> TargetParseError {
      if let token = peek {
        return TargetParseError(
          column: token.column, code: .unexpectedToken,
          message: BilingualText(
            zh: "此处应为\(expected.zh)，而不是“\(token.text)”", en: "expected \(expected.en), found '\(token.text)'"))
      }
      return TargetParseError(
        column: endColumn, code: .unexpectedEnd,
        message: BilingualText(zh: "表达式不完整，缺少\(expected.zh)", en: "incomplete expression: expected \(expected.en)"))
    }

    func invalid(_ column: Int, _ message: BilingualText) -> TargetParseError {
      TargetParseError(column: column, code: .invalidValue, message: message)
    }

    mutating func number(_ what: BilingualText = BilingualText(zh: "数字", en: "a number")) throws(TargetParseError)
      -> (value: Double, column: Int)
    {
      guard let token = peek, case .number(let value) = token.kind else { throw unexpected(what) }
      position += 1
      return (value, token.column)
    }

    mutating func year() throws(TargetParseError) -> Int {
      let (value, column) = try number(BilingualText(zh: "年份", en: "a year"))
      // Int(exactly:) first: a year beyond Int's range (`from 1e30`) is an implausible year, not a trap.
      guard let year = Int(exactly: value), referenceYearBounds.contains(year) else {
        throw invalid(
          column,
          BilingualText(zh: "年份“\(NumberText.plain(value))”不合理", en: "implausible year \(NumberText.plain(value))"))
      }
      return year
    }

    /// Skips a unit written after a level (`95%`, `7‰`): the indicator's own unit applies.
    mutating func skipUnit() {
      _ = accept(.percent) || accept(.permille)
    }

    mutating func parseTarget() throws(TargetParseError) -> TargetExpression {
      guard let token = peek else { throw unexpected(BilingualText(zh: "目标", en: "a target")) }
      switch token.kind {
      case .keyword(.qualitative):
        position += 1
        return .qualitative
      case .keyword(.eliminate):
        position += 1
        return .eliminate
      case .keyword(.fullCoverage):
        position += 1
        return .compare(.equal, 100)
      case .keyword(.maintain):
        position += 1
        if peek == nil { return .maintain(nil) }
        return .maintain(try parseLevel())
      case .keyword(.increase), .keyword(.decrease):
        return try parseChange()
      case .keyword(.comparedWith):
        return try parseChineseChange()
      default:
        return try parseLevel()
      }
    }

    mutating func parseLevel() throws(TargetParseError) -> TargetExpression {
      guard let token = peek else { throw unexpected(BilingualText(zh: "目标值", en: "a target value")) }
      switch token.kind {
      case .comparison(let op):
        position += 1
        let (value, _) = try number()
        skipUnit()
        return .compare(op, value)
      case .approximately:
        position += 1
        let (value, _) = try number()
        skipUnit()
        _ = accept(.keyword(.aboutSuffix))
        return try approximately(value)
      case .number(let value):
        position += 1
        skipUnit()
        if accept(.keyword(.aboutSuffix)) { return try approximately(value) }
        if accept(.keyword(.atLeastSuffix)) { return .compare(.greaterOrEqual, value) }
        if accept(.keyword(.atMostSuffix)) { return .compare(.lessOrEqual, value) }
        if peek?.kind == .plusMinus { return try approximately(value) }
        if accept(.rangeSeparator) {
          let (high, column) = try number()
          skipUnit()
          guard value < high else {
            throw invalid(
              column, BilingualText(zh: "区间的下限应小于上限", en: "the lower end of a range must be below the upper end"))
          }
          return .between(value, high)
        }
        throw unexpected(BilingualText(zh: "“..”“左右”“以上”或“以下”", en: "'..', '左右', '以上' or '以下'"))
      default:
        throw unexpected(
          BilingualText(zh: "比较符号（<=、>=、<、>、=、≈）或数字", en: "a comparison (<=, >=, <, >, =, ≈) or a number"))
      }
    }

    mutating func approximately(_ value: Double) throws(TargetParseError) -> TargetExpression {
      guard accept(.plusMinus) else { return .approximately(value, tolerance: nil) }
      let (tolerance, column) = try number(BilingualText(zh: "容差", en: "a tolerance"))
      skipUnit()
      guard tolerance > 0 else {
        throw invalid(column, BilingualText(zh: "容差应大于0", en: "the tolerance must be above 0"))
      }
      return .approximately(value, tolerance: tolerance)
    }

    mutating func direction() throws(TargetParseError) -> ChangeDirection {
      if accept(.keyword(.increase)) { return .increase }
      if accept(.keyword(.decrease)) { return .decrease }
      throw unexpected(BilingualText(zh: "“提高”或“下降”", en: "'increase' or 'decrease'"))
    }

    mutating func amount() throws(TargetParseError) -> ChangeAmount {
      let (value, column) = try number(BilingualText(zh: "变化幅度", en: "an amount"))
      guard value > 0 else {
        throw invalid(column, BilingualText(zh: "变化幅度应大于0", en: "the amount must be above 0"))
      }
      if accept(.percent) { return .percent(value) }
      if accept(.keyword(.points)) { return .points(value) }
      throw unexpected(BilingualText(zh: "“%”或“points”（个百分点）", en: "'%' or 'points'"))
    }

    mutating func parseChange() throws(TargetParseError) -> TargetExpression {
      let direction = try direction()
      var yearly = accept(.keyword(.yearly))
      guard let token = peek, case .number = token.kind else { return .trend(direction, yearly: yearly) }
      let amount = try amount()
      if !yearly { yearly = accept(.keyword(.yearly)) }
      guard accept(.keyword(.from)) else { throw unexpected(BilingualText(zh: "“from 年份”", en: "'from <year>'")) }
      let year = try year()
      return .change(direction, amount: amount, yearly: yearly, from: year)
    }

    mutating func parseChineseChange() throws(TargetParseError) -> TargetExpression {
      position += 1  // 比
      let year = try year()
      guard accept(.keyword(.yearSuffix)) else { throw unexpected(BilingualText(zh: "“年”", en: "'年'")) }
      let yearly = accept(.keyword(.perYear))
      let direction = try direction()
      let amount = try amount()
      return .change(direction, amount: amount, yearly: yearly, from: year)
    }
  }
}
