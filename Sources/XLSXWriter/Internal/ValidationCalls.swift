internal import CXLSXWriter

extension WorkbookCore {
  /// Adds a data validation, moving long lists to the hidden list sheet (lxw#394, lxw#512).
  func addValidation(_ validation: DataValidation, to range: CellRange, sheet index: Int) throws {
    let site = site("Worksheet.addValidation", sheet: index, cell: range.a1)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(range)
    let arena = CStringArena()
    var rule = lxw_data_validation()

    try checkText(validation.inputTitle, limit: WriteLimits.maxValidationTitleCharacters, "the input title", site)
    try checkText(validation.errorTitle, limit: WriteLimits.maxValidationTitleCharacters, "the error title", site)
    try checkText(validation.inputMessage, limit: WriteLimits.maxValidationMessageCharacters, "the input message", site)
    try checkText(validation.errorMessage, limit: WriteLimits.maxValidationMessageCharacters, "the error message", site)
    rule.input_title = arena.copyOptional(validation.inputTitle)
    rule.input_message = arena.copyOptional(validation.inputMessage)
    rule.error_title = arena.copyOptional(validation.errorTitle)
    rule.error_message = arena.copyOptional(validation.errorMessage)

    switch validation.rule {
    case .decimal(let criterion):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
      try apply(criterion, wholeNumbers: false, to: &rule, site)
    case .integer(let criterion):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
      try apply(criterion, wholeNumbers: true, to: &rule, site)
    case .textLength(let criterion):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
      try apply(criterion, wholeNumbers: true, to: &rule, site)
    case .list(let items):
      if Self.fitsInline(items) {
        rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        rule.value_list = arena.copyList(items)
      } else {
        let reference = try listReference(for: items, site)
        rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        rule.value_formula = arena.copy("=" + reference.formula)
      }
    case .listFrom(let reference):
      try requireSheet(reference.sheet, site)
      try site.requireInsideGrid(reference.range)
      rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
      rule.value_formula = arena.copy("=" + reference.formula)
    case .custom(let formula):
      try site.requireNoNUL(formula, what: "the validation formula")
      let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
      try site.requireNonEmpty(body, what: "the validation formula")
      try site.requireScalars(body, atMost: 255, what: "the validation formula")
      rule.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
      rule.value_formula = arena.copy("=" + body)
    case .any:
      guard validation.inputTitle != nil || validation.inputMessage != nil else {
        throw site.error(.invalidArgument, "a validation that accepts any value needs an input title or message")
      }
      rule.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
    }

    rule.ignore_blank = Self.toggle(validation.ignoresBlank)
    rule.dropdown = Self.toggle(validation.showsDropdown)
    rule.show_input = Self.toggle(true)
    rule.show_error = Self.toggle(true)
    switch validation.errorStyle {
    case .stop: rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
    case .warning: rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
    case .information: rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
    }
    try withExtendedLifetime(arena) {
      try site.calling("worksheet_data_validation_range").check(
        worksheet_data_validation_range(
          sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column), lxw_row_t(range.last.row),
          lxw_col_t(range.last.column), &rule))
    }
  }

  /// Whether an inline list is safe in libxlsxwriter 1.1.4: few items, short in UTF-8 bytes, and
  /// no `,` or `"` (which an inline list cannot quote).
  static func fitsInline(_ items: [String]) -> Bool {
    guard !items.isEmpty, items.count <= WriteLimits.maxInlineListItems else { return false }
    var bytes = items.count - 1
    for item in items {
      if item.isEmpty || item.contains(",") || item.contains("\"") || item.utf8.contains(0) { return false }
      bytes += item.utf8.count
    }
    return bytes <= WriteLimits.maxInlineListBytes
  }

  private static func toggle(_ on: Bool) -> UInt8 {
    UInt8(on ? LXW_VALIDATION_ON.rawValue : LXW_VALIDATION_OFF.rawValue)
  }

  private func checkText(_ text: String?, limit: Int, _ what: String, _ site: CallSite) throws {
    guard let text else { return }
    try site.requireNoNUL(text, what: what)
    try site.requireUTF16(text, atMost: limit, what: what)
    // libxlsxwriter copies these with lxw_strdup_formula, which drops a leading '='.
    if text.hasPrefix("=") {
      throw site.error(.invalidArgument, "\(what) cannot start with '=' (libxlsxwriter would drop it)")
    }
  }

  private func apply(
    _ criterion: DataValidation.Criterion, wholeNumbers: Bool, to rule: inout lxw_data_validation, _ site: CallSite
  ) throws {
    func check(_ value: Double) throws -> Double {
      try site.requireFinite(value, what: "a validation bound")
      if wholeNumbers && value.rounded() != value {
        throw site.error(.invalidArgument, "the bound \(value) must be a whole number for this rule")
      }
      return value
    }
    let code: lxw_validation_criteria
    switch criterion {
    case .between(let low, let high), .notBetween(let low, let high):
      guard try check(low) <= check(high) else {
        throw site.error(.invalidArgument, "the lower bound \(low) is above the upper bound \(high)")
      }
      if case .between = criterion {
        code = LXW_VALIDATION_CRITERIA_BETWEEN
      } else {
        code = LXW_VALIDATION_CRITERIA_NOT_BETWEEN
      }
      rule.minimum_number = low
      rule.maximum_number = high
    case .equalTo(let value):
      code = LXW_VALIDATION_CRITERIA_EQUAL_TO
      rule.value_number = try check(value)
    case .notEqualTo(let value):
      code = LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO
      rule.value_number = try check(value)
    case .greaterThan(let value):
      code = LXW_VALIDATION_CRITERIA_GREATER_THAN
      rule.value_number = try check(value)
    case .lessThan(let value):
      code = LXW_VALIDATION_CRITERIA_LESS_THAN
      rule.value_number = try check(value)
    case .atLeast(let value):
      code = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
      rule.value_number = try check(value)
    case .atMost(let value):
      code = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
      rule.value_number = try check(value)
    }
    rule.criteria = UInt8(code.rawValue)
  }
}
