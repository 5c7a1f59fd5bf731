import Foundation
import NianjianTestSupport
import PropertyBased
import Schema
import Testing

/// A strange file must give diagnostics, never a crash (the second-worst bug after a changed number).
@Suite struct SchemaLoaderRobustnessTests {
  static let departments = (try? Data(contentsOf: TestSupport.fixture("schema/mini/departments.yaml"))) ?? Data()
  static let plan = (try? String(contentsOf: TestSupport.fixture("schema/mini/women.yaml"), encoding: .utf8)) ?? ""

  @Test func mangledPlanFilesGiveDiagnosticsNotCrashes() async {
    let characters = Array(Self.plan)
    let replacements: [Character] = [" ", ":", "-", "[", "]", "{", "}", "\"", "'", "\n", "#", "&", "*", "%", "9", "x"]
    await propertyCheck(
      count: 300, input: Gen.int(in: 0...(characters.count - 1)).array(of: 1...6),
      Gen.int(in: 0...(replacements.count - 1))
    ) { positions, replacement in
      var mangled = characters
      for position in positions { mangled[position] = replacements[replacement] }
      let files = [("departments.yaml", Self.departments), ("women.yaml", Data(String(mangled).utf8))]
      let inspection = SchemaLoader.inspect(files: files, folderName: "mini")
      for diagnostic in inspection.diagnostics {
        #expect(!diagnostic.message.zh.isEmpty && !diagnostic.message.en.isEmpty)
        #expect(diagnostic.line >= 0 && diagnostic.column >= 0)
      }
      if !inspection.hasErrors, let schema = inspection.schema {
        #expect(!schema.exportJSONText().isEmpty)
      }
    }
  }

  @Test func truncatedFilesGiveDiagnosticsNotCrashes() async {
    let bytes = Array(Self.plan.utf8)
    await propertyCheck(count: 200, input: Gen.int(in: 0...bytes.count)) { length in
      let files = [("departments.yaml", Self.departments), ("women.yaml", Data(bytes[0..<length]))]
      let inspection = SchemaLoader.inspect(files: files, folderName: "mini")
      #expect(inspection.schema != nil || inspection.hasErrors)
    }
  }
}
