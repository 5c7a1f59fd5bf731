import Foundation
import Schema
import XLSXWriter

/// Writes the consolidated yearbook (妇女儿童统计资料) for a year.
///
/// The workbook holds, in this order: 封面, 目录, 综述, per plan an indicator sheet and a chart sheet, 预警与说明,
/// 报送情况, 冲突与修订, 数据来源 and the hidden 图表数据 (the data behind the charts). Sheet names and labels follow
/// `language`.
///
/// The same input gives the same bytes: the creation date is fixed (``WorkbookOptions/defaultCreationDate``) and
/// everything is sorted by plan, domain and indicator order, year and source. Every number is written exactly as
/// stored; number formats only choose how many decimals are shown.
///
/// ```swift
/// let store = try SQLiteStore(path: "nianjian.sqlite")
/// let input = try store.yearbookInput(schema: schema, year: 2025)
/// try YearbookWriter.write(input, to: URL(fileURLWithPath: "年鉴2025.xlsx"))
/// ```
public enum YearbookWriter {
  /// Writes the yearbook built from `input` to `url` (atomically) in `language`.
  ///
  /// - Throws: ``YearbookWriteError``: `.io` when the file cannot be written (a missing folder, no permission),
  ///   `.workbook` for any other failure of the workbook writer. Nothing is left at `url` on failure (an older
  ///   file there is kept).
  public static func write(_ input: YearbookInput, to url: URL, language: Language = .zh) throws {
    do {
      try build(input, path: url.path, language: language)
    } catch let error as XLSXWriteError {
      throw YearbookWriteError(path: url.path, writerError: error)
    }
  }

  /// The sheet names a yearbook for `schema` has, in workbook order.
  public static func sheetNames(for schema: Schema, language: Language = .zh) -> [String] {
    YearbookSheetNames(schema: schema, language: language).ordered
  }

  private static func build(_ input: YearbookInput, path: String, language: Language) throws {
    let analysis = YearbookAnalysis(input)
    let names = YearbookSheetNames(schema: input.schema, language: language)
    let context = YearbookContext(analysis: analysis, language: language, names: names)
    let book = try Workbook(path: path)
    var sheets: [String: SheetWriter] = [:]
    for name in names.ordered { sheets[name] = SheetWriter(try book.addWorksheet(name)) }
    func sheet(_ name: String) -> SheetWriter {
      guard let sheet = sheets[name] else { preconditionFailure("sheet \(name) was created above") }
      return sheet
    }
    try book.setProperties(
      DocumentProperties(
        title: CoverSheet.title(context), subject: context.t("妇女儿童发展规划统计监测", "Monitoring of the plans"),
        author: input.schema.jurisdiction.office, company: input.schema.jurisdiction.committee,
        keywords: "nianjian", comments: context.t("由 nianjian 生成", "Made by nianjian")))
    try book.setCustomProperty("NianjianYearbookYear", .integer(Int32(clamping: input.year)))
    try book.setCustomProperty("NianjianSchemaVersion", .string(input.schema.version))
    try book.setCustomProperty("NianjianJurisdiction", .string(input.schema.jurisdiction.id))

    try CoverSheet.write(context, to: sheet(names.cover))
    try ContentsSheet.write(context, to: sheet(names.contents))
    try SummarySheet.write(context, to: sheet(names.summary))
    let chartData = sheet(names.chartData)
    try chartData.widths([40])
    for (index, section) in analysis.plans.enumerated() {
      try PlanSheet.write(context, section: section, to: sheet(names.plans[index]))
      try ChartsSheet.write(context, section: section, to: sheet(names.charts[index]), data: chartData)
    }
    try WarningsSheet.write(context, to: sheet(names.warnings))
    try SubmissionsSheet.write(context, to: sheet(names.submissions))
    try ConflictsSheet.write(context, to: sheet(names.conflicts))
    try ProvenanceSheet.write(context, to: sheet(names.provenance))
    try sheet(names.cover).sheet.activate()
    try chartData.sheet.hide()
    try book.close()
  }
}

/// The yearbook could not be written.
public struct YearbookWriteError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure.
  public enum Kind: Sendable, Hashable {
    /// The file could not be written (missing folder, no permission, disk full): exit 74.
    case io
    /// The workbook writer refused something (a bug or an impossible value).
    case workbook
  }

  /// The kind of failure.
  public var kind: Kind
  /// The destination path.
  public var path: String
  /// The writer's own description (not a contract).
  public var detail: String

  /// Creates an error.
  public init(kind: Kind, path: String, detail: String) {
    self.kind = kind
    self.path = path
    self.detail = detail
  }

  init(path: String, writerError: XLSXWriteError) {
    self.init(kind: writerError.code == .fileSystem ? .io : .workbook, path: path, detail: writerError.description)
  }

  /// A one-line message naming the file.
  public var message: BilingualText {
    switch kind {
    case .io:
      return BilingualText(zh: "无法写入年鉴文件 \(path)：\(detail)", en: "cannot write the yearbook \(path): \(detail)")
    case .workbook:
      return BilingualText(zh: "生成年鉴 \(path) 失败：\(detail)", en: "building the yearbook \(path) failed: \(detail)")
    }
  }

  /// The English message.
  public var description: String { message.en }
}
