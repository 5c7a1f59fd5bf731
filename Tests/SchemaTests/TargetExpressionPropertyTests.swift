import PropertyBased
import Schema
import Testing

/// Builds a target expression from generated integers, so that every case of the grammar is reached.
enum TargetSamples {
  static let kindCount = 17

  static func make(kind: Int, a: Int, b: Int, year: Int) -> TargetExpression {
    let x = Double(a) / 100
    let positive = Double(b) / 100
    switch kind {
    case 0: return .compare(.lessOrEqual, x)
    case 1: return .compare(.less, x)
    case 2: return .compare(.greaterOrEqual, x)
    case 3: return .compare(.greater, x)
    case 4: return .compare(.equal, x)
    case 5: return .approximately(x, tolerance: nil)
    case 6: return .approximately(x, tolerance: positive)
    case 7: return .between(x, x + positive)
    case 8: return .eliminate
    case 9: return .trend(a % 2 == 0 ? .increase : .decrease, yearly: b % 2 == 0)
    case 10: return .change(.decrease, amount: .percent(positive), yearly: a % 2 == 0, from: year)
    case 11: return .change(.increase, amount: .points(positive), yearly: a % 2 == 0, from: year)
    case 12: return .maintain(.compare(.greaterOrEqual, x))
    case 13: return .maintain(.approximately(x, tolerance: nil))
    case 14: return .maintain(.between(x, x + positive))
    case 15: return .maintain(nil)
    default: return .qualitative
    }
  }
}

@Suite struct TargetExpressionPropertyTests {
  @Test func canonicalTextParsesBackToTheSameExpression() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...(TargetSamples.kindCount - 1)), Gen.int(in: -1_000_000...1_000_000),
      Gen.int(in: 1...100_000), Gen.int(in: 1950...2100)
    ) { kind, a, b, year in
      let expression = TargetSamples.make(kind: kind, a: a, b: b, year: year)
      #expect((try? TargetExpressionParser.parse(expression.canonical)) == expression, "\(expression.canonical)")
    }
  }

  @Test func chineseDescriptionParsesBackToTheSameExpression() async {
    await propertyCheck(
      count: 500, input: Gen.int(in: 0...(TargetSamples.kindCount - 1)), Gen.int(in: -1_000_000...1_000_000),
      Gen.int(in: 1...100_000), Gen.int(in: 1950...2100)
    ) { kind, a, b, year in
      let expression = TargetSamples.make(kind: kind, a: a, b: b, year: year)
      let text = expression.text().zh
      #expect((try? TargetExpressionParser.parse(text)) == expression, "\(text)")
    }
  }

  @Test func plainNumberTextReadsBackExactly() async {
    await propertyCheck(count: 500, input: Gen.int(in: -10_000_000...10_000_000), Gen.int(in: 0...6)) { n, places in
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      let value = Double(n) / scale
      #expect(Double(NumberText.plain(value)) == value)
      #expect(!NumberText.plain(value).contains("e"))
    }
  }

  @Test func garbageNeverCrashesTheParser() async {
    let alphabet = Array("<>=≈±.0123456789 -%年比提高下降逐消除定性保持incrdeasyl")
    await propertyCheck(count: 500, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...12)) { indices in
      let text = String(indices.map { alphabet[$0] })
      do throws(TargetParseError) {
        let expression = try TargetExpressionParser.parse(text)
        #expect((try? TargetExpressionParser.parse(expression.canonical)) == expression)
      } catch {
        #expect(error.column >= 1 && error.column <= text.unicodeScalars.count + 1)
      }
    }
  }
}
