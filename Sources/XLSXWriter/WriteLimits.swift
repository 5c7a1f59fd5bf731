/// The limits XLSXWriter enforces before calling libxlsxwriter 1.1.4.
///
/// Most are Excel's own limits; some are tighter, to stay clear of bugs in libxlsxwriter 1.1.4
/// (the version Debian 12 ships). Each names the reason.
public enum WriteLimits {
  /// Rows per sheet (Excel): valid 0-based rows are `0..<maxRows`.
  public static let maxRows = 1_048_576
  /// Columns per sheet (Excel): valid 0-based columns are `0..<maxColumns` (A…XFD).
  public static let maxColumns = 16_384
  /// Characters in a sheet name (Excel).
  public static let maxSheetNameCharacters = 31
  /// Characters in a cell's text (Excel, counted as libxlsxwriter does: Unicode scalars).
  public static let maxCellTextCharacters = 32_767
  /// UTF-16 units in a data-validation title (Excel's dialog limit; libxlsxwriter counts the same).
  public static let maxValidationTitleCharacters = 32
  /// UTF-16 units in a data-validation message (Excel's dialog limit).
  public static let maxValidationMessageCharacters = 255
  /// UTF-8 bytes of an inline validation list, quotes and commas excluded. libxlsxwriter 1.1.4
  /// copies the list into a 258-byte buffer but counts characters (lxw#394, a heap overflow with
  /// Chinese items), so longer lists go to a hidden sheet instead.
  public static let maxInlineListBytes = 250
  /// Items in an inline validation list: libxlsxwriter indexes them with a `uint8_t` (lxw#512).
  public static let maxInlineListItems = 255
  /// UTF-8 bytes of a defined name with its sheet prefix, and of its formula: libxlsxwriter 1.1.4
  /// copies both into 128-byte buffers and silently truncates longer ones.
  public static let maxDefinedNameBytes = 127
  /// UTF-8 bytes of a number format or font name: libxlsxwriter 1.1.4 copies them into 128-byte
  /// fields with `strncpy`, silently cutting longer ones (possibly inside a Chinese character).
  public static let maxFormatFieldBytes = 127
  /// Characters in a protection password. libxlsxwriter 1.1.4 hashes longer or non-ASCII
  /// passwords wrongly (fixed in 1.1.6), so they would not unlock the sheet in Excel.
  public static let maxPasswordCharacters = 15
  /// Characters in a custom document property's name or text value (libxlsxwriter).
  public static let maxCustomPropertyCharacters = 255
  /// Characters in a page header or footer (libxlsxwriter 1.1.4).
  public static let maxHeaderFooterCharacters = 255
  /// Characters in a note's text (Excel).
  public static let maxNoteCharacters = 32_767
}
