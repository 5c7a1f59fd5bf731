import Foundation
import Schema
import XLSXWriter

/// What a marked copy writes into a form: the department's values and the findings of each row.
struct FormFill {
  /// The values by indicator code (the first one read when a code appears twice).
  var values: [String: ReportedValue]
  /// The findings about each indicator, by code, in report order.
  var findings: [String: [Finding]]
}

/// Writes the instructions, form and metadata sheets of a ``FormDocument`` into a workbook.
///
/// Blank templates and marked copies both go through this type, so a marked copy has exactly the template's
/// layout (plus the 审核意见 column). Call ``addSheets(to:)``, then ``write()``, then ``finish()``.
final class FormWorkbookBuilder {
  /// The longest text accepted in a qualitative value or an explanation (data validation, a warning only).
  static let maxExplanationCharacters = 2000
  /// The longest text accepted as a data source.
  static let maxDataSourceCharacters = 500
  /// The row of the column headers (0-based); the indicator rows start below it.
  static let headerRow = 5
  /// The author of notes.
  static let noteAuthor = "nianjian"

  let document: FormDocument
  let previous: [String: StoredValue]
  let fill: FormFill?
  let text: FormText
  let columns: [FormLayout.Column]

  /// The 本年数值 cell of each indicator on the form sheet.
  private(set) var valueCells: [String: CellAddress] = [:]

  private var workbook: Workbook?
  private var instructions: Worksheet?
  private var form: Worksheet?
  private var metadata: Worksheet?

  init(document: FormDocument, previous: [String: StoredValue], fill: FormFill?) {
    self.document = document
    self.previous = previous
    self.fill = fill
    self.text = FormText(language: document.language)
    self.columns = FormLayout.Column.templateColumns + (fill == nil ? [] : [.review])
  }

  /// The name of the form sheet.
  var formSheetName: String { FormLayout.formSheet(document.language) }

  /// Adds the instructions, form and (when the form has an identity) hidden metadata sheets, in that order.
  func addSheets(to workbook: Workbook) throws {
    self.workbook = workbook
    instructions = try workbook.addWorksheet(FormLayout.instructionsSheet(document.language))
    form = try workbook.addWorksheet(formSheetName)
    if document.identity != nil {
      metadata = try workbook.addWorksheet(FormLayout.metadataSheet)
    }
  }

  /// Writes the sheets added by ``addSheets(to:)``.
  func write() throws {
    guard let instructions, let form else { return }
    try writeForm(form)
    try writeInstructions(instructions)
    if let metadata { try writeMetadata(metadata) }
  }

  /// Sets the document properties, the identification and the workbook protection.
  func finish() throws {
    guard let workbook else { return }
    let jurisdiction = document.schema.jurisdiction
    var properties = DocumentProperties()
    properties.title = document.title
    properties.subject = document.department.map { "\($0.name) \(document.year)" }
    properties.author = jurisdiction.office ?? jurisdiction.name
    properties.company = jurisdiction.fullName ?? jurisdiction.name
    properties.category = text("妇女儿童发展规划监测", "Women and children development plan monitoring")
    properties.keywords = document.identity?.templateID
    try workbook.setProperties(properties)
    if let identity = document.identity {
      try workbook.setCustomProperty(FormLayout.Property.templateID, .string(identity.templateID))
      try workbook.setCustomProperty(FormLayout.Property.schemaVersion, .string(identity.schemaVersion))
      try workbook.setCustomProperty(FormLayout.Property.jurisdiction, .string(identity.jurisdiction))
      try workbook.setCustomProperty(FormLayout.Property.department, .string(identity.department))
      try workbook.setCustomProperty(FormLayout.Property.year, .integer(Int32(clamping: identity.year)))
      try workbook.defineName(
        FormLayout.Property.templateID,
        refersTo: SheetReference(sheet: FormLayout.metadataSheet, cell: CellAddress(row: 0, column: 1)).formula)
    }
    // Sheets cannot be renamed, deleted or unhidden (the metadata sheet identifies the return). No password:
    // protection only prevents accidents, and a forgotten password would lock the bureau out.
    try workbook.protectStructure()
  }

  // MARK: Formats

  private static let fontName = "宋体"

  private func base(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
    var format = CellFormat(fontName: Self.fontName, fontSize: 10.5)
    format.verticalAlignment = .center
    configure(&format)
    return format
  }

  private var titleFormat: CellFormat {
    base {
      $0.fontSize = 16
      $0.bold = true
      $0.horizontalAlignment = .center
    }
  }
  private var plainFormat: CellFormat { base() }
  private var blockFormat: CellFormat { base { $0.horizontalAlignment = .left } }
  private var headerFormat: CellFormat {
    base {
      $0.bold = true
      $0.fill = .lightGray
      $0.border = .thin
      $0.wrapsText = true
      $0.horizontalAlignment = .center
    }
  }
  private var cellFormat: CellFormat {
    base {
      $0.border = .thin
      $0.wrapsText = true
    }
  }
  private var centeredCellFormat: CellFormat {
    base {
      $0.border = .thin
      $0.wrapsText = true
      $0.horizontalAlignment = .center
    }
  }
  private func sectionFormat(plan: Bool) -> CellFormat {
    base {
      $0.bold = true
      $0.border = .thin
      $0.fill = Color(rgb: plan ? 0xDDEBF7 : 0xF2F2F2)
    }
  }
  private func inputFormat(numberFormat: String?, fill color: Color = .inputYellow) -> CellFormat {
    base {
      $0.border = .thin
      $0.fill = color
      $0.isLocked = false
      $0.wrapsText = true
      $0.numberFormat = numberFormat
    }
  }
  private func footerInputFormat() -> CellFormat {
    base {
      $0.bottomBorder = .thin
      $0.fill = .inputYellow
      $0.isLocked = false
      $0.numberFormat = "@"
    }
  }

  /// `0`, `0.0`, `0.00` … for an indicator's decimals; never a per-cent format (93.5 means 93.5 %).
  static func numberFormat(decimals: Int) -> String {
    decimals <= 0 ? "0" : "0." + String(repeating: "0", count: min(decimals, 10))
  }

  // MARK: Form sheet

  private func column(_ column: FormLayout.Column) -> Int {
    columns.firstIndex(of: column) ?? 0
  }

  private static func width(of column: FormLayout.Column) -> Double {
    switch column {
    case .sequence: return 6
    case .code: return 12
    case .name: return 36
    case .unit: return 9
    case .target: return 26
    case .previous: return 18
    case .current: return 16
    case .explanation: return 30
    case .dataSource: return 20
    case .review: return 44
    }
  }

  private func header(_ column: FormLayout.Column) -> String {
    let year = document.year
    guard document.hasYear else { return column.label(document.language) }
    switch column {
    case .previous: return text("上年数值（\(year - 1)年）", "Previous value (\(year - 1))")
    case .current: return text("本年数值（\(year)年）", "Value this year (\(year))")
    default: return column.label(document.language)
    }
  }

  private func writeForm(_ sheet: Worksheet) throws {
    let last = columns.count - 1
    let right = column(.previous)
    let jurisdiction = document.schema.jurisdiction
    for (index, column) in columns.enumerated() {
      try sheet.setColumnWidth(Self.width(of: column), columns: index...index)
    }

    try sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: last), value: .string(document.title),
      format: titleFormat)
    try sheet.setRowHeight(30, row: 0)
    let validUntil = document.hasYear ? text("\(document.year + 1)年12月31日", "31 December \(document.year + 1)") : ""
    let block = [
      text("表　　号：", "Form No.: ") + (document.formNumber ?? ""),
      text("制定机关：", "Issued by: ") + (jurisdiction.office ?? jurisdiction.name),
      text("有效期至：", "Valid until: ") + validUntil,
    ]
    for (offset, line) in block.enumerated() {
      try sheet.merge(
        CellRange(firstRow: 1 + offset, firstColumn: right, lastRow: 1 + offset, lastColumn: last),
        value: .string(line), format: blockFormat)
    }
    let unitName = document.department?.name ?? text("（未识别）", "(unidentified)")
    try sheet.merge(
      CellRange(firstRow: 4, firstColumn: 0, lastRow: 4, lastColumn: right - 1),
      value: .string(text("填报单位：", "Reporting unit: ") + unitName), format: plainFormat)
    try sheet.merge(
      CellRange(firstRow: 4, firstColumn: right, lastRow: 4, lastColumn: last),
      value: .string(
        document.hasYear
          ? text("报告期：\(document.year)年", "Reporting period: \(document.year)") : text("报告期：", "Reporting period: ")),
      format: blockFormat)

    let headerRow = Self.headerRow
    for (index, column) in columns.enumerated() {
      try sheet.write(.string(header(column)), row: headerRow, column: index, format: headerFormat)
    }
    try sheet.setRowHeight(30, row: headerRow)

    var row = headerRow + 1
    var sequence = 0
    for (planIndex, section) in document.sections.enumerated() {
      let planTitle =
        text("\(ChineseNumber.text(planIndex + 1))、", "\(planIndex + 1). ") + section.plan.title
      try sheet.merge(
        CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: last), value: .string(planTitle),
        format: sectionFormat(plan: true))
      row += 1
      for (groupIndex, group) in section.groups.enumerated() {
        let domainTitle =
          text("（\(ChineseNumber.text(groupIndex + 1))）", "(\(groupIndex + 1)) ") + group.domain.name
        try sheet.merge(
          CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: last), value: .string(domainTitle),
          format: sectionFormat(plan: false))
        row += 1
        for indicator in group.indicators {
          sequence += 1
          try writeIndicator(indicator, sequence: sequence, row: row, sheet: sheet)
          row += 1
        }
      }
    }

    let footerStart = row + 1
    try writeFooter(sheet, firstRow: footerStart)

    var page = PrintSetup(paper: .a4, orientation: .landscape, fitToPagesWide: 1)
    page.repeatRows = headerRow...headerRow
    page.margins = .centimetres(left: 1.5, right: 1.5, top: 1.8, bottom: 1.8)
    page.footer = text("&C第 &P 页，共 &N 页", "&CPage &P of &N")
    page.centersHorizontally = true
    try sheet.setPrintSetup(page)
    try sheet.freezePanes(topRows: headerRow + 1, leftColumns: column(.name) + 1)
    try sheet.protect(options: SheetProtection(formatColumns: true, formatRows: true))
    try sheet.activate()
  }

  private func targetText(_ indicator: Indicator) -> String {
    let targets = indicator.targets.sorted { $0.year < $1.year }
    guard !targets.isEmpty else { return text("（规划未设目标）", "(no target)") }
    return targets.map { target in
      let body =
        target.expression.isQualitative
        ? target.text : target.expression.description(english: document.language == .en, unit: indicator.unit)
      return text("\(target.year)年：\(body)", "\(target.year): \(body)")
    }
    .joined(separator: text("；", "; "))
  }

  private func displayName(_ indicator: Indicator) -> String {
    guard let label = indicator.disaggregation?.label, !indicator.name.contains(label) else { return indicator.name }
    return "\(indicator.name)（\(label)）"
  }

  private func writeIndicator(_ indicator: Indicator, sequence: Int, row: Int, sheet: Worksheet) throws {
    let findings = fill?.findings[indicator.code] ?? []
    let worst = findings.map(\.severity).min()
    for (index, column) in columns.enumerated() {
      let address = CellAddress(row: row, column: index)
      switch column {
      case .sequence:
        try sheet.write(.number(Double(sequence)), at: address, format: centeredCellFormat)
      case .code:
        try sheet.write(.string(indicator.code), at: address, format: cellFormat)
      case .name:
        var format = cellFormat
        if indicator.disaggregation != nil { format.indent = 1 }
        try sheet.write(.string(displayName(indicator)), at: address, format: format)
      case .unit:
        try sheet.write(.string(indicator.unit.symbol), at: address, format: centeredCellFormat)
      case .target:
        try sheet.write(.string(targetText(indicator)), at: address, format: cellFormat)
      case .previous:
        try writePrevious(indicator, at: address, sheet: sheet)
      case .current:
        valueCells[indicator.code] = address
        try writeCurrent(indicator, at: address, sheet: sheet, worst: worst, findings: findings)
      case .explanation:
        let value = fill?.values[indicator.code]?.explanation
        try sheet.write(value.map(CellContent.string) ?? .blank, at: address, format: inputFormat(numberFormat: "@"))
        try sheet.addValidation(explanationValidation(), to: CellRange(address))
      case .dataSource:
        let value = fill?.values[indicator.code]?.dataSource
        try sheet.write(value.map(CellContent.string) ?? .blank, at: address, format: inputFormat(numberFormat: "@"))
        try sheet.addValidation(dataSourceValidation(), to: CellRange(address))
      case .review:
        try writeReview(findings, worst: worst, at: address, sheet: sheet)
      }
    }
    var texts: [(FormLayout.Column, String)] = [(.name, displayName(indicator)), (.target, targetText(indicator))]
    if let value = fill?.values[indicator.code] {
      texts.append((.current, value.provenance.rawText))
      texts.append((.explanation, value.explanation ?? ""))
      texts.append((.dataSource, value.dataSource ?? ""))
    }
    if !findings.isEmpty { texts.append((.review, reviewLines(findings).joined(separator: "\n"))) }
    try fitHeight(of: row, sheet: sheet, texts: texts.map { ($0.1, Self.width(of: $0.0)) })
  }

  private func writePrevious(_ indicator: Indicator, at address: CellAddress, sheet: Worksheet) throws {
    let numberFormat = Self.numberFormat(decimals: indicator.decimals)
    var format = cellFormat
    format.horizontalAlignment = .right
    let lastYear = document.year - 1
    if let stored = previous[indicator.code] {
      switch stored.quantity {
      case .number(let value):
        format.numberFormat = numberFormat
        try sheet.write(.number(value), at: address, format: format)
      case .text(let value):
        try sheet.write(.string(value), at: address, format: format)
      case .missing(let reason):
        let marker: String
        switch reason {
        case .blank: marker = ""
        case .noData: marker = FormLayout.noDataMarker
        case .notApplicable: marker = FormLayout.notApplicableMarker(document.language)
        }
        try sheet.write(marker.isEmpty ? .blank : .string(marker), at: address, format: format)
      }
      let source = "\(stored.provenance.fileName) \(stored.provenance.sheet)!\(stored.provenance.cell)"
      try sheet.addNote(
        text("\(lastYear)年已接收的数值。来源：\(source)", "Accepted value of \(lastYear). Source: \(source)"),
        at: address, author: Self.noteAuthor)
    } else if let baseline = indicator.baseline, baseline.year <= lastYear {
      format.numberFormat = numberFormat + text("\"（基期）\"", "\" (baseline)\"")
      try sheet.write(.number(baseline.value), at: address, format: format)
      try sheet.addNote(
        text(
          "基期值（\(baseline.year)年），来自规划文本；没有\(lastYear)年已接收的数值。",
          "Baseline (\(baseline.year)) from the plan; no accepted value of \(lastYear)."),
        at: address, author: Self.noteAuthor)
    } else {
      try sheet.write(.blank, at: address, format: format)
    }
  }

  private func writeCurrent(
    _ indicator: Indicator, at address: CellAddress, sheet: Worksheet, worst: Severity?, findings: [Finding]
  ) throws {
    let numberFormat = indicator.isQualitative ? "@" : Self.numberFormat(decimals: indicator.decimals)
    let format = inputFormat(numberFormat: numberFormat, fill: worst.map(Self.fill(for:)) ?? .inputYellow)
    var content = CellContent.blank
    if let value = fill?.values[indicator.code] {
      let typed = value.provenance.rawText
      switch value.quantity {
      case .number(let number): content = .number(number)
      case .text(let answer): content = .string(typed.isEmpty ? answer : typed)
      case .missing(.blank): content = .blank
      case .missing(.noData): content = .string(typed.isEmpty ? FormLayout.noDataMarker : typed)
      case .missing(.notApplicable):
        content = .string(typed.isEmpty ? FormLayout.notApplicableMarker(document.language) : typed)
      }
    }
    try sheet.write(content, at: address, format: format)
    try sheet.addValidation(valueValidation(indicator, at: address), to: CellRange(address))
    if !findings.isEmpty {
      try sheet.addNote(reviewLines(findings).joined(separator: "\n"), at: address, author: Self.noteAuthor)
    }
  }

  private func writeReview(_ findings: [Finding], worst: Severity?, at address: CellAddress, sheet: Worksheet) throws {
    var format = cellFormat
    if let worst {
      format.fill = Self.fill(for: worst)
      format.fontColor = Self.fontColor(for: worst)
    }
    let lines = reviewLines(findings)
    try sheet.write(lines.isEmpty ? .blank : .string(lines.joined(separator: "\n")), at: address, format: format)
  }

  /// `【错误】message` lines: the status is written, never shown by colour alone.
  func reviewLines(_ findings: [Finding]) -> [String] {
    findings.map { finding in
      var line = severityTag(finding.severity) + finding.message.text(document.language)
      if finding.severity == .warning && finding.explained { line += text("（已有情况说明）", " (explained)") }
      return line
    }
  }

  /// `【错误】`, `【警告】`, `【提示】` (`[Error] ` … in English).
  func severityTag(_ severity: Severity) -> String {
    text("【\(severity.label.zh)】", "[\(severity.label.en.capitalized)] ")
  }

  /// The fill of a problem cell.
  static func fill(for severity: Severity) -> Color {
    switch severity {
    case .error: return Color(rgb: 0xFFC7CE)
    case .warning: return Color(rgb: 0xFFEB9C)
    case .info: return Color(rgb: 0xDDEBF7)
    }
  }

  /// The font colour that goes with ``fill(for:)``.
  static func fontColor(for severity: Severity) -> Color {
    switch severity {
    case .error: return Color(rgb: 0x9C0006)
    case .warning: return Color(rgb: 0x9C5700)
    case .info: return Color(rgb: 0x1F4E78)
    }
  }

  // MARK: Row heights

  /// The height of one line of text in points (10.5 pt font).
  static let lineHeight = 14.0

  /// How many lines `text` takes in a column `width` characters wide: a Chinese character takes about two
  /// character widths, other characters about one (no application computes row heights for written files).
  static func lineCount(_ text: String, width: Double) -> Int {
    let usable = max(1, width - 1.5)
    var lines = 0
    for segment in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var units = 0.0
      for scalar in segment.unicodeScalars { units += scalar.value >= 0x2E80 ? 2.0 : 1.1 }
      lines += max(1, Int((units / usable).rounded(.up)))
    }
    return max(1, lines)
  }

  /// Sets a row's height so the longest of `texts` (each with its column width) shows whole.
  private func fitHeight(of row: Int, sheet: Worksheet, texts: [(String, Double)]) throws {
    let lines = texts.map { Self.lineCount($0.0, width: $0.1) }.max() ?? 1
    if lines > 1 { try sheet.setRowHeight(Double(lines) * Self.lineHeight + 4, row: row) }
  }

  // MARK: Footer

  private func writeFooter(_ sheet: Worksheet, firstRow: Int) throws {
    // Two sign-off lines: (label A:B, input C) and (label E, input F) on each.
    let pairs: [[FormLayout.Footer]] = [[.unitHead, .preparer], [.telephone, .reportDate]]
    let slots: [(label: ClosedRange<Int>, input: Int)] = [(0...1, 2), (4...4, 5)]
    var labelFormat = plainFormat
    labelFormat.horizontalAlignment = .right
    for (offset, line) in pairs.enumerated() {
      let row = firstRow + offset
      for (item, slot) in zip(line, slots) {
        let label = CellContent.string(item.label(document.language))
        if slot.label.count > 1 {
          try sheet.merge(
            CellRange(
              firstRow: row, firstColumn: slot.label.lowerBound, lastRow: row, lastColumn: slot.label.upperBound),
            value: label, format: labelFormat)
        } else {
          try sheet.write(label, row: row, column: slot.label.lowerBound, format: labelFormat)
        }
        let input = CellAddress(row: row, column: slot.input)
        try sheet.write(.blank, at: input, format: footerInputFormat())
        let prompt: String
        switch item {
        case .unitHead: prompt = text("请填写单位负责人姓名。", "Name of the head of the reporting unit.")
        case .preparer: prompt = text("请填写填表人姓名。", "Name of the person who filled the form.")
        case .telephone: prompt = text("请填写填表人联系电话。", "Telephone of the person who filled the form.")
        case .reportDate:
          prompt = text("请填写报出日期，如 \(document.year + 1)-03-15。", "Date sent, e.g. \(document.year + 1)-03-15.")
        }
        try sheet.addValidation(
          DataValidation(.any, inputTitle: String(item.label(document.language).dropLast()), inputMessage: prompt),
          to: CellRange(input))
      }
    }
  }

  // MARK: Validation

  /// The texts accepted in a number cell besides numbers: every declared missing marker (Excel compares text
  /// without case, so `N/A` and `n/a` are one).
  static var acceptedMarkers: [String] {
    let all = FormLayout.noDataMarkers.union(FormLayout.notApplicableMarkers).sorted()
    var seen: Set<String> = []
    return all.filter { seen.insert($0.lowercased()).inserted }
  }

  /// The custom rule of a number cell: a number inside the range (and whole for counts), or a declared missing
  /// marker. A custom formula is used, not a decimal rule, so that "—" and "不适用" pass without any alert.
  static func valueFormula(_ indicator: Indicator, cell: String) -> String {
    var conditions = ["ISNUMBER(\(cell))"]
    if indicator.unit.isInteger { conditions.append("INT(\(cell))=\(cell)") }
    if let low = indicator.range.lowerBound { conditions.append("\(cell)>=\(NumberText.plain(low))") }
    if let high = indicator.range.upperBound { conditions.append("\(cell)<=\(NumberText.plain(high))") }
    let number = "AND(\(conditions.joined(separator: ",")))"
    let markers = acceptedMarkers.map { "\(cell)=\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
    let full = "OR(\(([number] + markers).joined(separator: ",")))"
    if full.unicodeScalars.count <= maxFormulaCharacters { return full }
    let short = [FormLayout.noDataMarker, FormLayout.notApplicableMarker, FormLayout.englishNotApplicableMarker]
      .map { "\(cell)=\"\($0)\"" }
    return "OR(\(([number] + short).joined(separator: ",")))"
  }

  /// Excel's limit on a validation formula.
  static let maxFormulaCharacters = 255

  private func rangeText(_ indicator: Indicator) -> String {
    let range = indicator.range
    switch (range.lowerBound, range.upperBound) {
    case (let low?, let high?): return NumberText.plain(low) + text("～", "–") + NumberText.plain(high)
    case (let low?, nil): return text("不小于\(NumberText.plain(low))", "at least \(NumberText.plain(low))")
    case (nil, let high?): return text("不大于\(NumberText.plain(high))", "at most \(NumberText.plain(high))")
    case (nil, nil): return text("不限", "any")
    }
  }

  /// Joins `parts` in order, leaving out the optional ones that would pass Excel's message limit.
  private static func fit(_ required: [String], optional: [String] = [], limit: Int) -> String {
    var result = required.joined()
    for part in optional where (result + part).utf16.count <= limit { result += part }
    if result.utf16.count > limit {
      var clipped = ""
      for character in result {
        if (clipped + String(character)).utf16.count > limit { break }
        clipped.append(character)
      }
      return clipped
    }
    return result
  }

  private var missingHint: String {
    text(
      "无数据填“\(FormLayout.noDataMarker)”，不适用填“\(FormLayout.notApplicableMarker)”，实际为零填0，不要留空。",
      "No data: type \(FormLayout.noDataMarker); not applicable: type \(FormLayout.englishNotApplicableMarker); "
        + "a true zero: type 0. Do not leave it blank.")
  }

  private func valueValidation(_ indicator: Indicator, at address: CellAddress) -> DataValidation {
    let limit = WriteLimits.maxValidationMessageCharacters
    let title = Self.fit([text("填报提示 ", "Entry ") + indicator.code], limit: WriteLimits.maxValidationTitleCharacters)
    if indicator.isQualitative {
      let message = Self.fit(
        [text("请用文字填写本年情况。", "Describe this year's situation in words. ")],
        optional: [
          missingHint,
          text("（不超过\(Self.maxExplanationCharacters)字）", " (at most \(Self.maxExplanationCharacters) characters)"),
        ],
        limit: limit)
      return DataValidation(
        .textLength(.atMost(Double(Self.maxExplanationCharacters))), inputTitle: title, inputMessage: message,
        errorTitle: text("文字过长", "Text too long"),
        errorMessage: text(
          "请把文字控制在\(Self.maxExplanationCharacters)字以内。",
          "Keep the text within \(Self.maxExplanationCharacters) characters."),
        errorStyle: .warning)
    }
    let unit = indicator.unit
    var facts = text("单位：\(unit.symbol)。", "Unit: \(unit.symbol). ")
    if unit.kind == .percent {
      facts += text("填百分数的数值，如93.5表示93.5%，不要输入%号。", "Type the per-cent number: 93.5 means 93.5%; no % sign. ")
    }
    facts += text("合理范围：\(rangeText(indicator))。", "Plausible range: \(rangeText(indicator)). ")
    facts +=
      unit.isInteger
      ? text("请填整数。", "Whole numbers only. ")
      : text("保留\(indicator.decimals)位小数。", "\(indicator.decimals) decimal place(s). ")
    let message = Self.fit([facts], optional: [missingHint], limit: limit)
    let error = Self.fit(
      [
        text(
          "应为\(rangeText(indicator))之间的\(unit.isInteger ? "整数" : "数值")（\(unit.symbol)），或“\(FormLayout.noDataMarker)”（无数据）、“\(FormLayout.notApplicableMarker)”。",
          "Expected a \(unit.isInteger ? "whole number" : "number") in \(rangeText(indicator)) (\(unit.symbol)), "
            + "or \(FormLayout.noDataMarker) (no data) or \(FormLayout.englishNotApplicableMarker). ")
      ],
      optional: [
        text("如确认无误，可选择“是”保留，并在情况说明中说明。", "If it is right, keep it and explain it under Explanation.")
      ], limit: limit)
    return DataValidation(
      .custom(formula: Self.valueFormula(indicator, cell: address.a1)), inputTitle: title, inputMessage: message,
      errorTitle: text("请核对数值", "Please check the value"), errorMessage: error, errorStyle: .warning)
  }

  private func explanationValidation() -> DataValidation {
    DataValidation(
      .textLength(.atMost(Double(Self.maxExplanationCharacters))),
      inputTitle: text("情况说明", "Explanation"),
      inputMessage: text(
        "本年数值与上年相比变化较大、超出合理范围、未达规划目标进度，或填“—”“不适用”时，请说明原因。审核中的警告须有情况说明才能通过。",
        "Explain big changes from last year, values outside the plausible range or off the plan's track, "
          + "and why a value is missing. Warnings are accepted only with an explanation."),
      errorTitle: text("文字过长", "Text too long"),
      errorMessage: text(
        "请把情况说明控制在\(Self.maxExplanationCharacters)字以内。",
        "Keep the explanation within \(Self.maxExplanationCharacters) characters."),
      errorStyle: .warning)
  }

  private func dataSourceValidation() -> DataValidation {
    DataValidation(
      .textLength(.atMost(Double(Self.maxDataSourceCharacters))),
      inputTitle: text("数据来源", "Data source"),
      inputMessage: text(
        "请填写数据来源，如统计报表名称、业务信息系统或调查名称。", "Name the source: a statistical report, an information system or a survey."),
      errorTitle: text("文字过长", "Text too long"),
      errorMessage: text(
        "请把数据来源控制在\(Self.maxDataSourceCharacters)字以内。",
        "Keep the data source within \(Self.maxDataSourceCharacters) characters."),
      errorStyle: .warning)
  }

  // MARK: Instructions sheet

  private func writeInstructions(_ sheet: Worksheet) throws {
    let jurisdiction = document.schema.jurisdiction
    try sheet.setColumnWidth(16, columns: 0...0)
    try sheet.setColumnWidth(100, columns: 1...1)
    var titleFormat = self.titleFormat
    titleFormat.horizontalAlignment = .left
    let labelFormat = base {
      $0.bold = true
      $0.border = .thin
      $0.verticalAlignment = .top
      $0.wrapsText = true
    }
    let bodyFormat = base {
      $0.border = .thin
      $0.wrapsText = true
      $0.verticalAlignment = .top
    }
    try sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1),
      value: .string(text("填报说明", "Instructions") + text("：", ": ") + document.title), format: titleFormat)
    try sheet.setRowHeight(30, row: 0)
    let formSheet = formSheetName
    let count = document.indicators.count
    let deadline = jurisdiction.deadline ?? text("按统计局通知", "as announced by the statistics bureau")
    let contact = jurisdiction.contact ?? jurisdiction.office ?? jurisdiction.name
    let items: [(String, String)] = [
      (
        text("填报内容", "What to fill"),
        text(
          "本表收集\(document.department?.name ?? "本单位")\(document.year)年的妇女儿童发展规划监测数据，共\(count)项指标，见“\(formSheet)”工作表。只需填写黄色单元格：本年数值、情况说明、数据来源，以及表尾的单位负责人、填表人、联系电话、报出日期。其余单元格已锁定。",
          "This form collects \(document.department?.name ?? "the unit")'s monitoring data for \(document.year): \(count) indicators on the sheet \"\(formSheet)\". Fill only the yellow cells: the value, the explanation, the data source, and the sign-off lines at the bottom. Every other cell is locked."
        )
      ),
      (
        text("单位和小数", "Units and decimals"),
        text(
          "按“单位”列的计量单位填写数值，保留规定的小数位数。百分比指标填百分数的数值，如93.5表示93.5%，不要输入“%”号；1/10万、‰ 指标同理，只填数值。人数、个数等填整数。",
          "Type the number in the unit of the Unit column with the stated decimals. For per-cent indicators type the per-cent number (93.5 means 93.5%) without the % sign; the same for rates per 100,000 and ‰. Counts are whole numbers."
        )
      ),
      (
        text("无数据、不适用和0", "No data, not applicable and 0"),
        text(
          "三者含义不同，请勿混用：应有数据但暂时没有，填“\(FormLayout.noDataMarker)”（无数据）；本单位或本地区没有这一项，填“\(FormLayout.notApplicableMarker)”；统计结果确实为零，填0。请不要留空。填“\(FormLayout.noDataMarker)”或“\(FormLayout.notApplicableMarker)”时，请在情况说明中写明原因。",
          "These mean different things: data should exist but is not available: type \(FormLayout.noDataMarker) (no data); the item does not exist for your unit or area: type \(FormLayout.englishNotApplicableMarker) (not applicable); the count really is zero: type 0. Do not leave cells blank, and explain missing values under Explanation."
        )
      ),
      (
        text("文字指标", "Qualitative indicators"),
        text(
          "单位为“文字”的指标不填数值，请用简短文字说明本年进展。",
          "Qualitative indicators (unit: text) take no number: describe this year's progress in a few words.")
      ),
      (
        text("情况说明", "Explanation"),
        text(
          "本年数值与上年相比变化较大、超出合理范围、与规划目标进度不符，或填“\(FormLayout.noDataMarker)”“\(FormLayout.notApplicableMarker)”时，请在情况说明中说明原因。统计局审核时，核实性审核（警告）须有情况说明才能通过。",
          "Explain big changes from last year, values outside the plausible range or off the plan's track, and every missing value. When the bureau checks the return, warnings are accepted only with an explanation."
        )
      ),
      (
        text("数据来源", "Data source"),
        text(
          "请写明数据出自哪一统计报表、业务信息系统或调查。", "Name the statistical report, information system or survey the value comes from.")
      ),
      (
        text("上年数值", "Previous value"),
        text(
          "“上年数值”列供参考：有\(document.year - 1)年已接收数值的显示该数值；否则显示规划的基期值，并标注“（基期）”。",
          "The Previous value column is for reference: the accepted value of \(document.year - 1) when there is one, else the plan's baseline marked (baseline)."
        )
      ),
      (
        text("请勿改动", "Do not change"),
        text(
          "请勿增删行列、修改指标代码或名称、重命名或删除工作表，也不要另存为其他格式；本文件带有识别信息，统计局据此自动读取数据。复制粘贴时请“粘贴为数值”。",
          "Do not insert or delete rows or columns, change indicator codes or names, rename or delete sheets, or save in another format: the file carries identification the bureau reads automatically. Paste values only."
        )
      ),
      (text("报送时间", "Deadline"), deadline),
      (text("制定机关", "Issued by"), jurisdiction.office ?? jurisdiction.name),
      (text("联系方式", "Contact"), contact),
      (text("表号", "Form No."), document.formNumber ?? ""),
    ]
    var row = 2
    for (label, body) in items {
      try sheet.write(.string(label), row: row, column: 0, format: labelFormat)
      try sheet.write(body.isEmpty ? .blank : .string(body), row: row, column: 1, format: bodyFormat)
      try fitHeight(of: row, sheet: sheet, texts: [(label, 16), (body, 100)])
      row += 1
    }
    row += 1
    try sheet.merge(
      CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1),
      value: .string(text("指标说明", "Indicators")), format: sectionFormat(plan: true))
    row += 1
    for indicator in document.indicators {
      var parts = [
        text("单位：\(indicator.unit.symbol)", "unit: \(indicator.unit.symbol)")
      ]
      if !indicator.isQualitative {
        parts.append(text("合理范围：\(rangeText(indicator))", "plausible range: \(rangeText(indicator))"))
        parts.append(
          indicator.unit.isInteger
            ? text("整数", "whole number") : text("\(indicator.decimals)位小数", "\(indicator.decimals) decimals"))
      }
      parts.append(text("目标：", "target: ") + targetText(indicator))
      if let source = indicator.source?.text, !source.isEmpty {
        parts.append(text("规划原文：", "plan text: ") + source)
      }
      let body = displayName(indicator) + text("。", ". ") + parts.joined(separator: text("；", "; "))
      try sheet.write(.string(indicator.code), row: row, column: 0, format: labelFormat)
      try sheet.write(.string(body), row: row, column: 1, format: bodyFormat)
      try fitHeight(of: row, sheet: sheet, texts: [(body, 100)])
      row += 1
    }
    var page = PrintSetup(paper: .a4, orientation: .portrait, fitToPagesWide: 1)
    page.margins = .centimetres(left: 1.5, right: 1.5, top: 1.8, bottom: 1.8)
    try sheet.setPrintSetup(page)
    try sheet.protect(options: SheetProtection(formatColumns: true, formatRows: true))
  }

  // MARK: Metadata sheet

  private func writeMetadata(_ sheet: Worksheet) throws {
    guard let identity = document.identity else { return }
    let rows: [(String, CellContent)] = [
      (FormLayout.MetadataKey.templateID, .string(identity.templateID)),
      (FormLayout.MetadataKey.schemaVersion, .string(identity.schemaVersion)),
      (FormLayout.MetadataKey.jurisdiction, .string(identity.jurisdiction)),
      (FormLayout.MetadataKey.department, .string(identity.department)),
      (FormLayout.MetadataKey.year, .string(String(identity.year))),
      (FormLayout.MetadataKey.formNumber, document.formNumber.map(CellContent.string) ?? .blank),
      (FormLayout.MetadataKey.generator, .string("nianjian")),
    ]
    try sheet.setColumnWidth(18, columns: 0...0)
    try sheet.setColumnWidth(70, columns: 1...1)
    for (row, item) in rows.enumerated() {
      try sheet.write(.string(item.0), row: row, column: 0)
      try sheet.write(item.1, row: row, column: 1)
    }
    try sheet.protect()
    try sheet.hide()
  }
}

/// Chinese numerals for section numbers (一、二、… 十一 …).
enum ChineseNumber {
  private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

  /// `n` in Chinese numerals for 1…99; larger numbers as Arabic digits.
  static func text(_ n: Int) -> String {
    guard n > 0, n < 100 else { return String(n) }
    if n < 10 { return digits[n] }
    let tens = n / 10
    let ones = n % 10
    return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
  }
}
