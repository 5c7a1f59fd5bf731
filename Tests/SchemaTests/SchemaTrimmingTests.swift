import Foundation
import Testing

@testable import Schema

/// The schema loader's own trimming of scalars must be exactly Foundation's `.whitespacesAndNewlines` trimming (it
/// replaced that call for speed): every scalar classified alike, every text trimmed alike.
@Suite struct SchemaTrimmingTests {
  @Test func classifiesEveryUnicodeScalarAsFoundationDoes() {
    var differences: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if YAMLNodeReader.isWhitespaceOrNewline(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
        differences.append(value)
      }
    }
    #expect(differences.isEmpty, "\(differences.prefix(10).map { String($0, radix: 16) })")
  }

  @Test func trimsTextsAsFoundationDoes() {
    let texts = [
      "", " ", "\t\n", "孕产妇死亡率", "  孕产妇死亡率  ", "\u{3000}全角空格\u{3000}", "a\u{00A0}", "\u{2028}x\u{2029}",
      "\r\n≥ 95%\r\n", "inner  spaces kept", "\u{FEFF}bom", "\u{0085}next line\u{0085}", "x\u{200B}", "\u{1F600} ",
      "\t\u{000B}\u{000C}1.5\u{000B}",
    ]
    for text in texts {
      #expect(
        YAMLNodeReader.trimmingWhitespaceAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }
}
