internal import CXLSXWriter

/// Where a call is made: the function name, sheet and cell that an error will carry.
struct CallSite {
  var function: String
  var sheet: String?
  var cell: String?
  /// A cell position, turned into A1 text only when an error is made (writes are frequent).
  var address: CellAddress?

  init(_ function: String, sheet: String? = nil, cell: String? = nil) {
    self.function = function
    self.sheet = sheet
    self.cell = cell
  }

  init(_ function: String, sheet: String?, address: CellAddress) {
    self.function = function
    self.sheet = sheet
    self.address = address
  }

  /// The same place, naming a libxlsxwriter function.
  func calling(_ cFunction: String) -> CallSite {
    var copy = self
    copy.function = cFunction
    return copy
  }

  func error(_ code: XLSXWriteError.Code, _ message: String) -> XLSXWriteError {
    XLSXWriteError(
      code: code, message: message, function: function, sheet: sheet, cell: cell ?? address?.a1)
  }

  /// Turns a libxlsxwriter return code into a thrown error with `lxw_strerror`'s text.
  func check(_ result: lxw_error) throws {
    guard result != LXW_NO_ERROR else { return }
    throw error(.library(Int32(bitPattern: result.rawValue)), Self.libraryMessage(result))
  }

  static func libraryMessage(_ result: lxw_error) -> String {
    guard let text = lxw_strerror(result) else { return "libxlsxwriter error \(result.rawValue)" }
    return String(cString: text)
  }

  // MARK: Checks made before calling the library

  /// Refuses strings with a NUL character (C strings would silently end there).
  func requireNoNUL(_ text: String, what: String) throws {
    // Through the contiguous UTF-8 bytes when the string has them (a tight loop, not the generic sequence).
    if text.utf8.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? text.utf8.contains(0) {
      throw error(.embeddedNUL, "\(what) contains a NUL character")
    }
  }

  /// Refuses characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return, and
  /// U+FFFE/U+FFFF). libxlsxwriter writes document properties and sheet names raw, so one such character would make
  /// the whole part malformed and every property (a template id among them) or the workbook unreadable.
  func requireXMLCharacters(_ text: String, what: String) throws {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let forbidden =
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE
        || value == 0xFFFF
      if forbidden {
        throw error(
          .invalidArgument,
          "\(what) contains the control character U+\(String(value, radix: 16, uppercase: true)), which XML cannot carry"
        )
      }
    }
  }

  /// Refuses empty strings.
  func requireNonEmpty(_ text: String, what: String) throws {
    if text.isEmpty { throw error(.emptyText, "\(what) is empty") }
  }

  /// Refuses texts with more Unicode scalars than `limit` (libxlsxwriter's way of counting).
  func requireScalars(_ text: String, atMost limit: Int, what: String) throws {
    // A text of at most `limit` UTF-8 bytes has at most `limit` scalars: no need to count them.
    guard text.utf8.count > limit else { return }
    let count = text.unicodeScalars.count
    if count > limit {
      throw error(.textTooLong, "\(what) has \(count) characters; the limit is \(limit)")
    }
  }

  /// Refuses texts with more UTF-16 units than `limit` (Excel's way of counting).
  func requireUTF16(_ text: String, atMost limit: Int, what: String) throws {
    let count = text.utf16.count
    if count > limit {
      throw error(.textTooLong, "\(what) has \(count) characters (UTF-16 units); Excel's limit is \(limit)")
    }
  }

  /// Refuses NaN and infinities.
  func requireFinite(_ number: Double, what: String) throws {
    if !number.isFinite {
      throw error(.nonFiniteNumber, "\(what) is \(number); Excel cannot store NaN or infinity")
    }
  }

  /// Refuses positions outside Excel's grid.
  func requireInsideGrid(_ address: CellAddress) throws {
    if !address.isInsideGrid {
      throw error(
        .invalidArgument,
        "row \(address.row) / column \(address.column) (0-based) is outside the sheet "
          + "(rows 0..<\(WriteLimits.maxRows), columns 0..<\(WriteLimits.maxColumns))")
    }
  }

  func requireInsideGrid(_ range: CellRange) throws {
    try requireInsideGrid(range.first)
    try requireInsideGrid(range.last)
  }
}
