import Foundation

/// Settings fixed when a ``Workbook`` is created.
public struct WorkbookOptions: Hashable, Sendable {
  /// The creation (and modification) time stored in `docProps/core.xml`.
  ///
  /// It defaults to ``defaultCreationDate``: `$SOURCE_DATE_EPOCH` when set, else
  /// 2000-01-01T00:00:00Z, never the clock, so the same inputs always give the same bytes.
  /// (libxlsxwriter reads the clock when this is exactly the Unix epoch, so the epoch itself is
  /// stored one second later.)
  public var creationDate: Date
  /// The name of the hidden sheet that holds long validation lists and ``Workbook/addListValues(_:)``.
  public var listSheetName: String
  /// Allow ZIP64 records, needed only for files over 4 GB.
  public var usesZip64: Bool

  /// Options; see each property for its default.
  public init(
    creationDate: Date = WorkbookOptions.defaultCreationDate, listSheetName: String = "_lists",
    usesZip64: Bool = false
  ) {
    self.creationDate = creationDate
    self.listSheetName = listSheetName
    self.usesZip64 = usesZip64
  }

  /// `$SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set and valid, else 2000-01-01T00:00:00Z.
  public static var defaultCreationDate: Date {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
      let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0
    {
      return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
    return Date(timeIntervalSince1970: 946_684_800)
  }
}
