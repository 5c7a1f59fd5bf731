import FuzzSupport
import Schema

/// Units whose suffixes the rendered texts carry (`%`, `‰`, `/10万`, years, a count, none).
let units: [IndicatorUnit?] = ["%", "‰", "1/10万", "岁", "人", "文字"].map { IndicatorUnit(symbol: $0) } + [nil]

/// libFuzzer's per-input callback: the input is one target expression (`targets[].expression` of the YAML).
///
/// `TargetExpressionParser.parse` either throws a ``TargetParseError`` whose column lies inside the text, or gives
/// an expression whose ``TargetExpression/canonical`` form parses back to the same expression (the documented
/// promise the schema export relies on). Every rendered text and derived property is built as well.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTargetExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let expression: TargetExpression
  do {
    expression = try TargetExpressionParser.parse(text)
  } catch {
    let length = text.unicodeScalars.count
    precondition((1...length + 1).contains(error.column), "column \(error.column) outside 1...\(length + 1)")
    precondition(!error.message.zh.isEmpty && !error.message.en.isEmpty, "an empty parse error message")
    return 0
  }
  let canonical = expression.canonical
  let reparsed = try? TargetExpressionParser.parse(canonical)
  precondition(reparsed == expression, "\(text) gives \(canonical), which parses to \(String(describing: reparsed))")
  var checksum = canonical.utf8.count
  for unit in units {
    let rendered = expression.text(unit: unit)
    checksum &+= rendered.zh.utf8.count &+ rendered.en.utf8.count
  }
  checksum &+= expression.levelValues.count &+ (expression.referenceYear ?? 0)
  checksum &+= (expression.isLevel ? 1 : 0) &+ (expression.isQualitative ? 1 : 0)
  checksum &+= expression.impliedDirection == nil ? 0 : 1
  if checksum == Int.min { print("") }
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzTargetExpression_main")
public func fuzzTargetExpressionMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  FixedInputs.load { _ = units }
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzTargetExpression)
}
