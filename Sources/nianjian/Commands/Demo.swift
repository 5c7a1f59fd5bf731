import ArgumentParser
import Foundation
import NianjianCore

/// `nianjian demo`: the three jobs end to end on the sample returns, with a fresh embedded store.
///
/// It runs the real commands (the same code paths a user runs), in the order a bureau works:
/// 1. load earlier years from the history table (`import`);
/// 2. check every department's return and write marked copies to send back (`validate --marked`);
/// 3. accept the returns into the store (`import`) and show who has reported (`status`);
/// 4. build the year's yearbook (`yearbook`);
/// 5. produce next year's blank templates (`template`).
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "用样例报表演示三项工作 (run the three jobs on Samples/, end to end)",
    discussion: """
      样例在 Samples/：history/ 为历史数据表，<年份>/ 为各部门报表。结果写到 --out 文件夹：
      nianjian.sqlite（监测数据库，每次演示重新建立）、审核意见/（标注副本）、<年份>年妇女儿童统计资料.xlsx、
      <下一年>年报表模板/。
      The samples live in Samples/ (history/ tables, <year>/ returns); results go to --out.
      """)

  @Option(help: ArgumentHelp("结果文件夹 (output folder)", valueName: "DIR"))
  var out: String = "demo-out"

  @Option(help: ArgumentHelp("样例文件夹 (samples folder)", valueName: "DIR"))
  var samples: String = "Samples"

  @Option(help: ArgumentHelp("指标库文件夹，默认 Templates/guandu (schema folder)", valueName: "DIR"))
  var schema: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let english = global.lang == .en
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
    let history = Self.files(in: samplesURL.appendingPathComponent("history"), extensions: ["csv", "xlsx"])

    do {
      try fileManager.createDirectory(at: outURL, withIntermediateDirectories: true)
    } catch {
      Console.err(english ? "nianjian demo: cannot create \(out)" : "nianjian demo：无法创建文件夹 \(out)")
      throw ExitStatus.ioFailure
    }
    let store = outURL.appendingPathComponent(StoreOptions.defaultFileName).path
    for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: store + suffix) }
    let marked = outURL.appendingPathComponent(english ? "marked" : "审核意见")
    let templates = outURL.appendingPathComponent(english ? "templates-\(year + 1)" : "\(year + 1)年报表模板")
    for folder in [marked, templates] {
      try? fileManager.removeItem(at: folder)
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let yearbook = outURL.appendingPathComponent(english ? "yearbook-\(year).xlsx" : "\(year)年妇女儿童统计资料.xlsx")
    let common = ["--schema", schemaPath, "--lang", global.lang.rawValue]

    say("【1/5 历史数据】导入 \(history.count) 个历史数据表", "[1/5 history] importing \(history.count) history table(s)")
    if !history.isEmpty { try Self.step(Import.self, common + ["--store", store] + history.map(\.path)) }

    say(
      "\n【2/5 审核】审核 \(year) 年 \(returns.count) 份部门报表，标注副本写到 \(marked.path)",
      "\n[2/5 validate] checking \(returns.count) return(s) for \(year); marked copies in \(marked.path)")
    try Self.step(
      Validate.self, common + ["--store", store, "--year", String(year), "--marked", marked.path] + returns.map(\.path))

    say("\n【3/5 入库】接收无错误的报表", "\n[3/5 import] accepting the returns without errors")
    try Self.step(Import.self, common + ["--store", store] + returns.map(\.path))
    say("", "")
    try Self.step(Status.self, common + ["--store", store, "--year", String(year)])

    say("\n【4/5 年鉴】汇总 \(year) 年妇女儿童统计资料", "\n[4/5 yearbook] merging the \(year) yearbook")
    try Self.step(Yearbook.self, common + ["--store", store, "--year", String(year), "--out", yearbook.path])

    say("\n【5/5 模板】生成 \(year + 1) 年各部门空白报表", "\n[5/5 templates] blank returns for \(year + 1)")
    try Self.step(Template.self, common + ["--store", store, "--year", String(year + 1), "--out", templates.path])

    say(
      "\n演示完成。结果在 \(outURL.path)：监测数据库 \(StoreOptions.defaultFileName)、审核意见、年鉴、下一年模板。",
      "\nDemo finished. Results in \(outURL.path): the store, marked copies, the yearbook, next year's templates.")
  }

  /// Runs one real command; its own exit status (warnings, rejected returns) is part of the demo, not a failure.
  /// Failures that stop the demo: unreadable samples (65), usage (64) and I/O (74).
  private static func step<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws {
    var command = try type.parse(arguments)
    do {
      try command.run()
    } catch let exit as ExitCode where [0, 1, 2].contains(exit.rawValue) {
      return
    }
  }

  /// The newest `<year>` folder of the samples and its `.xlsx` files, sorted by name.
  static func latestReturns(in samples: URL) -> (Int, [URL])? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
    guard let year = names.compactMap({ Int($0) }).max() else { return nil }
    let returns = files(in: samples.appendingPathComponent(String(year)), extensions: ["xlsx"])
    return returns.isEmpty ? nil : (year, returns)
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
