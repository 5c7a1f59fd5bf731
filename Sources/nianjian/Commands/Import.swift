import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `nianjian import FILE…`: validate each return and accept it into the store; load history tables.
///
/// Each file is either a department's return (an XLSX workbook, checked by `ReturnValidator` against the schema
/// and the store's accepted values) or a history table (recognised by its header row, see
/// `docs/history-format.md`). History tables are imported first, so the returns are checked against them. One
/// line per file; one bad file never stops the others. The whole batch is one store transaction: a kill leaves the
/// store as before the command, and a store this command created is removed again when no file could be read. Exit: 0 all accepted clean, 1 accepted with warnings,
/// 2 any rejected, 65 a file unreadable, 74 store (or file) I/O failure; the highest wins.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "校验报表并导入监测数据库；也可导入历史数据表 (validate returns and accept them into the store; load history)",
    discussion: """
      每个文件一行结果：已接收 / 已接收但有警告待说明 / 已退回（列出错误）/ 已导入过（未作改动）。
      历史数据表（CSV 或 XLSX，表头“指标代码, 年份, 数值”）按内容识别，格式见 docs/history-format.md；
      历史数据表总是先导入，报表随后按其审核。数据库不存在时自动创建。
      一次导入的全部文件在同一事务中写入：中途被终止时数据库保持原样，重新运行即可全部导入。
      退出码：0 全部接收且无警告，1 有警告，2 有报表被退回，65 文件无法读取，74 数据库读写失败。
      """)

  @Argument(help: ArgumentHelp("报表或历史数据表文件 (returns or history tables)", valueName: "FILE"))
  var files: [String]

  @OptionGroup var schemaOptions: SchemaOptions
  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var global: GlobalOptions

  /// How many findings of one file are printed before pointing to `nianjian validate`.
  static let maximumPrintedFindings = 50

  func run() throws {
    let language = global.lang
    let schema = try schemaOptions.loadSchema(language)
    let storeExisted = storeOptions.exists
    let store = try storeOptions.open(language, createIfMissing: true)
    let importer = FileImporter(schema: schema, store: store, language: language)
    let detected = Self.detectAll(files)
    let histories = detected.filter { $0.1 != .notHistoryTable }.map(\.0)
    let returns = detected.filter { $0.1 == .notHistoryTable }.map(\.0)
    var exitCode: Int32 = 0
    var byCode: [Int32: Int] = [:]
    var alreadyImported = 0
    let progress = ProgressDisplay(total: files.count, language: language)
    func record(_ code: Int32, before: Int) {
      exitCode = max(exitCode, code)
      if importer.tally.alreadyImported > before {
        alreadyImported += 1
      } else {
        byCode[code, default: 0] += 1
      }
    }
    do {
      // The whole batch is one transaction: a kill (or a failed commit) leaves the store exactly as before, and
      // running the same command again imports every file.
      try store.inOneTransaction {
        // History tables first (the returns are checked against them), then the returns: read in parallel,
        // checked and stored one by one in argument order (on this thread, inside the transaction), each against
        // the store as the earlier ones left it.
        for path in histories {
          let before = importer.tally.alreadyImported
          progress?.clear()
          record(importer.importHistory(path), before: before)
          progress?.advance()
        }
        OrderedParallel.forEach(
          returns.count,
          read: { index in
            Result { () throws(ReturnReadError) in
              try ReturnValidator.read(fileAt: URL(fileURLWithPath: returns[index]))
            }
          },
          consume: { index, read in
            let before = importer.tally.alreadyImported
            progress?.clear()
            record(importer.importReturn(returns[index], read: read), before: before)
            progress?.advance()
          })
      }
    } catch let error as StoreError {
      progress?.finish()
      Console.err(
        "nianjian: " + error.message.text(language)
          + (language == .en ? " — nothing of this import was stored" : "——本次导入的内容均未保存"))
      throw ExitStatus.ioFailure
    }
    progress?.finish()
    if !storeExisted, importer.tally.recorded == 0 {
      // Every file was unreadable: the store this command created holds nothing, so it is not left behind.
      try? store.close()
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
    }
    if files.count > 1 {
      let clean = byCode[ExitStatus.clean.rawValue] ?? 0
      let warned = byCode[ExitStatus.warnings.rawValue] ?? 0
      let rejected = byCode[ExitStatus.dataErrors.rawValue] ?? 0
      let unreadable = (byCode[ExitStatus.badInput.rawValue] ?? 0) + (byCode[ExitStatus.ioFailure.rawValue] ?? 0)
      Console.out(
        language == .en
          ? "\(files.count) files: \(clean) accepted, \(warned) accepted with warnings, \(rejected) rejected, "
            + "\(alreadyImported) already imported, \(unreadable) unreadable"
          : "共 \(files.count) 个文件：接收 \(clean)，接收但有警告 \(warned)，退回 \(rejected)，已导入过 \(alreadyImported)，"
            + "无法读取 \(unreadable)")
    }
    if exitCode != 0 { throw ExitCode(exitCode) }
  }
}

extension Import {
  /// Tells history tables from returns, reading the files in parallel; results in argument order.
  static func detectAll(_ files: [String]) -> [(String, HistoryTableReader.Detection)] {
    var detected: [(String, HistoryTableReader.Detection)] = []
    detected.reserveCapacity(files.count)
    OrderedParallel.forEach(
      files.count, read: { index in HistoryTableReader.detect(fileAt: URL(fileURLWithPath: files[index])) },
      consume: { index, detection in detected.append((files[index], detection)) })
    return detected
  }
}

/// Imports one file at a time and prints its line; returns the file's exit code.
private struct FileImporter {
  /// What the importer counted along the way.
  final class Tally {
    var alreadyImported = 0
    /// Files the store recorded (accepted, rejected or already imported).
    var recorded = 0
  }

  let schema: Schema
  let store: SQLiteStore
  let language: Language
  let tally = Tally()

  private var english: Bool { language == .en }
  /// The colon after a file name: `：` in Chinese, `: ` in English.
  private var colon: String { english ? ": " : "：" }

  private func say(_ zh: String, _ en: String) { Console.out(english ? en : zh) }

  func importReturn(_ path: String, read: Result<ReadReturn, ReturnReadError>) -> Int32 {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let report: ReturnReport
    do {
      let history = try store.acceptedValues(through: Int.max)
      report = ReturnValidator(schema: schema, history: history).check(try read.get())
    } catch let error as ReturnReadError {
      Console.err(path + colon + error.message.text(language))
      return error.kind == .io ? ExitStatus.ioFailure.rawValue : ExitStatus.badInput.rawValue
    } catch let error as StoreError {
      return storeFailure(path, error)
    } catch {
      Console.err(path + colon + reason(of: error, language))
      return ExitStatus.badInput.rawValue
    }
    let result: ImportResult
    do {
      result = try store.importReturn(report, schemaVersion: schema.version, receivedAt: ReceiptClock.now())
    } catch let error as StoreError {
      if error.kind == .unidentifiedReturn || error.kind == .invalidReturn {
        say("\(name)：已退回——\(error.message.zh)", "\(name): rejected — \(error.message.en)")
        return ExitStatus.dataErrors.rawValue
      }
      return storeFailure(path, error)
    } catch {
      return storeFailure(path, StoreError(.io, path: store.path, detail: "\(error)"))
    }
    tally.recorded += 1
    let who = report.identity.map { identity in
      english
        ? "\(departmentName(identity.department)) \(identity.year)"
        : "\(departmentName(identity.department)) \(identity.year) 年"
    }
    let whoZh = who.map { "（\($0)）" } ?? ""
    let whoEn = who.map { " (\($0))" } ?? ""
    switch result.outcome {
    case .alreadyImported:
      return alreadyImported(name, result)
    case .rejected:
      let errors = report.count(.error)
      say("\(name)：已退回\(whoZh)，\(errors) 个错误，未入库", "\(name): rejected\(whoEn), \(errors) error(s); nothing stored")
      printFindings(report.findings.filter { $0.severity == .error }, file: path)
      return ExitStatus.dataErrors.rawValue
    case .accepted, .acceptedWithWarnings:
      let open = report.findings.filter { $0.severity == .warning && !$0.explained }.count
      let explained = report.count(.warning) - open
      var zh = "\(name)：已接收\(whoZh)"
      var en = "\(name): accepted\(whoEn)"
      if open > 0 {
        zh += "，\(open) 条警告待说明"
        en += ", \(open) open warning(s) to explain"
      }
      if explained > 0 {
        zh += "，\(explained) 条警告已说明"
        en += ", \(explained) warning(s) explained"
      }
      say(zh + counts(result).zh, en + counts(result).en)
      printFindings(report.findings.filter { $0.severity == .warning && !$0.explained }, file: path)
      printChanges(result)
      return result.outcome == .accepted ? ExitStatus.clean.rawValue : ExitStatus.warnings.rawValue
    }
  }

  func importHistory(_ path: String) -> Int32 {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let table: HistoryTable
    do {
      table = try HistoryTableReader.read(fileAt: url, schema: schema)
    } catch {
      Console.err(path + colon + error.message.text(language))
      return error.kind == .io ? ExitStatus.ioFailure.rawValue : ExitStatus.badInput.rawValue
    }
    let result: ImportResult
    do {
      result = try store.importHistory(table, schema: schema, receivedAt: ReceiptClock.now())
    } catch let error as StoreError {
      return storeFailure(path, error)
    } catch {
      return storeFailure(path, StoreError(.io, path: store.path, detail: "\(error)"))
    }
    tally.recorded += 1
    let years = table.years.map {
      $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)"
    }
    switch result.outcome {
    case .alreadyImported:
      return alreadyImported(name, result)
    case .rejected:
      let errors = table.count(.error)
      say("\(name)：历史数据表有 \(errors) 个错误，未入库", "\(name): history table with \(errors) error(s); nothing stored")
      printFindings(table.findings.filter { $0.severity == .error }, file: nil)
      return ExitStatus.dataErrors.rawValue
    case .accepted, .acceptedWithWarnings:
      let span = years.map { english ? ", \($0)" : "，\($0) 年" } ?? ""
      say(
        "\(name)：历史数据已导入（\(table.rows.count) 个数值\(span)）" + counts(result).zh,
        "\(name): history imported (\(table.rows.count) value(s)\(span))" + counts(result).en)
      printChanges(result)
      return ExitStatus.clean.rawValue
    }
  }

  private func alreadyImported(_ name: String, _ result: ImportResult) -> Int32 {
    tally.alreadyImported += 1
    let earlier = result.submissionID.flatMap { try? store.submission(id: $0) }
    let when = earlier.map { "\($0.receivedAt)" } ?? ""
    let outcome = earlier?.outcome ?? .accepted
    let label: (zh: String, en: String)
    switch outcome {
    case .accepted: label = ("已接收", "accepted")
    case .acceptedWithWarnings: label = ("已接收，有警告", "accepted with warnings")
    case .rejected: label = ("已退回", "rejected")
    }
    say(
      "\(name)：此文件已导入过（\(when)，\(label.zh)），未作任何改动",
      "\(name): already imported (\(when), \(label.en)); nothing changed")
    switch outcome {
    case .accepted: return ExitStatus.clean.rawValue
    case .acceptedWithWarnings: return ExitStatus.warnings.rawValue
    case .rejected: return ExitStatus.dataErrors.rawValue
    }
  }

  private func counts(_ result: ImportResult) -> (zh: String, en: String) {
    var zh = "：新增 \(result.newValues) 个数值"
    var en = ": \(result.newValues) new value(s)"
    if result.revisions > 0 {
      zh += "，修订 \(result.revisions) 个"
      en += ", \(result.revisions) revision(s)"
    }
    if result.conflicts > 0 {
      zh += "，与其他来源冲突 \(result.conflicts) 个（见下）"
      en += ", \(result.conflicts) conflict(s) with another source (below)"
    }
    return (zh, en)
  }

  private func departmentName(_ id: String) -> String {
    if id == HistoryTable.department { return english ? "history" : "历史数据" }
    return schema.department(id: id)?.name ?? id
  }

  private func printFindings(_ findings: [Finding], file: String?) {
    for finding in findings.prefix(Import.maximumPrintedFindings) {
      var place = ""
      if let sheet = finding.sheet, let cell = finding.cell {
        place = "\(sheet)!\(cell) "
      } else if let cell = finding.cell {
        place = "\(cell) "
      }
      let indicator = finding.indicator.map { "\($0) " } ?? ""
      let message = finding.message.text(language)
      Console.out("  \(finding.severity.label.text(english: english)) \(place)\(indicator)[\(finding.rule)] \(message)")
    }
    if findings.count > Import.maximumPrintedFindings {
      let rest = findings.count - Import.maximumPrintedFindings
      say("  ……另有 \(rest) 条未列出", "  … \(rest) more not listed")
    }
    if let file, !findings.isEmpty {
      say("  详见：nianjian validate \(file)", "  details: nianjian validate \(file)")
    }
  }

  private func quantityText(_ quantity: ReportedQuantity) -> String {
    switch quantity {
    case .number(let number): return NumberText.plain(number)
    case .text(let text): return "“\(text)”"
    case .missing(.blank): return english ? "(blank)" : "（空白）"
    case .missing(.noData): return english ? "(no data)" : "（无数据）"
    case .missing(.notApplicable): return english ? "(not applicable)" : "（不适用）"
    }
  }

  /// Lists the revisions and conflicts this submission brought.
  private func printChanges(_ result: ImportResult) {
    guard let id = result.submissionID, result.revisions + result.conflicts > 0 else { return }
    if result.revisions > 0, let revisions = try? store.revisions(through: Int.max) {
      for revision in revisions where revision.newValue.submissionID == id {
        let old = quantityText(revision.oldValue.quantity)
        let new = quantityText(revision.newValue.quantity)
        say(
          "  修订 \(revision.indicatorCode) \(revision.year) 年：\(old) → \(new)（原文件 \(revision.oldValue.provenance.fileName)）",
          "  revision \(revision.indicatorCode) \(revision.year): \(old) → \(new) (was \(revision.oldValue.provenance.fileName))"
        )
      }
    }
    if result.conflicts > 0, let conflicts = try? store.conflicts(through: Int.max) {
      for conflict in conflicts where conflict.values.contains(where: { $0.submissionID == id }) {
        let sides = conflict.values.map { "\(departmentName($0.department)) \(quantityText($0.quantity))" }
        say(
          "  冲突 \(conflict.indicatorCode) \(conflict.year) 年：" + sides.joined(separator: " ≠ ") + "（两个数值都保留，未作取舍）",
          "  conflict \(conflict.indicatorCode) \(conflict.year): " + sides.joined(separator: " ≠ ")
            + " (both kept, none chosen)")
      }
    }
  }

  private func storeFailure(_ path: String, _ error: StoreError) -> Int32 {
    Console.err(path + colon + error.message.text(language))
    return ExitStatus.ioFailure.rawValue
  }
}
