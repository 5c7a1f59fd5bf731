import NianjianCore
import Schema
import Testing
import XLSXReader

@Suite struct ExtractionTests {
  static let percent = IndicatorUnit(symbol: "%")!
  static let people = IndicatorUnit(symbol: "人")!
  static let permille = IndicatorUnit(symbol: "‰")!
  static let perHundredThousand = IndicatorUnit(symbol: "1/10万")!
  static let text = IndicatorUnit(symbol: "文字")!

  @Test func decimalShiftIsExact() throws {
    let fraction = try #require(DecimalNumber("0.935"))
    #expect(fraction.shifted(by: 2).plainText == "93.5")
    #expect(fraction.shifted(by: 2).doubleValue == 93.5)
    #expect(DecimalNumber(0.07)?.shifted(by: 2).doubleValue == 7)
    #expect(0.07 * 100 != 7)  // why the shift is done on digits
  }

  @Test func decimalPlacesAreCountedOnTheDigitsTyped() throws {
    #expect(DecimalNumber("93.50")?.significantDecimals == 1)
    #expect(DecimalNumber("1200")?.significantDecimals == 0)
    #expect(DecimalNumber("1e-05")?.significantDecimals == 5)
    #expect(DecimalNumber(0.1 + 0.2)?.significantDecimals == 17)
    #expect(DecimalNumber(Double.infinity) == nil)
    #expect(DecimalNumber("-0.00")?.isZero == true)
    #expect(DecimalNumber("12,345") == nil)
    #expect(DecimalNumber("1.2.3") == nil)
  }

  @Test func typedTextIsCoercedWithEveryStepReported() {
    let cell = CellInterpreter.interpret(text: "１２，３４５人", unit: Self.people)
    #expect(cell.quantity == .number(12345))
    #expect(cell.coercions == [.textNumber, .fullWidth, .thousandsSeparator, .unitSuffix])
    #expect(cell.rawText == "１２，３４５人")
  }

  @Test func ratesWithTheirOwnUnitAreAccepted() {
    #expect(CellInterpreter.interpret(text: "93.5%", unit: Self.percent).quantity == .number(93.5))
    #expect(CellInterpreter.interpret(text: "5.2‰", unit: Self.permille).quantity == .number(5.2))
    #expect(CellInterpreter.interpret(text: "8.1/10万", unit: Self.perHundredThousand).quantity == .number(8.1))
  }

  @Test func ambiguousOrForeignTextIsNeverGuessed() {
    #expect(CellInterpreter.interpret(text: "93,5", unit: Self.percent).problem == .notANumber)
    #expect(CellInterpreter.interpret(text: "5.2‰", unit: Self.percent).problem == .unitMismatch(suffix: "‰"))
    #expect(CellInterpreter.interpret(text: "约90", unit: Self.percent).problem == .notANumber)
    #expect(CellInterpreter.interpret(text: "90左右", unit: Self.percent).problem == .notANumber)
  }

  @Test func missingMarkersBlankAndZeroAreThreeThings() {
    #expect(CellInterpreter.interpret(text: "—", unit: Self.percent).quantity == .missing(.noData))
    #expect(CellInterpreter.interpret(text: " 不适用 ", unit: Self.percent).quantity == .missing(.notApplicable))
    #expect(CellInterpreter.interpret(text: "  ", unit: Self.percent).quantity == .missing(.blank))
    #expect(CellInterpreter.interpret(nil, unit: Self.percent).quantity == .missing(.blank))
    #expect(CellInterpreter.interpret(text: "0", unit: Self.percent).quantity == .number(0))
  }

  @Test func cellsOfOtherTypesAreProblemsNotZero() {
    let formula = Cell(row: 7, column: 7, value: .uncalculated, formula: "SUM(G8:G9)")
    #expect(CellInterpreter.interpret(formula, unit: Self.people).problem == .uncalculated(formula: "SUM(G8:G9)"))
    let error = Cell(row: 7, column: 7, value: .error("#DIV/0!"))
    #expect(CellInterpreter.interpret(error, unit: Self.people).problem == .formulaError("#DIV/0!"))
    let flag = Cell(row: 7, column: 7, value: .bool(true))
    #expect(CellInterpreter.interpret(flag, unit: Self.people).problem == .boolean)
  }

  @Test func aPercentFormatIsHonouredOnlyForPercentIndicators() {
    let style = CellStyleSummary(
      styleIndex: 1, numberFormatId: 10, numberFormat: "0.00%", isDate: false, isPercent: true, isText: false,
      fillColor: nil)
    let cell = Cell(row: 6, column: 7, value: .number(0.955), rawValue: "0.955", numberFormat: "0.00%", style: style)
    #expect(CellInterpreter.interpret(cell, unit: Self.percent).quantity == .number(95.5))
    #expect(CellInterpreter.interpret(cell, unit: Self.percent).coercions == [.percentFormat])
    #expect(CellInterpreter.interpret(cell, unit: Self.people).quantity == .number(0.955))
  }

  @Test func fullWidthMarkersAreMarkersToo() {
    #expect(CellInterpreter.interpret(text: "Ｎ／Ａ", unit: Self.percent).quantity == .missing(.notApplicable))
  }

  @Test func ruleIDsAreStableDottedNamesWithTitles() {
    #expect(RuleID.builtIn.count >= 40)
    for rule in RuleID.builtIn {
      #expect(rule.split(separator: ".").count == 2, "\(rule)")
      #expect(rule.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_") }, "\(rule)")
      #expect(RuleID.title(of: rule)?.zh.isEmpty == false)
    }
    #expect(RuleID.builtIn.contains(RuleID.structureMissingIndicator))
    #expect(RuleID.title(of: "W-R-01") == nil)
  }

  @Test func qualitativeIndicatorsKeepTheirText() {
    #expect(CellInterpreter.interpret(text: " 已健全 ", unit: Self.text).quantity == .text("已健全"))
  }
}
