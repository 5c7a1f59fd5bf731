internal import CXLSXWriter

/// Excel serial numbers for dates (1900 date system, Excel's 1900 leap-year quirk included).
enum DateSerial {
  static let defaultDateFormat = "yyyy-mm-dd"
  static let defaultDateTimeFormat = "yyyy-mm-dd hh:mm:ss"

  /// Checks every field (libxlsxwriter 1.1.4 does not: lxw#491) and converts.
  static func serial(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, _ site: CallSite
  ) throws -> Double {
    guard (1900...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), second.isFinite, second >= 0, second < 60
    else {
      throw site.error(
        .invalidArgument,
        "\(year)-\(month)-\(day) \(hour):\(minute):\(second) is not a date and time Excel can store (years 1900…9999)")
    }
    var value = lxw_datetime(
      year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour), min: Int32(minute), sec: second)
    return lxw_datetime_to_excel_datetime(&value)
  }

  /// The format with a date number format added when it has none (a bare serial looks like a number).
  static func withDefaultNumberFormat(_ format: CellFormat?, hasTime: Bool) -> CellFormat {
    var result = format ?? CellFormat()
    if result.numberFormat == nil { result.numberFormat = hasTime ? defaultDateTimeFormat : defaultDateFormat }
    return result
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
