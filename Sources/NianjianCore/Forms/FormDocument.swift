import Foundation
import Schema

/// A sentence picker for workbook texts: Chinese by default, English with `--lang en`.
struct FormText {
  let language: Language

  /// The Chinese or the English text.
  func callAsFunction(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
}

/// What one form sheet shows: which department, which year, which indicators grouped by plan and domain.
///
/// The same value drives a blank template and a marked copy, so both have exactly the same layout.
struct FormDocument {
  /// A plan's part of the form: its domains with the indicators of each, in the plan's order.
  struct Section {
    var plan: Plan
    var groups: [(domain: Domain, indicators: [Indicator])]
  }

  var schema: Schema
  var year: Int
  /// The department the form is for; `nil` for a generic form of whatever indicators were found.
  var department: Department?
  /// The form number (表号), when the form is a department's template.
  var formNumber: String?
  var sections: [Section]
  var language: Language

  /// Every indicator on the form, in row order.
  var indicators: [Indicator] { sections.flatMap { $0.groups.flatMap(\.indicators) } }

  /// The identity written into the file, when the form is a department's template.
  var identity: TemplateIdentity? {
    guard let department else { return nil }
    return TemplateIdentity(
      templateID: TemplateIdentity.makeID(
        jurisdiction: schema.jurisdiction.id, department: department.id, year: year, schemaVersion: schema.version),
      schemaVersion: schema.version, jurisdiction: schema.jurisdiction.id, department: department.id, year: year)
  }

  /// The form for a department and year, or `nil` when the department reports no indicator of a plan active
  /// that year.
  static func template(schema: Schema, department: Department, year: Int, language: Language) -> FormDocument? {
    let plans = TemplateWriter.plans(of: schema, activeIn: year)
    let sections = makeSections(plans: plans) { $0.departments.contains(department.id) }
    guard !sections.isEmpty else { return nil }
    return FormDocument(
      schema: schema, year: year, department: department,
      formNumber: formNumber(schema: schema, department: department, year: year), sections: sections,
      language: language)
  }

  /// A form holding exactly the indicators with `codes` (in schema order), for any department.
  static func generic(
    schema: Schema, codes: Set<String>, year: Int, department: Department?, language: Language
  ) -> FormDocument {
    let sections = makeSections(plans: schema.plans) { codes.contains($0.code) }
    let number = department.flatMap { formNumber(schema: schema, department: $0, year: year) }
    return FormDocument(
      schema: schema, year: year, department: department, formNumber: number, sections: sections,
      language: language)
  }

  /// The 表号: `<form_prefix><year>-<n>`, `n` being the department's place among the departments that report
  /// in `year` (schema order), so numbers have no gaps.
  static func formNumber(schema: Schema, department: Department, year: Int) -> String? {
    let plans = TemplateWriter.plans(of: schema, activeIn: year)
    let reporting = schema.departments.filter { candidate in
      plans.contains { plan in plan.indicators.contains { $0.departments.contains(candidate.id) } }
    }
    guard let index = reporting.firstIndex(where: { $0.id == department.id }) else { return nil }
    let prefix = schema.jurisdiction.formPrefix ?? "\(schema.jurisdiction.name)妇儿监测表"
    return "\(prefix)\(year)-\(index + 1)"
  }

  private static func makeSections(plans: [Plan], including: (Indicator) -> Bool) -> [Section] {
    var sections: [Section] = []
    // 妇女 before 儿童, as in 妇女儿童发展规划; otherwise the schema's order.
    let ordered = plans.filter { $0.kind == .women } + plans.filter { $0.kind != .women }
    for plan in ordered {
      let chosen = plan.indicators.filter(including)
      guard !chosen.isEmpty else { continue }
      var groups: [(domain: Domain, indicators: [Indicator])] = []
      for domain in plan.domains {
        let rows = chosen.filter { $0.domain == domain.code }
        if !rows.isEmpty { groups.append((domain, rows)) }
      }
      // Indicators whose domain the plan does not list (the schema check reports them) still get rows.
      let known = Set(plan.domains.map(\.code))
      let strays = chosen.filter { !known.contains($0.domain) }
      for code in strays.map(\.domain).formsUniqued() {
        groups.append((Domain(code: code, name: code), strays.filter { $0.domain == code }))
      }
      sections.append(Section(plan: plan, groups: groups))
    }
    return sections
  }

  // MARK: Texts

  /// 妇女儿童发展规划监测报表 / 妇女发展规划监测报表 / 儿童发展规划监测报表, by the plans on the form.
  var kindTitle: String {
    let kinds = Set(sections.map(\.plan.kind))
    let text = FormText(language: language)
    switch (kinds.contains(.women), kinds.contains(.children)) {
    case (true, false): return text("妇女发展规划监测报表", "Women's Development Plan monitoring return")
    case (false, true): return text("儿童发展规划监测报表", "Children's Development Plan monitoring return")
    default:
      return text("妇女儿童发展规划监测报表", "Women's and Children's Development Plans monitoring return")
    }
  }

  /// The Chinese kind title, used in file names whatever the language.
  var chineseKindTitle: String {
    var copy = self
    copy.language = .zh
    return copy.kindTitle
  }

  /// Whether the year is known (a marked copy of an unreadable return may know none).
  var hasYear: Bool { year > 0 }

  /// The title line of the form sheet.
  var title: String {
    let text = FormText(language: language)
    guard hasYear else {
      return text("\(schema.jurisdiction.name)\(kindTitle)", "\(schema.jurisdiction.name) \(kindTitle)")
    }
    return text(
      "\(schema.jurisdiction.name)\(kindTitle)（\(year)年）", "\(schema.jurisdiction.name) \(kindTitle) (\(year))")
  }

  /// The department's name without the jurisdiction in front (区卫生健康局 → 卫生健康局), safe for file names.
  static func shortName(of department: Department, in jurisdiction: Jurisdiction) -> String {
    var name = department.name
    for prefix in [jurisdiction.fullName, jurisdiction.name].compactMap({ $0 }) where name.hasPrefix(prefix) {
      name = String(name.dropFirst(prefix.count))
      break
    }
    // 区卫生健康局 → 卫生健康局, but 区委组织部 stays (the 区委 is part of the name).
    if let first = name.first, "区县市旗".contains(first), name.count > 2,
      name.dropFirst().first != "委"
    {
      name.removeFirst()
    }
    return name.isEmpty ? department.id : name
  }

  /// Removes characters that are unsafe in file names on Windows, macOS and Linux.
  static func safeFileName(_ text: String) -> String {
    let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    var result = ""
    for character in text {
      if unsafe.contains(character) || character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
        result.append("_")
      } else if character.isWhitespace {
        result.append("_")
      } else {
        result.append(character)
      }
    }
    while result.hasPrefix(".") { result.removeFirst() }
    return result.isEmpty ? "_" : result
  }
}

extension Sequence where Element: Hashable {
  /// The elements in order, each only once.
  fileprivate func formsUniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
