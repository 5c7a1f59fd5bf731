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
