import Schema

/// What the yearbook shows in one year cell of an indicator row.
enum YearCell: Sendable, Hashable {
  /// One number (or several sources agreeing on it).
  case number(Double)
  /// A text answer (qualitative indicators).
  case text(String)
  /// A declared missing value, with its reason.
  case missing(MissingReason)
  /// Two or more sources disagree: shown as a conflict, never resolved by guessing.
  case conflict([StoredValue])
}

/// The yearbook's view of one indicator: its values by year, its judgement, projection and warnings.
struct IndicatorRecord: Sendable {
  /// The indicator.
  var indicator: Indicator
  /// The plan it belongs to.
  var plan: Plan
  /// What each year with any accepted value shows.
  var cells: [Int: YearCell]
  /// The numbers without conflicts, for years up to the yearbook's year.
  var series: [Int: Double]
  /// The target that applies to the yearbook's year (``Indicator/target(for:)``).
  var target: Target?
  /// The judgement against ``target``.
  var attainment: Attainment
  /// The series used for the projection and the swing check: ``series`` plus the baseline when its year has
  /// no reported value.
  var trendSeries: [Int: Double]
  /// The fitted line's value at the target year, when a line could be fitted.
  var projection: Double?
  /// Whether the indicator is on track for its target (`false` = 预计达标困难), `nil` when it cannot be told.
  var onTrack: Bool?
  /// The year-on-year changes ending in the yearbook's year.
  var volatility: Volatility.Report
  /// Revisions of this indicator, by year.
  var revisions: [Int: [Revision]]
  /// The departments' explanations (情况说明) typed next to the values, by year, without repeats.
  var explanations: [Int: [String]] = [:]

  /// Whether the projection misses the target (预计达标困难).
  var isOffTrack: Bool { onTrack == false }
  /// Whether the latest change swings (波动较大).
  var isSwinging: Bool { volatility.isSwinging }
  /// Whether any year of the indicator has conflicting values.
  var hasConflict: Bool { cells.values.contains { if case .conflict = $0 { return true } else { return false } } }
}

/// One domain of a plan with its indicator records, in the plan's order.
struct DomainSection: Sendable {
  /// The domain.
  var domain: Domain
  /// The records, in file order.
  var records: [IndicatorRecord]
}

/// One plan with its sections and the years shown as columns.
struct PlanSection: Sendable {
  /// The plan.
  var plan: Plan
  /// The year columns: from the plan's start (or the earliest reported year, when earlier) to the yearbook's year,
  /// at most ``YearbookAnalysis/maximumYearColumns`` of them.
  var years: [Int]
  /// The domains in plan order (indicators whose domain is not listed come last under their code).
  var domains: [DomainSection]

  /// Every record, domain by domain.
  var records: [IndicatorRecord] { domains.flatMap(\.records) }
}

/// Everything the yearbook shows, computed once from a ``YearbookInput``: sorted, judged and projected.
///
/// Pure and deterministic: dictionaries are only read through sorted keys.
struct YearbookAnalysis: Sendable {
  /// The input.
  var input: YearbookInput
  /// Every accepted value, sorted by plan order, indicator order, year, submission, department and cell.
  var sortedValues: [StoredValue]
  /// The plans with their records.
  var plans: [PlanSection]
  /// Values whose indicator code is not in the schema (still shown on the provenance sheet).
  var unknownValues: [StoredValue]

  /// Every record of every plan.
  var allRecords: [IndicatorRecord] { plans.flatMap(\.records) }
  /// The off-track records (预计达标困难), in plan order.
  var offTrack: [IndicatorRecord] { allRecords.filter(\.isOffTrack) }
  /// The swinging records (波动较大), in plan order.
  var swinging: [IndicatorRecord] { allRecords.filter(\.isSwinging) }

  /// The most year columns a plan sheet shows (the latest ones); older values are still on the provenance sheet.
  static let maximumYearColumns = 60

  /// Analyses `input`.
  init(_ input: YearbookInput) {
    self.input = input
    let schema = input.schema
    let order = Self.indicatorOrder(schema)
    sortedValues = input.values.sorted { Self.precedes($0, $1, order: order) }
    unknownValues = sortedValues.filter { order[$0.indicatorCode] == nil }

    var valuesByCode: [String: [Int: [StoredValue]]] = [:]
    for value in sortedValues where value.year <= input.year {
      valuesByCode[value.indicatorCode, default: [:]][value.year, default: []].append(value)
    }
    var conflictsByCode: [String: [Int: [StoredValue]]] = [:]
    for conflict in input.conflicts where conflict.year <= input.year {
      conflictsByCode[conflict.indicatorCode, default: [:]][conflict.year, default: []] += conflict.values
    }
    var revisionsByCode: [String: [Int: [Revision]]] = [:]
    for revision in input.revisions where revision.year <= input.year {
      revisionsByCode[revision.indicatorCode, default: [:]][revision.year, default: []].append(revision)
    }

    for (code, years) in conflictsByCode {
      for (conflictYear, values) in years {
        conflictsByCode[code]?[conflictYear] = values.sorted { Self.precedes($0, $1, order: order) }
      }
    }
    for (code, years) in revisionsByCode {
      for (revisionYear, revisions) in years {
        revisionsByCode[code]?[revisionYear] = revisions.sorted {
          Self.revisionKey($0, order: order).lexicographicallyPrecedes(Self.revisionKey($1, order: order))
        }
      }
    }

    var plans: [PlanSection] = []
    for plan in schema.plans {
      let codes = Set(plan.indicators.map(\.code))
      let earliest = sortedValues.filter { codes.contains($0.indicatorCode) && $0.year <= input.year }.map(\.year).min()
      let oldestShown = input.year - Self.maximumYearColumns + 1
      let first = max(min(plan.period.start, earliest ?? plan.period.start), oldestShown)
      let years = first <= input.year ? Array(first...input.year) : []
      var domainCodes = plan.domains.map(\.code)
      for indicator in plan.indicators where !domainCodes.contains(indicator.domain) {
        domainCodes.append(indicator.domain)
      }
      var sections: [DomainSection] = []
      for code in domainCodes {
        let domain = plan.domain(code: code) ?? Domain(code: code, name: code)
        let records = plan.indicators(inDomain: code).map { indicator in
          Self.record(
            indicator, plan: plan, year: input.year, values: valuesByCode[indicator.code] ?? [:],
            conflicts: conflictsByCode[indicator.code] ?? [:], revisions: revisionsByCode[indicator.code] ?? [:])
        }
        sections.append(DomainSection(domain: domain, records: records))
      }
      plans.append(PlanSection(plan: plan, years: years, domains: sections))
    }
    self.plans = plans
  }

  /// The cell of a year: one value, agreeing values, or a conflict.
  static func cell(values: [StoredValue], conflicting: [StoredValue]) -> YearCell? {
    if !conflicting.isEmpty {
      var all = conflicting
      for value in values where !all.contains(value) { all.append(value) }
      return .conflict(all)
    }
    guard let first = values.first else { return nil }
    let distinct = Set(values.map(\.quantity))
    if distinct.count > 1 { return .conflict(values) }
    switch first.quantity {
    case .number(let number): return .number(number)
    case .text(let text): return .text(text)
    case .missing(let reason): return .missing(reason)
    }
  }

  /// Builds the record of one indicator.
  static func record(
    _ indicator: Indicator, plan: Plan, year: Int, values: [Int: [StoredValue]], conflicts: [Int: [StoredValue]],
    revisions: [Int: [Revision]]
  ) -> IndicatorRecord {
    var cells: [Int: YearCell] = [:]
    var series: [Int: Double] = [:]
    for valueYear in Set(values.keys).union(conflicts.keys).sorted() {
      guard let cell = cell(values: values[valueYear] ?? [], conflicting: conflicts[valueYear] ?? []) else {
        continue
      }
      cells[valueYear] = cell
      if case .number(let number) = cell, number.isFinite { series[valueYear] = number }
    }
    let target = indicator.target(for: year)
    let attainment = judge(indicator, target: target, series: series, year: year)
    var trendSeries = series
    if let baseline = indicator.baseline, trendSeries[baseline.year] == nil, baseline.year <= year {
      trendSeries[baseline.year] = baseline.value
    }
    var projection: Double?
    var onTrack: Bool?
    if let target, !target.expression.isQualitative, !indicator.isQualitative {
      onTrack = TrendProjection.onTrack(indicator: indicator, target: target, series: trendSeries)
      if let line = TrendProjection.fit(trendSeries) {
        var projected = line.value(at: target.year)
        if let low = indicator.range.lowerBound { projected = max(projected, low) }
        if let high = indicator.range.upperBound { projected = min(projected, high) }
        projection = projected
      }
    }
    let volatility = Volatility.assess(series: trendSeries, unit: indicator.unit, since: year)
    var explanations: [Int: [String]] = [:]
    for (valueYear, yearValues) in values {
      var texts: [String] = []
      for text in yearValues.compactMap(\.explanation) where !text.isEmpty && !texts.contains(text) {
        texts.append(text)
      }
      if !texts.isEmpty { explanations[valueYear] = texts }
    }
    return IndicatorRecord(
      indicator: indicator, plan: plan, cells: cells, series: series, target: target, attainment: attainment,
      trendSeries: trendSeries, projection: projection, onTrack: onTrack, volatility: volatility,
      revisions: revisions, explanations: explanations)
  }

  /// Judges the value of `year`, or of the latest earlier year with a value, against `target`.
  static func judge(_ indicator: Indicator, target: Target?, series: [Int: Double], year: Int) -> Attainment {
    if indicator.isQualitative || target?.expression.isQualitative == true {
      return Attainment(
        status: .cannotAssess, reason: BilingualText(zh: "定性目标，不判断达标", en: "qualitative target: not judged"))
    }
    guard let target else {
      return Attainment(status: .cannotAssess, reason: BilingualText(zh: "没有目标", en: "no target"))
    }
    guard let judgedYear = series.keys.filter({ $0 <= year }).max() else {
      return Attainment(
        status: .cannotAssess,
        reason: BilingualText(zh: "\(year)年及以前没有数据", en: "no value for \(year) or earlier"))
    }
    let context = AttainmentEvaluator.Context(
      year: judgedYear, series: series.filter { $0.key <= judgedYear }, baseline: indicator.baseline,
      direction: indicator.direction, decimals: indicator.decimals)
    return AttainmentEvaluator.evaluate(target.expression, value: series[judgedYear], context: context)
  }

  /// Plan index and indicator index of every indicator code, for sorting.
  static func indicatorOrder(_ schema: Schema) -> [String: Int] {
    var order: [String: Int] = [:]
    var position = 0
    for plan in schema.plans {
      for indicator in plan.indicators where order[indicator.code] == nil {
        order[indicator.code] = position
        position += 1
      }
    }
    return order
  }

  /// The total order of stored values: plan and indicator order (unknown codes last, by code), year, submission,
  /// department, file, sheet, cell, raw text, quantity.
  static func precedes(_ a: StoredValue, _ b: StoredValue, order: [String: Int]) -> Bool {
    sortKey(a, order: order).lexicographicallyPrecedes(sortKey(b, order: order))
  }

  /// The key of ``precedes(_:_:order:)``.
  static func sortKey(_ value: StoredValue, order: [String: Int]) -> [SortPart] {
    [
      .number(order[value.indicatorCode] ?? Int.max), .text(value.indicatorCode), .number(value.year),
      .number(Int(clamping: value.submissionID)), .text(value.department), .text(value.provenance.fileName),
      .text(value.provenance.sheet), .text(value.provenance.cell), .text(value.provenance.rawText),
      .text(quantityKey(value.quantity)),
    ]
  }

  /// The order of revisions: by the new value, then the old one.
  static func revisionKey(_ revision: Revision, order: [String: Int]) -> [SortPart] {
    sortKey(revision.newValue, order: order) + sortKey(revision.oldValue, order: order)
  }

  /// A sortable text for a quantity (used only to break ties).
  static func quantityKey(_ quantity: ReportedQuantity) -> String {
    switch quantity {
    case .number(let number): return "n:" + NumberText.plain(number)
    case .text(let text): return "t:" + text
    case .missing(let reason): return "m:" + reason.rawValue
    }
  }
}

/// One part of a lexicographic sort key: the yearbook sorts everything by such keys, never by dictionary order.
enum SortPart: Comparable, Sendable {
  /// A number (an order in the schema, a year, an id).
  case number(Int)
  /// A text, compared by Unicode scalars.
  case text(String)
}
