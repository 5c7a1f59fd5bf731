import Schema
import XLSXWriter

/// 报送情况: the submissions of the year and the departments with indicators that sent nothing (未报送).
enum SubmissionsSheet {
  /// Writes the sheet.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([22, 14, 30, 66, 22, 18, 8, 8, 14])
    try sheet.printAsTable(footer: context.footer(context.names.submissions))
    try sheet.title(context.t("\(context.year)年各部门报送情况", "Submissions \(context.year)"))
    sheet.row += 1
    try sheet.headerRow([
      context.t("报送部门", "Department"), context.t("部门代码", "Department id"), context.t("文件", "File"),
      "SHA-256", context.t("接收时间", "Received"), context.t("结果", "Outcome"), context.t("错误", "Errors"),
      context.t("警告", "Warnings"), context.t("指标库版本", "Schema version"),
    ])
    let departmentOrder = Dictionary(
      context.schema.departments.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    func key(_ submission: Submission) -> [SortPart] {
      [
        .number(departmentOrder[submission.department] ?? Int.max), .text(submission.department),
        .text(submission.receivedAt), .number(Int(clamping: submission.id)), .text(submission.fileName),
        .text(submission.sha256),
      ]
    }
    let submissions = context.input.submissions.sorted { key($0).lexicographicallyPrecedes(key($1)) }
    for submission in submissions {
      let row = sheet.row
      try sheet.text(context.departmentName(submission.department), row: row, column: 0)
      try sheet.text(submission.department, row: row, column: 1)
      try sheet.text(submission.fileName, row: row, column: 2)
      try sheet.text(submission.sha256, row: row, column: 3)
      try sheet.text(submission.receivedAt, row: row, column: 4)
      let status: Attainment.Status =
        switch submission.outcome {
        case .accepted: .met
        case .acceptedWithWarnings: .near
        case .rejected: .notMet
        }
      try sheet.text(context.outcomeText(submission.outcome), row: row, column: 5, format: YearbookStyle.status(status))
      try sheet.integer(submission.errorCount, row: row, column: 6)
      try sheet.integer(submission.warningCount, row: row, column: 7)
      try sheet.text(String(submission.schemaVersion.prefix(12)), row: row, column: 8)
      sheet.row += 1
    }
    let submitted = Set(submissions.map(\.department))
    let expected = context.schema.departments.filter { !context.schema.indicators(department: $0.id).isEmpty }
    let missing = expected.filter { !submitted.contains($0.id) }
    for department in missing {
      let row = sheet.row
      try sheet.text(department.name, row: row, column: 0)
      try sheet.text(department.id, row: row, column: 1)
      for column in [2, 3, 4] {
        try sheet.text(context.noData, row: row, column: column, format: YearbookStyle.centered)
      }
      try sheet.text(
        context.t("未报送", "not submitted"), row: row, column: 5, format: YearbookStyle.status(.cannotAssess))
      for column in [6, 7, 8] {
        try sheet.text(context.noData, row: row, column: column, format: YearbookStyle.centered)
      }
      sheet.row += 1
    }
    let submittedExpected = expected.filter { submitted.contains($0.id) }.count
    try sheet.notes([
      context.t(
        "应报送部门 \(expected.count) 个（有报送指标的成员单位），已报送 \(submittedExpected) 个，未报送 \(missing.count) 个；共收到 \(submissions.count) 份报表。",
        "\(expected.count) departments report indicators; \(submittedExpected) submitted, \(missing.count) did not; \(submissions.count) returns received."
      )
    ])
  }
}
