/// Page setup for printing a sheet (``Worksheet/setPrintSetup(_:)``).
///
/// ```swift
/// var page = PrintSetup(paper: .a4, orientation: .landscape)
/// page.fitToPagesWide = 1            // all columns on one page width
/// page.repeatRows = 0...2            // repeat the three header rows on every page
/// page.header = "&C&\"宋体,Bold\"2024 年妇女儿童统计资料"
/// page.footer = "&C第 &P 页，共 &N 页"
/// ```
public struct PrintSetup: Hashable, Sendable {
  /// Paper sizes.
  public enum Paper: Hashable, Sendable, CaseIterable {
    /// The printer's default.
    case printerDefault
    /// A4, 210 × 297 mm.
    case a4
    /// A3, 297 × 420 mm.
    case a3
    /// US Letter.
    case letter
  }

  /// Page orientation.
  public enum Orientation: Hashable, Sendable, CaseIterable {
    /// Taller than wide.
    case portrait
    /// Wider than tall.
    case landscape
  }

  /// Page margins in inches (Excel's unit; 1 inch = 2.54 cm).
  public struct Margins: Hashable, Sendable {
    /// Left margin.
    public var left: Double
    /// Right margin.
    public var right: Double
    /// Top margin.
    public var top: Double
    /// Bottom margin.
    public var bottom: Double

    /// Margins in inches; the defaults are Excel's "Normal" margins.
    public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75) {
      self.left = left
      self.right = right
      self.top = top
      self.bottom = bottom
    }

    /// Margins given in centimetres.
    public static func centimetres(left: Double, right: Double, top: Double, bottom: Double) -> Margins {
      Margins(left: left / 2.54, right: right / 2.54, top: top / 2.54, bottom: bottom / 2.54)
    }
  }

  /// Paper size.
  public var paper: Paper
  /// Orientation.
  public var orientation: Orientation
  /// Pages across that the sheet is shrunk to fit (`nil`: no fitting). `fitToPagesWide = 1` with
  /// `fitToPagesTall = nil` fits the width and lets the length run on.
  public var fitToPagesWide: Int?
  /// Pages down that the sheet is shrunk to fit (`nil` or 0: as many as needed).
  public var fitToPagesTall: Int?
  /// Rows (0-based, inclusive) printed at the top of every page.
  public var repeatRows: ClosedRange<Int>?
  /// Columns (0-based, inclusive) printed at the left of every page.
  public var repeatColumns: ClosedRange<Int>?
  /// The part of the sheet to print; `nil` prints the used range.
  public var printArea: CellRange?
  /// Margins; `nil` keeps Excel's defaults.
  public var margins: Margins?
  /// Page header in Excel's header codes (`&L`, `&C`, `&R`, `&P`, `&N`, `&D`, `&"font,style"`).
  public var header: String?
  /// Page footer in Excel's header codes.
  public var footer: String?
  /// Centre the printout horizontally on the page.
  public var centersHorizontally: Bool
  /// Print the cell gridlines.
  public var printsGridlines: Bool

  /// A page setup; by default the printer's paper in portrait with nothing else set.
  public init(
    paper: Paper = .printerDefault, orientation: Orientation = .portrait, fitToPagesWide: Int? = nil,
    fitToPagesTall: Int? = nil, repeatRows: ClosedRange<Int>? = nil, repeatColumns: ClosedRange<Int>? = nil,
    printArea: CellRange? = nil, margins: Margins? = nil, header: String? = nil, footer: String? = nil,
    centersHorizontally: Bool = false, printsGridlines: Bool = false
  ) {
    self.paper = paper
    self.orientation = orientation
    self.fitToPagesWide = fitToPagesWide
    self.fitToPagesTall = fitToPagesTall
    self.repeatRows = repeatRows
    self.repeatColumns = repeatColumns
    self.printArea = printArea
    self.margins = margins
    self.header = header
    self.footer = footer
    self.centersHorizontally = centersHorizontally
    self.printsGridlines = printsGridlines
  }
}
