import Schema
import XLSXWriter

/// 预警与说明: every warning with the department's explanation (or 待说明), then the off-track and swinging lists.
enum WarningsSheet {
  /// The warnings in a stable order: department (schema order), file, indicator (schema order), sheet, cell, rule.
  static func sorted(_ warnings: [StoredWarning], schema: Schema) -> [StoredWarning] {
    let departmentOrder = Dictionary(
      schema.departments.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let indicatorOrder = YearbookAnalysis.indicatorOrder(schema)
    func key(_ warning: StoredWarning) -> [SortPart] {
      let finding = warning.finding
      return [
        .number(departmentOrder[warning.department] ?? Int.max), .text(warning.department), .text(warning.fileName),
        .number(finding.indicator.flatMap { indicatorOrder[$0] } ?? Int.max), .text(finding.indicator ?? ""),
        .number(warning.year), .text(finding.sheet ?? ""), .text(finding.cell ?? ""), .text(finding.rule),
        .text(finding.message.zh), .text(warning.explanation ?? ""),
      ]
    }
    return warnings.sorted { key($0).lexicographicallyPrecedes(key($1)) }
  }

  /// Writes the sheet.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([6, 20, 24, 11, 28, 12, 8, 10, 12, 44, 40, 12])
    try sheet.printAsTable(footer: context.footer(context.names.warnings))
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
        let explanation =
          warning.explanation == SQLiteStore.explainedWithoutText
          ? context.t(SQLiteStore.explainedWithoutText, "(explained)") : warning.explanation ?? ""
        try sheet.text(explanation, row: row, column: 10)
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
