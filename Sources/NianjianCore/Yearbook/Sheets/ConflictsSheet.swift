import Schema
import XLSXWriter

/// 冲突与修订: each conflict with every disagreeing value and its source; each revision with both values and files.
enum ConflictsSheet {
  /// Writes the sheet.
  static func write(_ context: YearbookContext, to sheet: SheetWriter) throws {
    try sheet.widths([8, 11, 28, 7, 12, 20, 28, 12, 8, 16, 12, 28, 12, 8])
    try sheet.printAsTable(footer: context.footer(context.names.conflicts))
    try sheet.title(context.t("数据冲突与修订", "Conflicts and revisions"))
    sheet.row += 1
    try sheet.title(
      context.t("一、数据冲突（同一指标同一年份的数值不一致，未作取舍）", "1. Conflicts (sources disagree; none was chosen)"),
      format: YearbookStyle.heading)
    try sheet.headerRow([
      context.t("冲突序号", "Conflict"), context.t("指标代码", "Code"), context.t("指标名称", "Indicator"),
      context.t("年份", "Year"), context.t("数值", "Value"), context.t("报送部门", "Department"),
      context.t("文件", "File"), context.t("工作表", "Sheet"), context.t("单元格", "Cell"),
      context.t("原始内容", "Raw text"),
    ])
    let conflicts = conflictList(context)
    if conflicts.isEmpty { try sheet.textRow([context.t("无", "none")]) }
    for (number, conflict) in conflicts.enumerated() {
      for value in conflict.values {
        let row = sheet.row
        try sheet.integer(number + 1, row: row, column: 0, format: YearbookStyle.centered)
        try sheet.text(conflict.indicatorCode, row: row, column: 1)
        try sheet.text(context.indicatorName(conflict.indicatorCode), row: row, column: 2)
        try sheet.integer(conflict.year, row: row, column: 3, format: YearbookStyle.centered)
        try ProvenanceSheet.quantityCell(context, value, row: row, column: 4, sheet: sheet)
        try sheet.text(context.departmentName(value.department), row: row, column: 5)
        try sheet.text(value.provenance.fileName, row: row, column: 6)
        try sheet.text(value.provenance.sheet, row: row, column: 7)
        try sheet.text(value.provenance.cell, row: row, column: 8)
        try sheet.text(value.provenance.rawText, row: row, column: 9)
        sheet.row += 1
      }
    }
    sheet.row += 1
    try sheet.title(
      context.t("二、修订记录（重新报送改变了已接收的数值）", "2. Revisions (a resubmission changed an accepted value)"),
      format: YearbookStyle.heading)
    try sheet.headerRow([
      context.t("序号", "No."), context.t("指标代码", "Code"), context.t("指标名称", "Indicator"),
      context.t("年份", "Year"), context.t("原数值", "Old value"), context.t("原报送部门", "Old department"),
      context.t("原文件", "Old file"), context.t("原单元格", "Old cell"), context.t("原提交编号", "Old submission"),
      context.t("新数值", "New value"), context.t("新报送部门", "New department"), context.t("新文件", "New file"),
      context.t("新单元格", "New cell"), context.t("新提交编号", "New submission"),
    ])
    let order = YearbookAnalysis.indicatorOrder(context.schema)
    let revisions = context.input.revisions.sorted {
      YearbookAnalysis.revisionKey($0, order: order).lexicographicallyPrecedes(
        YearbookAnalysis.revisionKey($1, order: order))
    }
    if revisions.isEmpty { try sheet.textRow([context.t("无", "none")]) }
    for (number, revision) in revisions.enumerated() {
      let row = sheet.row
      try sheet.integer(number + 1, row: row, column: 0, format: YearbookStyle.centered)
      try sheet.text(revision.indicatorCode, row: row, column: 1)
      try sheet.text(context.indicatorName(revision.indicatorCode), row: row, column: 2)
      try sheet.integer(revision.year, row: row, column: 3, format: YearbookStyle.centered)
      for (offset, value) in [revision.oldValue, revision.newValue].enumerated() {
        let base = 4 + offset * 5
        try ProvenanceSheet.quantityCell(context, value, row: row, column: base, sheet: sheet)
        try sheet.text(context.departmentName(value.department), row: row, column: base + 1)
        try sheet.text(value.provenance.fileName, row: row, column: base + 2)
        try sheet.text("\(value.provenance.sheet)!\(value.provenance.cell)", row: row, column: base + 3)
        try sheet.integer(Int(clamping: value.submissionID), row: row, column: base + 4, format: YearbookStyle.centered)
      }
      sheet.row += 1
    }
  }

  /// The conflicts to list: the input's conflicts plus disagreements found among the values, sorted by indicator
  /// and year, each value listed once.
  static func conflictList(_ context: YearbookContext) -> [Conflict] {
    let order = YearbookAnalysis.indicatorOrder(context.schema)
    var byKey: [String: Conflict] = [:]
    func add(_ code: String, _ year: Int, _ values: [StoredValue]) {
      let key = "\(code)\u{1}\(year)"
      var conflict = byKey[key] ?? Conflict(indicatorCode: code, year: year, values: [])
      for value in values where !conflict.values.contains(value) { conflict.values.append(value) }
      byKey[key] = conflict
    }
    for conflict in context.input.conflicts { add(conflict.indicatorCode, conflict.year, conflict.values) }
    for record in context.analysis.allRecords {
      for year in record.cells.keys.sorted() {
        if case .conflict(let values) = record.cells[year] { add(record.indicator.code, year, values) }
      }
    }
    return byKey.keys.sorted().compactMap { byKey[$0] }
      .map { conflict in
        var sortedConflict = conflict
        sortedConflict.values.sort { YearbookAnalysis.precedes($0, $1, order: order) }
        return sortedConflict
      }
      .sorted { a, b in
        let (ra, rb) = (order[a.indicatorCode] ?? Int.max, order[b.indicatorCode] ?? Int.max)
        if ra != rb { return ra < rb }
        if a.indicatorCode != b.indicatorCode { return a.indicatorCode < b.indicatorCode }
        return a.year < b.year
      }
  }
}
