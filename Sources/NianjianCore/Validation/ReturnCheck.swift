import Schema
import XLSXReader

/// One row of the table matched to an indicator.
struct MatchedRow {
  var indicator: Indicator
  var row: FormRow
  var interpreted: InterpretedCell
}

/// The checks of one return: identification, structure, values, rules, history and targets.
struct ReturnCheck {
  typealias Messages = ValidationMessages

  let schema: Schema
  let history: [StoredValue]
  let fileName: String
  let sha256: String
  let expectedYear: Int?
  let workbook: ExtractedWorkbook

  private(set) var identity: TemplateIdentity?
  private(set) var identification: IdentificationMethod = .unidentified
  private(set) var values: [ReportedValue] = []
  private(set) var findings: [Finding] = []
  /// The matched rows, first occurrence of each indicator, in sheet order.
  private var matched: [MatchedRow] = []
  /// Where each matched indicator was first found (sheet!cell) and its raw text, to spot duplicates.
  private var firstCell: [String: (cell: String, raw: String)] = [:]

  init(
    schema: Schema, history: [StoredValue], fileName: String, sha256: String, expectedYear: Int?,
    workbook: ExtractedWorkbook
  ) {
    self.schema = schema
    self.history = history
    self.fileName = fileName
    self.sha256 = sha256
    self.expectedYear = expectedYear
    self.workbook = workbook
  }

  mutating func run() {
    identify()
    guard let table = workbook.table else {
      if identification != .unidentified {
        add(.error, RuleID.structureNoTable, message: Messages.noTable(sheetNames: workbook.sheetNames))
      }
      return
    }
    guard let identity else { return }
    checkIdentity(identity, table: table)
    for each in workbook.tables { matchRows(each, department: identity.department) }
    checkDepartment(identity, table: table)
    checkValues(year: identity.year)
    checkRules(year: identity.year)
  }

  // MARK: - Findings

  private mutating func add(
    _ severity: Severity, _ rule: String, indicator: String? = nil, sheet: String? = nil, cell: String? = nil,
    value: String? = nil, message: BilingualText, explained: Bool = false
  ) {
    findings.append(
      Finding(
        severity: severity, rule: rule, indicator: indicator, sheet: sheet, cell: cell, value: value, message: message,
        explained: explained))
  }

  /// Findings in sheet order (file-level ones first), then by row, column and severity.
  func sortedFindings() -> [Finding] {
    let sheetOrder = Dictionary(
      workbook.sheetNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    func key(_ finding: Finding) -> (Int, Int, Int, Int) {
      guard let cell = finding.cell, let position = CellReference.parse(cell) else {
        return (finding.sheet == nil ? -2 : -1, 0, 0, 0)
      }
      return (sheetOrder[finding.sheet ?? ""] ?? Int.max, position.row, position.column, 0)
    }
    return findings.enumerated().sorted { lhs, rhs in
      let (a, b) = (key(lhs.element), key(rhs.element))
      if a != b { return a < b }
      if lhs.element.severity != rhs.element.severity { return lhs.element.severity < rhs.element.severity }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  // MARK: - Identification

  private mutating func identify() {
    if let fromProperties = workbook.identityFromProperties {
      identity = fromProperties
      identification = .customProperty
      if let fromMetadata = workbook.identityFromMetadata,
        fromMetadata.department != fromProperties.department || fromMetadata.year != fromProperties.year
      {
        add(
          .warning, RuleID.fileIdentityConflict, sheet: FormLayout.metadataSheet,
          message: Messages.identityConflict(properties: fromProperties, metadata: fromMetadata))
      }
      return
    }
    if let fromMetadata = workbook.identityFromMetadata {
      identity = fromMetadata
      identification = .metadataSheet
      add(
        .info, RuleID.fileIdentifiedByMetadataSheet, sheet: FormLayout.metadataSheet,
        message: Messages.identifiedByMetadataSheet())
      return
    }
    guard let table = workbook.table else {
      add(.error, RuleID.fileUnidentified, message: Messages.unidentified())
      return
    }
    inferIdentity(table)
  }

  /// Infers department and year from a table without identity, and says how.
  private mutating func inferIdentity(_ table: FormTable) {
    // Match rows against every indicator to see who reports them.
    var byCode = 0
    var counts: [String: Int] = [:]
    for row in workbook.tables.flatMap(\.rows) {
      var indicator: Indicator?
      if let code = row.code, let found = lookUp(code: code) {
        indicator = found
        byCode += 1
      } else if let name = row.name {
        let candidates = indicators(named: name, among: schema.allIndicators)
        if candidates.count == 1 { indicator = candidates[0] }
      }
      if let main = indicator?.mainDepartment { counts[main, default: 0] += 1 }
    }
    let byName = byCode == 0
    var department: Department?
    var departmentSource = Messages.departmentFromIndicators
    if let unit = workbook.tables.lazy.compactMap(\.reportingUnit).first, let named = departmentMatching(unit) {
      department = named
      departmentSource = Messages.departmentFromReportingUnit
    } else if let best = counts.max(by: { lhs, rhs in
      lhs.value != rhs.value ? lhs.value < rhs.value : departmentRank(lhs.key) > departmentRank(rhs.key)
    }) {
      department = schema.department(id: best.key)
    }
    guard let department else {
      identification = .unidentified
      add(.error, RuleID.fileUnidentified, message: Messages.departmentUnknown())
      return
    }
    let year: Int
    let yearSource: BilingualText
    if let header = workbook.tables.lazy.compactMap(\.headerYear).first {
      (year, yearSource) = (header, Messages.yearFromHeader)
    } else if let title = workbook.tables.lazy.compactMap(\.titleYear).first {
      (year, yearSource) = (title, Messages.yearFromTitle)
    } else if let expectedYear {
      (year, yearSource) = (expectedYear, Messages.yearFromOption)
    } else {
      identification = .unidentified
      add(.error, RuleID.fileYearUnknown, sheet: table.sheet, message: Messages.yearUnknown())
      return
    }
    identification = byName ? .headerByName : .headerByCode
    identity = TemplateIdentity(
      templateID: "", schemaVersion: "", jurisdiction: schema.jurisdiction.id, department: department.id, year: year)
    add(
      .warning, byName ? RuleID.fileIdentifiedByName : RuleID.fileIdentifiedByHeader, sheet: table.sheet,
      cell: CellReference.name(row: table.headerRow, column: table.columns[.current] ?? 1),
      message: Messages.identifiedByHeader(
        byName: byName, department: department, departmentSource: departmentSource, year: year, yearSource: yearSource))
  }

  private func departmentRank(_ id: String) -> Int { schema.departments.firstIndex { $0.id == id } ?? Int.max }

  /// The department whose name matches a 填报单位 text (equal, or one containing the other).
  private func departmentMatching(_ text: String) -> Department? {
    let wanted = ReturnExtractor.label(text)
    guard !wanted.isEmpty else { return nil }
    if let exact = schema.departments.first(where: { ReturnExtractor.label($0.name) == wanted }) { return exact }
    return schema.departments.first { department in
      let name = ReturnExtractor.label(department.name)
      return wanted.contains(name) || (name.count >= 3 && name.contains(wanted) && wanted.count >= 3)
    }
  }

  /// The indicator with this code (exact, else ignoring case).
  private func lookUp(code: String) -> Indicator? {
    if let exact = schema.indicator(code: code) { return exact }
    let upper = code.uppercased()
    return schema.allIndicators.first { $0.code.uppercased() == upper }
  }

  /// The indicators among `candidates` whose name matches (spaces ignored).
  private func indicators(named name: String, among candidates: [Indicator]) -> [Indicator] {
    let wanted = ReturnExtractor.label(name)
    return candidates.filter { ReturnExtractor.label($0.name) == wanted }
  }

  // MARK: - Structure

  private mutating func checkIdentity(_ identity: TemplateIdentity, table: FormTable) {
    if !identity.jurisdiction.isEmpty, identity.jurisdiction != schema.jurisdiction.id {
      add(
        .error, RuleID.structureOtherJurisdiction,
        message: Messages.otherJurisdiction(identity.jurisdiction, expected: schema.jurisdiction))
    }
    if schema.department(id: identity.department) == nil {
      add(
        .error, RuleID.structureUnknownDepartment, value: identity.department,
        message: Messages.unknownDepartment(identity.department))
    }
    if !identity.schemaVersion.isEmpty, identity.schemaVersion != schema.version {
      add(
        .warning, RuleID.structureOldSchemaVersion, value: String(identity.schemaVersion.prefix(12)),
        message: Messages.oldSchemaVersion(found: identity.schemaVersion, current: schema.version))
    }
    if let expectedYear, identity.year != expectedYear {
      add(
        .error, RuleID.structureWrongYear, value: String(identity.year),
        message: Messages.wrongYear(found: identity.year, expected: expectedYear))
    }
    if !schema.plans.isEmpty, !schema.plans.contains(where: { $0.period.contains(identity.year) }) {
      let periods = schema.plans.map { "\($0.period.start)—\($0.period.end)" }
      let unique = periods.enumerated().filter { periods.firstIndex(of: $0.element) == $0.offset }.map(\.element)
      add(
        .error, RuleID.structureYearOutsidePlan, value: String(identity.year),
        message: Messages.yearOutsidePlan(identity.year, periods: unique))
    }
    if identification == .customProperty || identification == .metadataSheet, let header = table.headerYear,
      header != identity.year
    {
      add(
        .warning, RuleID.structureHeaderYearMismatch, sheet: table.sheet,
        cell: CellReference.name(row: table.headerRow, column: table.columns[.current] ?? 1), value: String(header),
        message: Messages.headerYearMismatch(header: header, identity: identity.year))
    }
    if identification == .customProperty || identification == .metadataSheet {
      checkFilledInIdentity(identity, table: table)
    }
  }

  /// What the department typed above the table against the template's identity: a title naming another year
  /// (last year's template reused) or a 填报单位 naming another member unit (another department's template).
  private mutating func checkFilledInIdentity(_ identity: TemplateIdentity, table: FormTable) {
    if let title = table.titleYear, title != identity.year, (table.headerYear ?? title) == title {
      add(
        .error, RuleID.structureTitleYearMismatch, sheet: table.sheet, value: String(title),
        message: Messages.titleYearMismatch(title: title, identity: identity.year))
    }
    if let unit = table.reportingUnit, let named = departmentMatching(unit), named.id != identity.department,
      let owner = schema.department(id: identity.department)
    {
      add(
        .error, RuleID.structureReportingUnitMismatch, sheet: table.sheet, value: unit,
        message: Messages.reportingUnitMismatch(unit: unit, owner: owner.name))
    }
  }

  private mutating func matchRows(_ table: FormTable, department: String) {
    let own = schema.indicators(department: department)
    for row in table.rows {
      var indicator: Indicator?
      if let code = row.code {
        indicator = lookUp(code: code)
        if indicator == nil {
          add(
            .warning, RuleID.structureUnknownCode, indicator: code, sheet: row.sheet, cell: cellOfCode(row, table),
            value: code, message: Messages.unknownCode(code))
          continue
        }
      } else if let name = row.name {
        var candidates = indicators(named: name, among: own)
        if candidates.isEmpty { candidates = indicators(named: name, among: schema.allIndicators) }
        if candidates.count == 1 {
          indicator = candidates[0]
          if table.hasCodeColumn {
            add(
              .info, RuleID.structureMatchedByName, indicator: candidates[0].code, sheet: row.sheet,
              cell: row.valueReference, message: Messages.matchedByName(candidates[0]))
          }
        } else if candidates.count > 1 {
          add(
            .warning, RuleID.structureAmbiguousName, sheet: row.sheet, cell: row.valueReference, value: name,
            message: Messages.ambiguousName(name, codes: candidates.map(\.code)))
          continue
        } else {
          if let cell = row.valueCell, ReturnExtractor.text(of: cell) != nil || cell.value.numericValue != nil {
            add(
              .warning, RuleID.structureUnknownRow, sheet: row.sheet, cell: row.valueReference, value: name,
              message: Messages.unknownRow(name))
          }
          continue
        }
      }
      guard let indicator else { continue }
      let interpreted = CellInterpreter.interpret(row.valueCell, unit: indicator.unit)
      if let first = firstCell[indicator.code] {
        let same = first.raw == interpreted.rawText
        add(
          same ? .warning : .error, RuleID.structureDuplicateCode, indicator: indicator.code, sheet: row.sheet,
          cell: row.valueReference, value: interpreted.shownText,
          message: Messages.duplicateRow(firstCell: first.cell, sameValue: same))
        continue
      }
      firstCell[indicator.code] = ("\(row.sheet)!\(row.valueReference)", interpreted.rawText)
      if row.isHidden {
        add(
          .info, RuleID.structureHiddenRow, indicator: indicator.code, sheet: row.sheet, cell: row.valueReference,
          message: Messages.hiddenRow())
      }
      matched.append(MatchedRow(indicator: indicator, row: row, interpreted: interpreted))
    }
  }

  private func cellOfCode(_ row: FormRow, _ table: FormTable) -> String {
    table.columns[.code].map { CellReference.name(row: row.row, column: $0) } ?? row.valueReference
  }

  private mutating func checkDepartment(_ identity: TemplateIdentity, table: FormTable) {
    guard let department = schema.department(id: identity.department) else { return }
    let belonging = matched.filter { $0.indicator.departments.contains(department.id) }
    if !matched.isEmpty, belonging.isEmpty {
      add(
        .error, RuleID.structureWrongDepartment, sheet: table.sheet, value: department.id,
        message: Messages.wrongDepartment(department.name))
      return
    }
    for row in matched where !row.indicator.departments.contains(department.id) {
      let owners = row.indicator.departments.map { schema.department(id: $0)?.name ?? $0 }
      add(
        .warning, RuleID.structureOtherDepartmentRow, indicator: row.indicator.code, sheet: row.row.sheet,
        cell: row.row.valueReference, message: Messages.otherDepartmentRow(department.name, owners: owners))
    }
    let present = Set(matched.map(\.indicator.code))
    for indicator in schema.indicators(department: department.id) where !present.contains(indicator.code) {
      add(
        .error, RuleID.structureMissingIndicator, indicator: indicator.code, sheet: table.sheet,
        message: Messages.missingIndicator(indicator))
    }
  }

  // MARK: - Values

  private mutating func checkValues(year: Int) {
    var local: [Finding] = []
    defer { findings += local }
    for entry in matched {
      let indicator = entry.indicator
      let row = entry.row
      let cell = entry.interpreted
      let raw = cell.shownText
      func report(_ severity: Severity, _ rule: String, _ message: BilingualText, explained: Bool = false) {
        local.append(
          Finding(
            severity: severity, rule: rule, indicator: indicator.code, sheet: row.sheet, cell: row.valueReference,
            value: raw, message: message, explained: explained))
      }
      if let problem = cell.problem {
        switch problem {
        case .notANumber: report(.error, RuleID.valueNotANumber, Messages.notANumber(raw, unit: indicator.unit))
        case .boolean: report(.error, RuleID.valueNotANumber, Messages.booleanNotNumber())
        case .unitMismatch(let suffix):
          report(.error, RuleID.valueUnitMismatch, Messages.unitMismatch(raw, suffix: suffix, unit: indicator.unit))
        case .uncalculated(let formula): report(.error, RuleID.valueUncalculatedFormula, Messages.uncalculated(formula))
        case .formulaError(let text): report(.error, RuleID.valueFormulaError, Messages.formulaError(text))
        case .date(let iso): report(.error, RuleID.valueDateNotNumber, Messages.dateNotNumber(iso))
        }
        continue
      }
      guard let quantity = cell.quantity else { continue }
      let provenance = Provenance(
        fileName: fileName, sha256: sha256, sheet: row.sheet, cell: row.valueReference, rawText: raw)
      values.append(
        ReportedValue(
          indicatorCode: indicator.code, year: year, quantity: quantity, provenance: provenance,
          explanation: row.explanation, dataSource: row.dataSource))
      switch quantity {
      case .missing(.blank):
        report(.warning, RuleID.valueBlank, Messages.blank())
        continue
      case .missing(let reason):
        report(
          .info, RuleID.valueDeclaredMissing, Messages.declaredMissing(reason, raw: CellInterpreter.trimSpaces(raw)))
        continue
      case .text:
        continue
      case .number(let number):
        let shown = cell.decimal?.plainText ?? NumberText.plain(number)
        if cell.hasForeignPercentFormat {
          report(
            .warning, RuleID.valuePercentFormatMismatch, Messages.percentFormatMismatch(shown, unit: indicator.unit))
        }
        for coercion in cell.coercions {
          report(.info, coercion.rawValue, Messages.coercion(coercion, raw: raw, read: shown, unit: indicator.unit))
        }
        checkNumber(number, shown: shown, decimal: cell.decimal, entry: entry, year: year, report: report)
      }
    }
  }

  /// The checks of a number: unit and range, decimals, scale against earlier values, history and target.
  private func checkNumber(
    _ number: Double, shown: String, decimal: DecimalNumber?, entry: MatchedRow, year: Int,
    report: (Severity, String, BilingualText, Bool) -> Void
  ) {
    let indicator = entry.indicator
    let unit = indicator.unit
    var rangeReported = false
    if unit.kind == .percent, number > 100, (indicator.range.upperBound ?? 100) <= 100 {
      report(.error, RuleID.valuePercentOver100, Messages.percentOver100(shown), false)
      rangeReported = true
    }
    if unit.isInteger, number < 0 {
      report(.error, RuleID.valueNegativeCount, Messages.negativeCount(shown, unit: unit), false)
      rangeReported = true
    }
    if unit.isInteger, let decimal, !decimal.isInteger {
      report(.error, RuleID.valueNotInteger, Messages.notInteger(shown, unit: unit), false)
    }
    if !rangeReported, !indicator.range.contains(number) {
      report(.error, RuleID.valueOutOfRange, Messages.outOfRange(shown, range: indicator.range, unit: unit), false)
    }
    if !unit.isInteger, let decimal, decimal.significantDecimals > indicator.decimals {
      report(
        .info, RuleID.valueTooManyDecimals,
        Messages.tooManyDecimals(shown, found: decimal.significantDecimals, allowed: indicator.decimals), false)
    }
    let earlier = series(of: indicator.code, before: year)
    let reference: (year: Int, value: Double)? =
      earlier.max { $0.key < $1.key }.map { ($0.key, $0.value) }
      ?? indicator.baseline.flatMap { $0.year < year ? ($0.year, $0.value) : nil }
    if let reference {
      checkScale(number, shown: shown, reference: reference, unit: unit, report: report)
    }
    if let previous = earlier.max(by: { $0.key < $1.key }) {
      checkChange(number, shown: shown, previous: (previous.key, previous.value), entry: entry, report: report)
    }
    if !indicator.targets.isEmpty {
      var judged = earlier
      judged[year] = number
      let attainment = AttainmentEvaluator.evaluate(indicator: indicator, series: judged, year: year)
      report(.info, RuleID.targetAttainment, Messages.attainment(attainment), false)
    }
  }

  /// Rates that may be typed in the wrong scale (% for ‰, a fraction for a percentage).
  private static let scaledKinds: Set<IndicatorUnit.Kind> = [
    .percent, .permille, .perThousand, .perTenThousand, .perHundredThousand,
  ]
  /// A value this many times larger or smaller than the reference suggests a wrong unit.
  static let scaleFactor = 10.0
  /// Per-10万 references below this are small counts; only a rise is then judged for scale.
  static let smallRateReference = 10.0

  private func checkScale(
    _ number: Double, shown: String, reference: (year: Int, value: Double), unit: IndicatorUnit,
    report: (Severity, String, BilingualText, Bool) -> Void
  ) {
    guard Self.scaledKinds.contains(unit.kind), reference.value > 0, number > 0 else { return }
    let referenceText = NumberText.plain(reference.value)
    if unit.kind == .percent, number <= 1, reference.value >= 10 {
      report(
        .warning, RuleID.valuePossibleFraction,
        Messages.possibleFraction(shown, reference: referenceText, referenceYear: reference.year), false)
      return
    }
    let larger = number >= Self.scaleFactor * reference.value
    let smaller = number * Self.scaleFactor <= reference.value
    if unit.kind == .perHundredThousand, reference.value < Self.smallRateReference || smaller { return }
    if larger || smaller {
      report(
        .warning, RuleID.valueScaleSuspect,
        Messages.scaleSuspect(shown, reference: referenceText, referenceYear: reference.year, unit: unit), false)
    }
  }

  /// Rates on small numbers swing naturally: below these levels the band is wider.
  static let smallNumberLimits: [IndicatorUnit.Kind: (ceiling: Double, minimumAbsolute: Double, relative: Double)] = [
    .perHundredThousand: (100, 20, 1.0),
    .permille: (10, 2, 1.0),
  ]

  private func checkChange(
    _ number: Double, shown: String, previous: (year: Int, value: Double), entry: MatchedRow,
    report: (Severity, String, BilingualText, Bool) -> Void
  ) {
    let unit = entry.indicator.unit
    let assessment = Volatility.assess(series: [previous.year: previous.value, previous.year + 1: number], unit: unit)
    guard let change = assessment.changes.first else { return }
    var isSwing = change.isSwing
    var small = false
    if let limits = Self.smallNumberLimits[unit.kind], max(previous.value, number) < limits.ceiling {
      small = true
      let delta = abs(number - previous.value)
      let relative = previous.value > 0 ? delta / previous.value : (delta > 0 ? Double.infinity : 0)
      isSwing = delta >= limits.minimumAbsolute && relative > limits.relative
    }
    guard isSwing else { return }
    let explanation = entry.row.explanation
    report(
      .warning, RuleID.historyLargeChange,
      Messages.largeChange(
        value: shown, previous: NumberText.plain(previous.value), previousYear: previous.year, unit: unit,
        relative: previous.value != 0 ? (number - previous.value) / abs(previous.value) : .infinity,
        smallNumbers: small, explanation: explanation),
      explanation != nil)
  }

  /// The numeric history of an indicator before `year`, by year.
  private func series(of code: String, before year: Int) -> [Int: Double] {
    var result: [Int: Double] = [:]
    for value in history where value.indicatorCode == code && value.year < year {
      if let number = value.quantity.number, result[value.year] == nil { result[value.year] = number }
    }
    return result
  }

  // MARK: - Consistency rules

  private mutating func checkRules(year: Int) {
    var numbers: [String: Double] = [:]
    var cells: [String: MatchedRow] = [:]
    for entry in matched {
      guard entry.interpreted.problem == nil, let number = entry.interpreted.quantity?.number else { continue }
      numbers[entry.indicator.code] = number
      cells[entry.indicator.code] = entry
    }
    for value in history where value.year == year && numbers[value.indicatorCode] == nil {
      if let number = value.quantity.number { numbers[value.indicatorCode] = number }
    }
    for rule in schema.allRules {
      guard let anchor = rule.codes.lazy.compactMap({ cells[$0] }).first else { continue }
      guard rule.isSatisfied(by: numbers) == false else { continue }
      let shown = rule.codes.map { code in "\(code)=\(numbers[code].map(NumberText.plain) ?? "?")" }
        .joined(separator: ", ")
      add(
        rule.severity, rule.id, indicator: anchor.indicator.code, sheet: anchor.row.sheet,
        cell: anchor.row.valueReference,
        value: anchor.interpreted.shownText, message: Messages.ruleViolated(rule, values: shown))
    }
  }
}
