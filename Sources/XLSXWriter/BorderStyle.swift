/// The line style of a cell border.
public enum BorderStyle: Hashable, Sendable, CaseIterable {
  /// A thin solid line.
  case thin
  /// A medium solid line.
  case medium
  /// A thick solid line.
  case thick
  /// A thin dashed line.
  case dashed
  /// A thin dotted line.
  case dotted
  /// A double line.
  case double
  /// A hairline.
  case hair
}
