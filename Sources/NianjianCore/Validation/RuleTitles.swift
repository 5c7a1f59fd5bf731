import Schema

extension RuleID {
  /// A short name of a rule for summaries and review sheets (数值以文本保存 / number stored as text); `nil` for a
  /// registry rule id (use the rule's own description) or an unknown id.
  public static func title(of rule: String) -> BilingualText? {
    titles[rule].map { BilingualText(zh: $0.zh, en: $0.en) }
  }

  /// Every built-in rule id (registry rule ids such as `W-R-01` come from the schema), sorted.
  public static var builtIn: [String] { titles.keys.sorted() }

  private static let titles: [String: (zh: String, en: String)] = [
    fileUnreadable: ("文件无法识别", "unreadable file"),
    fileIo: ("文件无法打开", "file cannot be opened"),
    fileIdentifiedByMetadataSheet: ("按元数据工作表识别", "identified by the metadata sheet"),
    fileIdentityConflict: ("模板标识不一致", "conflicting template identity"),
    fileIdentifiedByHeader: ("按表头和指标代码识别", "identified by header and codes"),
    fileIdentifiedByName: ("按表头和指标名称识别", "identified by header and names"),
    fileUnidentified: ("无法识别", "unidentified"),
    fileYearUnknown: ("年份不明", "year unknown"),
    structureNoTable: ("找不到指标表", "no indicator table"),
    structureOtherJurisdiction: ("其他辖区的报表", "another jurisdiction's return"),
    structureUnknownDepartment: ("部门不明", "unknown department"),
    structureWrongDepartment: ("用错部门模板", "another department's template"),
    structureOtherDepartmentRow: ("其他部门的指标", "another department's indicator"),
    structureWrongYear: ("年份不符", "wrong year"),
    structureYearOutsidePlan: ("年份不在规划期内", "year outside the plan"),
    structureHeaderYearMismatch: ("表头年份不符", "header year differs"),
    structureTitleYearMismatch: ("标题年份不符", "title year differs"),
    structureReportingUnitMismatch: ("填报单位不符", "reporting unit differs"),
    structureOldSchemaVersion: ("旧版模板", "old template version"),
    structureMissingIndicator: ("缺少指标", "missing indicator"),
    structureUnknownCode: ("未知指标代码", "unknown code"),
    structureUnknownRow: ("无法对应的行", "unmatched row"),
    structureAmbiguousName: ("名称对应多个指标", "ambiguous name"),
    structureMatchedByName: ("按名称对应", "matched by name"),
    structureDuplicateCode: ("重复的行", "duplicate row"),
    structureHiddenRow: ("隐藏的行", "hidden row"),
    Coercion.textNumber.rawValue: ("数值以文本保存", "number stored as text"),
    Coercion.whitespace.rawValue: ("前后空格", "surrounding spaces"),
    Coercion.fullWidth.rawValue: ("全角字符", "full-width characters"),
    Coercion.thousandsSeparator.rawValue: ("千位分隔符", "thousands separators"),
    Coercion.unitSuffix.rawValue: ("数值后带单位", "unit after the number"),
    Coercion.percentFormat.rawValue: ("百分比格式", "percent format"),
    valueBlank: ("未填报", "not filled in"),
    valueDeclaredMissing: ("无数据/不适用", "declared missing"),
    valueNotANumber: ("不是数值", "not a number"),
    valueUnitMismatch: ("单位不符", "unit mismatch"),
    valueUncalculatedFormula: ("公式未计算", "formula not calculated"),
    valueFormulaError: ("公式错误", "formula error"),
    valueDateNotNumber: ("数字变成了日期", "date instead of a number"),
    valuePercentOver100: ("百分比超过100", "percentage above 100"),
    valueNegativeCount: ("计数为负", "negative count"),
    valueNotInteger: ("计数不是整数", "count not whole"),
    valueOutOfRange: ("超出合理范围", "out of range"),
    valueTooManyDecimals: ("小数位数过多", "too many decimals"),
    valuePercentFormatMismatch: ("百分比格式与单位不符", "percent format, other unit"),
    valuePossibleFraction: ("可能按小数填写", "possibly typed as a fraction"),
    valueScaleSuspect: ("可能单位错误", "possibly the wrong unit"),
    historyLargeChange: ("与上年相比变化较大", "large change from last year"),
    targetAttainment: ("目标达成情况", "target attainment"),
  ]
}
