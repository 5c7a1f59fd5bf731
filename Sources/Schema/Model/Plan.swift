/// A development plan: one YAML file of a jurisdiction (妇女发展规划, 儿童发展规划 …).
public struct Plan: Sendable, Hashable, Identifiable {
  /// The plan id, unique within the jurisdiction (`women`).
  public var id: String
  /// The title (官渡区妇女发展规划（2021—2030年）).
  public var title: String
  /// Whether it is a women's or a children's plan.
  public var kind: Kind
  /// The plan period, both years included.
  public var period: Period
  /// Milestone years (中期评估), inside the period.
  public var milestones: [Int]
  /// The file name of the plan's text in `seeds/`, if recorded.
  public var seed: String?
  /// The development domains, in the plan's order.
  public var domains: [Domain]
  /// The indicators, in file order.
  public var indicators: [Indicator]
  /// The consistency rules between indicators.
  public var rules: [ConsistencyRule]
  /// The name of the YAML file the plan came from (`women.yaml`).
  public var fileName: String

  /// Creates a plan.
  public init(
    id: String, title: String, kind: Kind, period: Period, milestones: [Int] = [], seed: String? = nil,
    domains: [Domain], indicators: [Indicator], rules: [ConsistencyRule] = [], fileName: String = ""
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.period = period
    self.milestones = milestones
    self.seed = seed
    self.domains = domains
    self.indicators = indicators
    self.rules = rules
    self.fileName = fileName
  }

  /// The domain with `code`, if the plan has one.
  public func domain(code: String) -> Domain? { domains.first { $0.code == code } }

  /// The indicators of the domain with `code`, in file order.
  public func indicators(inDomain code: String) -> [Indicator] { indicators.filter { $0.domain == code } }

  /// Who the plan is for.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// 妇女发展规划.
    case women
    /// 儿童发展规划.
    case children

    /// 妇女 / 儿童 and the English names.
    public var label: BilingualText {
      switch self {
      case .women: return BilingualText(zh: "妇女", en: "women")
      case .children: return BilingualText(zh: "儿童", en: "children")
      }
    }
  }

  /// A span of years, both ends included (2021–2030).
  public struct Period: Sendable, Hashable {
    /// The first year.
    public var start: Int
    /// The last year.
    public var end: Int

    /// Creates a period.
    public init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }

    /// Whether `year` lies inside the period.
    public func contains(_ year: Int) -> Bool { start <= year && year <= end }
  }
}

/// A development domain of a plan (妇女与健康, 教育 …).
public struct Domain: Sendable, Hashable {
  /// The code, unique within the plan (upper-case ASCII letters: `HE`).
  public var code: String
  /// The Chinese name.
  public var name: String

  /// Creates a domain.
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}
