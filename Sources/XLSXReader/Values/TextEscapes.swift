/// OOXML's `_xHHHH_` escapes (ECMA-376 Part 1, 22.4.2.4): a character that XML cannot carry (a carriage return,
/// other C0 controls) is written as `_x000D_`, and a literal `_x` sequence is protected as `_x005F_x…`.
enum TextEscapes {
  /// The text with every well-formed `_xHHHH_` escape decoded (UTF-16 surrogate pairs joined); anything that is
  /// not exactly `_x` + four hex digits + `_` stays as written.
  static func decode(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.count >= 7 else { return text }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    var pendingHighSurrogate: UInt16?
    func flushPending() {
      if let high = pendingHighSurrogate {
        output.append(contentsOf: Array("_x\(hex(high))_".utf8))
        pendingHighSurrogate = nil
      }
    }
    while index < bytes.count {
      if bytes[index] == 0x5F, index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F,
        let unit = codeUnit(bytes[(index + 2)..<(index + 6)])
      {
        if (0xD800...0xDBFF).contains(unit) {
          flushPending()
          pendingHighSurrogate = unit
        } else if (0xDC00...0xDFFF).contains(unit), let high = pendingHighSurrogate {
          let scalarValue = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
          if let scalar = Unicode.Scalar(scalarValue) { output.append(contentsOf: Array(String(scalar).utf8)) }
          pendingHighSurrogate = nil
        } else if let scalar = Unicode.Scalar(UInt32(unit)) {
          flushPending()
          output.append(contentsOf: Array(String(scalar).utf8))
        } else {
          flushPending()
          output.append(contentsOf: bytes[index..<(index + 7)])
        }
        index += 7
        continue
      }
      flushPending()
      output.append(bytes[index])
      index += 1
    }
    flushPending()
    return String(decoding: output, as: UTF8.self)
  }

  private static func codeUnit(_ digits: ArraySlice<UInt8>) -> UInt16? {
    var value: UInt16 = 0
    for digit in digits {
      guard let nibble = PartNames.hexValue(digit) else { return nil }
      value = value << 4 | UInt16(nibble)
    }
    return value
  }

  private static func hex(_ value: UInt16) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(
      decoding: [12, 8, 4, 0].map { digits[Int((value >> UInt16($0)) & 0xF)] }, as: UTF8.self)
  }
}

extension TextBuffer {
  /// The content as a `String` with `_xHHHH_` escapes decoded.
  func makeDecodedString() -> String {
    let text = makeString()
    return mayHoldEscapes ? TextEscapes.decode(text) : text
  }
}
