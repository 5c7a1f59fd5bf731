/// How a cell looks and whether it is locked: a plain value, compared by content.
///
/// Build one with the memberwise properties and pass it to ``Worksheet`` methods. The workbook
/// creates one libxlsxwriter format per distinct value and reuses it, so there is nothing to
/// register or keep.
///
/// ```swift
/// var header = CellFormat()
/// header.bold = true
/// header.fill = .lightGray
/// header.border = .thin
/// header.horizontalAlignment = .center
///
/// var input = CellFormat(numberFormat: "0.0")
/// input.isLocked = false            // editable when the sheet is protected
/// ```
public struct CellFormat: Hashable, Sendable {
  /// The font family, e.g. `"宋体"` or `"Arial"`; `nil` keeps the workbook default (Calibri).
  public var fontName: String?
  /// The font size in points; `nil` keeps the default (11).
  public var fontSize: Double?
  /// Bold text.
  public var bold: Bool
  /// Italic text.
  public var italic: Bool
  /// Single underline.
  public var underline: Bool
  /// Struck-through text.
  public var strikethrough: Bool
  /// The font colour; `nil` is automatic (black).
  public var fontColor: Color?
  /// A solid background fill; `nil` is no fill.
  public var fill: Color?
  /// The border on all four sides; the side properties below override it per side.
  public var border: BorderStyle?
  /// The top border, overriding ``border``.
  public var topBorder: BorderStyle?
  /// The bottom border, overriding ``border``.
  public var bottomBorder: BorderStyle?
  /// The left border, overriding ``border``.
  public var leftBorder: BorderStyle?
  /// The right border, overriding ``border``.
  public var rightBorder: BorderStyle?
  /// The colour of every border line; `nil` is automatic (black).
  public var borderColor: Color?
  /// Horizontal alignment; `nil` is Excel's general alignment.
  public var horizontalAlignment: HorizontalAlignment?
  /// Vertical alignment; `nil` is bottom.
  public var verticalAlignment: VerticalAlignment?
  /// Wrap long text onto several lines.
  public var wrapsText: Bool
  /// Shrink text to fit the cell width.
  public var shrinksToFit: Bool
  /// Indentation level (0…15).
  public var indent: Int
  /// An Excel number format such as `"0.0"`, `"#,##0"`, `"0.00%"`, `"@"` (text) or
  /// `"yyyy-mm-dd"`; `nil` is General.
  public var numberFormat: String?
  /// Whether the cell is locked when its sheet is protected (Excel's default is `true`).
  public var isLocked: Bool
  /// Whether a formula in the cell is hidden when its sheet is protected.
  public var hidesFormula: Bool

  /// A format; every property defaults to Excel's default look (and locked).
  public init(
    fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
    underline: Bool = false, strikethrough: Bool = false, fontColor: Color? = nil, fill: Color? = nil,
    border: BorderStyle? = nil, borderColor: Color? = nil, horizontalAlignment: HorizontalAlignment? = nil,
    verticalAlignment: VerticalAlignment? = nil, wrapsText: Bool = false, shrinksToFit: Bool = false,
    indent: Int = 0, numberFormat: String? = nil, isLocked: Bool = true, hidesFormula: Bool = false
  ) {
    self.fontName = fontName
    self.fontSize = fontSize
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.strikethrough = strikethrough
    self.fontColor = fontColor
    self.fill = fill
    self.border = border
    self.borderColor = borderColor
    self.horizontalAlignment = horizontalAlignment
    self.verticalAlignment = verticalAlignment
    self.wrapsText = wrapsText
    self.shrinksToFit = shrinksToFit
    self.indent = indent
    self.numberFormat = numberFormat
    self.isLocked = isLocked
    self.hidesFormula = hidesFormula
  }

  /// The default look, locked.
  public static let `default` = CellFormat()

  /// An unlocked cell with the default look: the usual input cell of a protected form.
  public static let unlocked = CellFormat(isLocked: false)
}
