internal import CXLSXWriter

/// Turns ``CellFormat`` values into libxlsxwriter formats owned by the workbook.
enum FormatFactory {
  /// Checks the strings and numbers of a format before it reaches C.
  static func validate(_ format: CellFormat, _ site: CallSite) throws {
    if let name = format.fontName {
      try site.requireNoNUL(name, what: "font name")
      try site.requireNonEmpty(name, what: "font name")
      try requireFieldBytes(name, "font name", site)
    }
    if let size = format.fontSize {
      guard size.isFinite, (1...409).contains(size) else {
        throw site.error(.invalidArgument, "font size \(size) is outside Excel's 1…409 points")
      }
    }
    guard (0...15).contains(format.indent) else {
      throw site.error(.invalidArgument, "indent \(format.indent) is outside 0…15")
    }
    if let numberFormat = format.numberFormat {
      try site.requireNoNUL(numberFormat, what: "number format")
      try requireFieldBytes(numberFormat, "number format", site)
    }
  }

  private static func requireFieldBytes(_ text: String, _ what: String, _ site: CallSite) throws {
    let bytes = text.utf8.count
    if bytes > WriteLimits.maxFormatFieldBytes {
      throw site.error(
        .textTooLong,
        "the \(what) '\(text)' is \(bytes) UTF-8 bytes; libxlsxwriter 1.1.4 keeps only \(WriteLimits.maxFormatFieldBytes)"
      )
    }
  }

  /// Creates and configures a new libxlsxwriter format (the workbook frees it on close).
  static func make(_ format: CellFormat, in workbook: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<
    lxw_format
  >? {
    guard let handle = workbook_add_format(workbook) else { return nil }
    if let name = format.fontName { format_set_font_name(handle, name) }
    if let size = format.fontSize { format_set_font_size(handle, size) }
    if format.bold { format_set_bold(handle) }
    if format.italic { format_set_italic(handle) }
    if format.underline { format_set_underline(handle, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
    if format.strikethrough { format_set_font_strikeout(handle) }
    if let color = format.fontColor { format_set_font_color(handle, libraryColor(color)) }
    if let fill = format.fill {
      format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(handle, libraryColor(fill))
    }
    if let style = format.topBorder ?? format.border { format_set_top(handle, borderCode(style)) }
    if let style = format.bottomBorder ?? format.border { format_set_bottom(handle, borderCode(style)) }
    if let style = format.leftBorder ?? format.border { format_set_left(handle, borderCode(style)) }
    if let style = format.rightBorder ?? format.border { format_set_right(handle, borderCode(style)) }
    if let color = format.borderColor { format_set_border_color(handle, libraryColor(color)) }
    if let alignment = format.horizontalAlignment { format_set_align(handle, horizontalCode(alignment)) }
    if let alignment = format.verticalAlignment { format_set_align(handle, verticalCode(alignment)) }
    if format.wrapsText { format_set_text_wrap(handle) }
    if format.shrinksToFit { format_set_shrink(handle) }
    if format.indent > 0 { format_set_indent(handle, UInt8(format.indent)) }
    if let numberFormat = format.numberFormat, numberFormat != "General" {
      format_set_num_format(handle, numberFormat)
    }
    if !format.isLocked { format_set_unlocked(handle) }
    if format.hidesFormula { format_set_hidden(handle) }
    return handle
  }

  /// libxlsxwriter reserves 0 for "no colour" and spells black as 0x1000000.
  static func libraryColor(_ color: Color) -> lxw_color_t {
    color.rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(color.rgb)
  }

  static func borderCode(_ style: BorderStyle) -> UInt8 {
    let code: lxw_format_borders
    switch style {
    case .thin: code = LXW_BORDER_THIN
    case .medium: code = LXW_BORDER_MEDIUM
    case .thick: code = LXW_BORDER_THICK
    case .dashed: code = LXW_BORDER_DASHED
    case .dotted: code = LXW_BORDER_DOTTED
    case .double: code = LXW_BORDER_DOUBLE
    case .hair: code = LXW_BORDER_HAIR
    }
    return UInt8(code.rawValue)
  }

  static func horizontalCode(_ alignment: HorizontalAlignment) -> UInt8 {
    let code: lxw_format_alignments
    switch alignment {
    case .left: code = LXW_ALIGN_LEFT
    case .center: code = LXW_ALIGN_CENTER
    case .right: code = LXW_ALIGN_RIGHT
    case .fill: code = LXW_ALIGN_FILL
    case .justify: code = LXW_ALIGN_JUSTIFY
    case .centerAcrossSelection: code = LXW_ALIGN_CENTER_ACROSS
    case .distributed: code = LXW_ALIGN_DISTRIBUTED
    }
    return UInt8(code.rawValue)
  }

  static func verticalCode(_ alignment: VerticalAlignment) -> UInt8 {
    let code: lxw_format_alignments
    switch alignment {
    case .top: code = LXW_ALIGN_VERTICAL_TOP
    case .center: code = LXW_ALIGN_VERTICAL_CENTER
    case .bottom: code = LXW_ALIGN_VERTICAL_BOTTOM
    case .justify: code = LXW_ALIGN_VERTICAL_JUSTIFY
    case .distributed: code = LXW_ALIGN_VERTICAL_DISTRIBUTED
    }
    return UInt8(code.rawValue)
  }
}
