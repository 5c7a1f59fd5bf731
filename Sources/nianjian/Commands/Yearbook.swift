import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `nianjian yearbook --year N --out FILE.xlsx [--store FILE] [--schema DIR] [RETURN.xlsx…]`: the consolidated
/// yearbook (妇女儿童统计资料) of a year, from the store or, for a quick look, straight from return files.
struct Yearbook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yearbook",
    abstract: "生成年度妇女儿童统计资料（年鉴） (build the yearbook of a year)",
    discussion: """
      默认从监测数据库读取数据；在命令行列出报表文件时，不使用数据库，直接审核这些报表并汇总已接收的数据。
      By default the data come from the store; with return files on the command line they are validated and \
      merged directly, without a store.
      """)

  /// The years a yearbook can be made for (as `nianjian status` accepts them).
  static let allowedYears = 1900...2200

  @OptionGroup var global: GlobalOptions
  @OptionGroup var schemaOptions: SchemaOptions
  @OptionGroup var storeOptions: StoreOptions

  @Option(name: .long, help: ArgumentHelp("年鉴年份 (the year)", valueName: "N"))
  var year: Int

  @Option(name: .long, help: ArgumentHelp("输出的年鉴文件 .xlsx (the yearbook file to write)", valueName: "FILE"))
  var out: String

  @Argument(help: ArgumentHelp("报表文件；给出时不使用数据库 (return files; no store is used then)", valueName: "RETURN.xlsx"))
  var returns: [String] = []

  func validate() throws {
    let english = global.lang == .en
    guard Self.allowedYears.contains(year) else {
      throw ValidationError(
        english
          ? "--year \(year): the year must be within \(Self.allowedYears.lowerBound)–\(Self.allowedYears.upperBound)"
          : "--year \(year)：年份应在 \(Self.allowedYears.lowerBound)–\(Self.allowedYears.upperBound) 之间")
    }
    guard out.lowercased().hasSuffix(".xlsx") else {
      throw ValidationError(
        english ? "--out \(out): the yearbook file must end in .xlsx" : "--out \(out)：年鉴文件应以 .xlsx 结尾")
    }
  }

  func run() throws {
    let language = global.lang
    func say(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
    let outURL = URL(fileURLWithPath: out)
    let folder = outURL.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      Console.err(
        "nianjian: " + say("无法写入 \(out)：文件夹 \(folder.path) 不存在", "cannot write \(out): no folder \(folder.path)"))
      throw ExitStatus.ioFailure
    }
    if returns.isEmpty, storeOptions.store == nil, !storeOptions.exists {
      Console.err(
        "nianjian: "
          + say(
            "没有数据来源：当前文件夹没有监测数据库 \(storeOptions.path)。请用 --store FILE 指定数据库（或设置 NIANJIAN_STORE），或在命令行列出报表文件。",
            "no data: there is no store \(storeOptions.path) here. Name one with --store FILE (or NIANJIAN_STORE), or list return files on the command line."
          ))
      throw ExitStatus.usage
    }
    if !returns.isEmpty, let store = storeOptions.store {
      Console.err(
        "nianjian: "
          + say(
            "已给出报表文件，本次不使用监测数据库 \(store)", "return files were given, so the store \(store) is not used"))
    }
    let schema = try schemaOptions.loadSchema(language)
    let input = returns.isEmpty ? try inputFromStore(schema, say) : try inputFromReturns(schema, say)
    do {
      try YearbookWriter.write(input, to: outURL, language: language)
    } catch let error as YearbookWriteError {
      Console.err("nianjian: " + error.message.text(language))
      // Both kinds mean no yearbook was produced; there is no data error to report.
      throw ExitStatus.ioFailure
    } catch {
      let why = reason(of: error, language)
      Console.err("nianjian: " + say("无法写入 \(out)：\(why)", "cannot write \(out): \(why)"))
      throw ExitStatus.ioFailure
    }
    let accepted = input.submissions.filter { $0.outcome != .rejected }.count
    let outstanding = input.warnings.filter(\.isOutstanding).count
    Console.out(
      say(
        "已生成 \(year) 年年鉴：\(out)（\(input.values.count) 个数据，\(input.submissions.count) 份报表，其中 \(accepted) 份已接收；\(input.conflicts.count) 处数据冲突，\(outstanding) 条警告待说明）",
        "wrote the \(year) yearbook: \(out) (\(input.values.count) values, \(input.submissions.count) returns, \(accepted) accepted; \(input.conflicts.count) conflicts, \(outstanding) warnings awaiting explanation)"
      ))
  }

  private func inputFromStore(_ schema: Schema, _ say: (String, String) -> String) throws -> YearbookInput {
    let store = try storeOptions.open(global.lang, createIfMissing: false)
    do {
      return try store.yearbookInput(schema: schema, year: year)
    } catch let error as StoreError {
      Console.err("nianjian: " + error.message.text(global.lang))
      throw ExitStatus.ioFailure
    } catch {
      Console.err(
        "nianjian: "
          + say(
            "无法读取监测数据库 \(store.path)：\(reason(of: error, global.lang))",
            "cannot read the store \(store.path): \(reason(of: error, global.lang))"))
      throw ExitStatus.ioFailure
    }
  }

  private func inputFromReturns(_ schema: Schema, _ say: (String, String) -> String) throws -> YearbookInput {
    let validator = ReturnValidator(schema: schema)
    var reports: [ReturnReport] = []
    var receivedAt: [String: String] = [:]
    // Read and checked in parallel; the first unreadable file in argument order stops the run, as before.
    var outcomes: [Result<ReturnReport, ReturnReadError>] = []
    let paths = returns
    OrderedParallel.forEach(
      paths.count,
      read: { index in
        Result { () throws(ReturnReadError) in try validator.validate(fileAt: URL(fileURLWithPath: paths[index])) }
      },
      consume: { _, outcome in outcomes.append(outcome) })
    for (path, outcome) in zip(returns, outcomes) {
      let url = URL(fileURLWithPath: path)
      do {
        let report = try outcome.get()
        reports.append(report)
        receivedAt[report.path] = Self.modificationTime(of: url)
      } catch {
        let message = error.message.text(global.lang)
        // Name the file even when the validator's sentence does not.
        let named = message.contains(url.lastPathComponent) ? message : path + say("：", ": ") + message
        Console.err("nianjian: " + named)
        throw error.kind == .io ? ExitStatus.ioFailure : ExitStatus.badInput
      }
    }
    for report in reports where !report.isAcceptable {
      Console.err(
        "nianjian: "
          + say(
            "\(report.fileName) 有 \(report.count(.error)) 个错误，未纳入年鉴（请用 nianjian validate 查看）",
            "\(report.fileName) has \(report.count(.error)) error(s) and is left out (see nianjian validate)"))
    }
    return YearbookInput.fromReturns(schema: schema, year: year, reports: reports) { receivedAt[$0.path] ?? "" }
  }

  /// The file's modification time in ISO 8601 (UTC, seconds), or an empty text.
  static func modificationTime(of url: URL) -> String {
    guard let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date else {
      return ""
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
