/// Number formats: the built-in table (including the zh-CN date ids) and a classifier for format codes.
public enum NumberFormat {
  /// What a format code shows, decided once per style.
  public struct Classification: Sendable, Equatable {
    /// Shows a date and/or a time of day.
    public var isDate: Bool = false
    /// Shows only a time of day (`h:mm`, `h"时"mm"分"`).
    public var isTimeOnly: Bool = false
    /// Shows an elapsed duration (`[h]:mm:ss`): kept as a number, not a date.
    public var isDuration: Bool = false
    /// Shows a percentage.
    public var isPercent: Bool = false
    /// Is the text format `@`.
    public var isText: Bool = false
  }

  /// The format code of a built-in number format id, or `nil` for General (0) and for ids with no known code.
  ///
  /// Ids 27–36 and 50–58 are the date and time formats of zh-CN Excel and WPS (as listed by excelize's
  /// `langNumFmt["zh-cn"]`); most readers do not know them and return serial numbers instead of dates.
  public static func builtInCode(_ id: Int) -> String? {
    builtInCodes[id]
  }

  private static let builtInCodes: [Int: String] = [
    1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: "\"¥\"#,##0;\"¥\"\\-#,##0", 6: "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
    7: "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", 8: "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
    20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
    27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy", 31: "yyyy\"年\"m\"月\"d\"日\"",
    32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"", 34: "上午/下午h\"时\"mm\"分\"",
    35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
    42: "_(\"¥\"* #,##0_);_(\"¥\"* \\(#,##0\\);_(\"¥\"* \"-\"_);_(@_)",
    43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
    44: "_(\"¥\"* #,##0.00_);_(\"¥\"* \\(#,##0.00\\);_(\"¥\"* \"-\"??_);_(@_)",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"", 54: "m\"月\"d\"日\"",
    55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
  ]

  /// Classifies a format code by scanning its first section once (no regular expressions).
  ///
  /// Quoted literals (`"年"`), escapes (`\x`), padding (`_x`, `*x`) and bracketed modifiers (`[$-804]`,
  /// `[DBNum1]`, `[Red]`) are skipped; `[h]`, `[mm]`, `[ss]` mark a duration. Date tokens are `y m d h s`, plus
  /// `e`/`g` (era years) and `aaa` (Chinese weekday) and `上午/下午`; a code that also has digit placeholders
  /// (`0 # ?`) and only `e` is scientific notation, not a date.
  public static func classify(_ code: String) -> Classification {
    var result = Classification()
    let lowered = code.lowercased()
    if lowered == "general" || code.isEmpty { return result }
    if code == "@" {
      result.isText = true
      return result
    }
    var sawYear = false
    var sawDay = false
    var sawMonthOrMinute = false
    var sawHourOrSecond = false
    var sawEraOrWeekday = false
    var sawDigitPlaceholder = false
    var sawDuration = false
    var characters = Array(code.unicodeScalars)[...]
    while let character = characters.popFirst() {
      switch character {
      case ";":
        characters = []  // only the first section decides
      case "\"":
        while let next = characters.popFirst(), next != "\"" {}
      case "\\", "_", "*":
        _ = characters.popFirst()
      case "[":
        var inside = ""
        while let next = characters.popFirst(), next != "]" { inside.unicodeScalars.append(next) }
        let token = inside.lowercased()
        if !token.isEmpty, token.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { sawDuration = true }
      case "%":
        result.isPercent = true
      case "0", "#", "?":
        sawDigitPlaceholder = true
      case "y", "Y":
        sawYear = true
      case "d", "D":
        sawDay = true
      case "m", "M":
        sawMonthOrMinute = true
      case "h", "H", "s", "S":
        sawHourOrSecond = true
      case "g", "G":
        // "General" inside a code ("[DBNum1][$-804]General") is the general format, not an era year.
        let rest = String(String.UnicodeScalarView(characters.prefix(6))).lowercased()
        if rest == "eneral" {
          characters = characters.dropFirst(6)
          sawDigitPlaceholder = true
        } else {
          sawEraOrWeekday = true
        }
      case "e", "E":
        sawEraOrWeekday = true
      case "a", "A":
        // "aaa"/"aaaa" is the Chinese weekday; "AM/PM" and "A/P" also only appear in time formats.
        sawEraOrWeekday = true
      case "上", "下", "午":
        sawHourOrSecond = true
      case "@":
        result.isText = true
      default:
        continue
      }
    }
    if sawDuration {
      result.isDuration = true
      return result
    }
    let hasDateToken = sawYear || sawDay || sawMonthOrMinute || sawHourOrSecond
    if hasDateToken || (sawEraOrWeekday && !sawDigitPlaceholder && !result.isPercent) {
      result.isDate = true
      result.isTimeOnly =
        sawHourOrSecond && !sawYear && !sawDay && !sawEraOrWeekday
        || (sawHourOrSecond && sawEraOrWeekday && !sawYear && !sawDay && lowered.contains("am/pm"))
      result.isPercent = false
    }
    return result
  }
}
