internal import CXLSXWriter

/// What XLSXWriter remembers about one worksheet besides libxlsxwriter's own state.
struct SheetState {
  /// Row settings are merged here because `worksheet_set_row_opt` replaces them all at once.
  struct RowSetting {
    var height: Double?
    var hidden = false
    var format: CellFormat?
  }

  /// Column settings, merged and applied one column at a time so `<col>` ranges never overlap.
  struct ColumnSetting {
    var width: Double?
    var hidden = false
    var format: CellFormat?
  }

  let name: String
  let handle: UnsafeMutablePointer<lxw_worksheet>
  var isHidden = false
  var merges: [CellRange] = []
  var rows: [Int: RowSetting] = [:]
  var columns: [Int: ColumnSetting] = [:]
  /// Cells whose `<v>` must be fixed after libxlsxwriter writes the file.
  var valueEdits: [CellAddress: XMLPatches.ValueEdit] = [:]
  var hasPrintSetup = false
}
