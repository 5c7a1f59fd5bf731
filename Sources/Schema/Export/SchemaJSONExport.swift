/// The `nianjian schema export --format json` document (a contract: see `DESIGN.md`).
///
/// The keys of the contract come first and in its order (`schema_version`, `jurisdiction`, `departments`,
/// `plans` …); extra keys (`decimals`, `direction`, `range`, `disaggregation`, `goal`, `notes`, `rules` …) follow.
/// Plans, domains, indicators and targets keep the order of the files.
extension Schema {
  /// The export as a JSON value.
  public var exportJSON: JSONValue {
    .object([
      ("schema_version", .string(version)),
      (
        "jurisdiction",
        .object([
          ("id", .string(jurisdiction.id)), ("name", .string(jurisdiction.name)),
          ("full_name", optional(jurisdiction.fullName)), ("office", optional(jurisdiction.office)),
          ("committee", optional(jurisdiction.committee)), ("form_prefix", optional(jurisdiction.formPrefix)),
          ("deadline", optional(jurisdiction.deadline)), ("contact", optional(jurisdiction.contact)),
        ])
      ),
      ("departments", .array(departments.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
      ("plans", .array(plans.map(Self.export(plan:)))),
    ])
  }

  /// The export as UTF-8 JSON text ending in a newline.
  public func exportJSONText() -> String { exportJSON.serialized() + "\n" }

  private func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  private static func export(plan: Plan) -> JSONValue {
    .object([
      ("id", .string(plan.id)), ("title", .string(plan.title)),
      ("period", .object([("start", .integer(plan.period.start)), ("end", .integer(plan.period.end))])),
      ("domains", .array(plan.domains.map { .object([("code", .string($0.code)), ("name", .string($0.name))]) })),
      ("indicators", .array(plan.indicators.map(export(indicator:)))),
      ("kind", .string(plan.kind.rawValue)),
      ("milestones", .array(plan.milestones.map(JSONValue.integer))),
      ("seed", plan.seed.map(JSONValue.string) ?? .null),
      ("rules", .array(plan.rules.map(export(rule:)))),
    ])
  }

  private static func export(indicator: Indicator) -> JSONValue {
    let baseline: JSONValue =
      indicator.baseline.map {
        .object([("year", .integer($0.year)), ("value", .number($0.value))])
      } ?? .null
    let targets: [JSONValue] = indicator.targets.map { target in
      let text = target.expression.text(unit: indicator.unit)
      return .object([
        ("year", .integer(target.year)), ("expression", .string(target.expression.canonical)),
        ("text", .string(target.text)),
        ("description", .object([("zh", .string(text.zh)), ("en", .string(text.en))])),
      ])
    }
    let disaggregation: JSONValue =
      indicator.disaggregation.map {
        .object([("group", .string($0.group)), ("label", .string($0.label))])
      } ?? .null
    return .object([
      ("code", .string(indicator.code)), ("name", .string(indicator.name)), ("domain", .string(indicator.domain)),
      ("unit", .string(indicator.unit.symbol)),
      ("departments", .array(indicator.departments.map(JSONValue.string))),
      ("baseline", baseline), ("targets", .array(targets)),
      ("source", .string(indicator.source?.text ?? "")),
      ("source_line", indicator.source?.line.map(JSONValue.integer) ?? .null),
      ("goal", indicator.goal.map(JSONValue.integer) ?? .null),
      ("unit_kind", .string(indicator.unit.kind.rawValue)),
      ("decimals", .integer(indicator.decimals)),
      (
        "range",
        .array([
          indicator.range.lowerBound.map(JSONValue.number) ?? .null,
          indicator.range.upperBound.map(JSONValue.number) ?? .null,
        ])
      ),
      ("direction", .string(indicator.direction.rawValue)),
      ("disaggregation", disaggregation),
      (
        "notes",
        .array(
          indicator.notes.map {
            .object([("line", $0.line.map(JSONValue.integer) ?? .null), ("text", .string($0.text))])
          })
      ),
    ])
  }

  private static func export(rule: ConsistencyRule) -> JSONValue {
    var members: [(String, JSONValue)] = [("id", .string(rule.id)), ("kind", .string(rule.kind.name))]
    switch rule.kind {
    case .notGreater(let left, let right):
      members += [("left", .string(left)), ("right", .string(right))]
    case .sum(let parts, let total, let tolerance):
      members += [
        ("parts", .array(parts.map(JSONValue.string))), ("total", .string(total)), ("tolerance", .number(tolerance)),
      ]
    case .ratioLessOrEqual(let numerator, let denominator):
      members += [("numerator", .string(numerator)), ("denominator", .string(denominator))]
    }
    members += [
      ("codes", .array(rule.codes.map(JSONValue.string))), ("severity", .string(rule.severity.rawValue)),
      ("description", .string(rule.description)),
    ]
    return .object(members)
  }
}
