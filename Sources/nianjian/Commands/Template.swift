import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `nianjian template --year N [--department ID]… --out DIR [--schema DIR] [--store FILE]`: next year's blank
/// return workbooks, one per department.
///
/// Every argument is checked before anything is written; the workbooks are written into a temporary folder
/// inside DIR and moved into place together, so a failure leaves no partial set. Prints one line per file
/// written and one per department without indicators. Exit codes: 0 done, 64 bad arguments (unknown
/// department, year outside every plan), 65 broken schema, 74 output folder missing or not writable, or the
/// store cannot be opened.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "生成下一年度各部门的空白报表 (write blank return templates, one per department)")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var schemaOptions: SchemaOptions
  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .long, help: ArgumentHelp("报告期（数据所属年份） (the year the values are for)", valueName: "N"))
  var year: Int

  @Option(
    name: .long,
    help: ArgumentHelp("部门代码，可重复；默认全部部门 (department id; repeatable; default all)", valueName: "ID"))
  var department: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp("输出文件夹（不存在时新建，其上级文件夹须已存在） (output folder; created when its parent exists)", valueName: "DIR"))
  var out: String

  func run() throws {
    let language = global.lang
    let text = { (zh: String, en: String) in language == .en ? en : zh }
    let schema = try schemaOptions.loadSchema(language)
    let departments = department.isEmpty ? nil : department
    do {
      _ = try TemplateWriter.checkArguments(schema: schema, departments: departments, year: year)
    } catch {
      Console.err("nianjian: " + error.message(language))
      throw ExitStatus.usage
    }
    let previous = try previousValues(language)
    let directory = URL(fileURLWithPath: out)
    // A statistician names a new folder for next year's forms: create it when its parent exists (and remove it
    // again if nothing could be written), so a missing parent is the only "folder missing" error.
    let createdFolder = Self.createFolderIfParentExists(directory)
    let outcomes: [TemplateWriter.Outcome]
    do {
      outcomes = try TemplateWriter.writeSet(
        schema: schema, departments: departments, year: year, previous: previous, to: directory, language: language)
    } catch {
      if createdFolder { try? FileManager.default.removeItem(at: directory) }
      Console.err("nianjian: " + error.message(language))
      throw error.isUsage ? ExitStatus.usage : ExitStatus.ioFailure
    }
    var written = 0
    for outcome in outcomes {
      if let file = outcome.file {
        written += 1
        let shown = (out as NSString).appendingPathComponent(file.lastPathComponent)
        Console.out(
          text(
            "已生成：\(shown)（\(outcome.department.name)，\(outcome.indicatorCount) 项指标）",
            "written: \(shown) (\(outcome.department.name), \(outcome.indicatorCount) indicators)"))
      } else {
        Console.out(
          text(
            "未生成：\(outcome.department.name)（\(outcome.department.id)）在\(year)年没有报送指标",
            "skipped: \(outcome.department.name) (\(outcome.department.id)) reports no indicator in \(year)"))
      }
    }
    Console.out(
      text(
        "共生成 \(written) 个报表，\(outcomes.count - written) 个部门没有指标。",
        "\(written) template(s) written, \(outcomes.count - written) department(s) without indicators."))
  }

  /// Last year's accepted values from the store when the store file exists; none (baselines only) otherwise.
  /// A missing store is never created.
  private func previousValues(_ language: Language) throws -> [String: StoredValue] {
    guard storeOptions.exists else { return [:] }
    do {
      return try SQLiteStore(path: storeOptions.path).values(ofYear: year - 1)
    } catch {
      Console.err(
        language == .en
          ? "nianjian: cannot read the store \(storeOptions.path): \(reason(of: error, language))"
          : "nianjian: 无法读取监测数据库 \(storeOptions.path)：\(reason(of: error, language))")
      throw ExitStatus.ioFailure
    }
  }

  /// Creates `directory` when it is missing and its parent folder exists; returns whether it was created.
  static func createFolderIfParentExists(_ directory: URL) -> Bool {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard !fileManager.fileExists(atPath: directory.path),
      fileManager.fileExists(atPath: directory.deletingLastPathComponent().path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return false }
    return (try? fileManager.createDirectory(at: directory, withIntermediateDirectories: false)) != nil
  }
}
