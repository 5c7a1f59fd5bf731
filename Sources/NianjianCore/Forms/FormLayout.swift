/// The layout shared by blank templates, the return extractor and marked copies.
///
/// Templates are written with these names; returns are read by looking for these header labels and codes,
/// never by fixed cell positions, so departments may move, insert, hide or sort rows.
///
/// A template written by ``TemplateWriter`` looks like this (a marked copy adds the ``Column/review`` column and
/// a first sheet ``reviewSummarySheet``):
///
/// - sheets: ``instructionsSheet``, ``formSheet``, then ``metadataSheet`` (hidden; keys in column A, values in
///   column B, all text); the custom properties ``Property`` carry the same identity;
/// - form sheet: a title row, 表号 / 制定机关 / 有效期至 / 填报单位 / 报告期 lines, then one header row with the
///   ``Column`` labels (``Column/previous`` and ``Column/current`` followed by the year: `本年数值（2026年）`),
///   then section rows (plan `一、…`, domain `（一）…`, merged across, no code) and one row per indicator;
/// - input cells: ``Column/current``, ``Column/explanation``, ``Column/dataSource`` of indicator rows and the
///   ``Footer`` lines below the rows (label cell, possibly merged, then the input cell to its right);
/// - numbers are in the indicator's unit (93.5 means 93.5 %); "no data" and "not applicable" are typed as text
///   (``noDataMarkers``, ``notApplicableMarkers``).
/// With `--lang en` the sheet names and labels are English (``EnglishSheet``, ``Column/englishLabel``,
/// ``Footer/englishLabel``) and the suggested "not applicable" marker is ``englishNotApplicableMarker``; the
/// metadata sheet, property names and keys never change. The extractor recognises both languages' sheet names,
/// headers (``Column/matches(_:)``), 填报单位 / Reporting unit lines and footers, so either template reads the same.
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
    /// The form number (表号), e.g. `官妇儿监测表2026-3` (an addition; informative only).
    public static let formNumber = "form_number"
    /// The program that wrote the file (`nianjian`) (an addition; informative only).
    public static let generator = "generator"
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

    /// The header in English (`--lang en` workbooks); readers should accept it as well as the Chinese one.
    public var englishLabel: String {
      switch self {
      case .sequence: return "No."
      case .code: return "Indicator code"
      case .name: return "Indicator"
      case .unit: return "Unit"
      case .target: return "Plan target"
      case .previous: return "Previous value"
      case .current: return "Value this year"
      case .explanation: return "Explanation"
      case .dataSource: return "Data source"
      case .review: return "Review"
      }
    }

    /// The header in `language`, without the year.
    public func label(_ language: Language) -> String { language == .en ? englishLabel : rawValue }

    /// Whether a header cell names this column, in either language. `normalized` is the header text without
    /// spaces or line breaks and with full-width letters made ASCII (`本年数值（2025年）`, `Valuethisyear(2025)`);
    /// a label may be followed by a year or unit, and English labels are compared without case.
    public func matches(_ normalized: String) -> Bool {
      normalized.hasPrefix(rawValue) || normalized.lowercased().hasPrefix(normalizedEnglishLabel)
    }

    /// The English header as ``recognized(_:)`` compares it: lower-cased, without spaces.
    var normalizedEnglishLabel: String { String(englishLabel.lowercased().filter { !$0.isWhitespace }) }

    /// Whether the department types into this column (本年数值, 情况说明, 数据来源).
    public var isInput: Bool { self == .current || self == .explanation || self == .dataSource }

    /// The columns of a blank template, in order (every column but ``review``).
    public static let templateColumns: [Column] = [
      .sequence, .code, .name, .unit, .target, .previous, .current, .explanation, .dataSource,
    ]
  }

  /// The English names of the sheets, used in workbooks written with `--lang en`. Readers should accept both.
  public enum EnglishSheet {
    /// The instructions sheet.
    public static let instructions = "Instructions"
    /// The form sheet.
    public static let form = "Monitoring data"
    /// The review summary of a marked copy.
    public static let reviewSummary = "Review"
  }

  /// The names of the review summary sheet in both languages (a marked copy is never read as a return's form).
  public static let reviewSummarySheetNames: Set<String> = [reviewSummarySheet, EnglishSheet.reviewSummary]

  /// The names of the form sheet in both languages (searched first for the indicator table).
  public static let formSheetNames: Set<String> = [formSheet, EnglishSheet.form]

  /// The label of the 填报单位 line above a form's header, in both languages, as normalised text
  /// (`填报单位`, `reportingunit`).
  public static let reportingUnitLabels = ["填报单位", "reportingunit"]

  /// The name of the form sheet in `language` (the metadata sheet keeps one name in every language).
  public static func formSheet(_ language: Language) -> String {
    language == .en ? EnglishSheet.form : formSheet
  }

  /// The name of the instructions sheet in `language`.
  public static func instructionsSheet(_ language: Language) -> String {
    language == .en ? EnglishSheet.instructions : instructionsSheet
  }

  /// The name of the review summary sheet in `language`.
  public static func reviewSummarySheet(_ language: Language) -> String {
    language == .en ? EnglishSheet.reviewSummary : reviewSummarySheet
  }

  /// The sign-off lines below the indicator rows of a form (统计报表的表尾). Each label sits in its own cell
  /// (possibly merged) and the department types the value into the first cell to its right on the same row.
  public enum Footer: String, CaseIterable, Sendable {
    /// 单位负责人 — the head of the reporting unit.
    case unitHead = "单位负责人"
    /// 填表人 — the person who filled the form.
    case preparer = "填表人"
    /// 联系电话 — the preparer's telephone.
    case telephone = "联系电话"
    /// 报出日期 — the date the form was sent.
    case reportDate = "报出日期"

    /// The label in English.
    public var englishLabel: String {
      switch self {
      case .unitHead: return "Head of unit"
      case .preparer: return "Prepared by"
      case .telephone: return "Telephone"
      case .reportDate: return "Date sent"
      }
    }

    /// The label in `language`, followed by a colon (`单位负责人：`).
    public func label(_ language: Language) -> String {
      language == .en ? englishLabel + ":" : rawValue + "："
    }
  }

  /// The marker a template suggests for "no data" (应有数据但暂缺).
  public static let noDataMarker = "—"
  /// The marker a template suggests for "not applicable" (本单位/本地区无此项).
  public static let notApplicableMarker = "不适用"
  /// The marker an English template suggests for "not applicable" (one of ``notApplicableMarkers``).
  public static let englishNotApplicableMarker = "N/A"

  /// The "not applicable" marker a template in `language` suggests; both are read in every language.
  public static func notApplicableMarker(_ language: Language) -> String {
    language == .en ? englishNotApplicableMarker : notApplicableMarker
  }

  /// Texts that declare "no data" (kept apart from 0).
  public static let noDataMarkers: Set<String> = ["—", "——", "-", "--", "－", "无", "无数据", "暂无", "暂无数据", "/"]
  /// Texts that declare "not applicable".
  public static let notApplicableMarkers: Set<String> = ["不适用", "无此项", "N/A", "n/a", "NA"]
}
