import Schema
import XLSXWriter

/// 综述: attainment counts per plan and domain, and the early-warning lists (预计达标困难, 波动较大).
enum SummarySheet {
  /// The statuses in column order.
  static let statuses: [Attainment.Status] = [.met, .near, .notMet, .cannotAssess]

  /// Writes the summary.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([30, 24, 10, 10, 10, 10, 10, 14, 12, 14, 16])
    try sheet.printAsTable(footer: context.footer(context.names.summary))
    try sheet.title(context.t("\(context.year)年妇女儿童发展规划监测综述", "Monitoring summary \(context.year)"))
    sheet.row += 1
    try sheet.title(context.t("一、达标情况", "1. Attainment"), format: YearbookStyle.heading)
    var header = [context.t("规划", "Plan"), context.t("领域", "Domain"), context.t("指标数", "Indicators")]
    header += statuses.map { context.t($0.label) }
    header += [
      context.t("预计达标困难", "Off track"), context.t("波动较大", "Swinging"),
      context.t("\(context.year)年有数据", "With a \(context.year) value"),
      context.t("按往年数值判断", "Judged on an earlier year"),
    ]
    try sheet.headerRow(header)
    for section in context.analysis.plans {
      for domain in section.domains {
        try countRow(context, sheet, plan: section.plan.title, domain: domain.domain.name, records: domain.records)
      }
      try countRow(
        context, sheet, plan: section.plan.title, domain: context.t("合计", "Total"), records: section.records,
        format: CellFormat(bold: true, border: YearbookStyle.tableBorder))
    }
    try sheet.notes([
      context.t(
        "注：按\(context.year)年数值判断；\(context.year)年没有数值的，按\(context.year)年以前最近一年的数值判断（见各规划表\"评估年份\"列）。",
        "Judged on the \(context.year) value, or the latest earlier value when \(context.year) has none (see the plan sheets)."
      ),
      context.t(
        "接近达标：未达标但差距在目标值的5%以内；无法评估：没有数据、定性目标或数据不足以判断趋势。",
        "Near: not met but within 5% of the target; cannot assess: no data, a qualitative target or too few years."),
    ])
    sheet.row += 1
    try offTrackTable(context, sheet, heading: context.t("二、预计达标困难的指标", "2. Indicators off track"))
    sheet.row += 1
    try swingingTable(context, sheet, heading: context.t("三、波动较大的指标", "3. Indicators that swing"))
    if !context.analysis.unknownValues.isEmpty {
      try sheet.notes([
        context.t(
          "另有 \(context.analysis.unknownValues.count) 个数据的指标代码不在当前指标库中，见\"\(context.names.provenance)\"。",
          "\(context.analysis.unknownValues.count) values have indicator codes not in the schema; see \"\(context.names.provenance)\"."
        )
      ])
    }
  }

  private static func countRow(
    _ context: YearbookContext, _ sheet: SheetWriter, plan: String, domain: String, records: [IndicatorRecord],
    format: CellFormat = YearbookStyle.text
  ) throws {
    let row = sheet.row
    try sheet.text(plan, row: row, column: 0, format: format)
    try sheet.text(domain, row: row, column: 1, format: format)
    try sheet.integer(records.count, row: row, column: 2)
    for (offset, status) in statuses.enumerated() {
      try sheet.integer(records.filter { $0.attainment.status == status }.count, row: row, column: 3 + offset)
    }
    try sheet.integer(records.filter(\.isOffTrack).count, row: row, column: 3 + statuses.count)
    try sheet.integer(records.filter(\.isSwinging).count, row: row, column: 4 + statuses.count)
    let reported = records.filter { record in
      switch record.cells[context.year] {
      case .number, .text, .conflict: return true
      case .missing, nil: return false
      }
    }
    try sheet.integer(reported.count, row: row, column: 5 + statuses.count)
    let judgedEarlier = records.filter { record in record.attainment.year.map { $0 < context.year } ?? false }
    try sheet.integer(judgedEarlier.count, row: row, column: 6 + statuses.count)
    sheet.row += 1
  }

  /// The off-track table (also used on the warnings sheet).
  static func offTrackTable(_ context: YearbookContext, _ sheet: SheetWriter, heading: String) throws {
    try sheet.title(heading, format: YearbookStyle.heading)
    try sheet.headerRow([
      context.t("指标代码", "Code"), context.t("指标名称", "Indicator"), context.t("单位", "Unit"),
      context.t("目标", "Target"), context.t("预测至目标年", "Projected"), context.t("最近数值", "Latest value"),
      context.t("最近年份", "Latest year"), context.t("报送部门", "Departments"),
    ])
    let records = context.analysis.offTrack
    if records.isEmpty {
      try sheet.textRow([context.t("无", "none")])
      return
    }
    for record in records {
      let row = sheet.row
      let indicator = record.indicator
      try sheet.text(indicator.code, row: row, column: 0)
      try sheet.text(indicator.name, row: row, column: 1)
      try sheet.text(indicator.unit.symbol, row: row, column: 2, format: YearbookStyle.centered)
      try sheet.text(record.target.map { context.targetText($0, of: indicator) } ?? "", row: row, column: 3)
      let numberFormat = YearbookStyle.number(decimals: indicator.decimals)
      if let projection = record.projection {
        try sheet.number(projection, row: row, column: 4, format: numberFormat)
      } else {
        try sheet.text(context.noData, row: row, column: 4, format: YearbookStyle.centered)
      }
      if let latest = record.series.keys.max(), let value = record.series[latest] {
        try sheet.number(value, row: row, column: 5, format: numberFormat)
        try sheet.integer(latest, row: row, column: 6, format: YearbookStyle.centered)
      } else {
        try sheet.text(context.noData, row: row, column: 5, format: YearbookStyle.centered)
        try sheet.text(context.noData, row: row, column: 6, format: YearbookStyle.centered)
      }
      try sheet.text(context.departmentNames(indicator.departments), row: row, column: 7)
      sheet.row += 1
    }
  }

  /// The swinging table (also used on the warnings sheet).
  static func swingingTable(_ context: YearbookContext, _ sheet: SheetWriter, heading: String) throws {
    try sheet.title(heading, format: YearbookStyle.heading)
    try sheet.headerRow([
      context.t("指标代码", "Code"), context.t("指标名称", "Indicator"), context.t("单位", "Unit"),
      context.t("变化", "Change"), context.t("上一年份数值", "Earlier value"), context.t("本年数值", "Later value"),
      context.t("相对变化", "Relative change"), context.t("报送部门", "Departments"),
    ])
    let records = context.analysis.swinging
    if records.isEmpty {
      try sheet.textRow([context.t("无", "none")])
      return
    }
    for record in records {
      let indicator = record.indicator
      let numberFormat = YearbookStyle.number(decimals: indicator.decimals)
      for change in record.volatility.swings {
        let row = sheet.row
        try sheet.text(indicator.code, row: row, column: 0)
        try sheet.text(indicator.name, row: row, column: 1)
        try sheet.text(indicator.unit.symbol, row: row, column: 2, format: YearbookStyle.centered)
        try sheet.text(
          context.t("\(change.fromYear)年→\(change.toYear)年", "\(change.fromYear) → \(change.toYear)"), row: row,
          column: 3, format: YearbookStyle.centered)
        try sheet.number(change.from, row: row, column: 4, format: numberFormat)
        try sheet.number(change.to, row: row, column: 5, format: numberFormat)
        if change.relative.isFinite {
          try sheet.number(
            change.relative, row: row, column: 6,
            format: CellFormat(border: YearbookStyle.tableBorder, numberFormat: "0.0%"))
        } else {
          try sheet.text(context.t("由0变化", "from 0"), row: row, column: 6, format: YearbookStyle.centered)
        }
        try sheet.text(context.departmentNames(indicator.departments), row: row, column: 7)
        sheet.row += 1
      }
    }
  }
}
