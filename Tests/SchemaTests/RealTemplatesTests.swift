import Foundation
import NianjianTestSupport
import Schema
import Testing

/// Every jurisdiction in `Templates/` must check clean: no errors and no warnings (and, when `../shared` is
/// present, every `source` must be found in the plan's text).
@Suite struct RealTemplatesTests {
  static var jurisdictions: [String] {
    let root = TestSupport.templatesDirectory
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter { name in
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent(name).appendingPathComponent(SchemaLoader.departmentsFileName).path)
    }.sorted()
  }

  @Test func everyJurisdictionInTemplatesChecksClean() throws {
    for name in Self.jurisdictions {
      let folder = TestSupport.templatesDirectory.appendingPathComponent(name)
      let seeds = TestSupport.sharedDirectory?.appendingPathComponent("seeds")
      let (schema, diagnostics) = SchemaLoader.check(directory: folder, seedsDirectory: seeds)
      let problems = diagnostics.filter { $0.severity != .info }
      #expect(problems.isEmpty, "\(name): \(problems.map { $0.formatted() }.joined(separator: "\n"))")
      let loaded = try #require(schema, "\(name) does not load")
      #expect(loaded.jurisdiction.id == name)
      #expect(!loaded.plans.isEmpty)
      for plan in loaded.plans {
        #expect(!plan.indicators.isEmpty, "\(name)/\(plan.fileName) has no indicators")
      }
    }
  }

  @Test func everyRealIndicatorCanBeAssessed() throws {
    for name in Self.jurisdictions {
      let folder = TestSupport.templatesDirectory.appendingPathComponent(name)
      guard let schema = SchemaLoader.check(directory: folder).schema else { continue }
      for indicator in schema.allIndicators {
        let low = indicator.range.lowerBound ?? 0
        let high = indicator.range.upperBound ?? low + 1000
        // A made-up series that wanders inside the range.
        var series: [Int: Double] = [:]
        for (offset, year) in (2019...2024).enumerated() {
          series[year] = low + (high - low) * Double((offset * 37) % 11) / 10
        }
        let assessment = IndicatorAssessment.assess(indicator, series: series, year: 2024)
        #expect(!assessment.attainment.reason.zh.isEmpty, "\(name) \(indicator.code)")
        if indicator.isQualitative { #expect(assessment.attainment.status == .cannotAssess) }
        for target in indicator.targets {
          #expect(!target.expression.text(unit: indicator.unit).zh.isEmpty)
        }
      }
    }
  }
}
