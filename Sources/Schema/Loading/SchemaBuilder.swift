import Foundation
import Yams

/// An indicator as read, with the places of its parts (for cross-file checks).
struct IndicatorDraft {
  var file: String
  var path: String
  var planIndex: Int
  var code: String
  var codeLocation: YAMLLocation
  var name: String
  var domain: String?
  var domainLocation: YAMLLocation
  var goal: Int?
  var source: SourceReference?
  var sourceLocation: YAMLLocation
  var unit: IndicatorUnit?
  var unitLocation: YAMLLocation
  var decimals: Int?
  var range: ValueRange?
  var direction: Direction?
  var directionLocation: YAMLLocation
  var departments: [(id: String, location: YAMLLocation)] = []
  var disaggregation: Disaggregation?
  var groupLocation: YAMLLocation
  var baseline: Baseline?
  var baselineLocation: YAMLLocation
  var targets: [(target: Target, yearLocation: YAMLLocation, expressionLocation: YAMLLocation)] = []
  var notes: [Note] = []
  var isComplete: Bool

  func makeIndicator() -> Indicator? {
    guard isComplete, let unit else { return nil }
    let implied = targets.compactMap { $0.target.expression.impliedDirection }.first
    return Indicator(
      code: code, name: name, domain: domain ?? "", goal: goal, source: source, unit: unit,
      decimals: decimals, range: range, direction: direction ?? implied ?? .neutral,
      departments: departments.map(\.id), disaggregation: disaggregation, baseline: baseline,
      targets: targets.map(\.target), notes: notes)
  }
}

/// A rule as read, with its place.
struct RuleDraft {
  var rule: ConsistencyRule
  var file: String
  var path: String
  var planIndex: Int
  var codeLocations: [YAMLLocation]
  var location: YAMLLocation
}

/// A plan as read.
struct PlanDraft {
  var file: String
  var id: String
  var idLocation: YAMLLocation
  var title: String
  var kind: Plan.Kind
  var period: Plan.Period?
  var milestones: [Int]
  var seed: String?
  var domains: [Domain]
  var domainLocations: [YAMLLocation]
  var indicators: [IndicatorDraft] = []
  var rules: [RuleDraft] = []
}

/// Reads the YAML documents of one jurisdiction and checks them against each other.
struct SchemaBuilder {
  let collector: DiagnosticCollector
  let folderName: String
  var jurisdiction: Jurisdiction?
  var jurisdictionIDLocation: YAMLLocation?
  var departments: [Department] = []
  var departmentLocations: [YAMLLocation] = []
  var plans: [PlanDraft] = []

  init(collector: DiagnosticCollector, folderName: String) {
    self.collector = collector
    self.folderName = folderName
  }

  /// Lower-case ASCII id: `health`, `civil_affairs`.
  static func isLowerIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  /// Upper-case ASCII domain code: `HE`.
  static func isDomainCode(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
  }

  /// ASCII letters, digits, `-` and `_`: any indicator or rule code.
  static func isASCIICode(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
      }
  }

  /// The recommended indicator code pattern `<plan letters>-<domain>-<two digits>[<lower-case letter>]`.
  static func followsCodePattern(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, isDomainCode(String(parts[0])), isDomainCode(String(parts[1])) else { return false }
    let tail = Array(parts[2].unicodeScalars)
    guard tail.count == 2 || tail.count == 3 else { return false }
    guard ("0"..."9").contains(tail[0]), ("0"..."9").contains(tail[1]) else { return false }
    return tail.count == 2 || ("a"..."z").contains(tail[2])
  }

  // MARK: departments.yaml

  mutating func readDepartments(_ root: Node, file: String) {
    let reader = YAMLNodeReader(file: file, collector: collector)
    guard
      let top = reader.mapping(
        root, path: "", allowed: ["jurisdiction", "departments"], required: ["jurisdiction", "departments"],
        what: "departments.yaml")
    else { return }
    if let node = top["jurisdiction"],
      let map = reader.mapping(
        node, path: "jurisdiction",
        allowed: ["id", "name", "full_name", "office", "committee", "form_prefix", "deadline", "contact"],
        required: ["id", "name"], what: "jurisdiction")
    {
      let id = map.string("id", what: "辖区代码 id") ?? ""
      if !id.isEmpty, !Self.isLowerIdentifier(id) {
        reader.error(
          .invalidIdentifier, map["id"], map.path("id"), zh: "辖区代码“\(id)”只能用小写英文字母、数字和下划线",
          en: "jurisdiction id '\(id)' may hold only lower-case ASCII letters, digits and '_'")
      }
      jurisdictionIDLocation = map.location("id")
      jurisdiction = Jurisdiction(
        id: id, name: map.string("name", what: "辖区名称 name") ?? "",
        fullName: map.optionalString("full_name", what: "full_name"),
        office: map.optionalString("office", what: "office"),
        committee: map.optionalString("committee", what: "committee"),
        formPrefix: map.optionalString("form_prefix", what: "form_prefix"),
        deadline: map.optionalString("deadline", what: "deadline"),
        contact: map.optionalString("contact", what: "contact"))
    }
    if let node = top["departments"], let items = reader.sequence(node, path: "departments", what: "departments") {
      if items.isEmpty {
        reader.error(.emptyValue, node, "departments", zh: "部门名单为空", en: "the department list is empty")
      }
      for (index, item) in items.enumerated() {
        let path = "departments[\(index)]"
        guard
          let map = reader.mapping(
            item, path: path, allowed: ["id", "name"], required: ["id", "name"], what: "部门")
        else { continue }
        guard let id = map.string("id", what: "部门代码 id"), let name = map.string("name", what: "部门名称 name")
        else { continue }
        if !Self.isLowerIdentifier(id) {
          reader.error(
            .invalidIdentifier, map["id"], map.path("id"), zh: "部门代码“\(id)”只能用小写英文字母、数字和下划线",
            en: "department id '\(id)' may hold only lower-case ASCII letters, digits and '_'")
        }
        if let first = departments.firstIndex(where: { $0.id == id }) {
          let line = departmentLocations[first].line
          reader.error(
            .duplicateIdentifier, map["id"], map.path("id"), zh: "部门代码“\(id)”重复（第 \(line) 行已有）",
            en: "department id '\(id)' is repeated (already on line \(line))")
          continue
        }
        departments.append(Department(id: id, name: name))
        departmentLocations.append(map.location("id"))
      }
    }
  }

  // MARK: plan files

  static let planKeys = ["plan", "domains", "indicators", "rules"]
  /// The largest `source.line` accepted (seed texts are a few thousand lines).
  static let maximumLineNumber = 1_000_000
  static let planHeaderKeys = ["id", "title", "kind", "period", "milestones", "seed"]
  static let indicatorKeys = [
    "code", "name", "domain", "goal", "source", "unit", "decimals", "range", "direction", "departments",
    "disaggregation", "baseline", "targets", "notes",
  ]

  mutating func readPlan(_ root: Node, file: String) {
    let reader = YAMLNodeReader(file: file, collector: collector)
    guard
      let top = reader.mapping(
        root, path: "", allowed: Self.planKeys, required: ["plan", "domains", "indicators"], what: "规划文件")
    else { return }
    guard let headerNode = top["plan"],
      let header = reader.mapping(
        headerNode, path: "plan", allowed: Self.planHeaderKeys, required: ["id", "title", "kind", "period"],
        what: "plan")
    else { return }
    let id = header.string("id", what: "规划代码 plan.id") ?? ""
    if !id.isEmpty, !Self.isLowerIdentifier(id) {
      reader.error(
        .invalidIdentifier, header["id"], "plan.id", zh: "规划代码“\(id)”只能用小写英文字母、数字和下划线",
        en: "plan id '\(id)' may hold only lower-case ASCII letters, digits and '_'")
    }
    if let other = plans.first(where: { $0.id == id }), !id.isEmpty {
      reader.error(
        .duplicateIdentifier, header["id"], "plan.id", zh: "规划代码“\(id)”与 \(other.file) 重复",
        en: "plan id '\(id)' is also used by \(other.file)")
    }
    var kind = Plan.Kind.women
    if let text = header.string("kind", what: "规划类型 kind") {
      if let parsed = Plan.Kind(rawValue: text) {
        kind = parsed
      } else {
        reader.error(
          .unknownValue, header["kind"], "plan.kind", zh: "规划类型“\(text)”应为 women 或 children",
          en: "plan kind '\(text)' must be women or children")
      }
    }
    var period: Plan.Period?
    if let node = header["period"],
      let map = reader.mapping(
        node, path: "plan.period", allowed: ["start", "end"], required: ["start", "end"], what: "period")
    {
      if let start = map.year("start", what: "起始年份"), let end = map.year("end", what: "终止年份") {
        if start < end {
          period = Plan.Period(start: start, end: end)
        } else {
          reader.error(
            .badPeriod, node, "plan.period", zh: "规划期起始年份 \(start) 应早于终止年份 \(end)",
            en: "the period start \(start) must be before its end \(end)")
        }
      }
    }
    var milestones: [Int] = []
    if let node = header["milestones"], let items = reader.sequence(node, path: "plan.milestones", what: "milestones") {
      for (index, item) in items.enumerated() {
        let path = "plan.milestones[\(index)]"
        guard let year = reader.year(item, path: path, what: "中期评估年份") else { continue }
        if let period, !period.contains(year) {
          reader.error(
            .badPeriod, item, path, zh: "中期评估年份 \(year) 不在规划期 \(period.start)—\(period.end) 内",
            en: "milestone \(year) lies outside the period \(period.start)–\(period.end)")
        }
        milestones.append(year)
      }
    }
    var domains: [Domain] = []
    var domainLocations: [YAMLLocation] = []
    if let node = top["domains"], let items = reader.sequence(node, path: "domains", what: "domains") {
      if items.isEmpty { reader.error(.emptyValue, node, "domains", zh: "领域列表为空", en: "the domain list is empty") }
      for (index, item) in items.enumerated() {
        let path = "domains[\(index)]"
        guard
          let map = reader.mapping(
            item, path: path, allowed: ["code", "name"], required: ["code", "name"], what: "领域"),
          let code = map.string("code", what: "领域代码 code"), let name = map.string("name", what: "领域名称 name")
        else { continue }
        if !Self.isDomainCode(code) {
          reader.error(
            .invalidIdentifier, map["code"], map.path("code"), zh: "领域代码“\(code)”应为大写英文字母（如 HE）",
            en: "domain code '\(code)' must be upper-case ASCII letters (such as HE)")
        }
        if domains.contains(where: { $0.code == code }) {
          reader.error(
            .duplicateIdentifier, map["code"], map.path("code"), zh: "领域代码“\(code)”在本规划中重复",
            en: "domain code '\(code)' is repeated in this plan")
          continue
        }
        domains.append(Domain(code: code, name: name))
        domainLocations.append(map.location("code"))
      }
    }
    var plan = PlanDraft(
      file: file, id: id, idLocation: header.location("id"), title: header.string("title", what: "规划名称 title") ?? "",
      kind: kind, period: period, milestones: milestones,
      seed: header.optionalString("seed", what: "seed"), domains: domains, domainLocations: domainLocations)
    let planIndex = plans.count
    if let node = top["indicators"], let items = reader.sequence(node, path: "indicators", what: "indicators") {
      for (index, item) in items.enumerated() {
        if let draft = readIndicator(
          item, path: "indicators[\(index)]", plan: plan, planIndex: planIndex, reader: reader)
        {
          plan.indicators.append(draft)
        }
      }
    }
    if let node = top["rules"], let items = reader.sequence(node, path: "rules", what: "rules") {
      for (index, item) in items.enumerated() {
        if let draft = readRule(item, path: "rules[\(index)]", planIndex: planIndex, reader: reader) {
          plan.rules.append(draft)
        }
      }
    }
    plans.append(plan)
  }

  private func readIndicator(
    _ node: Node, path: String, plan: PlanDraft, planIndex: Int, reader: YAMLNodeReader
  ) -> IndicatorDraft? {
    guard
      let map = reader.mapping(
        node, path: path, allowed: Self.indicatorKeys, required: ["code", "name", "domain", "unit", "departments"],
        what: "指标")
    else { return nil }
    let errorsBefore = collector.diagnostics.filter { $0.severity == .error }.count
    guard let code = map.string("code", what: "指标代码 code") else { return nil }
    if !Self.isASCIICode(code) {
      reader.error(
        .invalidIdentifier, map["code"], map.path("code"), zh: "指标代码“\(code)”只能用英文字母、数字和“-”",
        en: "indicator code '\(code)' may hold only ASCII letters, digits and '-'")
    } else if !Self.followsCodePattern(code) {
      reader.warning(
        .codeFormat, map["code"], map.path("code"), zh: "指标代码“\(code)”不符合“W-HE-01”格式（规划字母-领域代码-两位序号[小写字母]）",
        en: "indicator code '\(code)' does not follow the 'W-HE-01' pattern")
    }
    var draft = IndicatorDraft(
      file: reader.file, path: path, planIndex: planIndex, code: code, codeLocation: map.location("code"),
      name: map.string("name", what: "指标名称 name") ?? "", domain: map.string("domain", what: "领域 domain"),
      domainLocation: map.location("domain"), sourceLocation: map.location("source"),
      unitLocation: map.location("unit"), directionLocation: map.location("direction"),
      groupLocation: map.location("disaggregation"), baselineLocation: map.location("baseline"), isComplete: false)
    if let node = map["goal"], !YAMLNodeReader.isNull(node) {
      draft.goal = reader.integer(node, path: map.path("goal"), what: "主要目标序号 goal")
      if let goal = draft.goal, goal < 1 {
        reader.error(.wrongType, node, map.path("goal"), zh: "goal 应为从 1 起的序号", en: "goal must be a number from 1")
      }
    }
    if let node = map["source"] { draft.source = readSource(node, path: map.path("source"), reader: reader) }
    if let text = map.string("unit", what: "单位 unit") {
      if let unit = IndicatorUnit(symbol: text) {
        draft.unit = unit
      } else {
        reader.error(
          .unknownUnit, map["unit"], map.path("unit"), zh: "未知的单位“\(text)”（可用的单位见 Templates/README.md 的单位表）",
          en: "unknown unit '\(text)' (see the unit table in Templates/README.md)")
      }
    }
    if let node = map["decimals"] {
      if let decimals = reader.integer(node, path: map.path("decimals"), what: "小数位数 decimals") {
        if (0...6).contains(decimals) {
          draft.decimals = decimals
          if decimals > 0, draft.unit?.isInteger == true {
            reader.warning(
              .decimalsOutOfBounds, node, map.path("decimals"), zh: "单位“\(draft.unit?.symbol ?? "")”是整数计数，小数位数应为 0",
              en: "unit '\(draft.unit?.symbol ?? "")' counts whole things; decimals should be 0")
          }
        } else {
          reader.error(
            .decimalsOutOfBounds, node, map.path("decimals"), zh: "小数位数 \(decimals) 应在 0 到 6 之间",
            en: "decimals \(decimals) must be between 0 and 6")
        }
      }
    }
    if let node = map["range"] { draft.range = readRange(node, path: map.path("range"), reader: reader) }
    if let text = map.string("direction", what: "方向 direction") {
      if let direction = Direction(rawValue: text) {
        draft.direction = direction
      } else {
        reader.error(
          .unknownValue, map["direction"], map.path("direction"), zh: "方向“\(text)”应为 higher、lower 或 neutral",
          en: "direction '\(text)' must be higher, lower or neutral")
      }
    }
    if let node = map["departments"] {
      let departmentsPath = map.path("departments")
      if case .scalar = node, !YAMLNodeReader.isNull(node),
        let id = reader.string(node, path: departmentsPath, what: "报送部门")
      {
        draft.departments = [(id, reader.location(of: node, path: departmentsPath))]
      } else if let items = reader.sequence(node, path: departmentsPath, what: "报送部门 departments") {
        if items.isEmpty {
          reader.error(.emptyValue, node, departmentsPath, zh: "报送部门不能为空", en: "departments must not be empty")
        }
        for (index, item) in items.enumerated() {
          let itemPath = "\(departmentsPath)[\(index)]"
          guard let id = reader.string(item, path: itemPath, what: "部门代码") else { continue }
          if draft.departments.contains(where: { $0.id == id }) {
            reader.warning(
              .duplicateIdentifier, item, itemPath, zh: "部门“\(id)”重复列出", en: "department '\(id)' is listed twice")
            continue
          }
          draft.departments.append((id, reader.location(of: item, path: itemPath)))
        }
      }
    }
    if let node = map["disaggregation"], !YAMLNodeReader.isNull(node),
      let group = reader.mapping(
        node, path: map.path("disaggregation"), allowed: ["group", "label"], required: ["group", "label"],
        what: "disaggregation"),
      let groupCode = group.string("group", what: "汇总行代码 group"),
      let label = group.string("label", what: "分组名称 label")
    {
      draft.disaggregation = Disaggregation(group: groupCode, label: label)
      draft.groupLocation = group.location("group")
    }
    if let node = map["baseline"], !YAMLNodeReader.isNull(node),
      let baseline = reader.mapping(
        node, path: map.path("baseline"), allowed: ["year", "value"], required: ["year", "value"], what: "baseline")
    {
      if let valueNode = baseline["value"], YAMLNodeReader.isNull(valueNode) {
        reader.error(
          .emptyValue, valueNode, baseline.path("value"), zh: "基期值为空：规划没有给出基期时请写 baseline: null",
          en: "the baseline value is empty: write baseline: null when the plan gives none")
      } else if let year = baseline.year("year", what: "基期年份"), let value = baseline.number("value", what: "基期值") {
        draft.baseline = Baseline(year: year, value: value)
        draft.baselineLocation = baseline.location("value")
      }
    }
    if let node = map["targets"], let items = reader.sequence(node, path: map.path("targets"), what: "目标 targets") {
      for (index, item) in items.enumerated() {
        let targetPath = "\(map.path("targets"))[\(index)]"
        guard
          let target = reader.mapping(
            item, path: targetPath, allowed: ["year", "expression", "text"], required: ["year", "expression"],
            what: "目标")
        else { continue }
        let year = target.year("year", what: "目标年份")
        guard let expressionNode = target["expression"] else { continue }
        guard let expression = parseExpression(expressionNode, path: target.path("expression"), reader: reader)
        else { continue }
        let text = target.optionalString("text", what: "目标原文 text")
        guard let year else { continue }
        draft.targets.append(
          (
            Target(
              year: year, expression: expression, text: text ?? expression.description(english: false, unit: draft.unit)
            ), target.location("year"),
            target.location("expression")
          ))
      }
    }
    if let node = map["notes"], let items = reader.sequence(node, path: map.path("notes"), what: "notes") {
      for (index, item) in items.enumerated() {
        let notePath = "\(map.path("notes"))[\(index)]"
        if case .scalar = item {
          if let text = reader.string(item, path: notePath, what: "备注") {
            draft.notes.append(Note(line: nil, text: text))
          }
          continue
        }
        guard
          let note = reader.mapping(item, path: notePath, allowed: ["line", "text"], required: ["text"], what: "备注"),
          let text = note.string("text", what: "备注 text")
        else { continue }
        var line: Int?
        if let lineNode = note["line"], !YAMLNodeReader.isNull(lineNode) {
          line = reader.integer(lineNode, path: note.path("line"), what: "行号 line")
        }
        draft.notes.append(Note(line: line, text: text))
      }
    }
    let errorsAfter = collector.diagnostics.filter { $0.severity == .error }.count
    draft.isComplete = errorsAfter == errorsBefore && draft.unit != nil && draft.domain != nil
    return draft
  }

  private func readSource(_ node: Node, path: String, reader: YAMLNodeReader) -> SourceReference? {
    if YAMLNodeReader.isNull(node) { return nil }
    if case .scalar = node {
      guard let text = reader.string(node, path: path, what: "原文出处 source") else { return nil }
      return SourceReference(line: nil, text: text)
    }
    guard
      let map = reader.mapping(node, path: path, allowed: ["line", "text"], required: ["text"], what: "source"),
      let text = map.string("text", what: "原句 source.text")
    else { return nil }
    var line: Int?
    if let lineNode = map["line"], !YAMLNodeReader.isNull(lineNode) {
      line = reader.integer(lineNode, path: map.path("line"), what: "行号 source.line")
      if let value = line, value < 1 || value > Self.maximumLineNumber {
        reader.error(
          .wrongType, lineNode, map.path("line"), zh: "行号应在 1 到 \(Self.maximumLineNumber) 之间",
          en: "line numbers run from 1 to \(Self.maximumLineNumber)")
        line = nil
      }
    }
    return SourceReference(line: line, text: text)
  }

  private func readRange(_ node: Node, path: String, reader: YAMLNodeReader) -> ValueRange? {
    if YAMLNodeReader.isNull(node) { return nil }
    guard let items = reader.sequence(node, path: path, what: "取值范围 range"), items.count == 2 else {
      if case .sequence = node {
        reader.error(.wrongType, node, path, zh: "取值范围应写作 [下限, 上限]", en: "range must be [lower, upper]")
      }
      return nil
    }
    let low = YAMLNodeReader.isNull(items[0]) ? nil : reader.number(items[0], path: path + "[0]", what: "下限")
    let high = YAMLNodeReader.isNull(items[1]) ? nil : reader.number(items[1], path: path + "[1]", what: "上限")
    if let low, let high, low >= high {
      reader.error(
        .badRange, node, path, zh: "取值范围的下限 \(NumberText.plain(low)) 应小于上限 \(NumberText.plain(high))",
        en: "the lower end \(NumberText.plain(low)) of the range must be below the upper end \(NumberText.plain(high))")
      return nil
    }
    return ValueRange(low, high)
  }

  private func parseExpression(_ node: Node, path: String, reader: YAMLNodeReader) -> TargetExpression? {
    guard case .scalar(let scalar) = node else {
      reader.error(.wrongType, node, path, zh: "目标表达式应为文字（建议加引号）", en: "the target expression must be text (quote it)")
      return nil
    }
    do {
      return try TargetExpressionParser.parse(scalar.string)
    } catch {
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      var location = reader.location(of: node, path: path)
      if location.column > 0, scalar.style != .literal, scalar.style != .folded {
        location.column += (quoted ? 1 : 0) + error.column - 1
      }
      collector.report(
        .error, .badExpression, at: location,
        BilingualText(
          zh: "目标表达式“\(scalar.string)”第 \(error.column) 个字符处有误：\(error.message.zh)",
          en: "target expression '\(scalar.string)', character \(error.column): \(error.message.en)"))
      return nil
    }
  }

  private func readRule(_ node: Node, path: String, planIndex: Int, reader: YAMLNodeReader) -> RuleDraft? {
    guard
      let map = reader.mapping(
        node, path: path,
        allowed: [
          "id", "kind", "left", "right", "parts", "total", "tolerance", "numerator", "denominator", "severity",
          "description",
        ], required: ["id", "kind", "severity"], what: "规则")
    else { return nil }
    guard let id = map.string("id", what: "规则代码 id"), let kindName = map.string("kind", what: "规则类型 kind") else {
      return nil
    }
    if !Self.isASCIICode(id) {
      reader.error(
        .invalidIdentifier, map["id"], map.path("id"), zh: "规则代码“\(id)”只能用英文字母、数字和“-”",
        en: "rule id '\(id)' may hold only ASCII letters, digits and '-'")
    }
    var severity = Severity.error
    if let text = map.string("severity", what: "严重程度 severity") {
      if let parsed = Severity(rawValue: text) {
        severity = parsed
      } else {
        reader.error(
          .unknownValue, map["severity"], map.path("severity"), zh: "严重程度“\(text)”应为 error、warning 或 info",
          en: "severity '\(text)' must be error, warning or info")
        return nil
      }
    }
    let fieldsByKind: [String: [String]] = [
      "not_greater": ["left", "right"], "sum": ["parts", "total", "tolerance"],
      "ratio_le": ["numerator", "denominator"],
    ]
    guard let fields = fieldsByKind[kindName] else {
      reader.error(
        .unknownValue, map["kind"], map.path("kind"), zh: "规则类型“\(kindName)”应为 not_greater、sum 或 ratio_le",
        en: "rule kind '\(kindName)' must be not_greater, sum or ratio_le")
      return nil
    }
    let allFields = ["left", "right", "parts", "total", "tolerance", "numerator", "denominator"]
    for field in allFields where map.has(field) && !fields.contains(field) {
      reader.error(
        .unknownKey, map.entries.first { $0.key == field }?.keyNode, map.path(field),
        zh: "规则类型 \(kindName) 不使用键“\(field)”（应使用 \(fields.joined(separator: "、"))）",
        en: "rule kind \(kindName) does not take '\(field)' (it takes \(fields.joined(separator: ", ")))")
    }
    var missing = false
    for field in fields where field != "tolerance" && !map.has(field) {
      reader.error(
        .missingKey, node, path, zh: "规则类型 \(kindName) 缺少键“\(field)”", en: "rule kind \(kindName) lacks '\(field)'")
      missing = true
    }
    if missing { return nil }
    var locations: [YAMLLocation] = []
    func code(_ key: String) -> String? {
      guard let value = map.string(key, what: key) else { return nil }
      locations.append(map.location(key))
      return value
    }
    let kind: ConsistencyRule.Kind
    switch kindName {
    case "not_greater":
      guard let left = code("left"), let right = code("right") else { return nil }
      kind = .notGreater(left: left, right: right)
    case "ratio_le":
      guard let numerator = code("numerator"), let denominator = code("denominator") else { return nil }
      kind = .ratioLessOrEqual(numerator: numerator, denominator: denominator)
    default:
      guard let partsNode = map["parts"], let items = reader.sequence(partsNode, path: map.path("parts"), what: "parts")
      else { return nil }
      var parts: [String] = []
      for (index, item) in items.enumerated() {
        let itemPath = "\(map.path("parts"))[\(index)]"
        guard let part = reader.string(item, path: itemPath, what: "分项代码") else { continue }
        parts.append(part)
        locations.append(reader.location(of: item, path: itemPath))
      }
      if parts.count < 2 {
        reader.error(
          .emptyValue, partsNode, map.path("parts"), zh: "parts 至少要有两项", en: "parts needs at least two codes")
        return nil
      }
      guard let total = code("total") else { return nil }
      var tolerance = 0.0
      if map.has("tolerance") {
        guard let value = map.number("tolerance", what: "容差 tolerance") else { return nil }
        if value < 0 {
          reader.error(
            .badRange, map["tolerance"], map.path("tolerance"), zh: "容差不能为负数", en: "the tolerance cannot be negative")
          return nil
        }
        tolerance = value
      }
      kind = .sum(parts: parts, total: total, tolerance: tolerance)
    }
    let description = map.optionalString("description", what: "说明 description") ?? ""
    return RuleDraft(
      rule: ConsistencyRule(id: id, kind: kind, severity: severity, description: description), file: reader.file,
      path: path, planIndex: planIndex, codeLocations: locations, location: map.location("id"))
  }
}
