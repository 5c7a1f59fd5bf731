import NianjianCore
import Testing

@Suite struct FormsLayoutTests {
  @Test func templateColumnsAreTheFormColumnsWithoutReview() {
    #expect(FormLayout.Column.templateColumns == FormLayout.Column.allCases.filter { $0 != .review })
  }
}
