import Foundation

@testable import XLSXWriter

/// A workbook that uses every feature, shared by the read-back, LibreOffice and determinism tests.
enum FeatureWorkbook {
  static let longList = (1...40).map { "选项\($0)号" }  // 40 × ~10 bytes: too long to be inline

  static func write(to path: String, options: WorkbookOptions = .init()) throws {
    let book = try Workbook(path: path, options: options)
    let contents = try book.addWorksheet("目录")
    let data = try book.addWorksheet("数据")
    let meta = try book.addWorksheet("_meta")

    var title = CellFormat(fontName: "宋体", fontSize: 16, bold: true, horizontalAlignment: .center)
    title.verticalAlignment = .center
    var header = CellFormat(bold: true, fill: .lightGray, border: .thin, horizontalAlignment: .center)
    header.wrapsText = true
    let value = CellFormat(border: .thin, numberFormat: "0.0")
    let input = CellFormat(fill: .inputYellow, border: .medium, numberFormat: "0.0", isLocked: false)

    try data.merge(CellRange("A1:E1"), value: .string("2021—2025 年妇女儿童发展监测数据"), format: title)
    try data.setRowHeight(30, row: 0)
    try data.writeRow(
      [.string("年份"), .string("全区"), .string("城镇"), .string("农村"), .string("备注")], at: CellAddress("A2"),
      format: header)
    let years = [2021, 2022, 2023, 2024, 2025]
    for (offset, year) in years.enumerated() {
      let row = 2 + offset
      try data.write(.number(Double(year)), row: row, column: 0)
      try data.write(.number(93.5 + Double(offset) * 0.4), row: row, column: 1, format: value)
      try data.write(.number(95.0 + Double(offset) * 0.2), row: row, column: 2, format: value)
      try data.write(.blank, row: row, column: 3, format: input)
    }
    try data.setColumnWidth(12, columns: 0...0)
    try data.setColumnWidth(10, columns: 1...3)
    try data.setColumnWidth(30, columns: 4...4)
    try data.hideColumns(5...5)
    try data.hideRow(20)
    try data.freezePanes(topRows: 2, leftColumns: 1)

    var range = DataValidation(.decimal(.between(0, 100)))
    range.inputTitle = "填报说明"
    range.inputMessage = "请填写 0–100 之间的数值（%），保留一位小数。"
    range.errorTitle = "数值超出范围"
    range.errorMessage = "农村孕产妇系统管理率应在 0 到 100 之间。"
    try data.addValidation(range, to: CellRange("D3:D7"))
    try data.addValidation(DataValidation(.integer(.atLeast(0)), errorStyle: .warning), to: CellRange("F3:F7"))
    try data.addValidation(DataValidation(.list(["是", "否", "不适用"])), to: CellRange("G3:G7"))
    try data.addValidation(DataValidation(.list(longList)), to: CellRange("H3:H7"))
    try data.addValidation(DataValidation(.textLength(.atMost(200))), to: CellRange("E3:E7"))
    try data.addNote("2025 年数据为快报数。", at: CellAddress("B7"), author: "统计局")
    try data.protect(password: "nianjian", options: SheetProtection(formatColumns: true, formatRows: true))

    var chart = ChartSpec(kind: .line, title: "孕产妇系统管理率（%）", xAxisTitle: "年份", yAxisTitle: "%")
    for column in 1...2 {
      chart.series.append(
        ChartSeries(
          name: .cell(SheetReference(sheet: "数据", cell: CellAddress(row: 1, column: column))),
          categories: SheetReference(
            sheet: "数据", range: CellRange(firstRow: 2, firstColumn: 0, lastRow: 6, lastColumn: 0)),
          values: SheetReference(
            sheet: "数据", range: CellRange(firstRow: 2, firstColumn: column, lastRow: 6, lastColumn: column)),
          marker: .circle))
    }
    try data.insertChart(chart, at: CellAddress("J2"))
    let columns = ChartSpec(
      kind: .column, title: "全区", legend: .none,
      series: [
        ChartSeries(
          name: .text("全区"),
          categories: SheetReference(sheet: "数据", range: try CellRange("A3:A7")),
          values: SheetReference(sheet: "数据", range: try CellRange("B3:B7")))
      ], width: 640, height: 320)
    try data.insertChart(columns, at: CellAddress("J20"))

    var page = PrintSetup(paper: .a4, orientation: .landscape, fitToPagesWide: 1, fitToPagesTall: 0)
    page.repeatRows = 0...1
    page.margins = PrintSetup.Margins(left: 0.5, right: 0.5, top: 0.8, bottom: 0.8)
    page.header = "&C2025 年妇女儿童统计资料"
    page.footer = "&C第 &P 页"
    page.centersHorizontally = true
    try data.setPrintSetup(page)

    try contents.write(.string("目录"), at: CellAddress("A1"), format: title)
    try contents.writeInternalLink(
      to: SheetReference(sheet: "数据", cell: CellAddress(row: 0, column: 0)), at: CellAddress("A2"))
    try contents.writeURL("https://www.stats.gov.cn/", at: CellAddress("A3"), text: "国家统计局", tooltip: "打开网站")
    try contents.activate()

    try meta.write(.string("template_id"), at: CellAddress("A1"))
    try meta.write(.string("guandu-2026-wsj"), at: CellAddress("B1"))
    try meta.hide()

    try book.defineName("TemplateID", refersTo: "='_meta'!$B$1")
    try book.defineName("InputArea", refersTo: "'数据'!$D$3:$D$7", scope: "数据")
    try book.setProperties(
      DocumentProperties(
        title: "2025 年妇女儿童统计资料", subject: "监测数据", author: "统计局", company: "某区统计局",
        category: "年鉴", keywords: "妇女,儿童", comments: "自动生成"))
    try book.setCustomProperty("TemplateID", .string("guandu-2026-wsj"))
    try book.setCustomProperty("SchemaVersion", .number(3.5))
    try book.setCustomProperty("Year", .integer(2026))
    try book.setCustomProperty("Final", .bool(false))
    try book.setCustomProperty("Generated", .date(Date(timeIntervalSince1970: 1_735_689_600)))
    try book.protectStructure(password: "jg2025")
    try book.close()
  }
}
