/// An RGB colour for fonts, fills and borders.
public struct Color: Hashable, Sendable {
  /// The colour as `0xRRGGBB`.
  public var rgb: UInt32

  /// A colour from `0xRRGGBB` (higher bits are ignored).
  public init(rgb: UInt32) {
    self.rgb = rgb & 0xFF_FFFF
  }

  /// Black, `#000000`.
  public static let black = Color(rgb: 0x000000)
  /// White, `#FFFFFF`.
  public static let white = Color(rgb: 0xFFFFFF)
  /// Red, `#FF0000`.
  public static let red = Color(rgb: 0xFF0000)
  /// Excel's light grey header fill, `#D9D9D9`.
  public static let lightGray = Color(rgb: 0xD9D9D9)
  /// A pale yellow often used for input cells, `#FFF2CC`.
  public static let inputYellow = Color(rgb: 0xFFF2CC)
  /// Excel's hyperlink blue, `#0563C1`.
  public static let linkBlue = Color(rgb: 0x0563C1)
}
