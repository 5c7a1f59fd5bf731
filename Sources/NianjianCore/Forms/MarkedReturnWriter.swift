import Foundation
import Schema
import XLSXWriter

/// Writes a marked copy of a department's return to send back: the return rebuilt from its template with the
/// department's values, problem cells coloured, a 审核意见 column and notes, and a first sheet summarising the
/// findings.
///
/// The copy is built by the same code as the blank template (``TemplateWriter``), for the department and year
/// of `report.identity`. Without an identity, the department is the one that reports every indicator found
/// (the main reporter of most of them first); when there is none, the copy is a generic form of just the
/// indicators found. Status is always written in words (`【错误】…`) as well as shown by colour.
public enum MarkedReturnWriter {
  /// The suffix added to the original file name: `卫生健康局_审核意见.xlsx`.
  public static let fileNameSuffix = "_审核意见"

  /// The name of the marked copy of `fileName`: the name without `.xlsx`/`.xlsm` plus ``fileNameSuffix``.
  public static func markedFileName(for fileName: String) -> String {
    var base = fileName
    for suffix in [".xlsx", ".xlsm", ".xls", ".et"] where base.lowercased().hasSuffix(suffix) {
      base = String(base.dropLast(suffix.count))
      break
    }
    if base.isEmpty { base = "return" }
    return FormDocument.safeFileName(base + fileNameSuffix) + ".xlsx"
  }

  /// Writes the marked copy of `report` into `directory` and returns the file written.
  ///
  /// - Throws: ``FormsError`` when the folder is missing or not writable, or the workbook cannot be written
  ///   (no file is then left behind).
  ///
  /// - Parameters:
  ///   - previous: Last year's accepted values by indicator code, shown in 上年数值 as on the template (the
  ///     baseline is shown when there is none).
  public static func write(
    report: ReturnReport, schema: Schema, to directory: URL, language: Language = .zh,
    previous: [String: StoredValue] = [:]
  ) throws -> URL {
    try TemplateWriter.checkFolder(directory)
    let document = formDocument(report: report, schema: schema, language: language)
    var values: [String: ReportedValue] = [:]
    for value in report.values where values[value.indicatorCode] == nil { values[value.indicatorCode] = value }
    var findings: [String: [Finding]] = [:]
    for finding in report.findings {
      if let code = finding.indicator, schema.indicator(code: code) != nil {
        findings[code, default: []].append(finding)
      }
    }
    let url = directory.appendingPathComponent(markedFileName(for: report.fileName))
    do {
      let workbook = try Workbook(path: url.path)
      let summary = try workbook.addWorksheet(FormLayout.reviewSummarySheet(language))
      let builder = FormWorkbookBuilder(
        document: document, previous: previous, fill: FormFill(values: values, findings: findings))
      try builder.addSheets(to: workbook)
      try builder.write()
      try ReviewSummaryWriter(report: report, schema: schema, builder: builder, language: language).write(summary)
      try summary.activate()
      try builder.finish()
      try workbook.close()
    } catch {
      throw FormsError.writeFailed(file: url.path, reason: "\(error)")
    }
    return url
  }

  /// The form the marked copy shows (see the type's documentation for how the department is chosen).
  static func formDocument(report: ReturnReport, schema: Schema, language: Language) -> FormDocument {
    let found = Set(report.values.map(\.indicatorCode) + report.findings.compactMap(\.indicator))
      .filter { schema.indicator(code: $0) != nil }
    let year = report.identity?.year ?? mostCommonYear(report.values) ?? 0
    if let identity = report.identity, let department = schema.department(id: identity.department) {
      if var document = FormDocument.template(schema: schema, department: department, year: year, language: language) {
        let onForm = Set(document.indicators.map(\.code))
        if found.isSubset(of: onForm) { return document }
        // Values for indicators the template does not hold: show them too.
        let generic = FormDocument.generic(
          schema: schema, codes: onForm.union(found), year: year, department: department, language: language)
        document.sections = generic.sections
        return document
      }
      return FormDocument.generic(schema: schema, codes: found, year: year, department: department, language: language)
    }
    if let department = likelyDepartment(of: found, schema: schema),
      let document = FormDocument.template(schema: schema, department: department, year: year, language: language),
      found.isSubset(of: Set(document.indicators.map(\.code)))
    {
      return document
    }
    return FormDocument.generic(schema: schema, codes: found, year: year, department: nil, language: language)
  }

  /// The department that reports every code in `codes`, preferring the main reporter of most of them, then
  /// schema order; `nil` when no department reports them all.
  static func likelyDepartment(of codes: Set<String>, schema: Schema) -> Department? {
    guard !codes.isEmpty else { return nil }
    let indicators = codes.compactMap { schema.indicator(code: $0) }
    var best: (department: Department, main: Int)?
    for department in schema.departments {
      guard indicators.allSatisfy({ $0.departments.contains(department.id) }) else { continue }
      let main = indicators.filter { $0.mainDepartment == department.id }.count
      if let current = best, current.main >= main { continue }
      best = (department, main)
    }
    return best?.department
  }

  private static func mostCommonYear(_ values: [ReportedValue]) -> Int? {
    var counts: [Int: Int] = [:]
    for value in values { counts[value.year, default: 0] += 1 }
    return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
  }
}

/// Writes the 审核结果 sheet of a marked copy: file facts, counts by severity, the conclusion, then every
/// finding with a link to its row on the form sheet.
struct ReviewSummaryWriter {
  let report: ReturnReport
  let schema: Schema
  let builder: FormWorkbookBuilder
  let language: Language

  private var text: FormText { FormText(language: language) }

  private func format(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
    var format = CellFormat(fontName: "宋体", fontSize: 10.5)
    format.verticalAlignment = .center
    configure(&format)
    return format
  }

  func write(_ sheet: Worksheet) throws {
    let headers = [
      text("序号", "No."), text("严重程度", "Severity"), text("规则", "Rule"), text("原文件位置", "Location in return"),
      text("指标", "Indicator"), text("数值", "Value"), text("审核意见", "Message"), text("转到", "Go to"),
    ]
    let widths: [Double] = [6, 10, 18, 16, 30, 14, 60, 18]
    for (index, width) in widths.enumerated() { try sheet.setColumnWidth(width, columns: index...index) }
    let title = format {
      $0.bold = true
      $0.fontSize = 14
    }
    let label = format { $0.bold = true }
    let plain = format { $0.wrapsText = true }
    let bordered = format {
      $0.border = .thin
      $0.wrapsText = true
    }
    let header = format {
      $0.bold = true
      $0.border = .thin
      $0.fill = .lightGray
      $0.horizontalAlignment = .center
      $0.wrapsText = true
    }

    try sheet.write(.string(text("审核结果：", "Review of ") + report.fileName), row: 0, column: 0, format: title)
    let identity = report.identity
    let department =
      identity.flatMap { schema.department(id: $0.department)?.name ?? $0.department }
      ?? builder.document.department?.name ?? text("未识别", "unidentified")
    let facts: [(String, String)] = [
      (text("文件", "File"), report.fileName),
      ("SHA-256", report.sha256),
      (text("识别方式", "Identified by"), identificationText(report.identification)),
      (text("报表", "Template"), identity?.templateID ?? text("（无识别信息）", "(none)")),
      (text("填报单位", "Reporting unit"), department),
      (text("报告期", "Year"), builder.document.year > 0 ? String(builder.document.year) : "—"),
    ]
    var row = 2
    for (name, value) in facts {
      try sheet.merge(
        CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1), value: .string(name), format: label)
      try sheet.merge(
        CellRange(firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 6), value: .string(value), format: plain)
      row += 1
    }
    row += 1
    try sheet.write(.string(text("严重程度", "Severity")), row: row, column: 1, format: header)
    try sheet.write(.string(text("数量", "Count")), row: row, column: 2, format: header)
    row += 1
    for severity in Severity.allCases {
      var cell = bordered
      cell.fill = FormWorkbookBuilder.fill(for: severity)
      cell.fontColor = FormWorkbookBuilder.fontColor(for: severity)
      try sheet.write(.string(severity.label.text(language)), row: row, column: 1, format: cell)
      try sheet.write(.number(Double(report.count(severity))), row: row, column: 2, format: bordered)
      row += 1
    }
    row += 1
    try sheet.merge(
      CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1),
      value: .string(text("审核结论", "Conclusion")), format: label)
    try sheet.merge(
      CellRange(firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 6), value: .string(conclusion()),
      format: label)
    row += 2

    let listHeader = row
    for (index, name) in headers.enumerated() {
      try sheet.write(.string(name), row: row, column: index, format: header)
    }
    row += 1
    if report.findings.isEmpty {
      try sheet.merge(
        CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: headers.count - 1),
        value: .string(text("未发现问题。", "No problems found.")), format: bordered)
    }
    for (index, finding) in report.findings.enumerated() {
      var severityCell = bordered
      severityCell.fill = FormWorkbookBuilder.fill(for: finding.severity)
      severityCell.fontColor = FormWorkbookBuilder.fontColor(for: finding.severity)
      let location = [finding.sheet, finding.cell].compactMap { $0 }.joined(separator: "!")
      let indicatorText = finding.indicator.map { code in
        schema.indicator(code: code).map { "\(code) \($0.name)" } ?? code
      }
      try sheet.write(.number(Double(index + 1)), row: row, column: 0, format: bordered)
      try sheet.write(.string(severityTagText(finding.severity)), row: row, column: 1, format: severityCell)
      try sheet.write(.string(finding.rule), row: row, column: 2, format: bordered)
      try sheet.write(location.isEmpty ? .blank : .string(location), row: row, column: 3, format: bordered)
      try sheet.write(indicatorText.map(CellContent.string) ?? .blank, row: row, column: 4, format: bordered)
      try sheet.write(finding.value.map(CellContent.string) ?? .blank, row: row, column: 5, format: bordered)
      try sheet.write(
        .string(builder.reviewLines([finding]).first ?? ""), row: row, column: 6, format: bordered)
      if let code = finding.indicator, let target = builder.valueCells[code] {
        var link = bordered
        link.fontColor = .linkBlue
        link.underline = true
        let reference = SheetReference(sheet: builder.formSheetName, cell: target)
        try sheet.writeInternalLink(
          to: reference, at: CellAddress(row: row, column: 7), text: "\(builder.formSheetName)!\(target.a1)",
          format: link)
      } else {
        try sheet.write(.blank, row: row, column: 7, format: bordered)
      }
      row += 1
    }
    try sheet.freezePanes(topRows: listHeader + 1)
    var page = PrintSetup(paper: .a4, orientation: .landscape, fitToPagesWide: 1)
    page.repeatRows = listHeader...listHeader
    try sheet.setPrintSetup(page)
  }

  private func severityTagText(_ severity: Severity) -> String {
    builder.severityTag(severity).trimmingCharacters(in: .whitespaces)
  }

  private func conclusion() -> String {
    let errors = report.count(.error)
    let warnings = report.count(.warning)
    let unexplained = report.findings.filter { $0.severity == .warning && !$0.explained }.count
    if errors > 0 {
      return text(
        "不能接收：有\(errors)个错误，请修改后重新报送。",
        "Cannot be accepted: \(errors) error(s); correct them and send the return again.")
    }
    if unexplained > 0 {
      return text(
        "可以接收，但有\(unexplained)个警告尚无情况说明，请在“情况说明”列补充。",
        "Acceptable, but \(unexplained) warning(s) still need an explanation in the Explanation column.")
    }
    if warnings > 0 {
      return text("可以接收：警告均已有情况说明。", "Acceptable: every warning is explained.")
    }
    return text("可以接收：未发现错误和警告。", "Acceptable: no errors or warnings.")
  }

  private func identificationText(_ method: IdentificationMethod) -> String {
    switch method {
    case .customProperty: return text("文档属性（报表识别码）", "custom document property")
    case .metadataSheet: return text("隐藏的识别工作表", "hidden metadata sheet")
    case .headerByCode: return text("按表头和指标代码匹配（识别信息缺失）", "header row and indicator codes (no identification)")
    case .headerByName:
      return text("按表头和指标名称匹配（识别信息和代码缺失）", "header row and indicator names (no identification or codes)")
    case .unidentified: return text("未能识别", "not identified")
    }
  }
}
