/// One data series of a chart: values (and categories) taken from cells.
///
/// Write the cells before closing the workbook: libxlsxwriter stores their current values in the
/// chart as a cache for viewers that do not recalculate.
public struct ChartSeries: Hashable, Sendable {
  /// The series name shown in the legend.
  public enum Name: Hashable, Sendable {
    /// A literal name.
    case text(String)
    /// The text of a cell, kept linked to it.
    case cell(SheetReference)
  }

  /// Point markers (line charts).
  public enum Marker: Hashable, Sendable, CaseIterable {
    /// Excel chooses.
    case automatic
    /// No markers.
    case none
    /// Circles.
    case circle
    /// Squares.
    case square
    /// Diamonds.
    case diamond
    /// Triangles.
    case triangle
  }

  /// The legend name; `nil` lets Excel say "Series1".
  public var name: Name?
  /// The category labels (x axis), e.g. the years; `nil` numbers the points 1, 2, 3….
  public var categories: SheetReference?
  /// The values: one row or one column of cells.
  public var values: SheetReference
  /// Point markers; `nil` keeps the chart type's default.
  public var marker: Marker?
  /// Smooth the line (line charts).
  public var smooth: Bool

  /// A series over `values`.
  public init(
    name: Name? = nil, categories: SheetReference? = nil, values: SheetReference, marker: Marker? = nil,
    smooth: Bool = false
  ) {
    self.name = name
    self.categories = categories
    self.values = values
    self.marker = marker
    self.smooth = smooth
  }
}
