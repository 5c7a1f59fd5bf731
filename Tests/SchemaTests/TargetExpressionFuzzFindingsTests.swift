import Schema
import Testing

/// Inputs the `FuzzTargetExpression` fuzz target found (Fuzz/crashes/README.md): each once crashed the parser.
@Suite struct TargetExpressionFuzzFindingsTests {
  @Test(arguments: [
    "decrease 1 point yearly from299999999999999999999999999999999999999999999999900",
    "increase 5% from 1000000000000000000000000000000",
    "比99999999999999999999年下降20%",
  ])
  func aYearBeyondTheIntegerRangeIsAnImplausibleYearNotACrash(text: String) {
    do {
      let expression = try TargetExpressionParser.parse(text)
      Issue.record("\(text) parsed as \(expression)")
    } catch {
      #expect(error.code == .invalidValue, "\(text): \(error.message.en)")
      #expect(error.message.en.hasPrefix("implausible year"), "\(text): \(error.message.en)")
    }
  }
}
