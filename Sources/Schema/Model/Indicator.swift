/// One monitored indicator: a row of a return form and of the yearbook.
public struct Indicator: Sendable, Hashable, Identifiable {
  /// The stable code, unique in the jurisdiction and never reused (`W-HE-01`).
  public var code: String
  /// The Chinese name (孕产妇死亡率).
  public var name: String
  /// The code of the domain it belongs to (`HE`).
  public var domain: String
  /// The item number inside the domain's 主要目标, if recorded.
  public var goal: Int?
  /// Where the plan states it.
  public var source: SourceReference?
  /// The unit the value is reported in.
  public var unit: IndicatorUnit
  /// Decimal places used for entry and display (0…6).
  public var decimals: Int
  /// The plausible range of a value (the unit's default unless the file overrides it).
  public var range: ValueRange
  /// Which direction is better.
  public var direction: Direction
  /// Reporting departments (ids); the first one is the main reporter.
  public var departments: [String]
  /// The disaggregation row this indicator is, if any.
  public var disaggregation: Disaggregation?
  /// The baseline the plan gives, if any (never invented: absent means the plan has none).
  public var baseline: Baseline?
  /// The targets, in year order as written.
  public var targets: [Target]
  /// Notes on problems in the source text.
  public var notes: [Note]

  /// `code`, for `Identifiable`.
  public var id: String { code }

  /// Creates an indicator.
  public init(
    code: String, name: String, domain: String, goal: Int? = nil, source: SourceReference? = nil, unit: IndicatorUnit,
    decimals: Int? = nil, range: ValueRange? = nil, direction: Direction = .neutral, departments: [String],
    disaggregation: Disaggregation? = nil, baseline: Baseline? = nil, targets: [Target] = [], notes: [Note] = []
  ) {
    self.code = code
    self.name = name
    self.domain = domain
    self.goal = goal
    self.source = source
    self.unit = unit
    self.decimals = decimals ?? unit.defaultDecimals
    self.range = range ?? unit.defaultRange
    self.direction = direction
    self.departments = departments
    self.disaggregation = disaggregation
    self.baseline = baseline
    self.targets = targets
    self.notes = notes
  }

  /// Whether the indicator has no number to report (`unit: 文字`).
  public var isQualitative: Bool { unit.kind == .qualitative }

  /// The target that applies when judging `year`: the earliest target whose year is `year` or later, else the
  /// last one (a value after the plan's end is still judged against the final target).
  public func target(for year: Int) -> Target? {
    let sorted = targets.sorted { $0.year < $1.year }
    return sorted.first { $0.year >= year } ?? sorted.last
  }

  /// The main reporting department (the first listed).
  public var mainDepartment: String? { departments.first }
}

/// Which direction of change is better for an indicator.
public enum Direction: String, Sendable, Hashable, CaseIterable {
  /// Higher is better (a coverage rate).
  case higher
  /// Lower is better (a mortality rate).
  case lower
  /// Neither (a sex ratio, a share that should stay near a level).
  case neutral

  /// 越高越好 / 越低越好 / 无方向, and the English names.
  public var label: BilingualText {
    switch self {
    case .higher: return BilingualText(zh: "越高越好", en: "higher is better")
    case .lower: return BilingualText(zh: "越低越好", en: "lower is better")
    case .neutral: return BilingualText(zh: "无方向", en: "no direction")
    }
  }
}

/// Where the plan states an indicator: a line of the seed text and the sentence.
public struct SourceReference: Sendable, Hashable {
  /// The 1-based line number in the plan's seed file.
  public var line: Int?
  /// The sentence, verbatim.
  public var text: String

  /// Creates a source reference.
  public init(line: Int?, text: String) {
    self.line = line
    self.text = text
  }
}

/// The place of an indicator inside a disaggregated group (合计 / 女 / 男, 城镇 / 农村 …).
public struct Disaggregation: Sendable, Hashable {
  /// The code of the group's total row.
  public var group: String
  /// The label of this row (农村).
  public var label: String

  /// Creates a disaggregation.
  public init(group: String, label: String) {
    self.group = group
    self.label = label
  }
}

/// A baseline value the plan gives (基期值).
public struct Baseline: Sendable, Hashable {
  /// The baseline year (usually 2020).
  public var year: Int
  /// The value, in the indicator's unit.
  public var value: Double

  /// Creates a baseline.
  public init(year: Int, value: Double) {
    self.year = year
    self.value = value
  }
}

/// A target of an indicator for a year.
public struct Target: Sendable, Hashable {
  /// The year by which the target should be reached.
  public var year: Int
  /// The parsed expression.
  public var expression: TargetExpression
  /// The plan's own wording (控制在8/10万以下); the Chinese rendering of the expression when the file has none.
  public var text: String

  /// Creates a target.
  public init(year: Int, expression: TargetExpression, text: String? = nil) {
    self.year = year
    self.expression = expression
    self.text = text ?? expression.description(english: false)
  }
}

/// A note on a problem in the source text and how it was resolved.
public struct Note: Sendable, Hashable {
  /// The 1-based line in the seed file, if the note is about one line.
  public var line: Int?
  /// What was wrong and what reading was chosen.
  public var text: String

  /// Creates a note.
  public init(line: Int?, text: String) {
    self.line = line
    self.text = text
  }
}
