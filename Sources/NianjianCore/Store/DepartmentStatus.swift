import Foundation
import Schema

/// Where one department stands for a year: who has submitted, who is late, what failed.
public struct DepartmentStatus: Sendable, Hashable {
  /// The department's state, judged from its returns for the year.
  public enum State: String, Sendable, Hashable, CaseIterable {
    /// An accepted return is in force and none of its warnings waits for an explanation.
    case accepted
    /// An accepted return is in force; some of its warnings still wait for an explanation (情况说明).
    case acceptedWithOpenWarnings = "accepted_with_open_warnings"
    /// Returns were received, none accepted: the latest was rejected with ``DepartmentStatus/errorCount`` errors.
    case rejected
    /// Nothing received yet.
    case notReceived = "not_received"

    /// The label shown to people.
    public var label: BilingualText {
      switch self {
      case .accepted: return BilingualText(zh: "已接收", en: "accepted")
      case .acceptedWithOpenWarnings: return BilingualText(zh: "已接收，待说明", en: "accepted, explanations due")
      case .rejected: return BilingualText(zh: "已退回", en: "rejected")
      case .notReceived: return BilingualText(zh: "未报送", en: "not received")
      }
    }
  }

  /// The department (for a department not in the schema, its id is also its name).
  public var department: Department
  /// Whether the schema expects a return from it this year (it reports at least one indicator of a plan whose
  /// period covers the year).
  public var isExpected: Bool
  /// The state.
  public var state: State
  /// Warnings of the return in force that wait for an explanation.
  public var openWarnings: Int
  /// Warnings of the return in force that are explained.
  public var explainedWarnings: Int
  /// Errors of the latest rejected return: the reason for ``State/rejected``, or a resubmission rejected after
  /// an accepted return (which stays in force).
  public var errorCount: Int
  /// How many files were received for the year.
  public var submissionCount: Int
  /// The accepted return in force (the latest accepted), if any.
  public var current: Submission?
  /// The latest file received (of any outcome), if any.
  public var latest: Submission?

  /// Creates a department status.
  public init(
    department: Department, isExpected: Bool, state: State, openWarnings: Int, explainedWarnings: Int, errorCount: Int,
    submissionCount: Int, current: Submission?, latest: Submission?
  ) {
    self.department = department
    self.isExpected = isExpected
    self.state = state
    self.openWarnings = openWarnings
    self.explainedWarnings = explainedWarnings
    self.errorCount = errorCount
    self.submissionCount = submissionCount
    self.current = current
    self.latest = latest
  }

  /// Whether a resubmission was rejected after an accepted return (the accepted one stays in force).
  public var hasRejectedResubmission: Bool {
    guard let current, let latest else { return false }
    return latest.id != current.id && latest.outcome == .rejected
  }
}

/// The submission status of a year: one line per department, plus the history tables received.
public struct SubmissionStatus: Sendable, Hashable {
  /// The year.
  public var year: Int
  /// The expected departments in schema order, then any other department that sent a file.
  public var departments: [DepartmentStatus]
  /// Files received whose department could not be told (rejected before identification).
  public var unidentified: [Submission]
  /// The year's open conflicts (two sources that disagree), by indicator code.
  public var conflicts: [Conflict]

  /// Creates a status.
  public init(year: Int, departments: [DepartmentStatus], unidentified: [Submission], conflicts: [Conflict] = []) {
    self.year = year
    self.departments = departments
    self.unidentified = unidentified
    self.conflicts = conflicts
  }

  /// How many departments are in `state`.
  public func count(_ state: DepartmentStatus.State) -> Int { departments.filter { $0.state == state }.count }
}

extension MonitoringStore {
  /// The submission status of `year` for every department of `schema`.
  ///
  /// A department is expected when it reports at least one indicator of a plan whose period covers the year;
  /// departments with nothing to report are left out unless they sent a file. History tables are not returns and
  /// are not listed.
  public func status(year: Int, schema: Schema) throws -> SubmissionStatus {
    let received = try submissions(year: year).filter { $0.department != HistoryTable.department }
    let warnings = try warnings(year: year)
    let expected = Set(
      schema.plans.filter { $0.period.contains(year) }.flatMap(\.indicators).flatMap(\.departments))
    var listed = schema.departments.filter { expected.contains($0.id) }
    let known = Set(schema.departments.map(\.id))
    for submission in received where !submission.department.isEmpty {
      if !listed.contains(where: { $0.id == submission.department }) {
        listed.append(
          schema.department(id: submission.department)
            ?? Department(id: submission.department, name: submission.department))
      }
    }
    let lines = listed.map { department -> DepartmentStatus in
      let files = received.filter { $0.department == department.id }
      let current = files.last { $0.outcome != .rejected }
      let latest = files.last
      let own = warnings.filter { $0.department == department.id }
      let open = own.filter(\.isOutstanding).count
      let state: DepartmentStatus.State
      if current != nil {
        state = open > 0 ? .acceptedWithOpenWarnings : .accepted
      } else if latest != nil {
        state = .rejected
      } else {
        state = .notReceived
      }
      let lastRejected = files.last { $0.outcome == .rejected }
      let errors =
        (state == .rejected || (latest?.outcome == .rejected && current != nil)) ? (lastRejected?.errorCount ?? 0) : 0
      return DepartmentStatus(
        department: department, isExpected: expected.contains(department.id) && known.contains(department.id),
        state: state, openWarnings: open, explainedWarnings: own.count - open, errorCount: errors,
        submissionCount: files.count, current: current, latest: latest)
    }
    return SubmissionStatus(
      year: year, departments: lines, unidentified: received.filter { $0.department.isEmpty },
      conflicts: try conflicts(through: year).filter { $0.year == year })
  }
}
