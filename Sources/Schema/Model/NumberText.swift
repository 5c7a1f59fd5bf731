/// Renders numbers the way people write them: shortest exact form, no exponent, no trailing `.0`.
public enum NumberText {
  /// The shortest text that reads back as exactly `value` (`93.5`, `100`, `0.00001`).
  public static func plain(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    let shortest = "\(value)"
    guard shortest.contains("e") else { return shortest }
    return expandExponent(shortest)
  }

  /// `value` with exactly `decimals` places (`93.50`), for display in forms.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    let places = max(0, min(decimals, 12))
    var scaled = (abs(value) * pow10(places)).rounded()
    var digits: [Character] = []
    if scaled == 0 { digits = ["0"] }
    while scaled >= 1 {
      let digit = Int(scaled.truncatingRemainder(dividingBy: 10))
      digits.insert(Character(String(digit)), at: 0)
      scaled = (scaled / 10).rounded(.down)
    }
    while digits.count <= places { digits.insert("0", at: 0) }
    var text = String(digits)
    if places > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -places)) }
    return (value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + text
  }

  /// The number of decimal places `value` needs to be written exactly (93.25 → 2).
  public static func decimalPlaces(_ value: Double) -> Int {
    let text = plain(value)
    guard let dot = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: text.index(after: dot), to: text.endIndex)
  }

  private static func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
  }

  /// Turns `1e-05` / `1.5e+16` into positional notation.
  private static func expandExponent(_ text: String) -> String {
    let parts = text.split(separator: "e", maxSplits: 1)
    guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
    var mantissa = String(parts[0])
    var negative = false
    if mantissa.hasPrefix("-") {
      negative = true
      mantissa.removeFirst()
    }
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(pieces[0])
    let fraction = pieces.count > 1 ? String(pieces[1]) : ""
    var digits = whole + fraction
    var pointPosition = whole.count + exponent
    if pointPosition <= 0 {
      digits = String(repeating: "0", count: -pointPosition + 1) + digits
      pointPosition = 1
    }
    if pointPosition >= digits.count {
      digits += String(repeating: "0", count: pointPosition - digits.count)
      return (negative ? "-" : "") + digits
    }
    let index = digits.index(digits.startIndex, offsetBy: pointPosition)
    var result = String(digits[..<index]) + "." + String(digits[index...])
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return (negative ? "-" : "") + result
  }
}
