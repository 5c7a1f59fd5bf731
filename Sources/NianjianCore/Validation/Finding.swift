import Schema

/// One problem (or note) about a return, located in spreadsheet terms.
public struct Finding: Sendable, Hashable {
  /// error (强制性审核), warning (核实性审核) or info.
  public var severity: Severity
  /// The stable rule id (`value.range`, `structure.wrong_year`, a registry rule id such as `W-R-01` …).
  public var rule: String
  /// The indicator code, when the finding is about one indicator.
  public var indicator: String?
  /// The sheet name, when known.
  public var sheet: String?
  /// The A1 cell, when known.
  public var cell: String?
  /// The value as typed, when relevant.
  public var value: String?
  /// What is wrong and what to do, in Chinese and English.
  public var message: BilingualText
  /// For warnings: whether the return carries an explanation (情况说明) for it.
  public var explained: Bool

  /// Creates a finding.
  public init(
    severity: Severity, rule: String, indicator: String? = nil, sheet: String? = nil, cell: String? = nil,
    value: String? = nil, message: BilingualText, explained: Bool = false
  ) {
    self.severity = severity
    self.rule = rule
    self.indicator = indicator
    self.sheet = sheet
    self.cell = cell
    self.value = value
    self.message = message
    self.explained = explained
  }
}

/// Everything learned from one return file: who sent it, the values and the findings.
public struct ReturnReport: Sendable {
  /// The path the file was read from.
  public var path: String
  /// The file name (no folders).
  public var fileName: String
  /// The SHA-256 (lower-case hex) of the file.
  public var sha256: String
  /// The template identity, when recognised.
  public var identity: TemplateIdentity?
  /// How the return was recognised.
  public var identification: IdentificationMethod
  /// The values read (one per indicator row found).
  public var values: [ReportedValue]
  /// Every finding, in sheet order then severity.
  public var findings: [Finding]

  /// Creates a report.
  public init(
    path: String, fileName: String, sha256: String, identity: TemplateIdentity?,
    identification: IdentificationMethod, values: [ReportedValue], findings: [Finding]
  ) {
    self.path = path
    self.fileName = fileName
    self.sha256 = sha256
    self.identity = identity
    self.identification = identification
    self.values = values
    self.findings = findings
  }

  /// The number of findings of `severity`.
  public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

  /// Whether the return can be accepted into the store (no errors).
  public var isAcceptable: Bool { count(.error) == 0 }

  /// Whether the return is refused because its template's department or year is not the one it reports for
  /// (an error of ``RuleID/identityDoubts``).
  public var identityIsInDoubt: Bool {
    findings.contains { $0.severity == .error && RuleID.identityDoubts.contains($0.rule) }
  }
}
