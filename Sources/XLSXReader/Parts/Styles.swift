/// The styles of a workbook reduced to what reading needs: for each `cellXfs` entry, its number format and
/// whether it shows a date, classified once when the workbook opens.
struct StyleTable {
  /// What one cell style means for values.
  struct Entry {
    /// The number format and summary handed to callers (`nil` for a plain General style with no fill).
    var format: CellFormat?
    /// Whether numbers in this style are dates.
    var isDate: Bool
    /// Whether the date format shows only a time of day.
    var isTimeOnly: Bool
  }

  /// One entry per `cellXfs/xf`, in order.
  var entries: [Entry] = []

  /// The entry for a cell's `s` index; out of range (or absent) means General.
  @inline(__always)
  func entry(_ index: Int) -> Entry? {
    index >= 0 && index < entries.count ? entries[index] : nil
  }
}

/// Reads `xl/styles.xml`: `<numFmts>`, `<fills>` and `<cellXfs>` (cell style formats are ignored).
final class StylesHandler: XMLContentHandler {
  private var customFormats: [Int: String] = [:]
  private var fillColors: [String?] = []
  private var formats: [(numberFormatId: Int, fillId: Int)] = []
  private var inCellFormats = false
  private var inFills = false
  private var currentFillIsSolid = false
  private var currentFillColor: String?
  let contentError: XLSXReadError? = nil

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    if name.equals("numFmt") {
      if let id = attributes.value(of: "numFmtId")?.parseIndex(), let code = attributes.string(of: "formatCode") {
        customFormats[id] = code
      }
    } else if name.equals("cellXfs") {
      inCellFormats = true
    } else if name.equals("xf") && inCellFormats {
      let id = attributes.value(of: "numFmtId")?.parseIndex() ?? 0
      let fill = attributes.value(of: "fillId")?.parseIndex() ?? 0
      formats.append((id, fill))
    } else if name.equals("fills") {
      inFills = true
    } else if name.equals("fill") && inFills {
      currentFillIsSolid = false
      currentFillColor = nil
    } else if name.equals("patternFill") && inFills {
      currentFillIsSolid = attributes.value(of: "patternType")?.equals("solid") ?? false
    } else if name.equals("fgColor") && inFills && currentFillIsSolid {
      currentFillColor = attributes.string(of: "rgb")
    }
  }

  func endElement(_ name: XMLBytes) {
    if name.equals("cellXfs") {
      inCellFormats = false
    } else if name.equals("fills") {
      inFills = false
    } else if name.equals("fill") && inFills {
      fillColors.append(currentFillColor)
    }
  }

  func characters(_ text: XMLBytes) {}

  /// The table: the file's own `<numFmt>` wins over the built-in code, even for ids below 164.
  func makeTable() -> StyleTable {
    var table = StyleTable()
    var classified: [Int: NumberFormat.Classification] = [:]
    for (index, format) in formats.enumerated() {
      let code = customFormats[format.numberFormatId] ?? NumberFormat.builtInCode(format.numberFormatId)
      let classification: NumberFormat.Classification
      if let cached = classified[format.numberFormatId] {
        classification = cached
      } else {
        classification = code.map(NumberFormat.classify) ?? NumberFormat.Classification()
        classified[format.numberFormatId] = classification
      }
      let fill = format.fillId < fillColors.count ? fillColors[format.fillId] : nil
      let isDate = classification.isDate
      let summary: CellStyleSummary? =
        code == nil && fill == nil
        ? nil
        : CellStyleSummary(
          styleIndex: index, numberFormatId: format.numberFormatId, numberFormat: code, isDate: isDate,
          isPercent: classification.isPercent, isText: classification.isText, fillColor: fill)
      table.entries.append(
        StyleTable.Entry(
          format: summary.map { CellFormat(numberFormat: code, style: $0) }, isDate: isDate,
          isTimeOnly: classification.isTimeOnly))
    }
    return table
  }
}
