/// Vertical placement of a cell's content.
public enum VerticalAlignment: Hashable, Sendable, CaseIterable {
  /// At the top.
  case top
  /// Centred vertically.
  case center
  /// At the bottom (Excel's default).
  case bottom
  /// Justified.
  case justify
  /// Distributed.
  case distributed
}
