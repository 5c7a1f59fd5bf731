// Writes the harness's table (header + N rows x 20 columns, ../shared/bench/c/data.h) through XLSXWriter: the
// same cells as `build/xlsx_write OUT normal` (libxlsxwriter in C), so the harness's C reader reads both back to
// the same `cells numeric_sum string_chars` line.
// usage: WriteBench OUT.xlsx [rows=200000]
import Foundation
import XLSXWriter

/// The 329 ideographs of data.h, one Unicode scalar each.
let ideographs = Array(
  ("的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
    + "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
    + "知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最"
    + "间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市"
    + "眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计"
    + "或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让"
    + "认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花").unicodeScalars)

let headers = [
  "序号", "单位", "项目", "日期", "金额", "数量", "单价", "类别", "备注", "比例",
  "预算", "编号", "负责人", "截止日期", "支出", "人数", "地区", "调整额", "说明", "年度",
]
/// N row number, I integer, F money, S pool string, D date (as in data.h).
let columnKinds = Array("NSSDFIFSSFFISDFISFSI")
/// Percent of empty cells per column.
let blankPercent = [0, 0, 0, 0, 0, 0, 0, 0, 30, 0, 10, 0, 0, 20, 0, 0, 0, 50, 10, 5]
let poolSize = 2000
/// Excel serial of 2020-01-01.
let firstDateSerial = 43831

/// data.h's 64-bit MMIX linear congruential generator, top 31 bits out.
struct LCG {
  var state: UInt64
  mutating func next() -> UInt32 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return UInt32(truncatingIfNeeded: state >> 33)
  }
}

func makePool() -> [String] {
  var generator = LCG(state: 7)
  return (0..<poolSize).map { _ in
    let length = 2 + Int(generator.next() % 7)
    var text = String.UnicodeScalarView()
    for _ in 0..<length { text.append(ideographs[Int(generator.next()) % ideographs.count]) }
    return String(text)
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: WriteBench OUT.xlsx [rows]\n".utf8))
  exit(2)
}
let rowCount = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000

do {
  let pool = makePool()
  let workbook = try Workbook(path: arguments[1])
  let sheet = try workbook.addWorksheet("Sheet1")
  let bold = CellFormat(bold: true)
  let date = CellFormat(numberFormat: "yyyy-mm-dd")
  for (column, header) in headers.enumerated() {
    try sheet.write(.string(header), row: 0, column: column, format: bold)
  }
  var generator = LCG(state: 12345)
  for row in 0..<rowCount {
    for column in 0..<20 {
      let value = generator.next()
      let t = value / 100
      if Int(value % 100) < blankPercent[column] { continue }
      switch columnKinds[column] {
      case "N": try sheet.write(.number(Double(row + 1)), row: row + 1, column: column)
      case "I": try sheet.write(.number(Double(t % 100_000)), row: row + 1, column: column)
      case "F": try sheet.write(.number(Double(t % 10_000_000) / 100.0), row: row + 1, column: column)
      case "S": try sheet.write(.string(pool[Int(t) % poolSize]), row: row + 1, column: column)
      default:
        try sheet.write(
          .number(Double(firstDateSerial + Int(t % 1500))), row: row + 1, column: column, format: date)
      }
    }
  }
  try workbook.close()
} catch {
  FileHandle.standardError.write(Data("WriteBench: \(error)\n".utf8))
  exit(1)
}
