import Foundation
import Schema

/// Exact parsing of history cells: decimal text to the nearest double (what the text means, never rounded to a
/// display format), declared missing markers kept as missing, text kept as text for qualitative indicators.
enum HistoryValueParser {
  /// A value read, and the coercion made if any (reported as info).
  struct Reading {
    var quantity: ReportedQuantity
    var coercion: (zh: String, en: String)?
  }

  /// The outcome of reading a value cell.
  enum Parsed {
    case success(Reading)
    case failure((zh: String, en: String))
  }

  /// Spaces trimmed, including the ideographic space and no-break space.
  static func trimmed(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}\u{FEFF}")))
  }

  /// `A`, `B` … `Z`, `AA` … for a 1-based column.
  static func columnName(_ column: Int) -> String {
    var name = ""
    var remaining = column
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      remaining = (remaining - 1) / 26
    }
    return name
  }

  /// Full-width digits and signs to ASCII (`９３．５` → `93.5`).
  static func halfWidth(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E, 0xFF05:
        result.unicodeScalars.append(UnicodeScalar(scalar.value - 0xFEE0)!)
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A year from a number cell (2020) or a text (`2020`, `2020年`).
  static func year(_ cell: HistoryCellContent) -> Int? {
    let candidate: Int?
    switch cell {
    case .number(let number, _, _):
      candidate = number == number.rounded() && abs(number) < 1e6 ? Int(number) : nil
    case .text(let text):
      var value = halfWidth(trimmed(text))
      if value.hasSuffix("年") { value.removeLast() }
      candidate = value.count == 4 && value.allSatisfy(\.isASCII) ? Int(value) : nil
    case .other:
      candidate = nil
    }
    guard let candidate, (HistoryLimits.earliestYear...HistoryLimits.latestYear).contains(candidate) else { return nil }
    return candidate
  }

  /// The value of a cell for `indicator`.
  static func quantity(_ cell: HistoryCellContent, indicator: Indicator) -> Parsed {
    switch cell {
    case .other:
      return .failure(
        ("不是数值（日期、逻辑值、错误值或未计算的公式）", "is not a number (a date, a boolean, an error or an uncalculated formula)"))
    case .number(let number, let raw, let percentStyled):
      guard number.isFinite else { return .failure(("不是有限数值", "is not a finite number")) }
      if indicator.isQualitative {
        return .success(Reading(quantity: .text(raw), coercion: nil))
      }
      if percentStyled, indicator.unit.kind == .percent {
        // 93.5% typed into a %-formatted cell is stored as 0.935: move the decimal point in the exact text.
        let shifted = shiftedByHundred(NumberText.plain(number))
        guard let value = Double(shifted) else { return .failure(("无法读取", "cannot be read")) }
        return .success(
          Reading(
            quantity: .number(value),
            coercion: ("单元格为百分比格式，\(raw) 按 \(shifted)% 读取", "percent-formatted cell: \(raw) read as \(shifted)%")))
      }
      return .success(Reading(quantity: .number(number), coercion: nil))
    case .text(let text):
      return quantity(text: text, indicator: indicator)
    }
  }

  /// The value of a text for `indicator`.
  static func quantity(text: String, indicator: Indicator) -> Parsed {
    let value = trimmed(text)
    if value.count > HistoryLimits.maximumCellCharacters {
      return .failure(("太长", "is too long"))
    }
    if value.isEmpty { return .success(Reading(quantity: .missing(.blank), coercion: nil)) }
    if FormLayout.noDataMarkers.contains(value) { return .success(Reading(quantity: .missing(.noData), coercion: nil)) }
    if FormLayout.notApplicableMarkers.contains(value) {
      return .success(Reading(quantity: .missing(.notApplicable), coercion: nil))
    }
    if indicator.isQualitative { return .success(Reading(quantity: .text(value), coercion: nil)) }
    var number = halfWidth(value).replacingOccurrences(of: " ", with: "")
    var notes: [String] = []
    for suffix in [indicator.unit.symbol, indicator.unit.displaySuffix] + (indicator.unit.kind == .percent ? ["%"] : [])
    where !suffix.isEmpty && number.hasSuffix(suffix) && number.count > suffix.count {
      number.removeLast(suffix.count)
      notes.append(suffix)
      break
    }
    if number.contains(",") {
      guard isGroupedThousands(number) else {
        return .failure(("不是数值（逗号位置不对）", "is not a number (misplaced commas)"))
      }
      number = number.replacingOccurrences(of: ",", with: "")
      notes.append(",")
    }
    guard isDecimal(number), let parsed = Double(number), parsed.isFinite else {
      return .failure(
        (
          "不是数值：请填写数字，或用“—”表示无数据、“不适用”表示不适用",
          "is not a number: write a number, or \"—\" for no data, \"N/A\" for not applicable"
        ))
    }
    let coercion: (zh: String, en: String)? =
      number == value ? nil : ("“\(value)”按数值 \(number) 读取", "\"\(value)\" read as the number \(number)")
    return .success(Reading(quantity: .number(parsed), coercion: coercion))
  }

  /// Whether `text` is a plain decimal number: an optional sign, digits with at most one point, an optional
  /// exponent (`1.5E+3`, as some programs export large numbers).
  static func isDecimal(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
    var digits = 0
    var sawPoint = false
    while let scalar = scalars.first {
      if ("0"..."9").contains(scalar) {
        digits += 1
      } else if scalar == ".", !sawPoint {
        sawPoint = true
      } else {
        break
      }
      scalars = scalars.dropFirst()
    }
    guard digits > 0 else { return false }
    if let marker = scalars.first, marker == "e" || marker == "E" {
      scalars = scalars.dropFirst()
      if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
      guard !scalars.isEmpty, scalars.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
      return true
    }
    return scalars.isEmpty
  }

  /// Whether commas group thousands properly (`1,234,567.5`).
  static func isGroupedThousands(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
    let integerPart = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
    guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
    return groups.dropFirst().allSatisfy { $0.count == 3 } && groups.allSatisfy { $0.allSatisfy(\.isASCII) }
  }

  /// The decimal text multiplied by 100 by moving the point (`0.935` → `93.5`), so no binary rounding creeps in.
  static func shiftedByHundred(_ text: String) -> String {
    var body = text
    var sign = ""
    if body.hasPrefix("-") {
      sign = "-"
      body.removeFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var whole = String(parts[0])
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < 2 { fraction += "0" }
    whole += fraction.prefix(2)
    fraction = String(fraction.dropFirst(2))
    while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }
}

/// Exposes the decimal-text percent shift to tests.
@_spi(Testing)
public enum HistoryValueParserProbe {
  /// `text` × 100 by moving the decimal point.
  public static func shifted(_ text: String) -> String { HistoryValueParser.shiftedByHundred(text) }
}
