import Foundation
import NianjianTestSupport
import Testing
import XLSXReader

/// Returns are parsed in parallel: one document per task must give the same cells as a sequential read.
@Suite struct ConcurrencyTests {
  private static let files = [
    "openpyxl/return-basic.xlsx", "xlsxwriter/return-normal.xlsx", "xlsxwriter/return-constant_memory.xlsx",
    "libreoffice/return-basic.xlsx", "quirks/zh-cn-date-ids.xlsx", "quirks/custom-number-formats.xlsx",
    "quirks/rich-text-phonetic-runs.xlsx", "quirks/strict-namespaces.xlsx",
  ]

  private static func summary(_ path: String) throws -> [String] {
    let document = try XLSXDocument(contentsOf: TestSupport.fixture("reader/" + path))
    return try document.sheets.flatMap { sheet in
      try document.readSheet(sheet).cells.map { "\(sheet.name)!\($0.reference)=\($0.value)" }
    }
  }

  @Test func documentsReadInParallelGiveTheSameCells() async throws {
    let expected = try Dictionary(uniqueKeysWithValues: Self.files.map { ($0, try Self.summary($0)) })
    try await withThrowingTaskGroup(of: (String, [String]).self) { group in
      for file in Self.files + Self.files + Self.files + Self.files {
        group.addTask { (file, try Self.summary(file)) }
      }
      for try await (file, cells) in group {
        #expect(cells == expected[file], "\(file)")
      }
    }
  }
}
