/// The layout shared by blank templates, the return extractor and marked copies.
///
/// Templates are written with these names; returns are read by looking for these header labels and codes,
/// never by fixed cell positions, so departments may move, insert, hide or sort rows.
public enum FormLayout {
  /// The instructions sheet.
  public static let instructionsSheet = "填报说明"
  /// The form sheet that holds the indicator rows.
  public static let formSheet = "监测数据"
  /// The hidden metadata sheet (key in column A, value in column B).
  public static let metadataSheet = "nianjian_meta"
  /// The summary sheet that comes first in a marked copy.
  public static let reviewSummarySheet = "审核结果"

  /// Custom document property names (ASCII) carrying the template identity.
  public enum Property {
    /// The template id.
    public static let templateID = "NianjianTemplateID"
    /// The schema version (SHA-256 hex).
    public static let schemaVersion = "NianjianSchemaVersion"
    /// The jurisdiction id.
    public static let jurisdiction = "NianjianJurisdiction"
    /// The department id.
    public static let department = "NianjianDepartment"
    /// The reporting year.
    public static let year = "NianjianYear"
  }

  /// Keys of the metadata sheet's rows (column A); column B holds the values.
  public enum MetadataKey {
    /// The template id.
    public static let templateID = "template_id"
    /// The schema version.
    public static let schemaVersion = "schema_version"
    /// The jurisdiction id.
    public static let jurisdiction = "jurisdiction"
    /// The department id.
    public static let department = "department"
    /// The reporting year.
    public static let year = "year"
  }

  /// The form's column headers, in order. The extractor finds columns by these labels (a label may be
  /// followed by a year or unit in parentheses, e.g. `本年数值（2025年）`).
  public enum Column: String, CaseIterable, Sendable {
    /// 序号.
    case sequence = "序号"
    /// 指标代码 — the key used to match rows.
    case code = "指标代码"
    /// 指标名称.
    case name = "指标名称"
    /// 单位.
    case unit = "单位"
    /// 规划目标 (as text).
    case target = "规划目标"
    /// 上年数值 (from the store, else the baseline) — read-only.
    case previous = "上年数值"
    /// 本年数值 — the input cell.
    case current = "本年数值"
    /// 情况说明 — input (explanations of warnings).
    case explanation = "情况说明"
    /// 数据来源 — input.
    case dataSource = "数据来源"
    /// 审核意见 — only in marked copies.
    case review = "审核意见"
  }

  /// Texts that declare "no data" (kept apart from 0).
  public static let noDataMarkers: Set<String> = ["—", "——", "-", "--", "－", "无", "无数据", "暂无", "暂无数据", "/"]
  /// Texts that declare "not applicable".
  public static let notApplicableMarkers: Set<String> = ["不适用", "无此项", "N/A", "n/a", "NA"]
}
