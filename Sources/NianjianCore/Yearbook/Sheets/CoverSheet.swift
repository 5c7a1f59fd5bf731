import Schema
import XLSXWriter

/// 封面: the title, who compiled the yearbook, the schema version and what it holds.
enum CoverSheet {
  /// The yearbook's title: `<jurisdiction full name><N>年妇女儿童统计资料`.
  static func title(_ context: YearbookContext) -> String {
    let jurisdiction = context.schema.jurisdiction
    let place = jurisdiction.fullName ?? jurisdiction.name
    return context.english
      ? "\(place) Statistics on Women and Children \(context.year)"
      : "\(place)\(context.year)年妇女儿童统计资料"
  }

  /// Writes the cover.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    let jurisdiction = context.schema.jurisdiction
    try sheet.widths([80])
    try sheet.sheet.setRowHeight(80, row: 1)
    try sheet.text(title(context), row: 1, column: 0, format: YearbookStyle.coverTitle)
    var lines: [String] = []
    let compilers = [jurisdiction.office, jurisdiction.committee].compactMap { $0 }.filter { !$0.isEmpty }
    if !compilers.isEmpty {
      lines.append(context.t("编制：", "Compiled by: ") + compilers.joined(separator: context.english ? ", " : "  "))
    }
    for plan in context.schema.plans {
      lines.append(
        context.t("监测规划：《\(plan.title)》", "Plan: \(plan.title)")
          + " \(plan.period.start)—\(plan.period.end)")
    }
    lines.append(context.t("资料年份：\(context.year)年", "Year: \(context.year)"))
    lines.append(context.t("指标库版本：", "Schema version: ") + String(context.schema.version.prefix(12)))
    let indicators = context.analysis.allRecords.count
    let values = context.analysis.sortedValues.count
    let submissions = context.input.submissions.count
    lines.append(
      context.t(
        "共 \(indicators) 项指标，\(values) 个数据，本年收到 \(submissions) 份报表",
        "\(indicators) indicators, \(values) values, \(submissions) returns received this year"))
    for (offset, line) in lines.enumerated() {
      try sheet.sheet.setRowHeight(24, row: 3 + offset)
      try sheet.text(line, row: 3 + offset, column: 0, format: YearbookStyle.coverLine)
    }
  }
}

/// 目录: every sheet with an internal link and what it holds.
enum ContentsSheet {
  /// Writes the table of contents. Every sheet must exist already (links are checked).
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([8, 24, 80])
    try sheet.title(context.t("目录", "Contents"))
    sheet.row += 1
    try sheet.headerRow([context.t("序号", "No."), context.t("工作表", "Sheet"), context.t("内容", "Content")])
    let names = context.names
    var entries: [(String, String)] = [
      (names.cover, context.t("封面", "Cover")),
      (names.contents, context.t("本目录", "This table of contents")),
      (
        names.summary,
        context.t(
          "各规划、各领域指标达标情况汇总，预计达标困难和波动较大的指标",
          "Attainment by plan and domain; indicators off track or swinging")
      ),
    ]
    for (index, plan) in context.schema.plans.enumerated() {
      entries.append(
        (
          names.plans[index],
          context.t(
            "《\(plan.title)》各指标基期值、历年数值、目标、达标情况、预测和预警",
            "\(plan.title): baseline, values by year, target, attainment, projection, warnings")
        ))
      entries.append(
        (names.charts[index], context.t("《\(plan.title)》指标走势图", "\(plan.title): charts of the indicators")))
    }
    entries += [
      (names.warnings, context.t("审核警告及部门情况说明，预警指标清单", "Warnings with explanations; early-warning lists")),
      (names.submissions, context.t("各部门报送情况（含未报送）", "Who submitted what (including missing departments)")),
      (names.conflicts, context.t("数据冲突和修订记录", "Conflicting values and revisions")),
      (names.provenance, context.t("每个数据的来源文件、工作表、单元格和原始内容", "Every value back to its file, sheet and cell")),
      (names.chartData, context.t("图表所用数据（隐藏）", "Data behind the charts (hidden)")),
    ]
    for (number, entry) in entries.enumerated() {
      try sheet.integer(number + 1, row: sheet.row, column: 0, format: YearbookStyle.centered)
      try sheet.sheet.writeInternalLink(
        to: SheetReference(sheet: entry.0, cell: CellAddress(row: 0, column: 0)),
        at: CellAddress(row: sheet.row, column: 1), text: entry.0, format: YearbookStyle.link)
      try sheet.text(entry.1, row: sheet.row, column: 2)
      sheet.row += 1
    }
  }
}
