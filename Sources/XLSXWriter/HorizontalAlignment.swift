/// Horizontal placement of a cell's content.
public enum HorizontalAlignment: Hashable, Sendable, CaseIterable {
  /// Flush left.
  case left
  /// Centred in the cell.
  case center
  /// Flush right.
  case right
  /// Repeated to fill the cell.
  case fill
  /// Justified.
  case justify
  /// Centred across the selection (the neighbouring empty cells), without merging.
  case centerAcrossSelection
  /// Distributed (spread evenly, common for Chinese labels).
  case distributed
}
