import ArgumentParser
import Dispatch
import Foundation
import NianjianCore
import Schema

/// `nianjian validate`: reads departments' returns and lists every problem, in sheet!cell terms.
///
/// Files are read in parallel and reported in argument order; one broken file never stops the others. The exit
/// status is the worst over all files: 74 (a file could not be opened, or a marked copy or the store could not be
/// used) > 65 (a file is not a readable workbook) > 2 (errors in the data) > 1 (warnings only) > 0 (clean).
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "审核部门报表 (validate departments' returns)",
    discussion: """
      逐个文件列出全部问题（工作表!单元格、指标、所填数值、问题和修改办法），按 错误 / 警告 / 提示 分组。
      Lists every problem of each file (sheet!cell, indicator, value as typed, what is wrong and what to do).

      --format json 输出 JSON 数组，每个文件一个对象 / a JSON array, one object per file:
        {"file", "sha256", "template": {"id", "department", "year"} | null,
         "identification", "findings": [{"severity", "rule", "indicator",
         "sheet", "cell", "value", "message", "explained"}],
         "summary": {"errors", "warnings", "infos"}}
        template.id 为 null：文件没有模板标识，按表头推断
        template.id is null when the template was inferred from the header.

      退出码 / exit status (取所有文件中最严重的 / the worst over all files):
        0 无问题 clean · 1 仅有警告 warnings only · 2 有错误 errors in the data
        64 用法错误 usage · 65 文件无法识别 unreadable input · 74 读写失败 I/O failure
        优先级 / precedence: 74 > 65 > 2 > 1 > 0
      """)

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: ArgumentHelp("部门报表 .xlsx (returns)", valueName: "FILE.xlsx"))
  var files: [String] = []

  @Option(help: "输出格式 text|json (output format)")
  var format: Format = .text

  @Option(help: ArgumentHelp("把标注了问题的报表副本写到此文件夹 (write marked copies here)", valueName: "DIR"))
  var marked: String?

  @Option(help: ArgumentHelp("本次收集的年份；其他年份的报表算错误 (the year being collected)", valueName: "N"))
  var year: Int?

  @Flag(help: "逐条列出提示 (list every info finding)")
  var verbose = false

  @OptionGroup var schemaOptions: SchemaOptions
  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    guard !files.isEmpty else {
      throw ValidationError(global.lang == .zh ? "请给出至少一个报表文件" : "give at least one return file")
    }
  }

  func run() throws {
    let language = global.lang
    let schema = try schemaOptions.loadSchema(language)
    let history = try loadHistory(language)
    let validator = ReturnValidator(schema: schema, history: history)
    let progress = ProgressDisplay(total: files.count, language: language)
    let outcomes = Self.validateAll(files, validator: validator, year: year, progress: progress)
    progress?.finish()

    var status = ValidateStatus.clean
    var markedFailures: [Int: String] = [:]
    if let marked {
      let directory = URL(fileURLWithPath: marked)
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      } catch {
        Console.err(
          language == .zh
            ? "nianjian: 无法创建文件夹 \(marked)：\(reason(of: error, language))"
            : "nianjian: cannot create the folder \(marked): \(reason(of: error, language))")
        throw ExitStatus.ioFailure
      }
      for (index, outcome) in outcomes.enumerated() {
        guard case .success(let report) = outcome else { continue }
        do {
          let url = try MarkedReturnWriter.write(report: report, schema: schema, to: directory, language: language)
          Console.err(language == .zh ? "已写出标注副本：\(url.path)" : "marked copy written: \(url.path)")
        } catch {
          markedFailures[index] =
            language == .zh
            ? "无法写出“\(report.fileName)”的标注副本到 \(marked)：\(reason(of: error, language))"
            : "cannot write the marked copy of \"\(report.fileName)\" to \(marked): \(reason(of: error, language))"
          status = max(status, .ioFailure)
        }
      }
    }
    for outcome in outcomes { status = max(status, ValidateStatus(outcome)) }

    switch format {
    case .json:
      var output = OutputBuffer()
      ValidateJSON.write(outcomes, files: files, language: language, into: &output)
      output.flush()
      for (index, outcome) in outcomes.enumerated() {
        if case .failure(let error) = outcome { Console.err(error.message.text(language)) }
        if let failure = markedFailures[index] { Console.err(failure) }
      }
    case .text:
      let text = ValidateText(schema: schema, language: language, verbose: verbose)
      for (index, outcome) in outcomes.enumerated() {
        if index > 0 { Console.out("") }
        Console.out(text.render(outcome, file: files[index]))
        if let failure = markedFailures[index] { Console.err(failure) }
      }
      if outcomes.count > 1 { Console.out("\n" + text.overall(outcomes)) }
    }
    if status != .clean { throw status.exitCode }
  }

  /// Reads the accepted values of the store when its file exists; never creates a store.
  private func loadHistory(_ language: Language) throws -> [StoredValue] {
    guard storeOptions.exists else { return [] }
    do {
      let store = try SQLiteStore(path: storeOptions.path)
      // Through the year itself: earlier years feed the history checks, the same year completes rules that
      // span departments (the validator keeps the two apart).
      return try store.acceptedValues(through: year ?? Self.latestYear)
    } catch {
      Console.err(
        language == .zh
          ? "nianjian: 无法读取监测数据库 \(storeOptions.path)：\(reason(of: error, language))"
          : "nianjian: cannot read the store \(storeOptions.path): \(reason(of: error, language))")
      throw ExitStatus.ioFailure
    }
  }

  /// The year used to load the whole history when `--year` is not given.
  static let latestYear = 10_000

  /// Validates every file in parallel; results in argument order. `progress` counts each file done.
  static func validateAll(
    _ files: [String], validator: ReturnValidator, year: Int?, progress: ProgressDisplay? = nil
  ) -> [ValidateOutcome] {
    let results = OutcomeBox(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let outcome: ValidateOutcome
      do throws(ReturnReadError) {
        outcome = .success(try validator.validate(fileAt: URL(fileURLWithPath: files[index]), expectedYear: year))
      } catch {
        outcome = .failure(error)
      }
      results.set(index, outcome)
      progress?.advance()
    }
    return results.values
  }
}

/// The result of one file.
typealias ValidateOutcome = Result<ReturnReport, ReturnReadError>

/// The results of the parallel loop, one slot per file.
private final class OutcomeBox: @unchecked Sendable {
  private var slots: [ValidateOutcome?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ outcome: ValidateOutcome) {
    lock.lock()
    slots[index] = outcome
    lock.unlock()
  }

  var values: [ValidateOutcome] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}

/// The exit status of `validate`, ordered by precedence.
enum ValidateStatus: Int, Comparable {
  case clean = 0
  case warnings = 1
  case dataErrors = 2
  case unreadable = 3
  case ioFailure = 4

  init(_ outcome: ValidateOutcome) {
    switch outcome {
    case .failure(let error): self = error.kind == .io ? .ioFailure : .unreadable
    case .success(let report):
      self = report.count(.error) > 0 ? .dataErrors : (report.count(.warning) > 0 ? .warnings : .clean)
    }
  }

  var exitCode: ExitCode {
    switch self {
    case .clean: return ExitStatus.clean
    case .warnings: return ExitStatus.warnings
    case .dataErrors: return ExitStatus.dataErrors
    case .unreadable: return ExitStatus.badInput
    case .ioFailure: return ExitStatus.ioFailure
    }
  }

  static func < (lhs: ValidateStatus, rhs: ValidateStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The text report: a header line per file, findings grouped by severity, a summary line.
struct ValidateText {
  let schema: Schema
  let language: Language
  let verbose: Bool

  private var zh: Bool { language == .zh }

  func render(_ outcome: ValidateOutcome, file: String) -> String {
    switch outcome {
    case .failure(let error):
      return "\(file)\n  " + (zh ? "错误：" : "error: ") + error.message.text(language)
    case .success(let report):
      var lines = [header(report, file: file)]
      for severity in Severity.allCases {
        let findings = report.findings.filter { $0.severity == severity }
        guard !findings.isEmpty else { continue }
        let label = severity.label.text(language)
        lines.append(zh ? "\(label)（\(findings.count)）" : "\(label)s (\(findings.count))")
        if severity == .info, !verbose {
          lines.append("  " + infoSummary(findings))
          continue
        }
        for finding in findings { lines.append("  " + line(finding)) }
      }
      lines.append(summary(report))
      return lines.joined(separator: "\n")
    }
  }

  private func header(_ report: ReturnReport, file: String) -> String {
    var parts = [file]
    if let identity = report.identity {
      if !identity.templateID.isEmpty { parts.append((zh ? "模板 " : "template ") + identity.templateID) }
      let name = schema.department(id: identity.department)?.name
      parts.append(
        name.map { zh ? "\($0)（\(identity.department)）" : "\($0) (\(identity.department))" } ?? identity.department)
      parts.append(zh ? "\(identity.year)年" : String(identity.year))
    }
    parts.append((zh ? "识别方式：" : "identified by: ") + identificationName(report.identification))
    return parts.joined(separator: " · ")
  }

  private func identificationName(_ method: IdentificationMethod) -> String {
    switch method {
    case .customProperty: return zh ? "文档属性" : "document property"
    case .metadataSheet: return zh ? "元数据工作表" : "metadata sheet"
    case .headerByCode: return zh ? "表头和指标代码（推断）" : "header and codes (inferred)"
    case .headerByName: return zh ? "表头和指标名称（推断）" : "header and names (inferred)"
    case .unidentified: return zh ? "无法识别" : "unidentified"
    }
  }

  private func line(_ finding: Finding) -> String {
    var place = ""
    if let sheet = finding.sheet { place = finding.cell.map { "\(sheet)!\($0)" } ?? sheet }
    var parts: [String] = []
    if !place.isEmpty { parts.append(place) }
    if let code = finding.indicator { parts.append(code) }
    if finding.cell != nil, let value = finding.value, !value.isEmpty {
      parts.append(zh ? "填报值“\(value)”" : "value \"\(value)\"")
    }
    var text = parts.joined(separator: "  ")
    if !text.isEmpty { text += "  " }
    text += finding.message.text(language)
    if finding.explained { text += zh ? "〔已说明〕" : " [explained]" }
    return text + " [\(finding.rule)]"
  }

  private func infoSummary(_ findings: [Finding]) -> String {
    var counts: [String: Int] = [:]
    for finding in findings { counts[finding.rule, default: 0] += 1 }
    let items: [String] = counts.sorted { $0.key < $1.key }.map { rule, count -> String in
      let title: String = RuleID.title(of: rule).map { "\($0.text(language)) " } ?? ""
      return "\(title)\(rule) ×\(count)"
    }
    let list: String = items.joined(separator: zh ? "，" : ", ")
    let hint: String = zh ? "（用 --verbose 逐条列出）" : " (use --verbose to list them)"
    return list + hint
  }

  private func summary(_ report: ReturnReport) -> String {
    let (errors, warnings, infos) = (report.count(.error), report.count(.warning), report.count(.info))
    let verdict: String
    if errors > 0 {
      verdict = zh ? "不能接收，请改正错误后重新报送" : "cannot be accepted; correct the errors and resubmit"
    } else if warnings > 0 {
      verdict = zh ? "请核实警告，并在“情况说明”栏说明" : "check the warnings and explain them in the Explanation column"
    } else {
      verdict = zh ? "审核通过" : "passed"
    }
    return zh
      ? "合计：错误 \(errors) 条，警告 \(warnings) 条，提示 \(infos) 条 —— \(verdict)"
      : "Summary: \(errors) error(s), \(warnings) warning(s), \(infos) info — \(verdict)"
  }

  func overall(_ outcomes: [ValidateOutcome]) -> String {
    var unreadable = 0
    var withErrors = 0
    var withWarnings = 0
    var clean = 0
    for outcome in outcomes {
      switch ValidateStatus(outcome) {
      case .ioFailure, .unreadable: unreadable += 1
      case .dataErrors: withErrors += 1
      case .warnings: withWarnings += 1
      case .clean: clean += 1
      }
    }
    return zh
      ? "共 \(outcomes.count) 个文件：无法读取 \(unreadable) 个，有错误 \(withErrors) 个，仅有警告 \(withWarnings) 个，通过 \(clean) 个"
      : "\(outcomes.count) files: \(unreadable) unreadable, \(withErrors) with errors, \(withWarnings) with warnings only, \(clean) clean"
  }
}

/// The JSON report of the command-line contract.
enum ValidateJSON {
  static func write(_ outcomes: [ValidateOutcome], files: [String], language: Language, into output: inout OutputBuffer)
  {
    output.write("[")
    for (index, outcome) in outcomes.enumerated() {
      output.write(index == 0 ? "\n" : ",\n")
      output.write("{\"file\":")
      output.writeJSONString(files[index])
      switch outcome {
      case .failure(let error):
        // A file that exists but is not a workbook still gets its digest, for the record.
        output.write(",\"sha256\":")
        if error.kind == .unreadable, let digest = try? FileDigest.sha256(of: URL(fileURLWithPath: files[index])) {
          output.writeJSONString(digest)
        } else {
          output.write("null")
        }
        output.write(",\"template\":null,\"identification\":\"unreadable\",\"findings\":[")
        let rule = error.kind == .io ? RuleID.fileIo : RuleID.fileUnreadable
        writeFinding(
          Finding(severity: .error, rule: rule, message: error.message), language: language, into: &output)
        output.write("],\"summary\":{\"errors\":1,\"warnings\":0,\"infos\":0}}")
      case .success(let report):
        output.write(",\"sha256\":")
        output.writeJSONString(report.sha256)
        output.write(",\"template\":")
        if let identity = report.identity {
          output.write("{\"id\":")
          if identity.templateID.isEmpty { output.write("null") } else { output.writeJSONString(identity.templateID) }
          output.write(",\"department\":")
          output.writeJSONString(identity.department)
          output.write(",\"year\":\(identity.year)}")
        } else {
          output.write("null")
        }
        output.write(",\"identification\":")
        output.writeJSONString(report.identification.rawValue)
        output.write(",\"findings\":[")
        for (position, finding) in report.findings.enumerated() {
          if position > 0 { output.write(",") }
          writeFinding(finding, language: language, into: &output)
        }
        output.write(
          "],\"summary\":{\"errors\":\(report.count(.error)),\"warnings\":\(report.count(.warning)),\"infos\":\(report.count(.info))}}"
        )
      }
    }
    output.write(outcomes.isEmpty ? "]\n" : "\n]\n")
  }

  private static func writeFinding(_ finding: Finding, language: Language, into output: inout OutputBuffer) {
    output.write("\n  {\"severity\":\"\(finding.severity.rawValue)\",\"rule\":")
    output.writeJSONString(finding.rule)
    for (key, value) in [
      ("indicator", finding.indicator), ("sheet", finding.sheet), ("cell", finding.cell), ("value", finding.value),
    ] {
      output.write(",\"\(key)\":")
      if let value { output.writeJSONString(value) } else { output.write("null") }
    }
    output.write(",\"message\":")
    output.writeJSONString(finding.message.text(language))
    output.write(",\"explained\":\(finding.explained)}")
  }
}
