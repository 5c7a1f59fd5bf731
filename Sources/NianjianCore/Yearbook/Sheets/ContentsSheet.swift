import Schema
import XLSXWriter

/// 目录: every sheet with an internal link and what it holds.
enum ContentsSheet {
  /// Writes the table of contents. Every sheet must exist already (links are checked).
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([8, 24, 80])
    try sheet.printAsTable(footer: context.footer(context.names.contents))
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
      if entry.0 == names.chartData {
        // Excel refuses to follow a link into a hidden sheet ("Reference isn't valid"): name it only.
        try sheet.text(entry.0, row: sheet.row, column: 1)
      } else {
        try sheet.sheet.writeInternalLink(
          to: SheetReference(sheet: entry.0, cell: CellAddress(row: 0, column: 0)),
          at: CellAddress(row: sheet.row, column: 1), text: entry.0, format: YearbookStyle.link)
      }
      try sheet.text(entry.1, row: sheet.row, column: 2)
      sheet.row += 1
    }
  }
}
