import Schema

/// The sentences of every validation finding, in Chinese and English: what is wrong and what to do.
///
/// Rule ids are listed in `Validation/README.md`; each function here belongs to one rule.
enum ValidationMessages {
  typealias Text = BilingualText

  // MARK: - File and identification

  static func unreadable(_ zh: String, _ en: String) -> Text { Text(zh: zh, en: en) }

  static func identifiedByMetadataSheet() -> Text {
    Text(
      zh: "文档属性中的模板标识已丢失，按隐藏的元数据工作表识别了模板。",
      en:
        "The template identity in the document properties was lost; the hidden metadata sheet identified the template.")
  }

  static func identityConflict(properties: TemplateIdentity, metadata: TemplateIdentity) -> Text {
    Text(
      zh:
        "文档属性（\(properties.department)，\(properties.year)年）与元数据工作表（\(metadata.department)，\(metadata.year)年）不一致，按文档属性处理。请确认使用的是本部门本年度的模板。",
      en:
        "The document properties (\(properties.department), \(properties.year)) and the metadata sheet (\(metadata.department), \(metadata.year)) disagree; the properties were used. Check that this is your department's template for the year."
    )
  }

  static func identifiedByHeader(
    byName: Bool, department: Department, departmentSource: Text, year: Int, yearSource: Text
  )
    -> Text
  {
    let how = byName ? Text(zh: "按指标名称", en: "by indicator name") : Text(zh: "按指标代码", en: "by indicator code")
    return Text(
      zh:
        "文件中没有模板标识（可能是重新录入或粘贴到了新工作簿），已找到表头并\(how.zh)对应各行；推断填报单位为\(department.name)（\(departmentSource.zh)），数据年份为\(year)年（\(yearSource.zh)）。请核实，今后请使用下发的模板填报。",
      en:
        "The file carries no template identity (retyped or pasted into a new workbook); the header row was found and rows were matched \(how.en). Inferred department: \(department.name) (\(departmentSource.en)); year: \(year) (\(yearSource.en)). Please check, and use the issued template next time."
    )
  }

  static let departmentFromReportingUnit = Text(zh: "据“填报单位”", en: "from the Reporting unit line")
  static let departmentFromIndicators = Text(zh: "据所填指标", en: "from the indicators reported")
  static let yearFromHeader = Text(zh: "据“本年数值”表头", en: "from the Value this year header")
  static let yearFromTitle = Text(zh: "据标题", en: "from the title")
  static let yearFromOption = Text(zh: "据 --year 参数", en: "from --year")

  static func unidentified() -> Text {
    Text(
      zh: "无法识别此文件：既没有模板标识，也找不到含“指标代码”或“指标名称”以及“本年数值”的表头行。请使用下发的模板填报。",
      en:
        "The file cannot be identified: it has no template identity and no header row with Indicator code or Indicator and Value this year. Please fill in the issued template."
    )
  }

  static func yearUnknown() -> Text {
    Text(
      zh: "无法确定数据年份（表头和标题中都没有年份）。请使用下发的模板，或用 --year 指定年份。",
      en:
        "The reporting year cannot be determined (no year in the header or title). Use the issued template or pass --year."
    )
  }

  static func departmentUnknown() -> Text {
    Text(
      zh: "无法确定填报单位：没有模板标识，“填报单位”不是成员单位，所填指标也无法对应。请使用下发的模板填报。",
      en:
        "The reporting department cannot be determined: no template identity, no known Reporting unit, no matching indicators. Please use the issued template."
    )
  }

  static func noTable(sheetNames: [String]) -> Text {
    Text(
      zh: "找不到指标表：各工作表（\(sheetNames.joined(separator: "、"))）中都没有含“指标代码”和“本年数值”的表头行。请不要修改模板的表头。",
      en:
        "No indicator table: none of the sheets (\(sheetNames.joined(separator: ", "))) has a header row with Indicator code and Value this year. Please keep the template's header."
    )
  }

  // MARK: - Structure

  static func otherJurisdiction(_ found: String, expected: Jurisdiction) -> Text {
    Text(
      zh: "这是辖区“\(found)”的报表，不是\(expected.name)（\(expected.id)）的。请确认文件是否发错，或用 --schema 选择对应辖区的指标库。",
      en:
        "This return belongs to jurisdiction \"\(found)\", not \(expected.name) (\(expected.id)). Check whether the file was sent by mistake, or choose that jurisdiction with --schema."
    )
  }

  static func unknownDepartment(_ id: String) -> Text {
    Text(
      zh: "模板标识中的部门“\(id)”不是本辖区的成员单位。请使用下发给本部门的模板。",
      en:
        "The department \"\(id)\" in the template identity is not a member unit of this jurisdiction. Use the template issued to you."
    )
  }

  static func wrongDepartment(_ department: String) -> Text {
    Text(
      zh: "表中没有一行是\(department)负责填报的指标：可能用错了其他部门的模板。请使用下发给本部门的模板。",
      en:
        "None of the rows is an indicator that \(department) reports: probably another department's template. Use your own template."
    )
  }

  static func otherDepartmentRow(_ department: String, owners: [String]) -> Text {
    Text(
      zh: "此指标不由\(department)填报（报送部门：\(owners.joined(separator: "、"))）。请删除此行，或确认是否用错了模板。",
      en:
        "This indicator is not reported by \(department) (reported by: \(owners.joined(separator: ", "))). Remove the row, or check the template."
    )
  }

  static func wrongYear(found: Int, expected: Int) -> Text {
    Text(
      zh: "这是\(found)年的报表，本次审核的是\(expected)年。请使用\(expected)年的模板填报。",
      en: "This is a return for \(found), but \(expected) is being checked. Fill in the template for \(expected).")
  }

  static func yearOutsidePlan(_ year: Int, periods: [String]) -> Text {
    Text(
      zh: "报表年份\(year)年不在规划期（\(periods.joined(separator: "、"))）内。请核对报表年份。",
      en: "The year \(year) lies outside the plan period (\(periods.joined(separator: ", "))). Check the return's year."
    )
  }

  static func titleYearMismatch(title: Int, identity: Int) -> Text {
    Text(
      zh: "标题写的是\(title)年，报表模板却是\(identity)年的（可能沿用了\(identity)年的模板）。无法确定数据所属年份，"
        + "请使用\(title)年的模板重新填报。",
      en:
        "The title says \(title) but the template is for \(identity) (\(identity)'s template reused?). The year of the "
        + "values is in doubt: fill in the template for \(title).")
  }

  static func reportingUnitMismatch(unit: String, owner: String) -> Text {
    Text(
      zh: "填报单位写的是“\(unit)”，而这份模板是下发给\(owner)的。无法确定数据由谁报送，请使用本单位的模板填报"
        + "（或核实填报单位）。",
      en:
        "The reporting unit says \"\(unit)\" but this template was sent to \(owner). It is unclear whose figures these are: "
        + "fill in your own department's template (or correct the reporting unit).")
  }

  static func headerYearMismatch(header: Int, identity: Int) -> Text {
    Text(
      zh: "“本年数值”表头写的是\(header)年，模板标识是\(identity)年。请确认填的是\(identity)年的数据。",
      en:
        "The Value this year header says \(header) but the template is for \(identity). Check that the values are for \(identity)."
    )
  }

  static func oldSchemaVersion(found: String, current: String) -> Text {
    Text(
      zh: "模板按旧版指标库（\(found.prefix(12))）生成，当前指标库为\(current.prefix(12))。仍按指标代码审核；请下次使用新模板。",
      en:
        "The template was made from an older schema version (\(found.prefix(12))); the current one is \(current.prefix(12)). Rows are still checked by code; use the new template next time."
    )
  }

  static func missingIndicator(_ indicator: Indicator) -> Text {
    Text(
      zh: "缺少指标 \(indicator.code)“\(indicator.name)”所在的行。请按模板补上此行并填报。",
      en:
        "The row of indicator \(indicator.code) \"\(indicator.name)\" is missing. Restore it from the template and fill it in."
    )
  }

  static func unknownCode(_ code: String) -> Text {
    Text(
      zh: "指标代码“\(code)”不在指标库中，此行未读取。请核对代码，不要修改模板中的代码。",
      en:
        "The indicator code \"\(code)\" is not in the schema; the row was not read. Check the code and do not edit the template's codes."
    )
  }

  static func unknownRow(_ name: String) -> Text {
    Text(
      zh: "此行“\(name)”没有指标代码，名称也对不上任何指标，此行未读取。请使用模板中的行填报。",
      en: "The row \"\(name)\" has no code and its name matches no indicator; it was not read. Use the template's rows."
    )
  }

  static func ambiguousName(_ name: String, codes: [String]) -> Text {
    Text(
      zh: "此行“\(name)”没有指标代码，名称对应多个指标（\(codes.joined(separator: "、"))），此行未读取。请填写指标代码。",
      en:
        "The row \"\(name)\" has no code and its name matches several indicators (\(codes.joined(separator: ", "))); not read. Fill in the code."
    )
  }

  static func matchedByName(_ indicator: Indicator) -> Text {
    Text(
      zh: "此行没有指标代码，已按名称对应到 \(indicator.code)。请不要删除模板中的指标代码。",
      en: "The row has no code; it was matched by name to \(indicator.code). Please keep the template's codes.")
  }

  static func duplicateRow(firstCell: String, sameValue: Bool) -> Text {
    sameValue
      ? Text(
        zh: "此指标出现了两次（第一次在 \(firstCell)），数值相同，按第一次读取。请删除重复的行。",
        en:
          "The indicator appears twice (first at \(firstCell)) with the same value; the first was read. Remove the duplicate."
      )
      : Text(
        zh: "此指标出现了两次（第一次在 \(firstCell)），数值不同，无法确定哪一个正确。请删除错误的一行。",
        en:
          "The indicator appears twice (first at \(firstCell)) with different values; which is right cannot be told. Remove the wrong row."
      )
  }

  static func hiddenRow() -> Text {
    Text(zh: "此行被隐藏，数值照常读取。请取消隐藏以便核对。", en: "The row is hidden; its value was read as usual. Unhide it to check it.")
  }

  // MARK: - Values

  static func coercion(_ coercion: Coercion, raw: String, read: String, unit: IndicatorUnit) -> Text {
    switch coercion {
    case .textNumber:
      return Text(
        zh: "数值以文本形式保存（“\(raw)”），已按数值 \(read) 读取。", en: "A number stored as text (\"\(raw)\") was read as \(read).")
    case .fullWidth:
      return Text(
        zh: "含全角数字或符号（“\(raw)”），已按 \(read) 读取。请用半角数字填报。",
        en: "Full-width digits or punctuation (\"\(raw)\") were read as \(read).")
    case .thousandsSeparator:
      return Text(
        zh: "含千位分隔符（“\(raw)”），已按 \(read) 读取。", en: "Thousands separators (\"\(raw)\") were removed: read as \(read).")
    case .unitSuffix:
      return Text(
        zh: "数值后带有单位（“\(raw)”），已按 \(read)（单位 \(unit.symbol)）读取。请只填数字。",
        en: "A unit follows the number (\"\(raw)\"); read as \(read) (unit \(unit.symbol)). Type the number only.")
    case .percentFormat:
      return Text(
        zh: "单元格设为百分比格式，保存的是小数 \(raw)，已按 \(read)% 读取。",
        en: "The cell has a percent format and stores the fraction \(raw); read as \(read)%.")
    case .whitespace:
      return Text(zh: "数值前后有空格，已去除。", en: "Spaces around the value were removed.")
    }
  }

  static func notANumber(_ raw: String, unit: IndicatorUnit) -> Text {
    Text(
      zh: "“\(raw)”不是数值，此指标应填数字（单位 \(unit.symbol)）。没有数据请填“—”，不适用请填“不适用”。",
      en:
        "\"\(raw)\" is not a number; this indicator takes a number (unit \(unit.symbol)). Type — for no data or N/A if not applicable."
    )
  }

  static func unitMismatch(_ raw: String, suffix: String, unit: IndicatorUnit) -> Text {
    Text(
      zh: "“\(raw)”的单位“\(suffix)”与指标单位“\(unit.symbol)”不符，未读取。请按\(unit.symbol)换算后只填数字。",
      en:
        "The unit \"\(suffix)\" of \"\(raw)\" is not the indicator's unit \"\(unit.symbol)\"; not read. Convert to \(unit.symbol) and type the number only."
    )
  }

  static func uncalculated(_ formula: String?) -> Text {
    let shown = formula.map { "“=\($0)”" } ?? ""
    return Text(
      zh: "公式\(shown)没有计算结果（未计算），不能当作 0。请在 Excel/WPS 中打开并重新计算后保存，或直接填写数值。",
      en:
        "The formula \(formula.map { "=\($0)" } ?? "") has no calculated value (not calculated), which is not 0. Recalculate and save in Excel/WPS, or type the value."
    )
  }

  static func formulaError(_ text: String) -> Text {
    Text(
      zh: "公式结果为错误值“\(text)”。请修正公式或直接填写数值。",
      en: "The formula gives the error value \"\(text)\". Fix the formula or type the value.")
  }

  static func dateNotNumber(_ iso: String) -> Text {
    Text(
      zh: "单元格是日期（\(iso)），不是数值，可能输入的数字被自动转换成了日期。请把单元格格式设为“常规”或“数值”后重新填写。",
      en:
        "The cell holds a date (\(iso)), not a number; the number typed was probably turned into a date. Set the cell format to General or Number and type it again."
    )
  }

  static func booleanNotNumber() -> Text {
    Text(zh: "单元格是逻辑值（TRUE/FALSE），不是数值。请填写数字。", en: "The cell holds TRUE/FALSE, not a number. Type a number.")
  }

  static func blank() -> Text {
    Text(
      zh: "未填报。请填写数值；没有数据请填“—”，不适用请填“不适用”。",
      en: "Not filled in. Type the value, or — for no data, or N/A if not applicable.")
  }

  static func declaredMissing(_ reason: MissingReason, raw: String) -> Text {
    switch reason {
    case .notApplicable:
      return Text(zh: "填报为“\(raw)”：不适用（不同于 0）。", en: "Reported as \"\(raw)\": not applicable (not 0).")
    default:
      return Text(zh: "填报为“\(raw)”：无数据（不同于 0）。", en: "Reported as \"\(raw)\": no data (not 0).")
    }
  }

  static func percentOver100(_ value: String) -> Text {
    Text(
      zh: "百分比 \(value)% 超过 100%。请核对分子分母后改正。",
      en: "The percentage \(value)% is above 100%. Check the numerator and denominator and correct it.")
  }

  static func negativeCount(_ value: String, unit: IndicatorUnit) -> Text {
    Text(
      zh: "人数/个数不能为负数（\(value)\(unit.symbol)）。请改正。",
      en: "A count cannot be negative (\(value) \(unit.symbol)). Correct it.")
  }

  static func notInteger(_ value: String, unit: IndicatorUnit) -> Text {
    Text(
      zh: "计数指标应为整数，填的是 \(value)\(unit.symbol)。请改为整数。",
      en: "A count must be a whole number; \(value) \(unit.symbol) was typed. Correct it.")
  }

  static func outOfRange(_ value: String, range: ValueRange, unit: IndicatorUnit) -> Text {
    Text(
      zh: "数值 \(value) 超出合理范围 \(range.text)（单位 \(unit.symbol)）。请核对后改正。",
      en: "The value \(value) is outside the plausible range \(range.text) (unit \(unit.symbol)). Check and correct it."
    )
  }

  static func tooManyDecimals(_ value: String, found: Int, allowed: Int) -> Text {
    Text(
      zh: "填了 \(found) 位小数，此指标规定保留 \(allowed) 位；原值照录，未作舍入。如需要请按规定位数填写。",
      en: "\(found) decimals typed where \(allowed) are expected; the value \(value) is kept as typed, not rounded.")
  }

  static func percentFormatMismatch(_ value: String, unit: IndicatorUnit) -> Text {
    Text(
      zh: "单元格设为百分比格式，但此指标单位是 \(unit.symbol)；已按保存的数值 \(value) 读取。请把单元格格式改为“常规”或“数值”，并按 \(unit.symbol) 填写。",
      en:
        "The cell has a percent format but the indicator's unit is \(unit.symbol); the stored number \(value) was read. Set the cell format to General or Number and type the value in \(unit.symbol)."
    )
  }

  static func possibleFraction(_ value: String, reference: String, referenceYear: Int) -> Text {
    Text(
      zh: "百分比 \(value) 不足 1，而\(referenceYear)年为 \(reference)：可能按小数填写（如 0.935 应填 93.5）。请核实。",
      en:
        "The percentage \(value) is below 1 while \(referenceYear) had \(reference): probably typed as a fraction (0.935 for 93.5). Please check."
    )
  }

  static func scaleSuspect(_ value: String, reference: String, referenceYear: Int, unit: IndicatorUnit) -> Text {
    Text(
      zh: "数值 \(value) 与\(referenceYear)年的 \(reference) 相差十倍以上：可能单位填错（如 ‰ 与 %、1/10万 混用）。单位应为 \(unit.symbol)，请核实。",
      en:
        "The value \(value) differs tenfold or more from \(reference) in \(referenceYear): possibly the wrong unit (‰ vs %). The unit is \(unit.symbol); please check."
    )
  }

  // MARK: - Rules, history, targets

  static func ruleViolated(_ rule: ConsistencyRule, values: String) -> Text {
    Text(
      zh: "不符合审核规则 \(rule.id)：\(rule.description)（\(values)）。请核对相关指标。",
      en: "Rule \(rule.id) is not met: \(rule.description) (\(values)). Check the indicators involved.")
  }

  static func largeChange(
    value: String, previous: String, previousYear: Int, unit: IndicatorUnit, relative: Double, smallNumbers: Bool,
    explanation: String?
  ) -> Text {
    // `relative` is the signed change over last year's value (the plain relative change a statistician expects,
    // not the headroom-based measure the swing test uses); % indicators also show percentage points.
    let up = relative >= 0
    let size = relative.isFinite ? NumberText.plain((abs(relative) * 1000).rounded() / 10) + "%" : "∞"
    var change = Text(zh: (up ? "增加 " : "减少 ") + size, en: (up ? "up " : "down ") + size)
    if unit.kind == .percent, let now = Double(value), let before = Double(previous) {
      let points = NumberText.plain((abs(now - before) * 100).rounded() / 100)
      change = Text(zh: change.zh + "，\(points) 个百分点", en: change.en + ", \(points) percentage points")
    }
    let percent = Text(zh: change.zh, en: change.en)
    let small =
      smallNumbers
      ? Text(zh: "（数值较小，已按较宽的波动范围判断）", en: " (small numbers: judged with a wider band)") : Text(zh: "", en: "")
    if let explanation {
      return Text(
        zh:
          "与\(previousYear)年的 \(previous)\(unit.displaySuffix) 相比变化较大（\(percent.zh)）\(small.zh)；已填写情况说明：\(explanation)",
        en:
          "A large change from \(previous)\(unit.englishDisplaySuffix) in \(previousYear) (\(percent.en))\(small.en); explained: \(explanation)"
      )
    }
    return Text(
      zh: "与\(previousYear)年的 \(previous)\(unit.displaySuffix) 相比变化较大（\(percent.zh)）\(small.zh)。请核实，并在“情况说明”栏说明原因。",
      en:
        "A large change from \(previous)\(unit.englishDisplaySuffix) in \(previousYear) (\(percent.en))\(small.en). Please check it and explain the reason in the Explanation column."
    )
  }

  static func attainment(_ attainment: Attainment) -> Text {
    Text(
      zh: "目标达成：\(attainment.status.label.zh)。\(attainment.reason.zh)",
      en: "Target: \(attainment.status.label.en). \(attainment.reason.en)")
  }
}
