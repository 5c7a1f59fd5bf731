import Foundation
import Schema

extension YearbookInput {
  /// Builds a yearbook input straight from validated returns, for a quick look without a store.
  ///
  /// - Every report becomes a ``Submission`` (ids 1, 2, … in the order of file name, then SHA-256, so the order
  ///   the files were given in does not matter); its outcome follows its findings (errors: rejected; warnings:
  ///   accepted with warnings).
  /// - The values of accepted reports for years up to `year` become ``StoredValue``s with their provenance.
  ///   Blank cells are not values and are left out; declared missing values (—, 不适用) are kept.
  /// - The warnings of accepted reports become ``StoredWarning``s; a warning counts as explained when the return
  ///   carries an explanation for its indicator.
  /// - Two accepted files that disagree on an indicator and year make a ``Conflict``. Without a store there is
  ///   no acceptance history, so no ``Revision`` is recorded.
  ///
  /// - Parameters:
  ///   - schema: The schema the reports were validated against.
  ///   - year: The yearbook's year.
  ///   - reports: The validated returns.
  ///   - receivedAt: When each file was received (ISO 8601), e.g. its modification time.
  public static func fromReturns(
    schema: Schema, year: Int, reports: [ReturnReport], receivedAt: (ReturnReport) -> String = { _ in "" }
  ) -> YearbookInput {
    let ordered = reports.sorted { a, b in
      if a.fileName != b.fileName { return a.fileName < b.fileName }
      if a.sha256 != b.sha256 { return a.sha256 < b.sha256 }
      return a.path < b.path
    }
    var submissions: [Submission] = []
    var values: [StoredValue] = []
    var warnings: [StoredWarning] = []
    for (index, report) in ordered.enumerated() {
      let id = Int64(index + 1)
      let department = report.identity?.department ?? ""
      let reportYear = report.identity?.year ?? report.values.map(\.year).max() ?? year
      let schemaVersion = report.identity?.schemaVersion ?? schema.version
      let errors = report.count(.error)
      let warningCount = report.count(.warning)
      let outcome: SubmissionOutcome =
        errors > 0 ? .rejected : warningCount > 0 ? .acceptedWithWarnings : .accepted
      submissions.append(
        Submission(
          id: id, fileName: report.fileName, sha256: report.sha256, department: department, year: reportYear,
          receivedAt: receivedAt(report), outcome: outcome, errorCount: errors, warningCount: warningCount,
          schemaVersion: schemaVersion))
      guard outcome != .rejected else { continue }
      for reported in report.values where reported.year <= year && reported.quantity != .missing(.blank) {
        values.append(
          StoredValue(
            indicatorCode: reported.indicatorCode, year: reported.year, quantity: reported.quantity,
            department: department, provenance: reported.provenance, submissionID: id, schemaVersion: schemaVersion,
            explanation: reported.explanation.flatMap { $0.isEmpty ? nil : $0 }))
      }
      for finding in report.findings where finding.severity == .warning {
        let explanation =
          finding.explained
          ? report.values.first { $0.indicatorCode == finding.indicator && !($0.explanation ?? "").isEmpty }?
            .explanation : nil
        warnings.append(
          StoredWarning(
            finding: finding, department: department, year: reportYear, fileName: report.fileName,
            explanation: explanation))
      }
    }
    return YearbookInput(
      schema: schema, year: year, values: values, submissions: submissions, warnings: warnings, revisions: [],
      conflicts: conflicts(among: values))
  }

  /// The disagreements among `values`: for each indicator and year with more than one distinct given quantity
  /// (number or text), every given value, in submission order. As in the store, a declared missing value never
  /// conflicts with a given one.
  static func conflicts(among values: [StoredValue]) -> [Conflict] {
    var groups: [String: [StoredValue]] = [:]
    for value in values where !YearbookAnalysis.isMissing(value.quantity) {
      groups["\(value.indicatorCode)\u{1}\(value.year)", default: []].append(value)
    }
    return groups.keys.sorted().compactMap { key in
      guard let group = groups[key], Set(group.map(\.quantity)).count > 1, let first = group.first else { return nil }
      return Conflict(
        indicatorCode: first.indicatorCode, year: first.year,
        values: group.sorted { $0.submissionID < $1.submissionID })
    }
  }
}
