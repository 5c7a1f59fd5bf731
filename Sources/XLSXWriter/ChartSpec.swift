/// A chart to insert into a worksheet (``Worksheet/insertChart(_:at:)``).
///
/// ```swift
/// var chart = ChartSpec(kind: .line, title: "孕产妇死亡率（1/10万）")
/// chart.xAxisTitle = "年份"
/// chart.yAxisTitle = "1/10万"
/// chart.series = [
///   ChartSeries(name: .text("全区"), categories: SheetReference(sheet: "数据", range: try CellRange("A2:A6")),
///               values: SheetReference(sheet: "数据", range: try CellRange("B2:B6")), marker: .circle),
/// ]
/// try sheet.insertChart(chart, at: CellAddress("D2"))
/// ```
public struct ChartSpec: Hashable, Sendable {
  /// The chart types offered.
  public enum Kind: Hashable, Sendable, CaseIterable {
    /// Lines through the points of each series.
    case line
    /// Vertical bars.
    case column
    /// Horizontal bars.
    case bar
  }

  /// Where the legend goes.
  public enum LegendPosition: Hashable, Sendable, CaseIterable {
    /// No legend.
    case none
    /// Right of the plot (Excel's default).
    case right
    /// Left of the plot.
    case left
    /// Above the plot.
    case top
    /// Below the plot.
    case bottom
  }

  /// The chart type.
  public var kind: Kind
  /// The title above the chart; `nil` shows none (or the series name for one series, as Excel does).
  public var title: String?
  /// The category (x) axis title.
  public var xAxisTitle: String?
  /// The value (y) axis title.
  public var yAxisTitle: String?
  /// The legend position.
  public var legend: LegendPosition
  /// The data series, drawn in order (at least one).
  public var series: [ChartSeries]
  /// Width in pixels (Excel's default 480).
  public var width: Int
  /// Height in pixels (Excel's default 288).
  public var height: Int

  /// A chart of the given kind.
  public init(
    kind: Kind, title: String? = nil, xAxisTitle: String? = nil, yAxisTitle: String? = nil,
    legend: LegendPosition = .bottom, series: [ChartSeries] = [], width: Int = 480, height: Int = 288
  ) {
    self.kind = kind
    self.title = title
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.legend = legend
    self.series = series
    self.width = width
    self.height = height
  }
}
