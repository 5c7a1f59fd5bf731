/// A jurisdiction's whole indicator registry: its settings, departments and plans.
///
/// Load one with ``SchemaLoader/load(directory:)``. Lookups are by indicator code, which is unique across the
/// plans of a jurisdiction.
///
/// ```swift
/// let schema = try SchemaLoader.load(directory: URL(fileURLWithPath: "Templates/guandu"))
/// let indicator = schema.indicator(code: "W-HE-01")
/// let forHealth = schema.indicators(department: "health")
/// ```
public struct Schema: Sendable, Hashable {
  /// The jurisdiction (from `departments.yaml`).
  public var jurisdiction: Jurisdiction
  /// The member units, in file order.
  public var departments: [Department]
  /// The plans, ordered by file name.
  public var plans: [Plan]
  /// The SHA-256 (lower-case hex) of the folder's YAML files; see ``SchemaVersion``.
  public var version: String

  private var indexByCode: [String: IndicatorIndex]

  /// Creates a schema and indexes its indicators (the first plan wins for a duplicated code).
  public init(jurisdiction: Jurisdiction, departments: [Department], plans: [Plan], version: String) {
    self.jurisdiction = jurisdiction
    self.departments = departments
    self.plans = plans
    self.version = version
    var index: [String: IndicatorIndex] = [:]
    for (planIndex, plan) in plans.enumerated() {
      for (indicatorIndex, indicator) in plan.indicators.enumerated() where index[indicator.code] == nil {
        index[indicator.code] = IndicatorIndex(plan: planIndex, indicator: indicatorIndex)
      }
    }
    self.indexByCode = index
  }

  /// Every indicator of every plan, plan by plan, in file order.
  public var allIndicators: [Indicator] { plans.flatMap(\.indicators) }

  /// The indicator with `code`, or `nil`.
  public func indicator(code: String) -> Indicator? {
    guard let position = indexByCode[code] else { return nil }
    return plans[position.plan].indicators[position.indicator]
  }

  /// The indicators whose name matches `name` once both are normalised (``normalizedName(_:)``), for returns that
  /// lost their codes. Usually one; several when plans share a name.
  public func indicators(named name: String) -> [Indicator] {
    let wanted = Self.normalizedName(name)
    guard !wanted.isEmpty else { return [] }
    return allIndicators.filter { Self.normalizedName($0.name) == wanted }
  }

  /// A name reduced for matching: white space removed, full-width letters, digits and brackets made half-width,
  /// Latin letters lower-cased (`"５岁以下 儿童死亡率（‰）"` → `"5岁以下儿童死亡率(‰)"`).
  public static func normalizedName(_ name: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in name.unicodeScalars where !scalar.properties.isWhitespace {
      var value = scalar.value
      if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
      if let mapped = Unicode.Scalar(value) {
        scalars.append(contentsOf: mapped.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(scalars)
  }

  /// The plan that holds the indicator with `code`, or `nil`.
  public func plan(ofIndicator code: String) -> Plan? {
    guard let position = indexByCode[code] else { return nil }
    return plans[position.plan]
  }

  /// The plan with `id`, or `nil`.
  public func plan(id: String) -> Plan? { plans.first { $0.id == id } }

  /// The department with `id`, or `nil`.
  public func department(id: String) -> Department? { departments.first { $0.id == id } }

  /// The indicators a department reports (as main or co-reporter), across plans, in plan then file order.
  public func indicators(department id: String) -> [Indicator] {
    allIndicators.filter { $0.departments.contains(id) }
  }

  /// The indicators a department reports as main reporter (first listed), across plans.
  public func indicators(mainDepartment id: String) -> [Indicator] {
    allIndicators.filter { $0.departments.first == id }
  }

  /// The rows of a disaggregated group: the indicators whose `disaggregation.group` is `code`.
  public func disaggregationRows(ofGroup code: String) -> [Indicator] {
    allIndicators.filter { $0.disaggregation?.group == code }
  }

  /// Every consistency rule of every plan.
  public var allRules: [ConsistencyRule] { plans.flatMap(\.rules) }

  /// The rules that refer to the indicator with `code`.
  public func rules(involving code: String) -> [ConsistencyRule] {
    allRules.filter { $0.codes.contains(code) }
  }

  private struct IndicatorIndex: Sendable, Hashable {
    var plan: Int
    var indicator: Int
  }
}
