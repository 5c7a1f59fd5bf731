import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Workbook features read back with openpyxl")
struct FeaturesTests {
  /// Writes ``FeatureWorkbook`` once and inspects it.
  static func inspectFeatureWorkbook() throws -> (JSON, Scratch) {
    let scratch = try Scratch()
    try FeatureWorkbook.write(to: scratch.path("features.xlsx"))
    return (try Inspector.inspect(scratch.url("features.xlsx")), scratch)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func sheetsKeepOrderStateAndActiveSheet() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    #expect(json["sheetNames"].strings == ["目录", "数据", "_meta", "_lists"])
    #expect(json["activeSheet"].string == "目录")
    #expect(json["sheets"]["目录"]["state"].string == "visible")
    #expect(json["sheets"]["数据"]["state"].string == "visible")
    #expect(json["sheets"]["_meta"]["state"].string == "hidden")
    #expect(json["sheets"]["_lists"]["state"].string == "hidden")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func formatsMergesWidthsHeightsAndPanesAreKept() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    let sheet = json["sheets"]["数据"]
    let title = sheet["cells"]["A1"]
    #expect(title["value"].string == "2021—2025 年妇女儿童发展监测数据")
    #expect(title["bold"].bool == true)
    #expect(title["fontName"].string == "宋体")
    #expect(title["fontSize"].double == 16)
    #expect(title["horizontal"].string == "center")
    #expect(title["vertical"].string == "center")
    let header = sheet["cells"]["B2"]
    #expect(header["fill"].string == "FFD9D9D9")
    #expect(header["border"].strings == ["thin", "thin", "thin", "thin"])
    #expect(header["wrap"].bool == true)
    #expect(sheet["cells"]["B3"]["numberFormat"].string == "0.0")
    #expect(sheet["cells"]["B3"]["locked"].bool == true)
    let input = sheet["cells"]["D3"]
    #expect(input["locked"].bool == false)
    #expect(input["fill"].string == "FFFFF2CC")
    #expect(input["border"].strings == ["medium", "medium", "medium", "medium"])
    #expect(sheet["merged"].strings == ["A1:E1"])
    #expect(sheet["freeze"].string == "B3")
    #expect(sheet["rows"]["1"]["height"].double == 30)
    #expect(sheet["rows"]["21"]["hidden"].bool == true)
    let cols = sheet["cols"].array
    #expect(cols.map { $0["min"].string } == ["1", "2", "3", "4", "5", "6"])  // one <col> per column, no overlaps
    #expect(sheet["columns"]["A"]["width"].double == 12.7109375)  // 12 characters + Excel's padding
    #expect(sheet["columns"]["F"]["hidden"].bool == true)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func validationsCarryRulesAndChineseMessages() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    let rules = Dictionary(
      uniqueKeysWithValues: json["sheets"]["数据"]["validations"].array.map { ($0["sqref"].string ?? "", $0) })
    let decimal = try #require(rules["D3:D7"])
    #expect(decimal["type"].string == "decimal")
    #expect(decimal["formula1"].string == "0")
    #expect(decimal["formula2"].string == "100")
    #expect(decimal["promptTitle"].string == "填报说明")
    #expect(decimal["prompt"].string == "请填写 0–100 之间的数值（%），保留一位小数。")
    #expect(decimal["errorTitle"].string == "数值超出范围")
    #expect(decimal["error"].string == "农村孕产妇系统管理率应在 0 到 100 之间。")
    #expect(decimal["allowBlank"].bool == true)
    let whole = try #require(rules["F3:F7"])
    #expect(whole["type"].string == "whole")
    #expect(whole["operator"].string == "greaterThanOrEqual")
    #expect(whole["errorStyle"].string == "warning")
    let shortList = try #require(rules["G3:G7"])
    #expect(shortList["type"].string == "list")
    #expect(shortList["formula1"].string == "\"是,否,不适用\"")
    // A long Chinese list goes to the hidden list sheet (libxlsxwriter 1.1.4 overflows inline, lxw#394).
    let longList = try #require(rules["H3:H7"])
    #expect(longList["formula1"].string == "'_lists'!$A$1:$A$40")
    #expect(json["sheets"]["_lists"]["cells"]["A40"]["value"].string == "选项40号")
    let length = try #require(rules["E3:E7"])
    #expect(length["type"].string == "textLength")
    #expect(length["operator"].string == "lessThanOrEqual")
    #expect(length["formula1"].string == "200")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func sheetAndStructureProtectionAreWrittenWithExcelHashes() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    let protection = json["sheets"]["数据"]["protection"]
    #expect(protection["sheet"].string == "1")
    #expect(protection["password"].string == "8353")  // openpyxl hash_password("nianjian")
    #expect(protection["formatColumns"].string == "0")  // allowed
    #expect(protection["formatRows"].string == "0")  // allowed
    #expect(protection["formatCells"].isNull)  // default: not allowed
    #expect(protection["objects"].string == "1")
    #expect(json["sheets"]["目录"]["protection"].isNull)
    #expect(json["workbookProtection"]["lockStructure"].string == "1")
    #expect(json["workbookProtection"]["workbookPassword"].string == "C695")  // hash_password("jg2025")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func notesLinksAndNamesAreKept() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    #expect(json["sheets"]["数据"]["comments"]["B7"]["text"].string == "2025 年数据为快报数。")
    #expect(json["sheets"]["数据"]["comments"]["B7"]["author"].string == "统计局")
    let links = json["sheets"]["目录"]["hyperlinks"]
    #expect(links["A2"]["location"].string == "'数据'!A1")
    #expect(json["sheets"]["目录"]["cells"]["A2"]["value"].string == "数据")
    #expect(links["A3"]["target"].string == "https://www.stats.gov.cn/")
    #expect(links["A3"]["tooltip"].string == "打开网站")
    #expect(json["sheets"]["目录"]["cells"]["A3"]["value"].string == "国家统计局")
    #expect(json["definedNames"]["TemplateID"].string == "'_meta'!$B$1")
    #expect(json["sheets"]["数据"]["localNames"]["InputArea"].string == "'数据'!$D$3:$D$7")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func documentPropertiesAreStoredWithTheFixedCreationDate() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    let properties = json["properties"]
    #expect(properties["title"].string == "2025 年妇女儿童统计资料")
    #expect(properties["subject"].string == "监测数据")
    #expect(properties["creator"].string == "统计局")
    #expect(properties["company"].string == "某区统计局")
    #expect(properties["category"].string == "年鉴")
    #expect(properties["keywords"].string == "妇女,儿童")
    #expect(properties["description"].string == "自动生成")
    if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
      #expect(properties["created"].string == "2000-01-01T00:00:00")
      #expect(properties["modified"].string == "2000-01-01T00:00:00")
    }
    let custom = json["customProperties"]
    #expect(custom["TemplateID"]["value"].string == "guandu-2026-wsj")
    #expect(custom["SchemaVersion"]["value"].double == 3.5)
    #expect(custom["SchemaVersion"]["type"].string == "FloatProperty")
    #expect(custom["Year"]["value"].int == 2026)
    #expect(custom["Year"]["type"].string == "IntProperty")
    #expect(custom["Final"]["value"].bool == false)
    #expect(custom["Generated"]["value"].string == "2025-01-01T00:00:00")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func printSetupIsA4LandscapeFittedToOnePageWide() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    let print = json["sheets"]["数据"]["print"]
    #expect(print["paperSize"].int == 9)
    #expect(print["orientation"].string == "landscape")
    #expect(print["fitToPage"].bool == true)
    #expect(print["fitToWidth"].isNull)  // 1 is the default and is not written
    #expect(print["fitToHeight"].int == 0)
    #expect(print["printTitleRows"].string == "$1:$2")
    #expect(print["margins"].array.map(\.double) == [0.5, 0.5, 0.8, 0.8])
    #expect(print["header"].string == "2025 年妇女儿童统计资料")
    #expect(print["footer"].string == "第 &P 页")
    #expect(print["horizontalCentered"].bool == true)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func chartsHaveSeriesCategoriesTitlesAndMarkers() throws {
    let (json, _) = try Self.inspectFeatureWorkbook()
    #expect(json["sheets"]["数据"]["charts"].int == 2)
    let line = json["charts"][0]
    #expect(line["types"].strings == ["lineChart"])
    #expect(line["series"].int == 2)
    #expect(line["texts"].strings == ["孕产妇系统管理率（%）", "年份", "%"])
    #expect(
      line["refs"].strings == [
        "'数据'!$B$2", "'数据'!$A$3:$A$7", "'数据'!$B$3:$B$7", "'数据'!$C$2", "'数据'!$A$3:$A$7", "'数据'!$C$3:$C$7",
      ])
    #expect(line["markers"].strings == ["circle", "circle"])
    #expect(line["legend"].strings == ["b"])
    let column = json["charts"][1]
    #expect(column["types"].strings == ["barChart"])
    #expect(column["barDirections"].strings == ["col"])
    #expect(column["series"].int == 1)
    #expect(column["hasLegend"].bool == false)
  }
}
