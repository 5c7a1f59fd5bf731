/// The stable rule ids of validation findings (``Finding/rule``). Never rename one; add new ones.
///
/// `ReturnValidator.validate(fileAt:expectedYear:)` reads a department's return and returns a `ReturnReport` whose
/// findings each carry a **stable rule id**. Scripts, the store and the marked copy rely on these ids: never rename one;
/// add new ones instead. Severities follow the statistics office: **error** = 强制性审核 (the return cannot be accepted),
/// **warning** = 核实性审核 (accepted with an explanation, 情况说明), **info** = for information.
///
/// The messages (Chinese and English: what is wrong and what to do) are in
/// `Sources/NianjianCore/Messages/ValidationMessages.swift`.
///
/// ## File and identification
///
/// | rule | severity | when |
/// |---|---|---|
/// | `file.unreadable` | error | (CLI JSON only) the file is not a readable workbook: legacy .xls / WPS .et, encrypted, HTML or CSV renamed, corrupt zip, over a safety limit. Exit 65. |
/// | `file.io` | error | (CLI JSON only) the file cannot be opened (missing, permissions). Exit 74. |
/// | `file.identified_by_metadata_sheet` | info | the custom document properties are gone; the hidden `nianjian_meta` sheet identified the template. |
/// | `file.identity_conflict` | warning | the custom properties and the metadata sheet name different departments or years (the properties win). |
/// | `file.identified_by_header` | warning | no template identity: the header row was found and rows matched **by indicator code**; department and year were inferred (the message says from what). |
/// | `file.identified_by_name` | warning | as above, but there is no code column: rows matched **by indicator name**. |
/// | `file.unidentified` | error | no identity and no header row, or no department could be inferred. |
/// | `file.year_unknown` | error | no identity and no year in the header, the title or `--year`. |
///
/// ## Structure
///
/// | rule | severity | when |
/// |---|---|---|
/// | `structure.no_table` | error | the template is identified but no sheet has the header row (指标代码/指标名称 + 本年数值). |
/// | `structure.other_jurisdiction` | error | the template belongs to another jurisdiction than the schema's. |
/// | `structure.unknown_department` | error | the identity's department is not a member unit of the schema. |
/// | `structure.wrong_department` | error | none of the rows is an indicator of the identity's department (another department's template). |
/// | `structure.other_department_row` | warning | one row is an indicator another department reports. |
/// | `structure.wrong_year` | error | the identity's year differs from the year being collected (`--year`). |
/// | `structure.year_outside_plan` | error | the year lies outside every plan period. |
/// | `structure.header_year_mismatch` | warning | the 本年数值 header names another year than the template identity. |
/// | `structure.title_year_mismatch` | error | the title above the table names another year than the template identity, and the 本年数值 header does not say otherwise (last year's template reused for this year's figures). |
/// | `structure.reporting_unit_mismatch` | error | the 填报单位 names another member unit than the template's department (another department's template filled in). |
/// | `structure.old_schema_version` | warning | the template was made from another schema version; rows are still checked by code. |
/// | `structure.missing_indicator` | error | an indicator of the department has no row. |
/// | `structure.unknown_code` | warning | a row's code is not in the schema (the row is not read). |
/// | `structure.unknown_row` | warning | a row without code whose name matches nothing, but with a value (not read). |
/// | `structure.ambiguous_name` | warning | a row without code whose name matches several indicators (not read). |
/// | `structure.matched_by_name` | info | a row of an identified template without code, matched by its name. |
/// | `structure.duplicate_code` | error / warning | an indicator appears twice: error when the values differ, warning when equal; the first row is read. |
/// | `structure.hidden_row` | info | an indicator's row is hidden (its value is read). |
///
/// ## Values
///
/// | rule | severity | when |
/// |---|---|---|
/// | `coerce.text_number` | info | a number stored as text. |
/// | `coerce.whitespace` | info | spaces around the value. |
/// | `coerce.full_width` | info | full-width digits or punctuation (９３．５). |
/// | `coerce.thousands_separator` | info | thousands separators (`12,345`); other comma uses (`93,5`) are not guessed: `value.not_a_number`. |
/// | `coerce.unit_suffix` | info | a trailing unit that is the indicator's (`93.5%`, `12人`, `5.2‰`). |
/// | `coerce.percent_format` | info | a %-formatted cell storing the fraction (0.955 → 95.5, shifted as a decimal, never multiplied in floating point). |
/// | `value.blank` | warning | the row is there but the value cell is empty (未填报). |
/// | `value.declared_missing` | info | a declared missing value (—, 无 … = no data; 不适用, 无此项 … = not applicable); never 0. |
/// | `value.not_a_number` | error | text (or TRUE/FALSE) in a numeric indicator. |
/// | `value.unit_mismatch` | error | a trailing unit of another kind (`0.32%` for a ‰ indicator); not converted. |
/// | `value.uncalculated_formula` | error | a formula without a cached value: not calculated, never 0. |
/// | `value.formula_error` | error | a formula error value (`#DIV/0!`). |
/// | `value.date_not_number` | error | a date where a number belongs (3.5 auto-converted to 3月5日). |
/// | `value.percent_over_100` | error | a percentage above 100 (when the indicator's range does not allow it). |
/// | `value.negative_count` | error | a negative count (人, 个 …). |
/// | `value.not_integer` | error | a count with a fraction. |
/// | `value.out_of_range` | error | outside the indicator's range (`range` in the YAML, else the unit's default). |
/// | `value.too_many_decimals` | info | more decimals than the indicator's `decimals`; kept as typed, never rounded. |
/// | `value.percent_format_mismatch` | warning | the cell has a percent format but the unit is not `%`: the stored number is kept (0.0032 shown as 0.32% for a ‰ indicator). |
/// | `value.possible_fraction` | warning | a percentage ≤ 1 while the previous value (or baseline) is ≥ 10: probably typed as a fraction. |
/// | `value.scale_suspect` | warning | a rate (%, ‰, per 1 000 / 10 000 / 100 000) ten times larger or smaller than the previous value or baseline: probably the wrong unit. For 1/10万 only rises from a reference ≥ 10 count. |
///
/// ## Rules, history, targets
///
/// | rule | severity | when |
/// |---|---|---|
/// | *registry rule id* (`W-R-01` …) | the rule's | a consistency rule of the schema (`not_greater`, `sum`, `ratio_le`) fails over this return's values, completed by the history of the same year for rules spanning departments. Anchored at the first of its indicators present in the return. |
/// | `history.large_change` | warning | the change from the latest earlier year is a swing by `Schema.Volatility` (unit- and size-dependent); for small rates (1/10万 below 100, ‰ below 10) the band is wider: a change of at least 20 (1/10万) or 2 (‰) **and** more than double. `explained: true` when the row's 情况说明 is filled in, and the message quotes it. |
/// | `target.attainment` | info | the attainment (达标 / 接近达标 / 未达标 / 无法评估) of each number against the plan target for its year, by `Schema.AttainmentEvaluator`, with earlier years from the history. |
///
/// ## Values in the report
///
/// `ReturnReport.values` holds one `ReportedValue` per indicator row read (numbers, texts of qualitative indicators,
/// declared missing values and blanks), each with its provenance (file, SHA-256, sheet, cell, raw text). A cell that
/// could not be read (`value.not_a_number`, `value.unit_mismatch`, `value.uncalculated_formula`, `value.formula_error`,
/// `value.date_not_number`) has **no** value: it is never replaced by 0.
public enum RuleID {
  /// `file.identified_by_header` (warning): no template identity: the header row was found and rows matched **by indicator code**; department and year were inferred (the message says from what).
  public static let fileIdentifiedByHeader = "file.identified_by_header"
  /// `file.identified_by_metadata_sheet` (info): the custom document properties are gone; the hidden `nianjian_meta` sheet identified the template.
  public static let fileIdentifiedByMetadataSheet = "file.identified_by_metadata_sheet"
  /// `file.identified_by_name` (warning): no template identity and no code column: the header row was found and rows matched **by indicator name**.
  public static let fileIdentifiedByName = "file.identified_by_name"
  /// `file.identity_conflict` (warning): the custom properties and the metadata sheet name different departments or years (the properties win).
  public static let fileIdentityConflict = "file.identity_conflict"
  /// `file.io` (error): (CLI JSON only) the file cannot be opened (missing, permissions). Exit 74.
  public static let fileIo = "file.io"
  /// `file.unidentified` (error): no identity and no header row, or no department could be inferred.
  public static let fileUnidentified = "file.unidentified"
  /// `file.unreadable` (error): (CLI JSON only) the file is not a readable workbook: legacy .xls / WPS .et, encrypted, HTML or CSV renamed, corrupt zip, over a safety limit. Exit 65.
  public static let fileUnreadable = "file.unreadable"
  /// `file.year_unknown` (error): no identity and no year in the header, the title or `--year`.
  public static let fileYearUnknown = "file.year_unknown"
  /// `history.large_change` (warning): the change from the latest earlier year is a swing by `Schema.Volatility` (unit- and size-dependent); for small rates (1/10万 below 100, ‰ below 10) the band is wider: a change of at least 20 (1/10万) or 2 (‰) **and** more than double. `explained: true` when the row's 情况说明 is filled in, and the message quotes it.
  public static let historyLargeChange = "history.large_change"
  /// `structure.ambiguous_name` (warning): a row without code whose name matches several indicators (not read).
  public static let structureAmbiguousName = "structure.ambiguous_name"
  /// `structure.duplicate_code` (error / warning): an indicator appears twice: error when the values differ, warning when equal; the first row is read.
  public static let structureDuplicateCode = "structure.duplicate_code"
  /// `structure.header_year_mismatch` (warning): the 本年数值 header names another year than the template identity.
  public static let structureHeaderYearMismatch = "structure.header_year_mismatch"
  /// `structure.title_year_mismatch` (error): the title names another year than the template identity, and the
  /// 本年数值 header does not say otherwise (last year's template reused for this year's figures).
  public static let structureTitleYearMismatch = "structure.title_year_mismatch"
  /// `structure.reporting_unit_mismatch` (error): the 填报单位 names another member unit than the template's department.
  public static let structureReportingUnitMismatch = "structure.reporting_unit_mismatch"
  /// `structure.hidden_row` (info): an indicator's row is hidden (its value is read).
  public static let structureHiddenRow = "structure.hidden_row"
  /// `structure.matched_by_name` (info): a row of an identified template without code, matched by its name.
  public static let structureMatchedByName = "structure.matched_by_name"
  /// `structure.missing_indicator` (error): an indicator of the department has no row.
  public static let structureMissingIndicator = "structure.missing_indicator"
  /// `structure.no_table` (error): the template is identified but no sheet has the header row (指标代码/指标名称 + 本年数值).
  public static let structureNoTable = "structure.no_table"
  /// `structure.old_schema_version` (warning): the template was made from another schema version; rows are still checked by code.
  public static let structureOldSchemaVersion = "structure.old_schema_version"
  /// `structure.other_department_row` (warning): one row is an indicator another department reports.
  public static let structureOtherDepartmentRow = "structure.other_department_row"
  /// `structure.other_jurisdiction` (error): the template belongs to another jurisdiction than the schema's.
  public static let structureOtherJurisdiction = "structure.other_jurisdiction"
  /// `structure.unknown_code` (warning): a row's code is not in the schema (the row is not read).
  public static let structureUnknownCode = "structure.unknown_code"
  /// `structure.unknown_department` (error): the identity's department is not a member unit of the schema.
  public static let structureUnknownDepartment = "structure.unknown_department"
  /// `structure.unknown_row` (warning): a row without code whose name matches nothing, but with a value (not read).
  public static let structureUnknownRow = "structure.unknown_row"
  /// `structure.wrong_department` (error): none of the rows is an indicator of the identity's department (another department's template).
  public static let structureWrongDepartment = "structure.wrong_department"
  /// `structure.wrong_year` (error): the identity's year differs from the year being collected (`--year`).
  public static let structureWrongYear = "structure.wrong_year"

  /// The rules whose error means the template's identity does not say who reports for which year (another unit's
  /// template, last year's template reused, a return for another year): such a return is not charged to the
  /// department and year its template names.
  public static let identityDoubts: Set<String> = [
    structureTitleYearMismatch, structureReportingUnitMismatch, structureWrongYear,
  ]
  /// `structure.year_outside_plan` (error): the year lies outside every plan period.
  public static let structureYearOutsidePlan = "structure.year_outside_plan"
  /// `target.attainment` (info): the attainment (达标 / 接近达标 / 未达标 / 无法评估) of each number against the plan target for its year, by `Schema.AttainmentEvaluator`, with earlier years from the history.
  public static let targetAttainment = "target.attainment"
  /// `value.blank` (warning): the row is there but the value cell is empty (未填报).
  public static let valueBlank = "value.blank"
  /// `value.date_not_number` (error): a date where a number belongs (3.5 auto-converted to 3月5日).
  public static let valueDateNotNumber = "value.date_not_number"
  /// `value.declared_missing` (info): a declared missing value (—, 无 … = no data; 不适用, 无此项 … = not applicable); never 0.
  public static let valueDeclaredMissing = "value.declared_missing"
  /// `value.formula_error` (error): a formula error value (`#DIV/0!`).
  public static let valueFormulaError = "value.formula_error"
  /// `value.negative_count` (error): a negative count (人, 个 …).
  public static let valueNegativeCount = "value.negative_count"
  /// `value.not_a_number` (error): text (or TRUE/FALSE) in a numeric indicator.
  public static let valueNotANumber = "value.not_a_number"
  /// `value.not_integer` (error): a count with a fraction.
  public static let valueNotInteger = "value.not_integer"
  /// `value.out_of_range` (error): outside the indicator's range (`range` in the YAML, else the unit's default).
  public static let valueOutOfRange = "value.out_of_range"
  /// `value.percent_over_100` (error): a percentage above 100 (when the indicator's range does not allow it).
  public static let valuePercentOver100 = "value.percent_over_100"
  /// `value.percent_format_mismatch` (warning): the cell has a percent format but the indicator's unit is not `%`;
  /// the stored number is kept (0.0032 shown as 0.32% for a ‰ indicator).
  public static let valuePercentFormatMismatch = "value.percent_format_mismatch"
  /// `value.possible_fraction` (warning): a percentage ≤ 1 while the previous value (or baseline) is ≥ 10: probably typed as a fraction.
  public static let valuePossibleFraction = "value.possible_fraction"
  /// `value.scale_suspect` (warning): a rate (%, ‰, per 1 000 / 10 000 / 100 000) ten times larger or smaller than the previous value or baseline: probably the wrong unit. For 1/10万 only rises from a reference ≥ 10 count.
  public static let valueScaleSuspect = "value.scale_suspect"
  /// `value.too_many_decimals` (info): more decimals than the indicator's `decimals`; kept as typed, never rounded.
  public static let valueTooManyDecimals = "value.too_many_decimals"
  /// `value.uncalculated_formula` (error): a formula without a cached value: not calculated, never 0.
  public static let valueUncalculatedFormula = "value.uncalculated_formula"
  /// `value.unit_mismatch` (error): a trailing unit of another kind (`0.32%` for a ‰ indicator); not converted.
  public static let valueUnitMismatch = "value.unit_mismatch"
}
