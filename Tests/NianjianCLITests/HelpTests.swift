import Foundation
import NianjianTestSupport
import Testing

@Suite struct HelpTests {
  @Test func helpListsEverySubcommand() throws {
    let result = try TestSupport.nianjian(["--help"])
    #expect(result.status == 0)
    for command in ["dump", "schema", "template", "validate", "import", "status", "yearbook", "demo"] {
      #expect(result.stdout.contains(command), "help should list \(command)")
    }
  }
}
