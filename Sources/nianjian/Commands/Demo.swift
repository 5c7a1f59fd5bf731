import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `nianjian demo`: the three jobs end to end on the sample returns, with a fresh embedded store.
///
/// It runs the real commands (the same code paths a user runs), in the order a bureau works:
/// 1. build the store from the history table and the returns of earlier years (`import`);
/// 2. check this year's returns and write marked copies to send back (`validate --year --marked`);
/// 3. import the returns — those without errors are accepted, the others recorded as sent back — and show who
///    has reported (`status`);
/// 4. build the year's yearbook (`yearbook`);
/// 5. produce next year's blank templates (`template`);
///
/// then lists everything it wrote. The samples (`Samples/`, see `Samples/README.md`) are synthetic.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "用样例报表演示三项工作 (run the three jobs on Samples/, end to end)",
    discussion: """
      样例在 Samples/（示例数据，虚构）：history/ 为历史数据表，returns/<年份>/ 为往年各部门报表，
      <年份>/ 为本年报表（其中有几份常见的问题报表）。结果写到 --out 文件夹：nianjian.sqlite（监测数据库，
      每次演示重新建立）、审核意见/（标注副本）、<年份>年妇女儿童统计资料.xlsx、<下一年>年报表模板/。
      The samples (synthetic) live in Samples/: history/ tables, returns/<year>/ for earlier years, <year>/ for
      this year's returns (a few of them messy). Results go to --out.
      """)

  @Option(help: ArgumentHelp("结果文件夹 (output folder)", valueName: "DIR"))
  var out: String = "demo-out"

  @Option(help: ArgumentHelp("样例文件夹 (samples folder)", valueName: "DIR"))
  var samples: String = "Samples"

  @Option(help: ArgumentHelp("指标库文件夹，默认 Templates/guandu (schema folder)", valueName: "DIR"))
  var schema: String?

  @OptionGroup var global: GlobalOptions

  /// The folder of the earlier years' returns inside the samples (`returns/<year>/`).
  static let earlierReturnsFolder = "returns"
  /// The folder of the history tables inside the samples.
  static let historyFolder = "history"

  func run() throws {
    let language = global.lang
    let english = language == .en
    func say(_ zh: String, _ en: String) { Console.out(english ? en : zh) }
    let fileManager = FileManager.default

    let schemaPath =
      schema ?? ProcessInfo.processInfo.environment[SchemaOptions.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
      ?? "Templates/guandu"
    let samplesURL = URL(fileURLWithPath: samples)
    let outURL = URL(fileURLWithPath: out)
    guard let (year, returns) = Self.latestReturns(in: samplesURL) else {
      Console.err(
        english
          ? "nianjian demo: no returns under \(samples)/<year>/ (run it from the package folder)"
          : "nianjian demo：\(samples)/<年份>/ 下没有报表（请在软件包文件夹中运行）")
      throw ExitStatus.usage
    }
    let history = Self.files(in: samplesURL.appendingPathComponent(Self.historyFolder), extensions: ["csv", "xlsx"])
    let earlier = Self.earlierReturns(in: samplesURL.appendingPathComponent(Self.earlierReturnsFolder), before: year)
    let loadedSchema = try SchemaOptions.parse(["--schema", schemaPath]).loadSchema(language)

    do {
      try fileManager.createDirectory(at: outURL, withIntermediateDirectories: true)
    } catch {
      Console.err(english ? "nianjian demo: cannot create \(out)" : "nianjian demo：无法创建文件夹 \(out)")
      throw ExitStatus.ioFailure
    }
    let store = outURL.appendingPathComponent(StoreOptions.defaultFileName).relativePath
    for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: store + suffix) }
    let marked = outURL.appendingPathComponent(english ? "marked" : "审核意见")
    let templates = outURL.appendingPathComponent(english ? "templates-\(year + 1)" : "\(year + 1)年报表模板")
    for folder in [marked, templates] {
      try? fileManager.removeItem(at: folder)
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let yearbook = outURL.appendingPathComponent(english ? "yearbook-\(year).xlsx" : "\(year)年妇女儿童统计资料.xlsx")
    let common = ["--schema", schemaPath, "--lang", language.rawValue]

    let firstYear = earlier.first?.year ?? year
    say(
      "【1/5 监测数据库】导入历史数据表和 \(firstYear)—\(year - 1) 年的各部门报表（示例数据）",
      "[1/5 store] importing the history table(s) and the returns of \(firstYear)–\(year - 1) (sample data)")
    if !history.isEmpty { try Self.step(Import.self, common + ["--store", store] + history.map(\.relativePath)) }
    try importEarlierYears(earlier, schema: loadedSchema, store: store)

    say(
      "\n【2/5 审核】审核 \(year) 年 \(returns.count) 份部门报表，标注副本写到 \(marked.relativePath)",
      "\n[2/5 validate] checking \(returns.count) return(s) for \(year); marked copies in \(marked.relativePath)")
    try Self.step(
      Validate.self,
      common + ["--store", store, "--year", String(year), "--marked", marked.relativePath] + returns.map(\.relativePath)
    )

    let acceptable = try acceptableReturns(returns, schema: loadedSchema, store: store, year: year)
    let sentBack = returns.filter { !acceptable.contains($0) }.map(\.lastPathComponent)
    say(
      "\n【3/5 入库】接收没有错误的 \(acceptable.count) 份报表；退回 \(sentBack.count) 份（错误见上）："
        + sentBack.joined(separator: "、"),
      "\n[3/5 import] accepting the \(acceptable.count) return(s) without errors; \(sentBack.count) sent back "
        + "(errors above): " + sentBack.joined(separator: ", "))
    // `import` gets every return: it accepts those without errors and records the others as sent back, so that
    // `status` tells a department whose return was sent back from one that sent nothing.
    try Self.step(Import.self, common + ["--store", store] + returns.map(\.relativePath))
    say("", "")
    try Self.step(Status.self, common + ["--store", store, "--year", String(year)])

    say("\n【4/5 年鉴】汇总 \(year) 年妇女儿童统计资料", "\n[4/5 yearbook] merging the \(year) yearbook")
    try Self.step(Yearbook.self, common + ["--store", store, "--year", String(year), "--out", yearbook.relativePath])

    say("\n【5/5 模板】生成 \(year + 1) 年各部门空白报表", "\n[5/5 templates] blank returns for \(year + 1)")
    try Self.step(
      Template.self, common + ["--store", store, "--year", String(year + 1), "--out", templates.relativePath])

    let markedCount = Self.files(in: marked, extensions: ["xlsx"]).count
    let templateCount = Self.files(in: templates, extensions: ["xlsx"]).count
    say(
      """

      演示完成。写出的文件：
        监测数据库      \(store)
        标注副本        \(marked.relativePath)/（\(markedCount) 个，退回给各部门）
        年鉴            \(yearbook.relativePath)
        下一年报表模板  \(templates.relativePath)/（\(templateCount) 个）
      """,
      """

      Demo finished. Written:
        store                \(store)
        marked copies        \(marked.relativePath)/ (\(markedCount), to send back to the departments)
        yearbook             \(yearbook.relativePath)
        next year's returns  \(templates.relativePath)/ (\(templateCount))
      """)
  }

  /// Imports the earlier years' returns year by year, one summary line per year (the `import` command would print
  /// a line per file). Each return is checked against the years before it, exactly as `import` does.
  private func importEarlierYears(_ earlier: [(year: Int, files: [URL])], schema: Schema, store path: String) throws {
    let english = global.lang == .en
    let store: SQLiteStore
    do {
      store = try SQLiteStore(path: path)
    } catch {
      Console.err(english ? "nianjian demo: cannot open the store \(path)" : "nianjian demo：无法打开监测数据库 \(path)")
      throw ExitStatus.ioFailure
    }
    for (year, files) in earlier {
      var accepted = 0
      var warned = 0
      var refused: [String] = []
      for file in files {
        do {
          let validator = ReturnValidator(schema: schema, history: try store.acceptedValues(through: Int.max))
          let report = try validator.validate(fileAt: file, expectedYear: year)
          let result = try store.importReturn(report, schemaVersion: schema.version, receivedAt: ReceiptClock.now())
          switch result.outcome {
          case .accepted, .alreadyImported: accepted += 1
          case .acceptedWithWarnings: warned += 1
          case .rejected: refused.append(file.lastPathComponent)
          }
        } catch {
          refused.append(file.lastPathComponent)
        }
      }
      let refusedZh = refused.isEmpty ? "" : "，退回 \(refused.count) 份：\(refused.joined(separator: "、"))"
      let refusedEn = refused.isEmpty ? "" : ", \(refused.count) sent back: \(refused.joined(separator: ", "))"
      Console.out(
        english
          ? "\(year): \(files.count) returns, \(accepted + warned) accepted (\(warned) with warnings)"
            + refusedEn
          : "\(year) 年：\(files.count) 份报表，接收 \(accepted + warned) 份（其中 \(warned) 份有警告）" + refusedZh)
    }
  }

  /// The returns `import` may accept for `year`: readable, for that year, without errors (the others are sent back).
  private func acceptableReturns(_ returns: [URL], schema: Schema, store path: String, year: Int) throws -> [URL] {
    let history: [StoredValue]
    do {
      history = try SQLiteStore(path: path).acceptedValues(through: year)
    } catch {
      Console.err(
        global.lang == .en ? "nianjian demo: cannot read the store \(path)" : "nianjian demo：无法读取监测数据库 \(path)")
      throw ExitStatus.ioFailure
    }
    let validator = ReturnValidator(schema: schema, history: history)
    return returns.filter { file in
      guard let report = try? validator.validate(fileAt: file, expectedYear: year) else { return false }
      return report.count(.error) == 0
    }
  }

  /// Runs one real command; its own exit status (warnings, rejected or unreadable returns) is part of the demo,
  /// not a failure. Failures that stop the demo: usage (64) and I/O (74).
  private static func step<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws {
    var command = try type.parse(arguments)
    do {
      try command.run()
    } catch let exit as ExitCode where Self.demoStatuses.contains(exit.rawValue) {
      return
    }
  }

  /// Exit statuses that the sample returns are meant to produce: warnings, errors, an unreadable file.
  static let demoStatuses: Set<Int32> = [0, 1, 2, 65]

  /// The newest `<year>` folder of the samples and its `.xlsx` files, sorted by name.
  static func latestReturns(in samples: URL) -> (Int, [URL])? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
    guard let year = names.compactMap({ Int($0) }).max() else { return nil }
    let returns = files(in: samples.appendingPathComponent(String(year)), extensions: ["xlsx"])
    return returns.isEmpty ? nil : (year, returns)
  }

  /// The `<year>` folders under `folder` before `year`, oldest first, each with its `.xlsx` files.
  static func earlierReturns(in folder: URL, before year: Int) -> [(year: Int, files: [URL])] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.compactMap { Int($0) }.filter { $0 < year }.sorted().compactMap { each in
      let found = files(in: folder.appendingPathComponent(String(each)), extensions: ["xlsx"])
      return found.isEmpty ? nil : (each, found)
    }
  }

  /// The files in `folder` with one of `extensions`, sorted by name (no hidden or lock files).
  static func files(in folder: URL, extensions: Set<String>) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
      .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
      .sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
