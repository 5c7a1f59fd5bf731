/// Protects texts that look like OOXML character escapes.
///
/// Excel (and every careful reader) decodes `_xHHHH_` in cell text as the character U+HHHH;
/// libxlsxwriter 1.1.4 uses that form for control characters but writes a user's literal
/// `_x0041_` unchanged, so it would read back as `A`. ECMA-376 Part 1 §22.4.2.4 escapes the
/// underscore of such a sequence as `_x005F_`, which is what this does.
enum TextEscaping {
  /// `text` with the `_` of every `_xHHHH_` written as `_x005F_`.
  static func escapeUnderscores(_ text: String) -> String {
    let underscore = UInt8(ascii: "_")
    let hasUnderscore =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(underscore) } ?? text.utf8.contains(underscore)
    guard hasUnderscore else { return text }
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 14)
    var index = 0
    while index < bytes.count {
      if looksLikeEscape(bytes, at: index) {
        output.append(contentsOf: Array("_x005F".utf8))
      }
      output.append(bytes[index])
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether `bytes[index...]` starts with `_xHHHH_`.
  private static func looksLikeEscape(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
      bytes[index + 6] == UInt8(ascii: "_")
    else { return false }
    return bytes[(index + 2)..<(index + 6)].allSatisfy { byte in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
  }
}
