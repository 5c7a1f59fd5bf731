import Foundation
import Schema
import XLSXWriter

/// Writes the indicator registry as a workbook people can read and print: a first sheet with the jurisdiction
/// and its departments, one sheet per plan (every indicator with its unit, range, departments, baseline,
/// targets and source sentence), and a sheet of consistency rules (`nianjian schema export --format xlsx`).
///
/// It is a view of the YAML, not a second source: the YAML stays the single source of truth. The same schema
/// always gives the same bytes.
public enum RegistryWorkbookWriter {
  /// Writes the registry workbook to `url` (atomically) and returns it.
  ///
  /// - Throws: ``FormsError/outputFolderMissing(_:)`` when the folder does not exist, or
  ///   ``FormsError/writeFailed(file:reason:)``.
  public static func write(schema: Schema, to url: URL, language: Language = .zh) throws(FormsError) -> URL {
    try TemplateWriter.checkFolder(url.deletingLastPathComponent())
    do {
      let workbook = try Workbook(path: url.path)
      try RegistrySheets(schema: schema, language: language).write(into: workbook)
      try workbook.close()
    } catch {
      throw .writeFailed(file: url.path, reason: "\(error)")
    }
    return url
  }
}

/// The sheets of the registry workbook.
private struct RegistrySheets {
  let schema: Schema
  let language: Language

  private var text: FormText { FormText(language: language) }

  private func format(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
    var format = CellFormat(fontName: "宋体", fontSize: 10.5)
    format.verticalAlignment = .top
    configure(&format)
    return format
  }

  private var title: CellFormat {
    format {
      $0.bold = true
      $0.fontSize = 14
    }
  }
  private var header: CellFormat {
    format {
      $0.bold = true
      $0.border = .thin
      $0.fill = .lightGray
      $0.wrapsText = true
      $0.horizontalAlignment = .center
    }
  }
  private var cell: CellFormat {
    format {
      $0.border = .thin
      $0.wrapsText = true
    }
  }

  func write(into workbook: Workbook) throws {
    let overview = try workbook.addWorksheet(text("辖区与部门", "Jurisdiction"))
    var used: Set<String> = [overview.name.lowercased()]
    var planSheets: [(Plan, Worksheet)] = []
    for plan in schema.plans {
      let name = uniqueSheetName(plan.title, used: &used)
      planSheets.append((plan, try workbook.addWorksheet(name)))
    }
    let rules = try workbook.addWorksheet(uniqueSheetName(text("一致性规则", "Consistency rules"), used: &used))
    try writeOverview(overview)
    for (plan, sheet) in planSheets { try writePlan(plan, sheet) }
    try writeRules(rules)
    var properties = DocumentProperties()
    properties.title = text("\(schema.jurisdiction.name)指标库", "\(schema.jurisdiction.name) indicator registry")
    properties.author = schema.jurisdiction.office ?? schema.jurisdiction.name
    properties.keywords = schema.version
    try workbook.setProperties(properties)
  }

  /// A valid, unused sheet name made from `text` (at most 31 characters, no `[]:*?/\`).
  private func uniqueSheetName(_ text: String, used: inout Set<String>) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var base = String(text.map { forbidden.contains($0) ? "_" : $0 })
    while base.hasPrefix("'") { base.removeFirst() }
    while base.hasSuffix("'") { base.removeLast() }
    if base.isEmpty { base = "Sheet" }
    base = String(base.prefix(WriteLimits.maxSheetNameCharacters))
    var name = base
    var counter = 2
    while used.contains(name.lowercased()) {
      let suffix = "(\(counter))"
      name = String(base.prefix(WriteLimits.maxSheetNameCharacters - suffix.count)) + suffix
      counter += 1
    }
    used.insert(name.lowercased())
    return name
  }

  private func writeTable(
    _ sheet: Worksheet, at firstRow: Int, headers: [(String, Double)], rows: [[CellContent]]
  ) throws -> Int {
    for (index, item) in headers.enumerated() {
      try sheet.setColumnWidth(item.1, columns: index...index)
      try sheet.write(.string(item.0), row: firstRow, column: index, format: header)
    }
    var row = firstRow + 1
    for values in rows {
      var lines = 1
      for (index, value) in values.enumerated() {
        try sheet.write(value, row: row, column: index, format: cell)
        if case .string(let content) = value, index < headers.count {
          lines = max(lines, FormWorkbookBuilder.lineCount(content, width: headers[index].1))
        }
      }
      if lines > 1 { try sheet.setRowHeight(Double(lines) * FormWorkbookBuilder.lineHeight + 4, row: row) }
      row += 1
    }
    return row
  }

  private func printSetup(_ sheet: Worksheet, headerRow: Int) throws {
    var page = PrintSetup(paper: .a4, orientation: .landscape, fitToPagesWide: 1)
    page.repeatRows = headerRow...headerRow
    try sheet.setPrintSetup(page)
    try sheet.freezePanes(topRows: headerRow + 1)
  }

  private func writeOverview(_ sheet: Worksheet) throws {
    let jurisdiction = schema.jurisdiction
    try sheet.write(
      .string(text("\(jurisdiction.name)妇女儿童发展规划监测指标库", "\(jurisdiction.name) monitoring indicator registry")),
      row: 0, column: 0, format: title)
    let facts: [(String, String?)] = [
      (text("辖区代码", "Jurisdiction id"), jurisdiction.id),
      (text("辖区名称", "Name"), jurisdiction.name),
      (text("全称", "Full name"), jurisdiction.fullName),
      (text("制定机关", "Issuing office"), jurisdiction.office),
      (text("妇儿工委", "Committee"), jurisdiction.committee),
      (text("表号前缀", "Form number prefix"), jurisdiction.formPrefix),
      (text("报送时间", "Deadline"), jurisdiction.deadline),
      (text("联系方式", "Contact"), jurisdiction.contact),
      (text("指标库版本", "Schema version"), schema.version),
    ]
    var row = 2
    for (name, value) in facts {
      try sheet.write(.string(name), row: row, column: 0, format: format { $0.bold = true })
      try sheet.write(value.map(CellContent.string) ?? .blank, row: row, column: 1, format: format())
      row += 1
    }
    row += 1
    let rows: [[CellContent]] = schema.departments.map { department in
      let all = schema.indicators(department: department.id).count
      let main = schema.indicators(mainDepartment: department.id).count
      return [.string(department.id), .string(department.name), .number(Double(all)), .number(Double(main))]
    }
    let headerRow = row
    _ = try writeTable(
      sheet, at: row,
      headers: [
        (text("部门代码", "Department id"), 22), (text("部门名称", "Department"), 34),
        (text("报送指标数", "Indicators reported"), 14), (text("其中主报", "as main reporter"), 14),
      ], rows: rows)
    try printSetup(sheet, headerRow: headerRow)
  }

  private func directionText(_ direction: Direction) -> String {
    switch direction {
    case .higher: return text("越高越好", "higher is better")
    case .lower: return text("越低越好", "lower is better")
    case .neutral: return text("适中", "neutral")
    }
  }

  private func writePlan(_ plan: Plan, _ sheet: Worksheet) throws {
    try sheet.write(.string(plan.title), row: 0, column: 0, format: title)
    var period = text("规划期：\(plan.period.start)—\(plan.period.end)年", "Period: \(plan.period.start)–\(plan.period.end)")
    if !plan.milestones.isEmpty {
      let years = plan.milestones.map(String.init).joined(separator: text("、", ", "))
      period += text("；中期评估：\(years)年", "; milestones: \(years)")
    }
    try sheet.write(.string(period), row: 1, column: 0, format: format())
    let names = Dictionary(schema.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let rows: [[CellContent]] = plan.indicators.map { indicator in
      let domain = plan.domain(code: indicator.domain).map { "\($0.code) \($0.name)" } ?? indicator.domain
      let departments = indicator.departments.map { names[$0] ?? $0 }.joined(separator: text("、", ", "))
      let targets = indicator.targets.sorted { $0.year < $1.year }.map { target in
        let expression =
          target.expression.isQualitative
          ? target.text : target.expression.description(english: language == .en, unit: indicator.unit)
        return text("\(target.year)年：\(expression)", "\(target.year): \(expression)")
      }
      var source = indicator.source?.text ?? ""
      if let line = indicator.source?.line { source = text("第\(line)行：", "line \(line): ") + source }
      let group = indicator.disaggregation.map { "\($0.group) / \($0.label)" }
      return [
        .string(indicator.code), .string(indicator.name), .string(domain), .string(indicator.unit.symbol),
        .number(Double(indicator.decimals)),
        indicator.isQualitative ? .blank : .string(indicator.range.text),
        .string(directionText(indicator.direction)), .string(departments),
        group.map(CellContent.string) ?? .blank,
        indicator.baseline.map { .number(Double($0.year)) } ?? .blank,
        indicator.baseline.map { .number($0.value) } ?? .blank,
        targets.isEmpty ? .blank : .string(targets.joined(separator: "\n")),
        source.isEmpty ? .blank : .string(source),
        indicator.notes.isEmpty ? .blank : .string(indicator.notes.map(\.text).joined(separator: "\n")),
      ]
    }
    let headerRow = 3
    _ = try writeTable(
      sheet, at: headerRow,
      headers: [
        (text("指标代码", "Code"), 11), (text("指标名称", "Indicator"), 30), (text("领域", "Domain"), 16),
        (text("单位", "Unit"), 8), (text("小数位", "Decimals"), 7), (text("合理范围", "Range"), 14),
        (text("方向", "Direction"), 10), (text("报送部门", "Departments"), 22), (text("分组", "Group"), 14),
        (text("基期年份", "Baseline year"), 9), (text("基期值", "Baseline"), 10), (text("目标", "Targets"), 26),
        (text("规划原文", "Plan text"), 44), (text("备注", "Notes"), 30),
      ], rows: rows)
    try printSetup(sheet, headerRow: headerRow)
  }

  private func writeRules(_ sheet: Worksheet) throws {
    try sheet.write(.string(text("一致性规则", "Consistency rules")), row: 0, column: 0, format: title)
    var rows: [[CellContent]] = []
    for plan in schema.plans {
      for rule in plan.rules {
        rows.append([
          .string(rule.id), .string(plan.title), .string(rule.kind.name),
          .string(rule.codes.joined(separator: text("、", ", "))), .string(rule.severity.label.text(language)),
          .string(rule.description),
        ])
      }
    }
    let headerRow = 2
    _ = try writeTable(
      sheet, at: headerRow,
      headers: [
        (text("规则", "Rule"), 12), (text("规划", "Plan"), 34), (text("类型", "Kind"), 12),
        (text("涉及指标", "Indicators"), 30), (text("严重程度", "Severity"), 10), (text("说明", "Description"), 50),
      ], rows: rows)
    try printSetup(sheet, headerRow: headerRow)
  }
}
