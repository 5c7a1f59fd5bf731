import Schema
import XLSXWriter

/// One plan's indicator table, by domain: code, name, unit, baseline, every year's value, target, attainment
/// (text and colour), projection, warnings and departments, with notes under the table.
enum PlanSheet {
  /// The row of the column headers (0-based).
  static let headerRow = 2
  /// The first column of the year values (0-based): after code, name, unit, baseline year and value.
  static let firstYearColumn = 5

  /// The column headers after the year columns, in order.
  static func trailingHeaders(_ context: YearbookContext) -> [String] {
    [
      context.t("目标", "Target"), context.t("评估年份", "Year judged"), context.t("达标情况", "Attainment"),
      context.t("判断说明", "Reason"), context.t("预测至目标年", "Projected to target year"),
      context.t("预警", "Warnings"), context.t("报送部门", "Departments"),
    ]
  }

  /// Writes the sheet of `section`.
  static func write(_ context: YearbookContext, section: PlanSection, to sheet: SheetWriter) throws {
    let years = section.years
    let trailing = trailingHeaders(context)
    let lastColumn = firstYearColumn + years.count + trailing.count - 1
    try sheet.widths(
      [11, 36, 8, 9, 10] + years.map { _ in 10.0 } + [30, 9, 11, 40, 12, 30, 22])
    try sheet.title(
      context.t(
        "《\(section.plan.title)》监测指标（\(context.year)年）", "\(section.plan.title): indicators (\(context.year))"))
    sheet.row = headerRow
    let header =
      [
        context.t("指标代码", "Code"), context.t("指标名称", "Indicator"), context.t("单位", "Unit"),
        context.t("基期年份", "Baseline year"), context.t("基期值", "Baseline"),
      ] + years.map(context.yearLabel) + trailing
    try sheet.headerRow(header)
    try sheet.sheet.setRowHeight(30, row: headerRow)
    try sheet.sheet.freezePanes(topRows: headerRow + 1, leftColumns: 2)
    try sheet.printAsTable(headerRows: headerRow...headerRow, footer: context.footer(section.plan.title), paper: .a3)

    for (index, domain) in section.domains.enumerated() {
      try sheet.sheet.merge(
        CellRange(firstRow: sheet.row, firstColumn: 0, lastRow: sheet.row, lastColumn: lastColumn),
        value: .string(SheetWriter.safeText(context.sectionNumber(index) + domain.domain.name)),
        format: YearbookStyle.section)
      sheet.row += 1
      for record in domain.records {
        try indicatorRow(context, record: record, years: years, sheet: sheet)
      }
    }
    try sheet.notes(notes(context, plan: section.plan))
  }

  /// The notes under the table: sources, symbols, how attainment, projection and swings are judged.
  static func notes(_ context: YearbookContext, plan: Plan) -> [String] {
    [
      context.t(
        "资料来源：各成员单位报送的年度监测数据（见\"\(context.names.submissions)\"\"\(context.names.provenance)\"）；基期值和目标来自《\(plan.title)》。",
        "Sources: the member units' annual returns (see \"\(context.names.submissions)\" and \"\(context.names.provenance)\"); baselines and targets from \(plan.title)."
      ),
      context.t(
        "符号说明：\"—\"表示无数据；\"不适用\"表示该指标不适用；\"※ 数据冲突\"表示不同来源的数值不一致，见\"\(context.names.conflicts)\"；批注中为修订记录和部门的情况说明。",
        "Symbols: \"—\" no data; \"n/a\" not applicable; \"※ conflict\" sources disagree, see \"\(context.names.conflicts)\"; notes hold revisions and the departments' explanations."
      ),
      context.t(
        "达标情况以文字和颜色表示：达标（绿）、接近达标（黄，差距在目标值的5%以内）、未达标（红）、无法评估（灰）。",
        "Attainment in text and colour: met (green), near (yellow, within 5% of the target), not met (red), cannot assess (grey)."
      ),
      context.t(
        "预测至目标年：用已有年份（含基期）的数值按最小二乘直线外推至目标年份（至少3个年份）；预测达不到目标的列为\"预计达标困难\"。",
        "Projection: a least-squares line through the known years (baseline included, at least 3 years) extended to the target year; a miss is flagged off track."
      ),
      context.t(
        "波动较大：\(context.year)年与上一个有数据年份相比，变化幅度超过按单位设定的阈值。",
        "Swinging: the change from the previous known year to \(context.year) exceeds the threshold for the unit."),
      context.t(
        "数值按指标规定的小数位数显示，单元格中保存的是报送的原值。",
        "Numbers are shown with the indicator's decimals; cells hold the values exactly as reported."),
    ]
  }

  private static func indicatorRow(
    _ context: YearbookContext, record: IndicatorRecord, years: [Int], sheet: SheetWriter
  ) throws {
    let row = sheet.row
    let indicator = record.indicator
    let numberFormat = YearbookStyle.number(decimals: indicator.decimals)
    try sheet.text(indicator.code, row: row, column: 0)
    var name = indicator.name
    if let part = indicator.disaggregation, part.group != indicator.code, !name.contains(part.label) {
      name += context.t("（\(part.label)）", " (\(part.label))")
    }
    try sheet.text(name, row: row, column: 1)
    try sheet.text(indicator.unit.symbol, row: row, column: 2, format: YearbookStyle.centered)
    if let baseline = indicator.baseline {
      try sheet.integer(baseline.year, row: row, column: 3, format: YearbookStyle.centered)
      try sheet.number(baseline.value, row: row, column: 4, format: numberFormat)
    } else {
      try sheet.text(context.noData, row: row, column: 3, format: YearbookStyle.centered)
      try sheet.text(context.noData, row: row, column: 4, format: YearbookStyle.centered)
    }
    for (offset, year) in years.enumerated() {
      let column = firstYearColumn + offset
      try yearCell(context, record.cells[year], row: row, column: column, numberFormat: numberFormat, sheet: sheet)
      var noteLines: [String] = []
      if case .conflict(let values) = record.cells[year] {
        noteLines.append(context.t("数据冲突：", "Conflict: "))
        noteLines += values.map { sourceLine(context, $0) }
      }
      for revision in record.revisions[year] ?? [] {
        let files = "\(revision.oldValue.provenance.fileName) → \(revision.newValue.provenance.fileName)"
        noteLines.append(
          context.t("修订：", "Revised: ") + context.quantityText(revision.oldValue.quantity) + " → "
            + context.quantityText(revision.newValue.quantity)
            + context.t("（\(files)）", " (\(files))"))
      }
      for explanation in record.explanations[year] ?? [] {
        noteLines.append(context.t("情况说明：", "Explanation: ") + explanation)
      }
      if !noteLines.isEmpty { try sheet.note(noteLines.joined(separator: "\n"), row: row, column: column) }
    }
    var column = firstYearColumn + years.count
    try sheet.text(
      record.target.map { context.targetText($0, of: indicator) } ?? context.noData, row: row, column: column)
    column += 1
    if let judged = record.attainment.year {
      try sheet.integer(judged, row: row, column: column, format: YearbookStyle.centered)
    } else {
      try sheet.text(context.noData, row: row, column: column, format: YearbookStyle.centered)
    }
    column += 1
    try sheet.text(
      context.t(record.attainment.status.label), row: row, column: column,
      format: YearbookStyle.status(record.attainment.status))
    column += 1
    try sheet.text(context.t(record.attainment.reason), row: row, column: column)
    column += 1
    if indicator.isQualitative || record.target?.expression.isQualitative == true {
      try sheet.text(context.notApplicable, row: row, column: column, format: YearbookStyle.centered)
    } else if let projection = record.projection {
      try sheet.number(projection, row: row, column: column, format: numberFormat)
    } else {
      try sheet.text(context.noData, row: row, column: column, format: YearbookStyle.centered)
    }
    column += 1
    let flags = warningFlags(context, record)
    try sheet.text(flags, row: row, column: column, format: flags.isEmpty ? YearbookStyle.text : YearbookStyle.warning)
    column += 1
    try sheet.text(context.departmentNames(indicator.departments), row: row, column: column)
    sheet.row += 1
  }

  /// Writes what a year shows: the exact number, a text, a missing mark, a conflict mark, or — for no value.
  static func yearCell(
    _ context: YearbookContext, _ cell: YearCell?, row: Int, column: Int, numberFormat: CellFormat,
    sheet: SheetWriter
  ) throws {
    switch cell {
    case .number(let value): try sheet.number(value, row: row, column: column, format: numberFormat)
    case .text(let text): try sheet.text(text, row: row, column: column)
    case .missing(let reason):
      try sheet.text(context.missingText(reason), row: row, column: column, format: YearbookStyle.centered)
    case .conflict: try sheet.text(context.conflictMark, row: row, column: column, format: YearbookStyle.conflict)
    case nil: try sheet.text(context.noData, row: row, column: column, format: YearbookStyle.centered)
    }
  }

  /// `93.5（区卫生健康局，卫健.xlsx 表1!H7）`.
  static func sourceLine(_ context: YearbookContext, _ value: StoredValue) -> String {
    let place = "\(value.provenance.fileName) \(value.provenance.sheet)!\(value.provenance.cell)"
    return context.quantityText(value.quantity)
      + context.t(
        "（\(context.departmentName(value.department))，\(place)）",
        " (\(context.departmentName(value.department)), \(place))")
  }

  /// The 预警 text of a record: off track, swinging, conflicts; empty when none.
  static func warningFlags(_ context: YearbookContext, _ record: IndicatorRecord) -> String {
    var flags: [String] = []
    if record.isOffTrack {
      var text = context.t("预计达标困难", "off track")
      if let projection = record.projection, let target = record.target {
        let shown = NumberText.fixed(projection, decimals: record.indicator.decimals)
        text += context.t("（预测\(target.year)年为\(shown)）", " (projected \(shown) in \(target.year))")
      }
      flags.append(text)
    }
    for change in record.volatility.swings {
      flags.append(
        context.t(
          "波动较大（\(change.fromYear)年\(NumberText.plain(change.from))→\(change.toYear)年\(NumberText.plain(change.to))）",
          "swinging (\(NumberText.plain(change.from)) in \(change.fromYear) → \(NumberText.plain(change.to)) in \(change.toYear))"
        ))
    }
    if record.hasConflict { flags.append(context.t("数据冲突", "conflict")) }
    return flags.joined(separator: context.t("；", "; "))
  }
}
