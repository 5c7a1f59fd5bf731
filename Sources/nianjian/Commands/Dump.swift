import ArgumentParser
import Foundation
import NianjianCore
import XLSXReader

/// `nianjian dump`: prints the cells of a workbook as JSON lines, CSV or a one-line summary, or its metadata.
///
/// Output contract (`../shared/DESIGN.md`, "Command line"):
/// - `jsonl` (default): one object per cell holding a value, sheets in workbook order, then row by row:
///   `{"sheet":"表1","cell":"B3","type":"number","value":93.5}`, plus `"formula":"SUM(B1:B2)"` for formula
///   cells. Numbers are written in the shortest form that parses back to the same double (integral values below
///   10^15 without a fraction: `93`, others as Swift prints them: `93.5`, `1e-05`, `1.2345e+17`).
/// - `csv`: RFC 4180 (CRLF, quotes doubled) for one sheet (the first, or `--sheet`), every row from 1 to the last
///   used row and every column from A to the last used column.
/// - `stats`: `cells numeric_sum string_chars` over every worksheet (or `--sheet`), as `../shared/bench/README.md`
///   specifies: dates add their serial in the workbook's own date system, error values count as text, booleans only
///   as cells; uncalculated formulas and empty strings are not counted. Numbers are summed without building strings.
/// - `info` (an addition): one JSON object with the sheets (state, kind, merged ranges, hidden rows/columns),
///   core and custom document properties and defined names.
///
/// Exit codes: 0 read, 64 unknown sheet or bad option, 65 unreadable or not an XLSX workbook, 74 file missing or
/// not readable (permissions, I/O).
struct Dump: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "输出工作簿的单元格或元数据 (print a workbook's cells or metadata)",
    discussion: """
      --format jsonl  每个有值的单元格一行 JSON（默认）/ one JSON object per cell with a value (default)
      --format csv    一个工作表的 CSV（RFC 4180）/ one sheet as CSV
      --format stats  一行：单元格数 数值合计 字符数 / one line: cells numeric_sum string_chars
      --format info   工作表、文档属性、定义名称（JSON）/ sheets, document properties, defined names (JSON)

      退出码 / exit codes: 0 成功 / read; 64 没有这个工作表 / no such sheet;
      65 文件无法读取或不是 .xlsx / unreadable or not an .xlsx; 74 文件不存在或无法打开 / missing or not openable
      """)

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, stats, info
  }

  @Argument(help: "XLSX 文件 (the workbook)")
  var file: String

  @Option(help: "输出格式 jsonl|csv|stats|info (output format)")
  var format: Format = .jsonl

  @Option(help: "只输出这个工作表 (only this sheet)")
  var sheet: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let chinese = global.lang == .zh
    let url = URL(fileURLWithPath: file)
    do {
      let document = try XLSXDocument(contentsOf: url)
      var selected = document.sheets.filter { $0.kind == .worksheet }
      if let sheet {
        guard let match = document.sheet(named: sheet) else {
          let names = document.sheets.map { chinese ? "“\($0.name)”" : "\"\($0.name)\"" }
            .joined(separator: chinese ? "、" : ", ")
          Console.err(
            chinese
              ? "“\(url.lastPathComponent)”中没有工作表“\(sheet)”；现有工作表：\(names)"
              : "\"\(url.lastPathComponent)\" has no sheet \"\(sheet)\"; its sheets are: \(names)")
          throw ExitStatus.usage
        }
        selected = [match]
      }
      var output = OutputBuffer()
      switch format {
      case .jsonl: try DumpWriter.jsonLines(document, sheets: selected, into: &output)
      case .csv:
        if let first = selected.first { try DumpWriter.csv(document, sheet: first, into: &output) }
      case .stats: try DumpWriter.stats(document, sheets: selected, into: &output)
      case .info: try DumpWriter.info(document, into: &output)
      }
      output.flush()
    } catch let error as XLSXReadError {
      Console.err(error.message(chinese: chinese))
      switch error.kind {
      case .fileNotFound, .unreadableFile: throw ExitStatus.ioFailure
      default: throw ExitStatus.badInput
      }
    }
  }
}

/// Standard output in 64 KiB blocks.
struct OutputBuffer {
  private var bytes: [UInt8] = []
  private static let blockSize = 64 * 1024

  init() { bytes.reserveCapacity(Self.blockSize + 4096) }

  mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= Self.blockSize { flush() }
  }

  mutating func write(_ byte: UInt8) { bytes.append(byte) }

  mutating func flush() {
    guard !bytes.isEmpty else { return }
    FileHandle.standardOutput.write(Data(bytes))
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes a JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`, every
  /// other character as raw UTF-8.
  mutating func writeJSONString(_ text: String) {
    bytes.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
    if bytes.count >= Self.blockSize { flush() }
  }
}

/// The four output formats of `dump`.
enum DumpWriter {
  /// A number in the shortest text that parses back to the same double: integral values with magnitude below
  /// 10^15 without a fraction (`93`, `-0`), everything else as Swift's shortest round-trip form (`93.5`, `1e-05`).
  static func number(_ value: Double) -> String {
    if value == 0 { return value.sign == .minus ? "-0" : "0" }
    if value.rounded(.towardZero) == value, abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }

  static func jsonLines(_ document: XLSXDocument, sheets: [SheetInfo], into output: inout OutputBuffer)
    throws(XLSXReadError)
  {
    for sheet in sheets {
      let reader = try document.cells(of: sheet)
      while let cell = try reader.next() {
        output.write("{\"sheet\":")
        output.writeJSONString(sheet.name)
        output.write(",\"cell\":\"")
        output.write(cell.reference)
        switch cell.value {
        case .number(let value):
          output.write("\",\"type\":\"number\",\"value\":")
          output.write(number(value))
        case .string(let text):
          output.write("\",\"type\":\"string\",\"value\":")
          output.writeJSONString(text)
        case .bool(let flag):
          output.write("\",\"type\":\"bool\",\"value\":")
          output.write(flag ? "true" : "false")
        case .date(let date):
          output.write("\",\"type\":\"date\",\"value\":")
          output.writeJSONString(date.iso8601)
        case .error(let text):
          output.write("\",\"type\":\"error\",\"value\":")
          output.writeJSONString(text)
        case .uncalculated:
          output.write("\",\"type\":\"uncalculated\",\"value\":null")
        }
        if let formula = cell.formula {
          output.write(",\"formula\":")
          output.writeJSONString(formula)
        }
        output.write("}\n")
      }
    }
  }

  static func stats(_ document: XLSXDocument, sheets: [SheetInfo], into output: inout OutputBuffer)
    throws(XLSXReadError)
  {
    var cells = 0
    var sum = 0.0
    var characters = 0
    for sheet in sheets {
      let reader = try document.cells(of: sheet, options: .valuesOnly)
      while let cell = try reader.next() {
        switch cell.value {
        case .number(let value):
          sum += value
        case .date(let date):
          sum += date.serial
        case .string(let text), .error(let text):
          if text.isEmpty { continue }  // an empty string is not a value for the count
          characters += codePoints(text)
        case .bool:
          break
        case .uncalculated:
          continue
        }
        cells += 1
      }
    }
    output.write(String(format: "%d %.17g %d", cells, sum, characters) + "\n")
  }

  /// Unicode code points of a string, counted on its UTF-8 bytes (every byte that is not a continuation byte).
  static func codePoints(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { buffer in
      var count = 0
      for byte in buffer where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
  }

  static func csv(_ document: XLSXDocument, sheet: SheetInfo, into output: inout OutputBuffer) throws(XLSXReadError) {
    let worksheet = try document.readSheet(sheet)
    var grid: [Int: [Int: CellValue]] = [:]
    var lastRow = 0
    var lastColumn = 0
    for cell in worksheet.cells {
      grid[cell.row, default: [:]][cell.column] = cell.value
      lastRow = max(lastRow, cell.row)
      lastColumn = max(lastColumn, cell.column)
    }
    guard lastRow > 0 else { return }
    for row in 1...lastRow {
      let values = grid[row] ?? [:]
      for column in 1...lastColumn {
        if column > 1 { output.write(",") }
        if let value = values[column] { output.write(csvField(value)) }
      }
      output.write("\r\n")
    }
  }

  private static func csvField(_ value: CellValue) -> String {
    let text: String
    switch value {
    case .number(let number): return self.number(number)
    case .bool(let flag): return flag ? "TRUE" : "FALSE"
    case .date(let date): return date.iso8601
    case .uncalculated: return ""
    case .string(let string): text = string
    case .error(let error): text = error
    }
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func info(_ document: XLSXDocument, into output: inout OutputBuffer) throws(XLSXReadError) {
    output.write("{\"file\":")
    output.writeJSONString(document.url.lastPathComponent)
    output.write(",\"date1904\":\(document.uses1904Dates),\"strict\":\(document.isStrict),\"sheets\":[")
    for (position, sheet) in document.sheets.enumerated() {
      if position > 0 { output.write(",") }
      output.write("{\"name\":")
      output.writeJSONString(sheet.name)
      output.write(
        ",\"index\":\(sheet.index),\"state\":\"\(sheet.state.rawValue)\",\"kind\":\"\(sheet.kind.rawValue)\"")
      output.write(",\"part\":")
      output.writeJSONString(sheet.partName)
      let worksheet = try document.readSheet(sheet, options: .valuesOnly)
      output.write(",\"cells\":\(worksheet.cells.count)")
      output.write(",\"dimension\":")
      if let dimension = worksheet.dimension { output.writeJSONString(dimension) } else { output.write("null") }
      output.write(",\"merged\":[")
      output.write(worksheet.mergedRanges.map { "\"\($0)\"" }.joined(separator: ","))
      output.write("],\"hidden_rows\":[")
      output.write(worksheet.hiddenRows.map(String.init).joined(separator: ","))
      output.write("],\"hidden_columns\":[")
      output.write(
        worksheet.hiddenColumns.map {
          "\"\(CellReference.columnName($0.lowerBound)):\(CellReference.columnName($0.upperBound))\""
        }.joined(separator: ","))
      output.write("]}")
    }
    output.write("],\"properties\":{\"core\":{")
    for (position, field) in document.properties.coreFields.enumerated() {
      if position > 0 { output.write(",") }
      output.writeJSONString(field.name)
      output.write(":")
      output.writeJSONString(field.value)
    }
    output.write("},\"custom\":[")
    for (position, property) in document.properties.custom.enumerated() {
      if position > 0 { output.write(",") }
      output.write("{\"name\":")
      output.writeJSONString(property.name)
      switch property.value {
      case .string(let text):
        output.write(",\"type\":\"string\",\"value\":")
        output.writeJSONString(text)
      case .number(let value):
        output.write(",\"type\":\"number\",\"value\":" + number(value))
      case .bool(let flag):
        output.write(",\"type\":\"bool\",\"value\":\(flag)")
      case .date(let text):
        output.write(",\"type\":\"date\",\"value\":")
        output.writeJSONString(text)
      }
      output.write("}")
    }
    output.write("]},\"defined_names\":[")
    for (position, name) in document.definedNames.enumerated() {
      if position > 0 { output.write(",") }
      output.write("{\"name\":")
      output.writeJSONString(name.name)
      output.write(",\"refers_to\":")
      output.writeJSONString(name.refersTo)
      output.write(",\"local_sheet\":" + (name.localSheetIndex.map(String.init) ?? "null"))
      output.write(",\"hidden\":\(name.isHidden)}")
    }
    output.write("]}\n")
  }
}
