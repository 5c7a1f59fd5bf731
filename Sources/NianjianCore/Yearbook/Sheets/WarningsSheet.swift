import Schema
import XLSXWriter

/// 预警与说明: every warning with the department's explanation (or 待说明), then the off-track and swinging lists.
enum WarningsSheet {
  /// The warnings in a stable order: department (schema order), file, indicator (schema order), sheet, cell, rule.
  static func sorted(_ warnings: [StoredWarning], schema: Schema) -> [StoredWarning] {
    let departmentOrder = Dictionary(
      schema.departments.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let indicatorOrder = YearbookAnalysis.indicatorOrder(schema)
    func key(_ warning: StoredWarning) -> (Int, String, Int, String, Int, String, String, String, String, String) {
      let finding = warning.finding
      return (
        departmentOrder[warning.department] ?? Int.max, warning.department + "\u{1}" + warning.fileName,
        finding.indicator.flatMap { indicatorOrder[$0] } ?? Int.max, finding.indicator ?? "", warning.year,
        finding.sheet ?? "", finding.cell ?? "", finding.rule, finding.message.zh, warning.explanation ?? ""
      )
    }
    return warnings.sorted { a, b in
      let (ka, kb) = (key(a), key(b))
      if ka.0 != kb.0 { return ka.0 < kb.0 }
      if ka.1 != kb.1 { return ka.1 < kb.1 }
      if ka.2 != kb.2 { return ka.2 < kb.2 }
      if ka.3 != kb.3 { return ka.3 < kb.3 }
      if ka.4 != kb.4 { return ka.4 < kb.4 }
      if ka.5 != kb.5 { return ka.5 < kb.5 }
      if ka.6 != kb.6 { return ka.6 < kb.6 }
      if ka.7 != kb.7 { return ka.7 < kb.7 }
      if ka.8 != kb.8 { return ka.8 < kb.8 }
      return ka.9 < kb.9
    }
  }

  /// Writes the sheet.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([6, 20, 24, 11, 28, 12, 8, 10, 12, 44, 40, 12])
    try sheet.title(context.t("\(context.year)年审核警告与情况说明", "Warnings and explanations \(context.year)"))
    sheet.row += 1
    try sheet.title(context.t("一、审核警告（核实性审核）", "1. Warnings (to be verified)"), format: YearbookStyle.heading)
    try sheet.headerRow([
      context.t("序号", "No."), context.t("报送部门", "Department"), context.t("文件", "File"),
      context.t("指标代码", "Code"), context.t("指标名称", "Indicator"), context.t("工作表", "Sheet"),
      context.t("单元格", "Cell"), context.t("填报值", "Value"), context.t("规则", "Rule"),
      context.t("警告内容", "Warning"), context.t("情况说明", "Explanation"), context.t("状态", "Status"),
    ])
    let warnings = sorted(context.input.warnings, schema: context.schema)
    if warnings.isEmpty { try sheet.textRow([context.t("无", "none")]) }
    for (number, warning) in warnings.enumerated() {
      let row = sheet.row
      let finding = warning.finding
      try sheet.integer(number + 1, row: row, column: 0, format: YearbookStyle.centered)
      try sheet.text(context.departmentName(warning.department), row: row, column: 1)
      try sheet.text(warning.fileName, row: row, column: 2)
      try sheet.text(finding.indicator ?? "", row: row, column: 3)
      try sheet.text(finding.indicator.map(context.indicatorName) ?? "", row: row, column: 4)
      try sheet.text(finding.sheet ?? "", row: row, column: 5)
      try sheet.text(finding.cell ?? "", row: row, column: 6)
      try sheet.text(finding.value ?? "", row: row, column: 7)
      try sheet.text(finding.rule, row: row, column: 8)
      try sheet.text(context.t(finding.message), row: row, column: 9)
      if warning.isOutstanding {
        try sheet.text(context.awaitingExplanation, row: row, column: 10, format: YearbookStyle.warning)
        try sheet.text(context.t("待说明", "outstanding"), row: row, column: 11, format: YearbookStyle.status(.notMet))
      } else {
        try sheet.text(warning.explanation ?? "", row: row, column: 10)
        try sheet.text(context.t("已说明", "explained"), row: row, column: 11, format: YearbookStyle.status(.met))
      }
      sheet.row += 1
    }
    let outstanding = warnings.filter(\.isOutstanding).count
    try sheet.notes([
      context.t(
        "共 \(warnings.count) 条警告，其中 \(outstanding) 条待说明。",
        "\(warnings.count) warnings, \(outstanding) awaiting an explanation.")
    ])
    sheet.row += 1
    try SummarySheet.offTrackTable(context, sheet, heading: context.t("二、预计达标困难的指标", "2. Indicators off track"))
    sheet.row += 1
    try SummarySheet.swingingTable(context, sheet, heading: context.t("三、波动较大的指标", "3. Indicators that swing"))
  }
}

/// 报送情况: the submissions of the year and the departments with indicators that sent nothing (未报送).
enum SubmissionsSheet {
  /// Writes the sheet.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([22, 14, 30, 66, 22, 18, 8, 8, 14])
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
    let submissions = context.input.submissions.sorted { a, b in
      let (oa, ob) = (departmentOrder[a.department] ?? Int.max, departmentOrder[b.department] ?? Int.max)
      if oa != ob { return oa < ob }
      if a.department != b.department { return a.department < b.department }
      if a.receivedAt != b.receivedAt { return a.receivedAt < b.receivedAt }
      if a.id != b.id { return a.id < b.id }
      return a.fileName < b.fileName
    }
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
