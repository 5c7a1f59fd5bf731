import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `nianjian status --year N`: who has submitted, who is late, what failed.
///
/// One line per department of the schema that reports indicators for the year (and any other department that
/// sent a file). Exit 0. A missing store is not created: the message says to import first, exit 74 (the store
/// cannot be opened — an I/O failure in the contract's terms).
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "各部门报送情况：已接收、待说明、已退回、未报送 (who has submitted, who is late, what failed)",
    discussion: """
      数据库不存在时不会新建，提示先用 nianjian import 导入，退出码 74。
      --format json 输出供脚本使用的 JSON。
      """)

  /// Output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Option(name: .long, help: "报告年份 (the reporting year)")
  var year: Int

  @Option(name: .long, help: "输出格式 text|json (output format)")
  var format: Format = .text

  @OptionGroup var schemaOptions: SchemaOptions
  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var global: GlobalOptions

  /// The years `--year` accepts.
  static let acceptedYears = 1900...2200

  func validate() throws {
    guard Self.acceptedYears.contains(year) else {
      let range = "\(Self.acceptedYears.lowerBound)–\(Self.acceptedYears.upperBound)"
      throw ValidationError(
        global.lang == .en
          ? "--year \(year): the year must be within \(range)" : "--year \(year)：年份应在 \(range) 之间")
    }
  }

  func run() throws {
    let language = global.lang
    let schema = try schemaOptions.loadSchema(language)
    let store = try storeOptions.open(language, createIfMissing: false)
    let status: SubmissionStatus
    do {
      status = try store.status(year: year, schema: schema)
    } catch let error as StoreError {
      Console.err("nianjian: " + error.message.text(language))
      throw ExitStatus.ioFailure
    }
    switch format {
    case .json: Console.out(StatusOutput.json(status, schema: schema).serialized())
    case .text: Console.out(StatusOutput.text(status, schema: schema, english: language == .en))
    }
  }
}

/// Renders a ``SubmissionStatus`` for people (aligned text) and scripts (JSON).
enum StatusOutput {
  static func json(_ status: SubmissionStatus, schema: Schema) -> JSONValue {
    func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    let departments = status.departments.map { line -> JSONValue in
      .object([
        ("id", .string(line.department.id)),
        ("name", .string(line.department.name)),
        ("expected", .bool(line.isExpected)),
        ("status", .string(line.state.rawValue)),
        ("open_warnings", .integer(line.openWarnings)),
        ("explained_warnings", .integer(line.explainedWarnings)),
        ("errors", .integer(line.errorCount)),
        ("submissions", .integer(line.submissionCount)),
        ("file", optional(line.current?.fileName ?? line.latest?.fileName)),
        ("received_at", optional(line.current?.receivedAt ?? line.latest?.receivedAt)),
        ("rejected_resubmission", .bool(line.hasRejectedResubmission)),
      ])
    }
    let unidentified = status.unidentified.map { submission -> JSONValue in
      .object([
        ("file", .string(submission.fileName)), ("received_at", .string(submission.receivedAt)),
        ("errors", .integer(submission.errorCount)),
      ])
    }
    let conflicts = status.conflicts.map { conflict -> JSONValue in
      .object([
        ("indicator", .string(conflict.indicatorCode)),
        (
          "values",
          .array(
            conflict.values.map { value in
              .object([
                ("department", .string(value.department)), ("value", quantityJSON(value.quantity)),
                ("file", .string(value.provenance.fileName)),
              ])
            })
        ),
      ])
    }
    return .object([
      ("year", .integer(status.year)),
      (
        "jurisdiction", .object([("id", .string(schema.jurisdiction.id)), ("name", .string(schema.jurisdiction.name))])
      ),
      ("departments", .array(departments)),
      ("unidentified", .array(unidentified)),
      ("conflicts", .array(conflicts)),
      (
        "summary",
        .object(
          [("departments", .integer(status.departments.count))]
            + DepartmentStatus.State.allCases.map { ($0.rawValue, .integer(status.count($0))) })
      ),
    ])
  }

  private static func quantityJSON(_ quantity: ReportedQuantity) -> JSONValue {
    switch quantity {
    case .number(let number): return .number(number)
    case .text(let text): return .string(text)
    case .missing: return .null
    }
  }

  private static func quantityText(_ quantity: ReportedQuantity) -> String {
    switch quantity {
    case .number(let number): return NumberText.plain(number)
    case .text(let text): return "“\(text)”"
    case .missing(let reason): return reason.rawValue
    }
  }

  static func text(_ status: SubmissionStatus, schema: Schema, english: Bool) -> String {
    var lines: [String] = []
    lines.append(
      english
        ? "\(schema.jurisdiction.name): returns for \(status.year)"
        : "\(schema.jurisdiction.name) \(status.year) 年监测数据报送情况")
    lines.append("")
    var table: [[String]] = [english ? ["Department", "Status", "File", "Received"] : ["部门", "状态", "文件", "接收时间"]]
    for line in status.departments {
      table.append([
        line.department.name, stateText(line, english: english),
        line.current?.fileName ?? line.latest?.fileName ?? "",
        line.current?.receivedAt ?? line.latest?.receivedAt ?? "",
      ])
    }
    lines += aligned(table)
    for submission in status.unidentified {
      lines.append(
        english
          ? "Unidentified file \(submission.fileName) (\(submission.receivedAt)): rejected, \(submission.errorCount) error(s)"
          : "无法识别部门的文件 \(submission.fileName)（\(submission.receivedAt)）：已退回，\(submission.errorCount) 个错误")
    }
    if !status.conflicts.isEmpty {
      lines.append("")
      lines.append(
        english
          ? "Conflicts (two sources disagree; both values kept, none chosen):"
          : "数据冲突（不同来源数值不一致，均已保留，未作取舍）：")
      for conflict in status.conflicts {
        let sides = conflict.values.map { value -> String in
          let who =
            value.department == HistoryTable.department
            ? (english ? "history" : "历史数据") : (schema.department(id: value.department)?.name ?? value.department)
          return "\(who) \(quantityText(value.quantity))"
        }
        lines.append("  \(conflict.indicatorCode)\(english ? ": " : "：")" + sides.joined(separator: " ≠ "))
      }
    }
    lines.append("")
    let accepted = status.count(.accepted)
    let open = status.count(.acceptedWithOpenWarnings)
    let rejected = status.count(.rejected)
    let missing = status.count(.notReceived)
    lines.append(
      english
        ? "Total \(status.departments.count): \(accepted) accepted, \(open) with explanations due, \(rejected) rejected, "
          + "\(missing) not received"
        : "合计 \(status.departments.count) 个部门：已接收 \(accepted)，待说明 \(open)，已退回 \(rejected)，未报送 \(missing)")
    return lines.joined(separator: "\n")
  }

  private static func stateText(_ line: DepartmentStatus, english: Bool) -> String {
    var text: String
    switch line.state {
    case .accepted: text = english ? "accepted" : "已接收"
    case .acceptedWithOpenWarnings:
      text = english ? "accepted, \(line.openWarnings) warning(s) to explain" : "已接收，\(line.openWarnings) 条警告待说明"
    case .rejected: text = english ? "rejected, \(line.errorCount) error(s)" : "已退回，\(line.errorCount) 个错误"
    case .notReceived: text = english ? "not received" : "未报送"
    }
    if line.hasRejectedResubmission {
      text +=
        english
        ? " (a later resubmission was rejected, \(line.errorCount) error(s))" : "（修改稿被退回，\(line.errorCount) 个错误）"
    }
    if !line.isExpected { text += english ? " (not expected)" : "（无须报送）" }
    return text
  }

  /// Columns padded to the widest cell, counting CJK characters as two columns as terminals show them.
  static func aligned(_ rows: [[String]]) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    return rows.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        line += cell
        if index < row.count - 1 {
          line += String(repeating: " ", count: widths[index] - displayWidth(cell) + 2)
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// The width of `text` in a terminal: East Asian wide and full-width characters take two columns.
  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return width + 2
      case 0x0300...0x036F, 0x200B...0x200F:
        return width
      default:
        return width + 1
      }
    }
  }
}
