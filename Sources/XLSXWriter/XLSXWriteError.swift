import Foundation

/// An error raised while building or saving a workbook.
///
/// Every error names the operation that failed (`function`: the libxlsxwriter function or the
/// ``Workbook``/``Worksheet`` method), and where known the sheet and the cell (A1 style).
/// `message` is libxlsxwriter's own sentence (`lxw_strerror`) for library errors, or ours for
/// checks made before calling the library. Match on ``code``; the wording of ``message`` and
/// ``description`` is not a contract.
public struct XLSXWriteError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: Sendable, Hashable {
    /// libxlsxwriter returned this `lxw_error` value.
    case library(Int32)
    /// A sheet name is empty, longer than 31 characters, or holds `[ ] : * ? / \` or an edge `'`.
    case invalidSheetName
    /// Another sheet already has this name (names compare case-insensitively, as in Excel).
    case duplicateSheetName
    /// A chart, link or validation names a sheet that the workbook does not have.
    case unknownSheet
    /// A string holds a NUL character, which libxlsxwriter's C strings cannot carry.
    case embeddedNUL
    /// A number is NaN or infinite; Excel has no such values.
    case nonFiniteNumber
    /// A text is longer than the limit for its place (see ``WriteLimits``).
    case textTooLong
    /// A text that must not be empty is empty (notes, list items, names).
    case emptyText
    /// A defined name is not a valid ASCII Excel name, or its formula is too long.
    case invalidDefinedName
    /// A row, column, range or other argument is out of range or inconsistent.
    case invalidArgument
    /// Two merged ranges on one sheet overlap.
    case overlappingMerge
    /// A protection password is not 1…15 printable ASCII characters.
    case invalidPassword
    /// The workbook was already closed (or failed to close); no handle is usable any more.
    case workbookClosed
    /// Reading or writing the file on disk failed.
    case fileSystem
  }

  /// What kind of failure this is.
  public var code: Code
  /// A sentence describing the failure (libxlsxwriter's own text for library errors).
  public var message: String
  /// The libxlsxwriter function or XLSXWriter method that failed.
  public var function: String
  /// The sheet concerned, if any.
  public var sheet: String?
  /// The cell or range concerned in A1 style, if any.
  public var cell: String?

  /// Creates an error value.
  public init(code: Code, message: String, function: String, sheet: String? = nil, cell: String? = nil) {
    self.code = code
    self.message = message
    self.function = function
    self.sheet = sheet
    self.cell = cell
  }

  /// `function: message (sheet 'S', cell B3)`.
  public var description: String {
    var text = "\(function): \(message)"
    var places: [String] = []
    if let sheet { places.append("sheet '\(sheet)'") }
    if let cell { places.append("cell \(cell)") }
    if !places.isEmpty { text += " (" + places.joined(separator: ", ") + ")" }
    return text
  }
}

extension XLSXWriteError: LocalizedError {
  /// The same text as ``description``, so `localizedDescription` names the failure too.
  public var errorDescription: String? { description }
}
