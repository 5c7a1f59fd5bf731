import Foundation

/// Checks that span entries and files: unique codes, references, units, ranges, years, directions.
extension SchemaBuilder {
  func report(_ severity: Severity, _ code: SchemaDiagnostic.Code, _ location: YAMLLocation, zh: String, en: String) {
    collector.report(severity, code, at: location, BilingualText(zh: zh, en: en))
  }

  mutating func crossCheck() {
    if let jurisdiction, let location = jurisdictionIDLocation, !jurisdiction.id.isEmpty,
      jurisdiction.id != folderName
    {
      report(
        .info, .folderMismatch, location, zh: "辖区代码“\(jurisdiction.id)”与文件夹名“\(folderName)”不一致",
        en: "jurisdiction id '\(jurisdiction.id)' differs from the folder name '\(folderName)'")
    }
    let departmentIDs = Set(departments.map(\.id))
    var firstByCode: [String: IndicatorDraft] = [:]
    for plan in plans {
      for draft in plan.indicators {
        if let first = firstByCode[draft.code] {
          report(
            .error, .duplicateIdentifier, draft.codeLocation,
            zh: "指标代码“\(draft.code)”重复（\(first.file) 第 \(first.codeLocation.line) 行已使用）",
            en:
              "indicator code '\(draft.code)' is repeated (already used in \(first.file) line \(first.codeLocation.line))"
          )
        } else {
          firstByCode[draft.code] = draft
        }
      }
    }
    var firstRule: [String: RuleDraft] = [:]
    for plan in plans {
      for draft in plan.rules {
        if let first = firstRule[draft.rule.id] {
          report(
            .error, .duplicateIdentifier, draft.location,
            zh: "规则代码“\(draft.rule.id)”重复（\(first.file) 第 \(first.location.line) 行已使用）",
            en: "rule id '\(draft.rule.id)' is repeated (already used in \(first.file) line \(first.location.line))")
        } else {
          firstRule[draft.rule.id] = draft
        }
      }
    }
    checkNamesAndLabels()
    for plan in plans {
      let domainCodes = Set(plan.domains.map(\.code))
      for draft in plan.indicators {
        if let domain = draft.domain, !domainCodes.contains(domain) {
          report(
            .error, .unknownDomain, draft.domainLocation,
            zh: "领域“\(domain)”不在本规划的 domains 中（现有：\(plan.domains.map(\.code).joined(separator: "、"))）",
            en:
              "domain '\(domain)' is not among this plan's domains (\(plan.domains.map(\.code).joined(separator: ", ")))"
          )
        }
        if !departments.isEmpty {
          for department in draft.departments where !departmentIDs.contains(department.id) {
            report(
              .error, .unknownDepartment, department.location,
              zh: "部门“\(department.id)”不在 departments.yaml 中",
              en: "department '\(department.id)' is not listed in departments.yaml")
          }
        }
        checkGroup(draft, firstByCode: firstByCode)
        checkValues(draft, plan: plan)
      }
      for draft in plan.rules { checkRule(draft, firstByCode: firstByCode) }
    }
  }

  /// Two indicators of one plan with the same name, or two rows of one group with the same label.
  private func checkNamesAndLabels() {
    var labels: [String: [String: IndicatorDraft]] = [:]
    for plan in plans {
      var names: [String: IndicatorDraft] = [:]
      for draft in plan.indicators {
        if !draft.name.isEmpty, let first = names[draft.name] {
          report(
            .warning, .duplicateIdentifier, draft.codeLocation,
            zh: "指标名称“\(draft.name)”与 \(first.code) 相同（同一规划中名称应能区分）",
            en: "indicator name '\(draft.name)' is the same as that of \(first.code)")
        } else {
          names[draft.name] = draft
        }
        guard let row = draft.disaggregation else { continue }
        if let first = labels[row.group]?[row.label] {
          report(
            .error, .duplicateIdentifier, draft.groupLocation,
            zh: "分组 \(row.group) 中已有标签为“\(row.label)”的行 \(first.code)",
            en: "group \(row.group) already has a row labelled '\(row.label)' (\(first.code))")
        } else {
          labels[row.group, default: [:]][row.label] = draft
        }
      }
    }
  }

  private func checkGroup(_ draft: IndicatorDraft, firstByCode: [String: IndicatorDraft]) {
    guard let group = draft.disaggregation?.group else { return }
    if group == draft.code {
      report(
        .error, .groupMismatch, draft.groupLocation, zh: "分组汇总行不能是指标自身（\(group)）",
        en: "an indicator cannot be its own group total (\(group))")
      return
    }
    guard let total = firstByCode[group] else {
      report(
        .error, .unknownGroup, draft.groupLocation, zh: "分组汇总行“\(group)”不是本辖区的指标代码",
        en: "group total '\(group)' is not an indicator code of this jurisdiction")
      return
    }
    if let unit = draft.unit, let totalUnit = total.unit, unit.symbol != totalUnit.symbol {
      report(
        .warning, .groupMismatch, draft.groupLocation,
        zh: "分组行单位“\(unit.symbol)”与汇总行 \(group) 的单位“\(totalUnit.symbol)”不同",
        en: "the row's unit '\(unit.symbol)' differs from the unit '\(totalUnit.symbol)' of its total \(group)")
    }
  }

  private func checkValues(_ draft: IndicatorDraft, plan: PlanDraft) {
    guard let unit = draft.unit else { return }
    let range = draft.range ?? unit.defaultRange
    let decimals = draft.decimals ?? unit.defaultDecimals
    if let baseline = draft.baseline {
      if unit.isQualitative {
        report(
          .error, .targetUnitMismatch, draft.baselineLocation, zh: "定性指标（单位“文字”）不应有数值基期",
          en: "a qualitative indicator (unit 文字) cannot have a numeric baseline")
      } else if !range.contains(baseline.value) {
        report(
          .error, .baselineOutOfRange, draft.baselineLocation,
          zh: "基期值 \(NumberText.plain(baseline.value)) 超出取值范围 \(range.text)",
          en: "baseline \(NumberText.plain(baseline.value)) lies outside the range \(range.text)")
      } else if unit.isInteger, baseline.value != baseline.value.rounded() {
        report(
          .error, .baselineOutOfRange, draft.baselineLocation,
          zh: "单位“\(unit.symbol)”是整数计数，基期值 \(NumberText.plain(baseline.value)) 不是整数",
          en:
            "unit '\(unit.symbol)' counts whole things but the baseline \(NumberText.plain(baseline.value)) is not whole"
        )
      } else if NumberText.decimalPlaces(baseline.value) > decimals {
        report(
          .warning, .precisionLoss, draft.baselineLocation,
          zh: "基期值 \(NumberText.plain(baseline.value)) 的小数位多于 decimals: \(decimals)，显示时会被四舍五入",
          en:
            "baseline \(NumberText.plain(baseline.value)) has more decimal places than decimals: \(decimals) and would be rounded"
        )
      }
      if let period = plan.period, baseline.year > period.end {
        report(
          .error, .baselineYear, draft.baselineLocation,
          zh: "基期年份 \(baseline.year) 晚于规划期末 \(period.end)",
          en: "baseline year \(baseline.year) is after the end of the period \(period.end)")
      }
    }
    var seenYears: [Int: Int] = [:]
    for (index, entry) in draft.targets.enumerated() {
      let target = entry.target
      if let period = plan.period, !period.contains(target.year) {
        report(
          .error, .targetYear, entry.yearLocation,
          zh: "目标年份 \(target.year) 不在规划期 \(period.start)—\(period.end) 内",
          en: "target year \(target.year) lies outside the period \(period.start)–\(period.end)")
      }
      if let previous = seenYears[target.year] {
        report(
          .error, .targetYear, entry.yearLocation,
          zh: "\(target.year) 年已有一个目标（第 \(previous + 1) 个），同一年份只能有一个目标",
          en: "\(target.year) already has a target (number \(previous + 1)); one target per year")
      } else {
        seenYears[target.year] = index
      }
      checkTarget(target, unit: unit, range: range, location: entry.expressionLocation, draft: draft)
    }
  }

  private func checkTarget(
    _ target: Target, unit: IndicatorUnit, range: ValueRange, location: YAMLLocation, draft: IndicatorDraft
  ) {
    let expression = target.expression
    let shown = expression.canonical
    if unit.isQualitative {
      if !expression.isQualitative {
        report(
          .error, .targetUnitMismatch, location, zh: "单位为“文字”的定性指标，目标只能写 qualitative（现为“\(shown)”）",
          en: "a qualitative indicator (unit 文字) can only have the target qualitative (found '\(shown)')")
      }
      return
    }
    for value in expression.levelValues where !range.contains(value) {
      report(
        .error, .targetOutOfRange, location,
        zh: "目标“\(shown)”中的 \(NumberText.plain(value)) 超出单位“\(unit.symbol)”的取值范围 \(range.text)",
        en:
          "\(NumberText.plain(value)) in the target '\(shown)' lies outside the range \(range.text) of unit '\(unit.symbol)'"
      )
    }
    if unit.isInteger {
      for value in expression.levelValues where value != value.rounded() {
        report(
          .warning, .targetUnitMismatch, location,
          zh: "单位“\(unit.symbol)”是整数计数，目标值 \(NumberText.plain(value)) 不是整数",
          en: "unit '\(unit.symbol)' counts whole things but the target value \(NumberText.plain(value)) is not whole")
      }
    }
    if case .change(let direction, let amount, _, let from) = expression {
      if from >= target.year {
        report(
          .error, .targetYear, location, zh: "比较基准年 \(from) 应早于目标年份 \(target.year)",
          en: "the reference year \(from) must be before the target year \(target.year)")
      }
      if direction == .decrease, case .percent(let percent) = amount, percent > 100 {
        report(
          .error, .targetOutOfRange, location, zh: "下降幅度 \(NumberText.plain(percent))% 超过 100%",
          en: "a decrease of \(NumberText.plain(percent))% is more than 100%")
      }
    }
    if let declared = draft.direction, declared != .neutral, let implied = expression.impliedDirection,
      declared != implied
    {
      report(
        .warning, .directionMismatch, draft.directionLocation,
        zh: "direction: \(declared.rawValue) 与目标“\(shown)”矛盾（目标表示\(implied == .higher ? "越高越好" : "越低越好")）",
        en:
          "direction: \(declared.rawValue) contradicts the target '\(shown)' (which means \(implied.rawValue) is better)"
      )
    }
  }

  private func checkRule(_ draft: RuleDraft, firstByCode: [String: IndicatorDraft]) {
    var units: [(code: String, unit: IndicatorUnit)] = []
    for (code, location) in zip(draft.rule.codes, draft.codeLocations) {
      guard let indicator = firstByCode[code] else {
        report(
          .error, .unknownRuleCode, location, zh: "规则 \(draft.rule.id) 引用的指标“\(code)”不存在",
          en: "rule \(draft.rule.id) refers to '\(code)', which is not an indicator")
        continue
      }
      if let unit = indicator.unit {
        if unit.isQualitative {
          report(
            .error, .ruleUnitMismatch, location, zh: "规则 \(draft.rule.id) 引用了定性指标 \(code)",
            en: "rule \(draft.rule.id) refers to the qualitative indicator \(code)")
        }
        units.append((code, unit))
      }
    }
    if let first = units.first, let other = units.first(where: { $0.unit.symbol != first.unit.symbol }) {
      report(
        .error, .ruleUnitMismatch, draft.location,
        zh: "规则 \(draft.rule.id) 比较的指标单位不同：\(first.code)（\(first.unit.symbol)）与 \(other.code)（\(other.unit.symbol)）",
        en:
          "rule \(draft.rule.id) compares indicators with different units: \(first.code) (\(first.unit.symbol)) and \(other.code) (\(other.unit.symbol))"
      )
    }
  }

  /// Checks each `source` against the plan's seed text: the sentence should be on (or just after) its line.
  func checkSources(seedsDirectory: URL) {
    for plan in plans {
      guard let seed = plan.seed else { continue }
      let url = seedsDirectory.appendingPathComponent(seed)
      guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
        report(
          .warning, .sourceMismatch,
          YAMLLocation(file: plan.file, line: plan.idLocation.line, column: 0, keyPath: "plan.seed"),
          zh: "找不到规划原文 \(url.path)", en: "cannot read the plan text \(url.path)")
        continue
      }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Self.squeeze)
      for draft in plan.indicators {
        guard let source = draft.source, let line = source.line else { continue }
        let sentence = Self.squeeze(Substring(source.text))
        guard !sentence.isEmpty else { continue }
        let window = lines[min(line - 1, lines.count)..<min(line + 3, lines.count)].joined()
        if line <= lines.count, window.contains(sentence) { continue }
        if let found = lines.firstIndex(where: { $0.contains(sentence) }) {
          report(
            .warning, .sourceMismatch, draft.sourceLocation,
            zh: "原句在原文第 \(found + 1) 行，而不是第 \(line) 行",
            en: "the sentence is on line \(found + 1) of the plan, not \(line)")
        } else {
          report(
            .warning, .sourceMismatch, draft.sourceLocation,
            zh: "在原文第 \(line) 行附近找不到原句“\(source.text)”", en: "the sentence is not found near line \(line) of the plan")
        }
      }
    }
  }

  /// Removes white space so that line wrapping and spacing do not matter when comparing with the seed.
  static func squeeze(_ text: Substring) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }

  func makeSchema(version: String) -> Schema? {
    guard let jurisdiction else { return nil }
    let built = plans.map { draft in
      Plan(
        id: draft.id, title: draft.title, kind: draft.kind,
        period: draft.period ?? Plan.Period(start: 0, end: 0), milestones: draft.milestones, seed: draft.seed,
        domains: draft.domains, indicators: draft.indicators.compactMap { $0.makeIndicator() },
        rules: draft.rules.map(\.rule), fileName: draft.file)
    }
    return Schema(jurisdiction: jurisdiction, departments: departments, plans: built, version: version)
  }
}
