import Schema
import Testing

@Suite struct TargetExpressionTests {
  @Test(arguments: [
    ("<= 9", TargetExpression.compare(.lessOrEqual, 9)),
    (">= 93", .compare(.greaterOrEqual, 93)),
    ("< 7", .compare(.less, 7)),
    ("> 0", .compare(.greater, 0)),
    ("= 100", .compare(.equal, 100)),
    ("≈ 46", .approximately(46, tolerance: nil)),
    ("≈ 46 ± 1", .approximately(46, tolerance: 1)),
    ("103..107", .between(103, 107)),
    ("eliminate", .eliminate),
    ("increase", .trend(.increase, yearly: false)),
    ("increase yearly", .trend(.increase, yearly: true)),
    ("decrease", .trend(.decrease, yearly: false)),
    ("decrease yearly", .trend(.decrease, yearly: true)),
    ("decrease 20% from 2020", .change(.decrease, amount: .percent(20), yearly: false, from: 2020)),
    ("increase 10% from 2020", .change(.increase, amount: .percent(10), yearly: false, from: 2020)),
    ("decrease 1 point yearly from 2020", .change(.decrease, amount: .points(1), yearly: true, from: 2020)),
    ("maintain >= 95", .maintain(.compare(.greaterOrEqual, 95))),
    ("maintain", .maintain(nil)),
    ("qualitative", .qualitative),
  ])
  func grammarExamplesParse(text: String, expected: TargetExpression) throws {
    #expect(try TargetExpressionParser.parse(text) == expected)
    #expect(expected.canonical == text)
  }

  @Test(arguments: [
    ("逐年提高", TargetExpression.trend(.increase, yearly: true)),
    ("逐年下降", .trend(.decrease, yearly: true)),
    ("提高", .trend(.increase, yearly: false)),
    ("延长", .trend(.increase, yearly: false)),
    ("消除", .eliminate),
    ("定性", .qualitative),
    ("全覆盖", .compare(.equal, 100)),
    ("46左右", .approximately(46, tolerance: nil)),
    ("93以上", .compare(.greaterOrEqual, 93)),
    ("控制在8以下", .compare(.lessOrEqual, 8)),
    ("不低于95%", .compare(.greaterOrEqual, 95)),
    ("低于7‰", .compare(.less, 7)),
    ("保持在95%以上", .maintain(.compare(.greaterOrEqual, 95))),
    ("比2020年下降20%", .change(.decrease, amount: .percent(20), yearly: false, from: 2020)),
    ("比2020年每年下降1个百分点", .change(.decrease, amount: .points(1), yearly: true, from: 2020)),
    ("103—107", .between(103, 107)),
  ])
  func chineseAliasesParse(text: String, expected: TargetExpression) throws {
    #expect(try TargetExpressionParser.parse(text) == expected)
  }

  @Test func fullWidthDigitsAndOperatorsAreAccepted() throws {
    #expect(try TargetExpressionParser.parse("≥９３．５") == .compare(.greaterOrEqual, 93.5))
    #expect(try TargetExpressionParser.parse("＜　７") == .compare(.less, 7))
    #expect(try TargetExpressionParser.parse("≦9") == .compare(.lessOrEqual, 9))
    #expect(try TargetExpressionParser.parse("＞０") == .compare(.greater, 0))
  }

  @Test(arguments: [
    ("<= 9x", 5, TargetParseError.Code.unknownWord),
    ("<=", 3, .unexpectedEnd),
    ("", 1, .empty),
    ("<= 9 10", 6, .trailingText),
    ("107..103", 6, .invalidValue),
    ("103-107", 4, .unexpectedCharacter),
    ("decrease 20 from 2020", 13, .unexpectedToken),
    ("≈ 46 ± 0", 8, .invalidValue),
    ("increase 10% from 1800", 19, .invalidValue),
    ("<= 9 @", 6, .unexpectedCharacter),
  ])
  func parseErrorsNameTheColumn(text: String, column: Int, code: TargetParseError.Code) {
    #expect(throws: TargetParseError.self) { try TargetExpressionParser.parse(text) }
    do {
      _ = try TargetExpressionParser.parse(text)
    } catch {
      #expect(error.column == column, "\(text): \(error.message.zh)")
      #expect(error.code == code, "\(text): \(error.message.zh)")
    }
  }

  @Test func descriptionsRenderForTemplates() throws {
    #expect(TargetExpression.compare(.lessOrEqual, 9).text().zh == "≤9")
    #expect(TargetExpression.trend(.increase, yearly: true).text().zh == "逐年提高")
    #expect(
      TargetExpression.change(.decrease, amount: .percent(20), yearly: false, from: 2020).text().zh == "比2020年下降20%")
    #expect(
      TargetExpression.change(.decrease, amount: .percent(20), yearly: false, from: 2020).text().en == "20% below 2020")
    #expect(TargetExpression.approximately(46, tolerance: nil).text().zh == "46左右")
    #expect(TargetExpression.approximately(46, tolerance: nil).text().en == "about 46")
    #expect(TargetExpression.between(103, 107).text().zh == "103～107")
    #expect(TargetExpression.maintain(.compare(.greaterOrEqual, 95)).text().zh == "保持≥95")
    let perHundredThousand = try #require(IndicatorUnit(symbol: "1/10万"))
    #expect(TargetExpression.compare(.lessOrEqual, 8).text(unit: perHundredThousand).zh == "≤8/10万")
    let percent = try #require(IndicatorUnit(symbol: "%"))
    #expect(TargetExpression.compare(.greaterOrEqual, 95).text(unit: percent).en == "≥ 95%")
  }

  @Test func impliedDirectionFollowsTheComparison() {
    #expect(TargetExpression.compare(.lessOrEqual, 9).impliedDirection == .lower)
    #expect(TargetExpression.maintain(.compare(.greaterOrEqual, 95)).impliedDirection == .higher)
    #expect(TargetExpression.eliminate.impliedDirection == .lower)
    #expect(TargetExpression.between(103, 107).impliedDirection == nil)
  }

  @Test func numbersRenderWithoutExponentOrTrailingZero() {
    #expect(NumberText.plain(100) == "100")
    #expect(NumberText.plain(93.5) == "93.5")
    #expect(NumberText.plain(0.00001) == "0.00001")
    #expect(NumberText.plain(-2.25) == "-2.25")
    #expect(NumberText.plain(1.5e16) == "15000000000000000")
    #expect(NumberText.fixed(93.5, decimals: 2) == "93.50")
    #expect(NumberText.fixed(0.004, decimals: 2) == "0.00")
    #expect(NumberText.decimalPlaces(5.234) == 3)
  }

  @Test func unitsAreRecognisedByKind() throws {
    #expect(IndicatorUnit(symbol: "%")?.kind == .percent)
    #expect(IndicatorUnit(symbol: "张/千人")?.kind == .perThousand)
    #expect(IndicatorUnit(symbol: "人/万人")?.kind == .perTenThousand)
    #expect(IndicatorUnit(symbol: "1:N")?.kind == .ratio)
    #expect(IndicatorUnit(symbol: "文字")?.kind == .qualitative)
    #expect(IndicatorUnit(symbol: "百分比") == nil)
    let count = try #require(IndicatorUnit(symbol: "所"))
    #expect(count.isInteger)
    #expect(count.defaultRange == ValueRange(0, nil))
    #expect(count.defaultDecimals == 0)
  }
}
