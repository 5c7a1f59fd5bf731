import Schema
import XLSXWriter

/// 数据来源: every accepted value back to its file, SHA-256, sheet, cell and raw text, one row per value.
enum ProvenanceSheet {
  /// The row of the column headers (0-based); values start on the next row.
  static let headerRow = 2

  /// The column headers.
  static func headers(_ context: YearbookContext) -> [String] {
    [
      context.t("指标代码", "Code"), context.t("指标名称", "Indicator"), context.t("年份", "Year"),
      context.t("数值", "Value"), context.t("报送部门", "Department"), context.t("文件", "File"), "SHA-256",
      context.t("工作表", "Sheet"), context.t("单元格", "Cell"), context.t("原始内容", "Raw text"),
      context.t("提交编号", "Submission"), context.t("指标库版本", "Schema version"),
      context.t("情况说明", "Explanation"),
    ]
  }

  /// Writes the sheet: the values in the analysis' sorted order, numbers exactly as stored.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([11, 30, 7, 12, 20, 28, 66, 12, 8, 16, 9, 14, 30])
    try sheet.title(context.t("数据来源（每个数据对应的文件和单元格）", "Sources of every value"))
    sheet.row = headerRow
    try sheet.headerRow(headers(context))
    try sheet.sheet.freezePanes(topRows: headerRow + 1)
    try sheet.printAsTable(headerRows: headerRow...headerRow, footer: context.footer(context.names.provenance))
    for value in context.analysis.sortedValues {
      let row = sheet.row
      try sheet.text(value.indicatorCode, row: row, column: 0)
      try sheet.text(context.indicatorName(value.indicatorCode), row: row, column: 1)
      try sheet.integer(value.year, row: row, column: 2, format: YearbookStyle.centered)
      try quantityCell(context, value, row: row, column: 3, sheet: sheet)
      try sheet.text(context.departmentName(value.department), row: row, column: 4)
      try sheet.text(value.provenance.fileName, row: row, column: 5)
      try sheet.text(value.provenance.sha256, row: row, column: 6)
      try sheet.text(value.provenance.sheet, row: row, column: 7)
      try sheet.text(value.provenance.cell, row: row, column: 8)
      try sheet.text(value.provenance.rawText, row: row, column: 9)
      try sheet.integer(Int(clamping: value.submissionID), row: row, column: 10, format: YearbookStyle.centered)
      try sheet.text(String(value.schemaVersion.prefix(12)), row: row, column: 11)
      try sheet.text(value.explanation ?? "", row: row, column: 12)
      sheet.row += 1
    }
    try sheet.notes([
      context.t(
        "共 \(context.analysis.sortedValues.count) 个数据。\"原始内容\"为单元格中保存的原文（转换前）；数值列保存的是接收的原值。",
        "\(context.analysis.sortedValues.count) values. \"Raw text\" is the cell content before conversion; the value column holds the accepted value exactly."
      )
    ])
  }

  /// Writes a quantity: the exact number (General format, so every digit shows), a text or a missing mark.
  static func quantityCell(
    _ context: YearbookContext, _ value: StoredValue, row: Int, column: Int, sheet: SheetWriter
  ) throws {
    switch value.quantity {
    case .number(let number):
      try sheet.number(
        number, row: row, column: column, format: CellFormat(border: YearbookStyle.tableBorder, verticalAlignment: .top)
      )
    case .text(let text): try sheet.text(text, row: row, column: column)
    case .missing(let reason):
      try sheet.text(context.missingText(reason), row: row, column: column, format: YearbookStyle.centered)
    }
  }
}
