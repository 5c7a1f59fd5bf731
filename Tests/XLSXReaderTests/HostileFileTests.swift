import Foundation
import Testing
import XLSXReader

/// Hostile and not-an-XLSX files, generated at test time by `make_hostile.py`: each ends with the right error kind.
@Suite struct HostileFileTests {
  static let cases: [(file: String, kind: XLSXReadError.Kind)] = [
    ("zip-bomb.xlsx", .limitExceeded),
    ("billion-laughs.xlsx", .documentTypeDeclaration),
    ("doctype-external-entity.xlsx", .documentTypeDeclaration),
    ("undeclared-entity.xlsx", .malformedXML),
    ("legacy.xls.xlsx", .legacyXLS),
    ("encrypted.xlsx", .encrypted),
    ("opendocument.xlsx", .openDocument),
    ("binary-xlsb.xlsx", .binaryWorkbook),
    ("word-document.xlsx", .notSpreadsheet),
    ("plain-zip.xlsx", .unknownPackage),
    ("html.xlsx", .htmlRenamed),
    ("csv.xlsx", .textRenamed),
    ("xml2003.xlsx", .xml2003),
    ("binary-garbage.xlsx", .notAZip),
    ("empty.xlsx", .emptyFile),
    ("truncated.xlsx", .truncated),
    ("corrupt.xlsx", .corruptZip),
    ("missing-part.xlsx", .missingPart),
    ("malformed-xml.xlsx", .malformedXML),
    ("bad-shared-string-index.xlsx", .invalidCell),
    ("cell-beyond-grid.xlsx", .invalidCell),
    ("duplicate-entry.xlsx", .duplicateEntry),
    ("too-many-entries.xlsx", .limitExceeded),
    ("long-string.xlsx", .limitExceeded),
    // Added with the command-line suite (Tests/NianjianCLITests/HostileInputCLITests.swift).
    ("zip-bomb-lying-size.xlsx", .limitExceeded),
    ("oversized-part.xlsx", .limitExceeded),
    ("external-entity-sheet.xlsx", .documentTypeDeclaration),
    ("external-dtd.xlsx", .documentTypeDeclaration),
    ("parameter-entity-laughs.xlsx", .documentTypeDeclaration),
    ("path-traversal-parts.xlsx", .unknownPackage),
    ("path-traversal-target.xlsx", .missingPart),
    ("absolute-target.xlsx", .missingPart),
    ("many-sheets.xlsx", .limitExceeded),
    ("row-beyond-grid.xlsx", .invalidCell),
    ("deep-nesting.xlsx", .limitExceeded),
    ("truncated-early.xlsx", .truncated),
    ("truncated-central-directory.xlsx", .truncated),
    ("corrupt-central-directory.xlsx", .corruptZip),
    ("checksum-mismatch.xlsx", .corruptZip),
    ("pdf.xlsx", .notAZip),
    ("gzip.xlsx", .notAZip),
    ("png.xlsx", .notAZip),
    ("utf16-csv.xlsx", .textRenamed),
    ("wps.et.xlsx", .legacyXLS),
  ]

  /// Strange but legal workbooks: they read, in bounded memory, with the values they hold.
  static let legal = [
    "last-cell.xlsx", "many-parts.xlsx", "path-traversal-entries.xlsx", "huge-shared-strings.xlsx",
    "deep-nesting-strings.xlsx",
  ]

  @Test(arguments: legal)
  func aStrangeButLegalWorkbookReads(_ file: String) throws {
    let document = try XLSXDocument(contentsOf: try HostileFiles.url(file))
    let sheet = try document.readSheet(document.sheets[0])
    #expect(sheet.cell("B1")?.value == .number(93.5))
    if file == "last-cell.xlsx" { #expect(sheet.cell("XFD1048576")?.value == .number(7)) }
  }

  @Test(arguments: cases.map(\.file))
  func hostileFileEndsWithTheRightErrorKind(_ file: String) throws {
    let expected = try #require(Self.cases.first { $0.file == file }?.kind)
    let url = try HostileFiles.url(file)
    let error = readError(url)
    #expect(error?.kind == expected, "\(file): \(String(describing: error))")
    #expect(error?.file == url.path)
    let message = error?.message(chinese: true) ?? ""
    #expect(message.contains(file), "the message names the file")
    #expect(!message.contains("SECRET"), "no file content leaks into the message")
    #expect(!message.contains("\n"))
  }

  @Test func aGoodGeneratedFileReads() throws {
    let document = try XLSXDocument(contentsOf: try HostileFiles.url("good.xlsx"))
    let sheet = try document.readSheet(document.sheets[0])
    #expect(sheet.cell("B1")?.value == .number(93.5))
  }

  @Test func aMissingFileIsFileNotFound() {
    let error = readError(URL(fileURLWithPath: "/nonexistent/报表.xlsx"))
    #expect(error?.kind == .fileNotFound)
    #expect(error?.message(chinese: true).contains("报表.xlsx") == true)
  }

  @Test func messagesExistInBothLanguagesForEveryKind() {
    for kind in XLSXReadError.Kind.allCases {
      let error = XLSXReadError(kind, .init(file: "/tmp/表.xlsx", part: "xl/workbook.xml", sheet: "表1", cell: "B3"))
      let chinese = error.message(chinese: true)
      let english = error.message(chinese: false)
      #expect(chinese.contains("表.xlsx") && chinese.contains("表1") && chinese.contains("B3"))
      #expect(english.hasPrefix("Cannot read \"表.xlsx\""))
      #expect(chinese != english)
    }
  }
}

/// Every ``ReadLimits`` field has a test that trips it.
@Suite struct ReadLimitTests {
  private func limitError(_ file: String, _ limits: ReadLimits) -> XLSXReadError? {
    readError(readerFixtureURL(file), limits: limits)
  }

  @Test func maxEntries() {
    var limits = ReadLimits.default
    limits.maxEntries = 3
    #expect(limitError("quirks/inline-strings.xlsx", limits)?.detail?.hasPrefix("maxEntries") == true)
  }

  @Test func maxSheets() {
    var limits = ReadLimits.default
    limits.maxSheets = 2
    #expect(limitError("quirks/sheet-states.xlsx", limits)?.detail?.hasPrefix("maxSheets") == true)
  }

  @Test func maxWorksheetBytes() {
    var limits = ReadLimits.default
    limits.maxWorksheetBytes = 100
    #expect(limitError("quirks/inline-strings.xlsx", limits)?.detail?.hasPrefix("maxWorksheetBytes") == true)
  }

  @Test func maxSharedStringsBytes() {
    var limits = ReadLimits.default
    limits.maxSharedStringsBytes = 50
    #expect(limitError("quirks/escapes-x000D.xlsx", limits)?.detail?.hasPrefix("maxSharedStringsBytes") == true)
  }

  @Test func maxOtherPartBytes() {
    var limits = ReadLimits.default
    limits.maxOtherPartBytes = 100
    #expect(limitError("quirks/inline-strings.xlsx", limits)?.detail?.hasPrefix("maxOtherPartBytes") == true)
  }

  @Test func maxTotalBytes() {
    var limits = ReadLimits.default
    limits.maxTotalBytes = 1_000
    #expect(limitError("openpyxl/return-basic.xlsx", limits)?.detail?.hasPrefix("maxTotalBytes") == true)
  }

  @Test func maxCompressionRatioAndGrace() {
    var limits = ReadLimits.default
    limits.compressionRatioGraceBytes = 0
    limits.maxCompressionRatio = 2
    #expect(limitError("openpyxl/return-basic.xlsx", limits)?.detail?.hasPrefix("maxCompressionRatio") == true)
    limits.compressionRatioGraceBytes = 1 << 20
    #expect(limitError("openpyxl/return-basic.xlsx", limits) == nil, "small parts are within the grace size")
  }

  @Test func maxCellsPerSheet() {
    var limits = ReadLimits.default
    limits.maxCellsPerSheet = 3
    let error = limitError("quirks/no-cell-references.xlsx", limits)
    #expect(error?.kind == .limitExceeded)
    #expect(error?.detail?.hasPrefix("maxCellsPerSheet") == true)
    #expect(error?.sheet == "Sheet1")
  }

  @Test func maxSharedStrings() {
    var limits = ReadLimits.default
    limits.maxSharedStrings = 2
    #expect(limitError("quirks/escapes-x000D.xlsx", limits)?.detail?.hasPrefix("maxSharedStrings") == true)
  }

  @Test func maxStringBytes() {
    var limits = ReadLimits.default
    limits.maxStringBytes = 5
    #expect(limitError("quirks/inline-strings.xlsx", limits)?.detail?.hasPrefix("maxStringBytes") == true)
  }
}
