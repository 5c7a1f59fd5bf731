/// A problem found while loading or checking a jurisdiction's YAML files, with its place.
public struct SchemaDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// The file name inside the jurisdiction folder (`women.yaml`); empty for problems with the folder itself.
  public var file: String
  /// The 1-based line, or 0 when unknown.
  public var line: Int
  /// The 1-based column (in Unicode scalars), or 0 when unknown.
  public var column: Int
  /// How serious it is.
  public var severity: Severity
  /// The YAML key path (`indicators[3].targets[0].expression`); empty at the top of a file.
  public var keyPath: String
  /// A stable identifier of the kind of problem (for tests and tools; never parse the message).
  public var code: Code
  /// The explanation in Chinese and English.
  public var message: BilingualText

  /// Creates a diagnostic.
  public init(
    file: String, line: Int, column: Int, severity: Severity, keyPath: String, code: Code, message: BilingualText
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.keyPath = keyPath
    self.code = code
    self.message = message
  }

  /// `women.yaml:12:5: 错误: …` (Chinese), or in English when `english` is true; `directory` is put before the
  /// file name when given.
  public func formatted(english: Bool = false, directory: String? = nil) -> String {
    var location = file
    if let directory, !file.isEmpty {
      location = directory.hasSuffix("/") ? directory + file : directory + "/" + file
    } else if let directory, file.isEmpty {
      location = directory
    }
    if line > 0 { location += ":\(line)" }
    if line > 0, column > 0 { location += ":\(column)" }
    let separator = english ? ": " : "："
    let path = keyPath.isEmpty ? "" : " [\(keyPath)]"
    if english {
      return "\(location): \(severity.label.en): \(message.en)\(path)"
    }
    return "\(location): \(severity.label.zh)\(separator)\(message.zh)\(path)"
  }

  /// The Chinese form of ``formatted(english:directory:)``.
  public var description: String { formatted() }

  /// The kinds of problem.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    /// The folder is missing or holds no YAML.
    case missingFile = "missing-file"
    /// A file cannot be read or is not UTF-8.
    case unreadableFile = "unreadable-file"
    /// The YAML itself is malformed.
    case yamlSyntax = "yaml-syntax"
    /// A key the format does not define.
    case unknownKey = "unknown-key"
    /// A required key is absent.
    case missingKey = "missing-key"
    /// A key appears twice in one mapping.
    case duplicateKey = "duplicate-key"
    /// A value of the wrong type (a list where a number belongs …).
    case wrongType = "wrong-type"
    /// A required value is empty.
    case emptyValue = "empty-value"
    /// An id or code with characters the format does not allow.
    case invalidIdentifier = "invalid-identifier"
    /// An indicator code that does not follow the `W-HE-01` pattern.
    case codeFormat = "code-format"
    /// Two things that must be unique share an id or code.
    case duplicateIdentifier = "duplicate-identifier"
    /// A department id that `departments.yaml` does not list.
    case unknownDepartment = "unknown-department"
    /// A domain code the plan does not list.
    case unknownDomain = "unknown-domain"
    /// A disaggregation group that names no indicator.
    case unknownGroup = "unknown-group"
    /// A rule that names no indicator.
    case unknownRuleCode = "unknown-rule-code"
    /// A unit not in the table.
    case unknownUnit = "unknown-unit"
    /// A value outside the allowed set (plan kind, direction, severity, rule kind).
    case unknownValue = "unknown-value"
    /// A target expression that cannot be parsed.
    case badExpression = "bad-expression"
    /// A target that contradicts the unit or range (120 %, a negative count).
    case targetOutOfRange = "target-out-of-range"
    /// A target that does not fit the unit's kind (a trend on a text indicator, a fraction of a count).
    case targetUnitMismatch = "target-unit-mismatch"
    /// A target year outside the plan period, or two targets for one year.
    case targetYear = "target-year"
    /// A baseline outside the range or not a whole number for a count.
    case baselineOutOfRange = "baseline-out-of-range"
    /// A baseline year that does not fit the plan.
    case baselineYear = "baseline-year"
    /// A number with more decimal places than the indicator's `decimals` (it would be rounded).
    case precisionLoss = "precision-loss"
    /// A period or milestone that does not make sense.
    case badPeriod = "bad-period"
    /// A range whose lower end is not below its upper end.
    case badRange = "bad-range"
    /// `decimals` outside 0…6.
    case decimalsOutOfBounds = "decimals-out-of-bounds"
    /// A rule whose indicators have different units.
    case ruleUnitMismatch = "rule-unit-mismatch"
    /// The declared direction contradicts a target.
    case directionMismatch = "direction-mismatch"
    /// A disaggregation row whose unit differs from its group total, or that names itself.
    case groupMismatch = "group-mismatch"
    /// The jurisdiction id differs from the folder name.
    case folderMismatch = "folder-mismatch"
    /// The source line or sentence cannot be found in the seed text.
    case sourceMismatch = "source-mismatch"
  }
}
