/// Why a target expression could not be read, and where.
public struct TargetParseError: Error, Sendable, Hashable {
  /// The 1-based column (in Unicode scalars) inside the expression text.
  public var column: Int
  /// A stable identifier of the problem, for tests and tools.
  public var code: Code
  /// The explanation in Chinese and English.
  public var message: BilingualText

  /// Creates an error.
  public init(column: Int, code: Code, message: BilingualText) {
    self.column = column
    self.code = code
    self.message = message
  }

  /// The kinds of parse error.
  public enum Code: String, Sendable, Hashable {
    /// The text is empty.
    case empty
    /// A character the grammar does not know.
    case unexpectedCharacter
    /// A word the grammar does not know.
    case unknownWord
    /// A number that cannot be read.
    case badNumber
    /// A token in the wrong place.
    case unexpectedToken
    /// The text ended too early.
    case unexpectedEnd
    /// Something follows a complete expression.
    case trailingText
    /// A range whose lower end is not below its upper end, a tolerance or change that is not positive, a year out
    /// of bounds.
    case invalidValue
  }
}
