import Schema
import XLSXReader

/// One way a typed value was tidied up to read it as a number; each becomes an info finding.
public enum Coercion: String, Sendable, Hashable, CaseIterable {
  /// A number stored as text (`'93.5`, or typed into a text-formatted cell).
  case textNumber = "coerce.text_number"
  /// Full-width digits or punctuation (９３．５).
  case fullWidth = "coerce.full_width"
  /// Thousands separators (`12,345`).
  case thousandsSeparator = "coerce.thousands_separator"
  /// A trailing unit matching the indicator's unit (`93.5%`, `12人`, `5.2‰`).
  case unitSuffix = "coerce.unit_suffix"
  /// A percentage stored as a fraction in a %-formatted cell (0.935 shown as 93.5%).
  case percentFormat = "coerce.percent_format"
  /// Spaces around the value.
  case whitespace = "coerce.whitespace"
}

/// Why a cell could not be read as a value of its indicator.
public enum CellProblem: Sendable, Hashable {
  /// Text that is not a number, in a numeric indicator.
  case notANumber
  /// A number followed by a unit that is not the indicator's (`5.2‰` for a `%` indicator).
  case unitMismatch(suffix: String)
  /// A formula without a cached value: not calculated.
  case uncalculated(formula: String?)
  /// A formula error value (`#DIV/0!`).
  case formulaError(String)
  /// A date where a number belongs (Excel turns `3.5` into 3月5日 in a General cell).
  case date(String)
  /// TRUE/FALSE where a number belongs.
  case boolean
}

/// What one input cell says, read with the indicator's unit in mind.
public struct InterpretedCell: Sendable, Hashable {
  /// The value, or `nil` when ``problem`` says why there is none.
  public var quantity: ReportedQuantity?
  /// The cell's content exactly as stored (the `<v>` text or the string), before any coercion.
  public var rawText: String
  /// The coercions applied, in the order applied.
  public var coercions: [Coercion]
  /// Why the cell could not be read, if it could not.
  public var problem: CellProblem?
  /// The exact decimal number read, for numeric values (for decimal-place checks).
  public var decimal: DecimalNumber?
  /// Whether the cell shows a percentage although the indicator's unit is not `%` (the stored number is kept).
  public var hasForeignPercentFormat: Bool = false
  /// For a number cell, the stored number in its shortest exact form (`99.9` where the file stores
  /// `99.90000000000001`, the same double): what the department sees in Excel, used in messages.
  public var numberText: String?

  /// The value as a person typed or sees it: the shortest form of a stored number, else the raw text.
  public var shownText: String { numberText ?? rawText }
}

/// Reads what people really type into an input cell: numbers stored as text, full-width digits, thousands
/// separators, trailing units, %-formatted fractions, surrounding spaces, and the declared missing values of
/// ``FormLayout`` (—, 不适用 …), which are kept apart from 0 and from a blank.
///
/// Numbers are parsed from their text with decimal semantics (``DecimalNumber``); nothing is rounded.
public enum CellInterpreter {
  /// Interprets `cell` (or a blank when `nil`) as a value of an indicator in `unit`.
  public static func interpret(_ cell: Cell?, unit: IndicatorUnit) -> InterpretedCell {
    guard let cell else {
      return InterpretedCell(quantity: .missing(.blank), rawText: "", coercions: [], problem: nil, decimal: nil)
    }
    switch cell.value {
    case .number(let number):
      let raw = cell.rawValue ?? number.description
      guard var decimal = DecimalNumber(number) else {
        return InterpretedCell(quantity: nil, rawText: raw, coercions: [], problem: .notANumber, decimal: nil)
      }
      var coercions: [Coercion] = []
      let percentFormat = isPercentFormat(cell)
      if unit.kind == .percent, percentFormat {
        decimal = decimal.shifted(by: 2)
        coercions.append(.percentFormat)
      }
      if unit.isQualitative {
        return InterpretedCell(quantity: .text(raw), rawText: raw, coercions: [], problem: nil, decimal: nil)
      }
      return InterpretedCell(
        quantity: .number(decimal.doubleValue), rawText: raw, coercions: coercions, problem: nil, decimal: decimal,
        hasForeignPercentFormat: percentFormat && unit.kind != .percent, numberText: NumberText.plain(number))
    case .string(let text):
      return interpret(text: text, unit: unit)
    case .uncalculated:
      let raw = cell.formula.map { "=" + $0 } ?? ""
      return InterpretedCell(
        quantity: nil, rawText: raw, coercions: [], problem: .uncalculated(formula: cell.formula), decimal: nil)
    case .error(let text):
      return InterpretedCell(quantity: nil, rawText: text, coercions: [], problem: .formulaError(text), decimal: nil)
    case .date(let date):
      let raw = cell.rawValue ?? date.iso8601
      if unit.isQualitative {
        return InterpretedCell(quantity: .text(date.iso8601), rawText: raw, coercions: [], problem: nil, decimal: nil)
      }
      return InterpretedCell(quantity: nil, rawText: raw, coercions: [], problem: .date(date.iso8601), decimal: nil)
    case .bool(let flag):
      let raw = cell.rawValue ?? (flag ? "1" : "0")
      if unit.isQualitative {
        return InterpretedCell(
          quantity: .text(flag ? "TRUE" : "FALSE"), rawText: raw, coercions: [], problem: nil, decimal: nil)
      }
      return InterpretedCell(quantity: nil, rawText: raw, coercions: [], problem: .boolean, decimal: nil)
    }
  }

  /// Interprets typed text as a value of an indicator in `unit`.
  public static func interpret(text: String, unit: IndicatorUnit) -> InterpretedCell {
    let trimmed = trimSpaces(text)
    if trimmed.isEmpty {
      return InterpretedCell(quantity: .missing(.blank), rawText: text, coercions: [], problem: nil, decimal: nil)
    }
    if let reason = missingReason(trimmed) {
      return InterpretedCell(quantity: .missing(reason), rawText: text, coercions: [], problem: nil, decimal: nil)
    }
    if unit.isQualitative {
      return InterpretedCell(quantity: .text(trimmed), rawText: text, coercions: [], problem: nil, decimal: nil)
    }
    var coercions: [Coercion] = [.textNumber]
    if trimmed != text { coercions.append(.whitespace) }
    let halfWidth = toHalfWidth(trimmed)
    if halfWidth != trimmed { coercions.append(.fullWidth) }
    var body = trimSpaces(halfWidth)
    // A trailing unit: whatever follows the number (sign, digits, grouping commas, one point).
    var numberEnd = body.startIndex
    for index in body.indices {
      let character = body[index]
      let isSign = (character == "-" || character == "+") && index == body.startIndex
      guard character.isASCIIDigit || character == "." || character == "," || isSign else { break }
      numberEnd = body.index(after: index)
    }
    let suffix = trimSpaces(String(body[numberEnd...]))
    body = String(body[..<numberEnd])
    if body.contains(",") {
      guard let plain = removeThousandsSeparators(body) else {
        return failed(text, coercions, .notANumber)
      }
      body = plain
      coercions.append(.thousandsSeparator)
    }
    guard let decimal = DecimalNumber(body) else { return failed(text, coercions, .notANumber) }
    if !suffix.isEmpty {
      if acceptedSuffixes(for: unit).contains(suffix) {
        coercions.append(.unitSuffix)
      } else if knownUnitSuffixes.contains(suffix) || IndicatorUnit(symbol: suffix) != nil {
        return failed(text, coercions, .unitMismatch(suffix: suffix))
      } else {
        return failed(text, coercions, .notANumber)
      }
    }
    return InterpretedCell(
      quantity: .number(decimal.doubleValue), rawText: text, coercions: coercions, problem: nil, decimal: decimal)
  }

  /// The declared missing value a text stands for, if any (``FormLayout/noDataMarkers`` and
  /// ``FormLayout/notApplicableMarkers``).
  public static func missingReason(_ text: String) -> MissingReason? {
    let trimmed = trimSpaces(text)
    for candidate in [trimmed, toHalfWidth(trimmed)] {
      if FormLayout.noDataMarkers.contains(candidate) { return .noData }
      if FormLayout.notApplicableMarkers.contains(candidate) { return .notApplicable }
    }
    return nil
  }

  /// Whether the cell's number format shows a percentage.
  static func isPercentFormat(_ cell: Cell) -> Bool {
    if cell.style?.isPercent == true { return true }
    return cell.numberFormat?.contains("%") == true
  }

  private static func failed(_ raw: String, _ coercions: [Coercion], _ problem: CellProblem) -> InterpretedCell {
    InterpretedCell(quantity: nil, rawText: raw, coercions: [], problem: problem, decimal: nil)
  }

  /// Units people append that are recognised as units (so a mismatch is reported as such, not as text).
  static let knownUnitSuffixes: Set<String> = ["%", "‰", "/10万", "1/10万", "/十万", "岁", "年", "人", "人次", "个", "元", "万元"]

  /// The suffixes that match `unit`.
  static func acceptedSuffixes(for unit: IndicatorUnit) -> Set<String> {
    var suffixes: Set<String> = [unit.symbol, unit.displaySuffix]
    if unit.kind == .perHundredThousand { suffixes.formUnion(["/10万", "1/10万", "/十万", "/100000"]) }
    suffixes.remove("")
    return suffixes
  }

  /// Removes spaces (ASCII, no-break, ideographic) and line breaks at both ends.
  static func trimSpaces(_ text: String) -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{00A0}" }
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// Full-width digits and punctuation to ASCII (９３．５ → 93.5, ４５，６７８ → 45,678, ％ → %).
  static func toHalfWidth(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E:
        result.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x3000:
        result.append(" ")
      case 0x3002:  // 。 typed for a decimal point with a Chinese input method
        result.append(".")
      case 0x2212:  // − (minus sign)
        result.append("-")
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// `12,345.6` → `12345.6` when the commas group digits in threes; `nil` otherwise (`93,5` is not guessed).
  static func removeThousandsSeparators(_ text: String) -> String? {
    var body = Substring(text)
    var sign = ""
    if let first = body.first, first == "-" || first == "+" {
      sign = String(first)
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
    guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count),
      head.allSatisfy(\.isASCIIDigit),
      groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    guard !fraction.contains(",") else { return nil }
    return sign + groups.joined() + fraction
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0–9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
