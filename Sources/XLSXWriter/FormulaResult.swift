/// The value a formula evaluated to, stored beside the formula as its cached result.
public enum FormulaResult: Hashable, Sendable {
  /// A numeric result.
  case number(Double)
  /// A text result.
  case string(String)
}
