/// A date or time as Excel stores it: a serial day number in the workbook's date system, plus its ISO 8601 text.
///
/// The 1900 system counts from 1899-12-31 (serial 1 = 1900-01-01) and keeps Lotus 1-2-3's phantom
/// 1900-02-29 (serial 60), so serials from 61 on are days since 1899-12-30. The 1904 system (old Mac
/// workbooks, `<workbookPr date1904="1">`) counts from 1904-01-01. No time zone is ever applied.
public struct ExcelDate: Sendable, Equatable, Hashable {
  /// The serial number exactly as stored (days, with the time as a fraction).
  public var serial: Double
  /// Whether the serial counts in the 1904 date system.
  public var uses1904: Bool
  /// Whether the value is a time of day with no date (a time-only format and a serial below 1).
  public var isTimeOnly: Bool

  /// The largest serial Excel shows as a date (9999-12-31 in the 1900 system).
  public static let maxSerial1900 = 2_958_465.0

  /// The value in ISO 8601: `2025-03-01`, `2025-03-01T08:30:00` when there is a time (`.250` when there are
  /// milliseconds), or `08:30:00` for a time of day with no date. Computed on demand (no time zone).
  public var iso8601: String {
    guard serial.isFinite, serial >= 0, serial < Self.maxSerial1900 + 2 else { return String(serial) }
    var days = Int(serial.rounded(.down))
    var milliseconds = Int(((serial - Double(days)) * 86_400_000).rounded())
    if milliseconds >= 86_400_000 {
      days += 1
      milliseconds -= 86_400_000
    }
    let time = Self.timeText(milliseconds)
    if isTimeOnly && days == 0 { return time }
    let dateText: String
    if !uses1904 && days == 60 {
      dateText = "1900-02-29"  // Excel's phantom leap day
    } else {
      let unixDays = uses1904 ? days - 24_107 : (days < 60 ? days - 25_568 : days - 25_569)
      dateText = Self.dateText(unixDays: unixDays)
    }
    return milliseconds == 0 ? dateText : dateText + "T" + time
  }

  /// Converts a serial; `nil` when it is negative, not finite or after 9999-12-31.
  ///
  /// - Parameter timeOnly: the format shows only a time (`h:mm`): serials below 1 then give `HH:MM:SS`.
  public init?(serial: Double, uses1904: Bool, timeOnly: Bool = false) {
    guard serial.isFinite, serial >= 0 else { return nil }
    let limit = uses1904 ? Self.maxSerial1900 - 1462 : Self.maxSerial1900
    guard serial < limit + 1 else { return nil }
    self.serial = serial
    self.uses1904 = uses1904
    self.isTimeOnly = timeOnly && serial < 1
  }

  /// Parses the ISO 8601 text of a `t="d"` cell (`2025-03-01`, `2025-03-01T08:30:00[.5][Z|+08:00]`, `08:30:00`)
  /// and computes its serial in the given system; `nil` when the text is not such a date.
  public init?(iso text: String, uses1904: Bool) {
    var scanner = Substring(text.trimmingASCIISpaces).utf8[...]
    func number(_ digits: Int) -> Int? {
      var value = 0
      for _ in 0..<digits {
        guard let byte = scanner.first, byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
        scanner = scanner.dropFirst()
      }
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      guard scanner.first == byte else { return false }
      scanner = scanner.dropFirst()
      return true
    }
    var unixDays: Int?
    var milliseconds = 0
    var hasTime = false
    let isTimeOnly = text.utf8.count >= 3 && Array(text.utf8)[2] == 0x3A
    if !isTimeOnly {
      guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2),
        (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day)
      else { return nil }
      unixDays = Self.unixDays(year: year, month: month, day: day)
      guard skip(0x54) || skip(0x20) else {
        guard scanner.isEmpty else { return nil }
        self.init(serial: 0, uses1904: uses1904, date: unixDays!, milliseconds: 0, hasTime: false)
        return
      }
    }
    guard let hour = number(2), skip(0x3A), let minute = number(2), hour < 24, minute < 60 else { return nil }
    var second = 0
    if skip(0x3A) {
      guard let value = number(2), value < 61 else { return nil }
      second = value
      if skip(0x2E) {
        var fraction = 0.0
        var scale = 0.1
        while let byte = scanner.first, byte >= 0x30, byte <= 0x39 {
          fraction += Double(byte - 0x30) * scale
          scale /= 10
          scanner = scanner.dropFirst()
        }
        milliseconds = Int((fraction * 1000).rounded())
      }
    }
    // A zone designator is accepted and ignored: Excel values carry no time zone.
    if skip(0x5A) {
    } else if scanner.first == 0x2B || scanner.first == 0x2D {
      scanner = scanner.dropFirst()
      guard number(2) != nil else { return nil }
      _ = skip(0x3A)
      _ = number(2)
    }
    guard scanner.isEmpty else { return nil }
    milliseconds += ((hour * 60 + minute) * 60 + second) * 1000
    hasTime = true
    self.init(serial: 0, uses1904: uses1904, date: unixDays, milliseconds: milliseconds, hasTime: hasTime)
  }

  private init(serial _: Double, uses1904: Bool, date unixDays: Int?, milliseconds: Int, hasTime: Bool) {
    let fraction = Double(milliseconds) / 86_400_000
    guard let unixDays else {
      self.serial = fraction
      self.uses1904 = uses1904
      self.isTimeOnly = true
      return
    }
    var days: Int
    if uses1904 {
      days = unixDays + 24_107
    } else {
      days = unixDays + 25_569
      if days < 61 { days -= 1 }
    }
    self.serial = Double(days) + fraction
    self.uses1904 = uses1904
    self.isTimeOnly = false
  }

  private static func timeText(_ milliseconds: Int) -> String {
    let seconds = milliseconds / 1000
    var text = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    if milliseconds % 1000 != 0 { text += "." + pad(milliseconds % 1000, 3) }
    return text
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// `YYYY-MM-DD` for a count of days since 1970-01-01 (proleptic Gregorian, H. Hinnant's algorithm).
  static func dateText(unixDays: Int) -> String {
    let z = unixDays + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
  }

  /// The number of days in a month of the proleptic Gregorian calendar (an impossible date such as 2025-02-30 is
  /// refused, never rolled over into the next month).
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 for a proleptic Gregorian date.
  static func unixDays(year: Int, month: Int, day: Int) -> Int {
    let year = month <= 2 ? year - 1 : year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
