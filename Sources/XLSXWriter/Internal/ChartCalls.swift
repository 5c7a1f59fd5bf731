internal import CXLSXWriter

extension WorkbookCore {
  /// Builds a libxlsxwriter chart from a spec and inserts it at a cell.
  func insertChart(_ spec: ChartSpec, at address: CellAddress, xOffset: Int, yOffset: Int, sheet index: Int) throws {
    let site = site("Worksheet.insertChart", sheet: index, cell: address.a1)
    let sheet = try sheetHandle(index, site)
    let workbook = try open(site)
    try site.requireInsideGrid(address)
    try validate(spec, site)
    guard (0...1_000_000).contains(xOffset), (0...1_000_000).contains(yOffset) else {
      throw site.error(.invalidArgument, "chart offsets must be 0…1000000 pixels")
    }

    let type: lxw_chart_type
    switch spec.kind {
    case .line: type = LXW_CHART_LINE
    case .column: type = LXW_CHART_COLUMN
    case .bar: type = LXW_CHART_BAR
    }
    guard let chart = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
      throw site.calling("workbook_add_chart").error(.library(1), "libxlsxwriter could not create the chart")
    }
    for series in spec.series {
      guard let handle = chart_add_series(chart, nil, nil) else {
        throw site.calling("chart_add_series").error(.library(1), "libxlsxwriter could not add a series")
      }
      let values = series.values.range
      chart_series_set_values(
        handle, series.values.sheet, lxw_row_t(values.first.row), lxw_col_t(values.first.column),
        lxw_row_t(values.last.row), lxw_col_t(values.last.column))
      if let categories = series.categories {
        let range = categories.range
        chart_series_set_categories(
          handle, categories.sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
          lxw_row_t(range.last.row), lxw_col_t(range.last.column))
      }
      switch series.name {
      case nil: break
      case .text(let text): chart_series_set_name(handle, text)
      case .cell(let reference):
        chart_series_set_name_range(
          handle, reference.sheet, lxw_row_t(reference.range.first.row), lxw_col_t(reference.range.first.column))
      }
      if let marker = series.marker { chart_series_set_marker_type(handle, Self.markerCode(marker)) }
      if series.smooth { chart_series_set_smooth(handle, 1) }
    }
    if let title = spec.title { chart_title_set_name(chart, title) }
    if let title = spec.xAxisTitle { chart_axis_set_name(chart.pointee.x_axis, title) }
    if let title = spec.yAxisTitle { chart_axis_set_name(chart.pointee.y_axis, title) }
    chart_legend_set_position(chart, Self.legendCode(spec.legend))

    var options = lxw_chart_options()
    options.x_offset = Int32(xOffset)
    options.y_offset = Int32(yOffset)
    options.x_scale = Double(spec.width) / 480
    options.y_scale = Double(spec.height) / 288
    try site.calling("worksheet_insert_chart_opt").check(
      worksheet_insert_chart_opt(sheet, lxw_row_t(address.row), lxw_col_t(address.column), chart, &options))
  }

  private func validate(_ spec: ChartSpec, _ site: CallSite) throws {
    guard !spec.series.isEmpty else { throw site.error(.invalidArgument, "a chart needs at least one series") }
    guard spec.series.count <= 255 else { throw site.error(.invalidArgument, "a chart can hold at most 255 series") }
    guard (16...10_000).contains(spec.width), (16...10_000).contains(spec.height) else {
      throw site.error(.invalidArgument, "chart size \(spec.width)×\(spec.height) must be 16…10000 pixels")
    }
    for (text, what) in [
      (spec.title, "the chart title"), (spec.xAxisTitle, "the x-axis title"), (spec.yAxisTitle, "the y-axis title"),
    ] {
      try checkLabel(text, what, site)
    }
    for series in spec.series {
      var references = [series.values]
      if let categories = series.categories { references.append(categories) }
      if case .cell(let reference) = series.name { references.append(reference) }
      if case .text(let text) = series.name { try checkLabel(text, "a series name", site) }
      for reference in references {
        try requireSheet(reference.sheet, site)
        try site.requireInsideGrid(reference.range)
      }
      let values = series.values.range
      guard values.rowCount == 1 || values.columnCount == 1 else {
        throw site.error(.invalidArgument, "series values \(values.a1) must be one row or one column")
      }
    }
  }

  /// libxlsxwriter reads a label starting with '=' as a formula, so literal labels may not.
  private func checkLabel(_ text: String?, _ what: String, _ site: CallSite) throws {
    guard let text else { return }
    try site.requireNoNUL(text, what: what)
    try site.requireNonEmpty(text, what: what)
    try site.requireScalars(text, atMost: 255, what: what)
    if text.hasPrefix("=") {
      throw site.error(.invalidArgument, "\(what) cannot start with '=' (use a cell reference instead)")
    }
  }

  private static func markerCode(_ marker: ChartSeries.Marker) -> UInt8 {
    let code: lxw_chart_marker_type
    switch marker {
    case .automatic: code = LXW_CHART_MARKER_AUTOMATIC
    case .none: code = LXW_CHART_MARKER_NONE
    case .circle: code = LXW_CHART_MARKER_CIRCLE
    case .square: code = LXW_CHART_MARKER_SQUARE
    case .diamond: code = LXW_CHART_MARKER_DIAMOND
    case .triangle: code = LXW_CHART_MARKER_TRIANGLE
    }
    return UInt8(code.rawValue)
  }

  private static func legendCode(_ position: ChartSpec.LegendPosition) -> UInt8 {
    let code: lxw_chart_legend_position
    switch position {
    case .none: code = LXW_CHART_LEGEND_NONE
    case .right: code = LXW_CHART_LEGEND_RIGHT
    case .left: code = LXW_CHART_LEGEND_LEFT
    case .top: code = LXW_CHART_LEGEND_TOP
    case .bottom: code = LXW_CHART_LEGEND_BOTTOM
    }
    return UInt8(code.rawValue)
  }
}
