import Foundation
import Schema
import XLSXWriter

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes next year's blank return workbooks, one per department.
///
/// Each workbook holds a 填报说明 sheet, the form sheet (``FormLayout/formSheet``) with one row per indicator
/// the department reports, and a hidden metadata sheet; custom document properties carry the same identity
/// (``TemplateIdentity``). Input cells (本年数值, 情况说明, 数据来源 and the sign-off lines) are unlocked and
/// validated; everything else is locked (no password). The same inputs always give the same bytes.
///
/// ```swift
/// let schema = try SchemaLoader.load(directory: URL(fileURLWithPath: "Templates/guandu"))
/// let outcomes = try TemplateWriter.writeSet(
///   schema: schema, departments: nil, year: 2026, previous: [:], to: URL(fileURLWithPath: "out"))
/// ```
public enum TemplateWriter {
  /// Years after a plan's last year in which its indicators still appear on templates (so monitoring can go on
  /// while the next plan is drafted; values are judged against the final target).
  public static let gracePeriodYears = 1

  /// The plans whose indicators a template for `year` holds: those whose period, extended by
  /// ``gracePeriodYears``, contains `year`.
  public static func plans(of schema: Schema, activeIn year: Int) -> [Plan] {
    schema.plans.filter { $0.period.start <= year && year <= $0.period.end + gracePeriodYears }
  }

  /// The file name of a department's template: `2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx` (Chinese in every
  /// language), or `nil` when the department reports no indicator that year. When two departments of the
  /// schema have the same name without the jurisdiction prefix, the department id follows the name
  /// (`2026年_统计局（statistics）_…`), so no file overwrites another.
  public static func fileName(schema: Schema, department: Department, year: Int) -> String? {
    guard let document = FormDocument.template(schema: schema, department: department, year: year, language: .zh)
    else { return nil }
    var short = FormDocument.shortName(of: department, in: schema.jurisdiction)
    // Two departments whose short names agree (市统计局, 区统计局) are told apart by their ids.
    let clash = schema.departments.contains { other in
      other.id != department.id && FormDocument.shortName(of: other, in: schema.jurisdiction) == short
    }
    if clash { short += "（\(department.id)）" }
    return FormDocument.safeFileName("\(year)年_\(short)_\(document.chineseKindTitle)") + ".xlsx"
  }

  /// Checks the arguments of a template run without writing anything.
  ///
  /// - Parameters:
  ///   - departments: Department ids; `nil` means every department.
  /// - Returns: The departments, in schema order, each once.
  /// - Throws: ``FormsError/unknownDepartment(_:valid:)`` or ``FormsError/yearOutsidePlans(_:periods:)``.
  public static func checkArguments(schema: Schema, departments: [String]?, year: Int) throws(FormsError)
    -> [Department]
  {
    if let departments {
      for id in departments where schema.department(id: id) == nil {
        throw .unknownDepartment(id, valid: schema.departments.map(\.id))
      }
    }
    guard !plans(of: schema, activeIn: year).isEmpty else {
      throw .yearOutsidePlans(year, periods: schema.plans.map(\.period))
    }
    guard let departments else { return schema.departments }
    let chosen = Set(departments)
    return schema.departments.filter { chosen.contains($0.id) }
  }

  /// Writes the template for `department` and `year` into `directory` and returns the file written, or `nil`
  /// when the department reports no indicator. `previous` holds last year's values by indicator code (from the
  /// store); the baseline is shown when there is none.
  ///
  /// - Throws: ``FormsError`` for an unknown department, a year outside every plan, or a failed write (the
  ///   file is then not created; an older file of the same name is kept).
  public static func write(
    schema: Schema, department: String, year: Int, previous: [String: StoredValue], to directory: URL,
    language: Language = .zh
  ) throws -> URL? {
    guard let chosen = try checkArguments(schema: schema, departments: [department], year: year).first else {
      return nil
    }
    try checkFolder(directory)
    do {
      return try writeOne(
        schema: schema, department: chosen, year: year, previous: previous, to: directory, language: language)
    } catch {
      let name = fileName(schema: schema, department: chosen, year: year) ?? chosen.id
      throw FormsError.writeFailed(file: directory.appendingPathComponent(name).path, reason: "\(error)")
    }
  }

  /// What ``writeSet(schema:departments:year:previous:to:language:)`` did for one department.
  public struct Outcome: Sendable, Hashable {
    /// The department.
    public var department: Department
    /// The file written, or `nil` when the department reports no indicator that year.
    public var file: URL?
    /// The number of indicator rows on the form.
    public var indicatorCount: Int
  }

  /// Writes the templates of several departments, all or nothing.
  ///
  /// Everything is checked first; the workbooks are then written into a private temporary folder and copied into
  /// `directory` (each in one step, see `AtomicFile`) only when all of them were written, so a failure while
  /// writing leaves no partial set, and no moment (not even `kill -9`) leaves a partial or temporary file there.
  ///
  /// - Parameters:
  ///   - departments: Department ids; `nil` means every department of the schema.
  /// - Returns: One outcome per department, in schema order.
  /// - Throws: ``FormsError``.
  public static func writeSet(
    schema: Schema, departments: [String]?, year: Int, previous: [String: StoredValue], to directory: URL,
    language: Language = .zh
  ) throws(FormsError) -> [Outcome] {
    let chosen = try checkArguments(schema: schema, departments: departments, year: year)
    try checkFolder(directory)
    // Staged outside `directory`: a kill while writing leaves nothing there.
    let staging: URL
    do {
      staging = try AtomicFile.makePrivateFolder(label: "nianjian-template")
    } catch {
      throw .outputNotWritable(directory.path, reason: error.localizedDescription)
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    var outcomes: [Outcome] = []
    var staged: [(from: URL, to: URL)] = []
    for department in chosen {
      let count =
        FormDocument.template(schema: schema, department: department, year: year, language: language)?.indicators
        .count ?? 0
      let file: URL?
      do {
        file = try writeOne(
          schema: schema, department: department, year: year, previous: previous, to: staging, language: language)
      } catch let error as FormsError {
        throw error
      } catch {
        let name = fileName(schema: schema, department: department, year: year) ?? department.id
        throw .writeFailed(file: directory.appendingPathComponent(name).path, reason: "\(error)")
      }
      if let file { staged.append((file, directory.appendingPathComponent(file.lastPathComponent))) }
      outcomes.append(
        Outcome(
          department: department, file: file.map { directory.appendingPathComponent($0.lastPathComponent) },
          indicatorCount: count))
    }
    for move in staged {
      do {
        try AtomicFile.publish(contentsOf: move.from, to: move.to)
      } catch {
        throw .writeFailed(file: move.to.path, reason: "\(error)")
      }
    }
    return outcomes
  }

  /// Throws unless `directory` is an existing, writable folder.
  static func checkFolder(_ directory: URL) throws(FormsError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
      throw .outputFolderMissing(directory.path)
    }
    guard isDirectory.boolValue else { throw .outputNotAFolder(directory.path) }
    guard FileManager.default.isWritableFile(atPath: directory.path) else {
      throw .outputNotWritable(directory.path, reason: String(cString: strerror(EACCES)))
    }
  }

  private static func writeOne(
    schema: Schema, department: Department, year: Int, previous: [String: StoredValue], to directory: URL,
    language: Language
  ) throws -> URL? {
    guard let document = FormDocument.template(schema: schema, department: department, year: year, language: language),
      let name = fileName(schema: schema, department: department, year: year)
    else { return nil }
    let url = directory.appendingPathComponent(name)
    let workbook = try Workbook(path: url.path)
    let builder = FormWorkbookBuilder(document: document, previous: previous, fill: nil)
    try builder.addSheets(to: workbook)
    try builder.write()
    try builder.finish()
    try workbook.close()
    return url
  }
}
