import Schema
import XLSXWriter

/// A plan's chart sheet: per domain, one line chart per numeric indicator with at least two years of values,
/// with its target as a flat line where the target is a level. The data lives on the hidden chart-data sheet.
enum ChartsSheet {
  /// The fewest years with a number an indicator needs to get a chart.
  static let minimumYears = 2
  /// Charts per row on the sheet.
  static let chartsPerRow = 2
  /// Columns one chart spans (at the default width).
  static let columnsPerChart = 8
  /// Rows one chart spans (at the default height), including a gap.
  static let rowsPerChart = 16
  /// Chart size in pixels.
  static let chartSize = (width: 480, height: 288)

  /// Whether a record gets a chart.
  static func isCharted(_ record: IndicatorRecord, years: [Int]) -> Bool {
    !record.indicator.isQualitative && years.filter { record.series[$0] != nil }.count >= minimumYears
  }

  /// The flat target lines of a record: its level values, or the concrete goal of a one-off relative change.
  static func targetLevels(_ record: IndicatorRecord) -> [Double] {
    guard let target = record.target else { return [] }
    if target.expression.isLevel { return target.expression.levelValues }
    if case .change(_, _, let yearly, _) = target.expression, !yearly, let goal = record.attainment.goal {
      return [goal]
    }
    return []
  }

  /// Writes the chart sheet of `section`, appending its data to `data` (the hidden chart-data sheet).
  static func write(_ context: YearbookContext, section: PlanSection, to sheet: SheetWriter, data: SheetWriter) throws {
    try sheet.title(context.t("《\(section.plan.title)》指标走势图", "\(section.plan.title): charts"))
    sheet.row += 1
    let years = section.years
    // The plan's block on the data sheet: a title row, then the years (the categories of every chart).
    try data.text(section.plan.title, row: data.row, column: 0, format: YearbookStyle.heading)
    data.row += 1
    let yearRow = data.row
    try data.text(context.t("年份", "Year"), row: yearRow, column: 0, format: nil)
    for (offset, year) in years.enumerated() { try data.integer(year, row: yearRow, column: offset + 1, format: nil) }
    data.row += 1
    guard !years.isEmpty else {
      try sheet.title(context.t("没有年份数据，暂无图表。", "No years to chart."), format: YearbookStyle.note)
      return
    }
    let categories = SheetReference(
      sheet: data.name, range: CellRange(firstRow: yearRow, firstColumn: 1, lastRow: yearRow, lastColumn: years.count))
    var chartCount = 0
    for domain in section.domains {
      let records = domain.records.filter { isCharted($0, years: years) }
      guard !records.isEmpty else { continue }
      try sheet.title(domain.domain.name, format: YearbookStyle.heading)
      for (index, record) in records.enumerated() {
        let spec = try chart(context, record: record, years: years, categories: categories, data: data)
        let address = CellAddress(
          row: sheet.row + (index / chartsPerRow) * rowsPerChart, column: (index % chartsPerRow) * columnsPerChart)
        try sheet.sheet.insertChart(spec, at: address)
        chartCount += 1
      }
      sheet.row += ((records.count + chartsPerRow - 1) / chartsPerRow) * rowsPerChart
    }
    if chartCount == 0 {
      try sheet.title(
        context.t("暂无两个年份以上的数值数据，没有图表。", "No indicator has values for two or more years yet."),
        format: YearbookStyle.note)
    }
    data.row += 1
  }

  /// Writes a record's rows on the data sheet and returns its chart.
  private static func chart(
    _ context: YearbookContext, record: IndicatorRecord, years: [Int], categories: SheetReference, data: SheetWriter
  ) throws -> ChartSpec {
    let indicator = record.indicator
    let title =
      "\(indicator.code) \(indicator.name)" + context.t("（\(indicator.unit.symbol)）", " (\(indicator.unit.symbol))")
    var spec = ChartSpec(
      kind: .line, title: title, xAxisTitle: context.t("年份", "Year"), yAxisTitle: indicator.unit.symbol,
      legend: .bottom, width: chartSize.width, height: chartSize.height)
    let valueRow = data.row
    try data.text(title, row: valueRow, column: 0, format: nil)
    for (offset, year) in years.enumerated() {
      if let value = record.series[year] { try data.number(value, row: valueRow, column: offset + 1, format: nil) }
    }
    data.row += 1
    spec.series.append(
      ChartSeries(
        name: .text(context.t("实际值", "Value")), categories: categories,
        values: rowReference(data.name, row: valueRow, count: years.count), marker: .circle))
    for level in targetLevels(record) {
      let targetRow = data.row
      let label =
        context.t("目标", "Target") + " "
        + (record.target.map { context.expressionText($0.expression, of: indicator) } ?? "")
      try data.text(label, row: targetRow, column: 0, format: nil)
      for offset in years.indices { try data.number(level, row: targetRow, column: offset + 1, format: nil) }
      data.row += 1
      spec.series.append(
        ChartSeries(
          name: .text(label), categories: categories,
          values: rowReference(data.name, row: targetRow, count: years.count),
          marker: ChartSeries.Marker.none))
    }
    return spec
  }

  private static func rowReference(_ sheet: String, row: Int, count: Int) -> SheetReference {
    SheetReference(sheet: sheet, range: CellRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: count))
  }
}
