/// A data-validation rule for a range of cells, with its input prompt and error alert.
///
/// ```swift
/// var rule = DataValidation(.decimal(.between(0, 100)))
/// rule.inputTitle = "填报说明"
/// rule.inputMessage = "请填写 0–100 之间的数值（%）"
/// rule.errorTitle = "数值超出范围"
/// rule.errorMessage = "孕产妇系统管理率应在 0 到 100 之间"
/// try sheet.addValidation(rule, to: CellRange("C3:C40"))
///
/// try sheet.addValidation(DataValidation(.list(["是", "否", "不适用"])), to: CellRange("D3:D40"))
/// ```
///
/// Titles are limited to ``WriteLimits/maxValidationTitleCharacters`` and messages to
/// ``WriteLimits/maxValidationMessageCharacters`` characters (Excel's limits, counted in UTF-16
/// units); longer texts are refused, never cut.
public struct DataValidation: Hashable, Sendable {
  /// What values the cells accept.
  public enum Rule: Hashable, Sendable {
    /// Any number meeting the criterion.
    case decimal(Criterion)
    /// Whole numbers meeting the criterion (the criterion's bounds must be whole numbers).
    case integer(Criterion)
    /// One of these texts, picked from a dropdown. Short lists are stored in the rule itself;
    /// lists over ``WriteLimits/maxInlineListBytes`` UTF-8 bytes, with
    /// ``WriteLimits/maxInlineListItems`` or more items, or with items holding `,` or `"` are
    /// written to the workbook's hidden list sheet (``WorkbookOptions/listSheetName``) and the
    /// rule refers to them there (libxlsxwriter 1.1.4 overflows on long inline lists, lxw#394).
    case list([String])
    /// One of the values in these cells (e.g. from ``Workbook/addListValues(_:)``).
    case listFrom(SheetReference)
    /// Texts whose length (in characters) meets the criterion.
    case textLength(Criterion)
    /// Values for which this formula (without `=`, relative to the top-left cell) is true.
    case custom(formula: String)
    /// Any value: only shows the input prompt.
    case any
  }

  /// A comparison for numbers and text lengths.
  public enum Criterion: Hashable, Sendable {
    /// `minimum ≤ x ≤ maximum`.
    case between(Double, Double)
    /// `x < minimum` or `x > maximum`.
    case notBetween(Double, Double)
    /// `x = value`.
    case equalTo(Double)
    /// `x ≠ value`.
    case notEqualTo(Double)
    /// `x > value`.
    case greaterThan(Double)
    /// `x < value`.
    case lessThan(Double)
    /// `x ≥ value`.
    case atLeast(Double)
    /// `x ≤ value`.
    case atMost(Double)
  }

  /// How hard the error alert stops a wrong entry.
  public enum ErrorStyle: Hashable, Sendable, CaseIterable {
    /// The entry is refused (Excel's default).
    case stop
    /// The user is warned and may keep the entry.
    case warning
    /// The user is informed; the entry is kept.
    case information
  }

  /// What values the cells accept.
  public var rule: Rule
  /// Whether blank cells pass (Excel's default `true`).
  public var ignoresBlank: Bool
  /// Whether list rules show a dropdown arrow (default `true`).
  public var showsDropdown: Bool
  /// The bold first line of the prompt shown when a cell is selected.
  public var inputTitle: String?
  /// The prompt shown when a cell is selected.
  public var inputMessage: String?
  /// The title of the alert shown for a wrong entry.
  public var errorTitle: String?
  /// The text of the alert shown for a wrong entry.
  public var errorMessage: String?
  /// How the alert treats a wrong entry.
  public var errorStyle: ErrorStyle

  /// A validation with the given rule and no texts.
  public init(
    _ rule: Rule, ignoresBlank: Bool = true, showsDropdown: Bool = true, inputTitle: String? = nil,
    inputMessage: String? = nil, errorTitle: String? = nil, errorMessage: String? = nil,
    errorStyle: ErrorStyle = .stop
  ) {
    self.rule = rule
    self.ignoresBlank = ignoresBlank
    self.showsDropdown = showsDropdown
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
    self.errorStyle = errorStyle
  }
}
