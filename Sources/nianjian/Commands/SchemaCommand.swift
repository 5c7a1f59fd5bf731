import ArgumentParser
import Foundation
import NianjianCore
import Schema
import XLSXWriter

/// `nianjian schema check|export`: check the YAML indicator registry, or export it.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "检查或导出指标库 (check or export the indicator schema)",
    subcommands: [Check.self, Export.self]
  )
}

extension SchemaCommand {
  /// `nianjian schema check [--schema DIR] [--seeds DIR]`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "加载并检查指标库；退出码 0 无问题，1 仅有警告，2 有错误 (load and check the schema)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var schemaOptions: SchemaOptions

    @Option(
      name: .long,
      help: ArgumentHelp("规划原文文件夹（seeds）：核对每个指标的原文出处 (check sources against the plan texts)", valueName: "DIR"))
    var seeds: String?

    func run() throws {
      let language = global.lang
      let english = language == .en
      let directory = try schemaOptions.resolveOrExit(language)
      let shownDirectory = schemaOptions.displayPath(of: directory)
      var seedsURL: URL?
      if let seeds {
        seedsURL = URL(fileURLWithPath: seeds)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: seeds, isDirectory: &isDirectory), isDirectory.boolValue else {
          Console.err(english ? "nianjian: no seeds folder at \(seeds)" : "nianjian: 找不到规划原文文件夹：\(seeds)")
          throw ExitStatus.usage
        }
      }
      let inspection = SchemaLoader.inspect(directory: directory, seedsDirectory: seedsURL)
      for diagnostic in inspection.diagnostics {
        Console.out(diagnostic.formatted(english: english, directory: shownDirectory))
      }
      if let schema = inspection.schema {
        for line in SchemaSummary.lines(of: schema, english: english) { Console.out(line) }
      }
      let errors = inspection.diagnostics.filter { $0.severity == .error }.count
      let warnings = inspection.diagnostics.filter { $0.severity == .warning }.count
      let infos = inspection.diagnostics.filter { $0.severity == .info }.count
      Console.out(
        english
          ? "result: \(errors) error(s), \(warnings) warning(s), \(infos) info(s)"
          : "检查结果：\(errors) 个错误，\(warnings) 个警告，\(infos) 个提示")
      if errors > 0 { throw ExitStatus.dataErrors }
      if warnings > 0 { throw ExitStatus.warnings }
    }
  }

  /// `nianjian schema export [--schema DIR] [--format json|xlsx] [--out FILE]`.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export", abstract: "导出指标库（JSON，或供阅读的 XLSX） (export the schema as JSON or a readable workbook)")

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case json, xlsx
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var schemaOptions: SchemaOptions

    @Option(name: .long, help: "输出格式 json|xlsx (output format)")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("输出文件；默认写到标准输出 (output file; default stdout)", valueName: "FILE"))
    var out: String?

    func run() throws {
      let language = global.lang
      if format == .xlsx {
        try exportWorkbook(language)
        return
      }
      let schema = try schemaOptions.loadSchema(language)
      let data = Data(schema.exportJSONText().utf8)
      guard let out else {
        FileHandle.standardOutput.write(data)
        return
      }
      do {
        // Written privately, then put in place in one step: a kill leaves no temporary file beside `out`.
        let staging = try AtomicFile.makePrivateFolder()
        defer { try? FileManager.default.removeItem(at: staging) }
        let file = staging.appendingPathComponent("schema.json")
        try data.write(to: file)
        try AtomicFile.publish(contentsOf: file, to: URL(fileURLWithPath: out))
      } catch {
        Console.err(
          language == .zh
            ? "nianjian: 无法写入 \(out)：\(reason(of: error, language))"
            : "nianjian: cannot write \(out): \(reason(of: error, language))")
        throw ExitStatus.ioFailure
      }
    }
  }
}

extension SchemaCommand.Export {
  /// `--format xlsx`: a readable registry workbook (one sheet per plan) written to `--out FILE`; a workbook is
  /// never written to standard output (exit 64 without `--out`, 74 when it cannot be written).
  fileprivate func exportWorkbook(_ language: Language) throws {
    guard let out else {
      Console.err(
        language == .zh
          ? "nianjian: --format xlsx 需要用 --out FILE 指定输出文件"
          : "nianjian: --format xlsx needs an output file: --out FILE")
      throw ExitStatus.usage
    }
    let schema = try schemaOptions.loadSchema(language)
    do {
      _ = try RegistryWorkbookWriter.write(schema: schema, to: URL(fileURLWithPath: out), language: language)
    } catch {
      Console.err("nianjian: " + error.message(language))
      throw ExitStatus.ioFailure
    }
  }
}

/// The summary `schema check` prints after the diagnostics.
enum SchemaSummary {
  /// The lines of the summary, in Chinese or English.
  static func lines(of schema: Schema, english: Bool) -> [String] {
    var lines: [String] = []
    let shortVersion = String(schema.version.prefix(12))
    lines.append(
      english
        ? "jurisdiction: \(schema.jurisdiction.name) (\(schema.jurisdiction.id)), schema version \(shortVersion)"
        : "辖区：\(schema.jurisdiction.name)（\(schema.jurisdiction.id)），指标库版本 \(shortVersion)")
    for plan in schema.plans {
      let numeric = plan.indicators.flatMap(\.targets).filter { !$0.expression.isQualitative }.count
      let qualitative = plan.indicators.flatMap(\.targets).filter { $0.expression.isQualitative }.count
      let baselines = plan.indicators.filter { $0.baseline != nil }.count
      lines.append(
        english
          ? "plan \(plan.id) (\(plan.fileName)) \"\(plan.title)\" \(plan.period.start)–\(plan.period.end): "
            + "\(plan.domains.count) domains, \(plan.indicators.count) indicators, \(baselines) baselines, "
            + "targets \(numeric) numeric / \(qualitative) qualitative, \(plan.rules.count) rules"
          : "规划 \(plan.id)（\(plan.fileName)）《\(plan.title)》\(plan.period.start)—\(plan.period.end)："
            + "\(plan.domains.count) 个领域，\(plan.indicators.count) 项指标，\(baselines) 个基期值，"
            + "目标 \(numeric) 个数值 / \(qualitative) 个定性，规则 \(plan.rules.count) 条")
      for domain in plan.domains {
        let count = plan.indicators(inDomain: domain.code).count
        lines.append(
          english ? "  \(domain.code) \(domain.name): \(count)" : "  \(domain.code) \(domain.name)：\(count) 项")
      }
    }
    let idle = schema.departments.filter { schema.indicators(department: $0.id).isEmpty }
    lines.append(
      english
        ? "departments: \(schema.departments.count), \(idle.count) without indicators"
          + (idle.isEmpty ? "" : " (\(idle.map(\.id).joined(separator: ", ")))")
        : "部门：\(schema.departments.count) 个，其中 \(idle.count) 个没有报送指标"
          + (idle.isEmpty ? "" : "（\(idle.map(\.name).joined(separator: "、"))）"))
    return lines
  }
}
