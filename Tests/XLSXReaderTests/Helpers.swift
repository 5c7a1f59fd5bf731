import Foundation
import NianjianTestSupport
import XLSXReader

/// Opens a reader fixture (`Tests/Fixtures/reader/…`).
func openFixture(_ path: String, limits: ReadLimits = .default) throws -> XLSXDocument {
  try XLSXDocument(contentsOf: TestSupport.fixture("reader/" + path), limits: limits)
}

/// Every cell of the named sheet (or the first one), keyed by reference.
func cellsByReference(_ document: XLSXDocument, sheet name: String? = nil) throws -> [String: Cell] {
  let sheet = try requireSheet(document, name)
  var result: [String: Cell] = [:]
  for cell in try document.readSheet(sheet).cells { result[cell.reference] = cell }
  return result
}

private func requireSheet(_ document: XLSXDocument, _ name: String?) throws -> SheetInfo {
  if let name {
    guard let sheet = document.sheet(named: name) else { throw FixtureError.noSheet(name) }
    return sheet
  }
  guard let first = document.sheets.first else { throw FixtureError.noSheet("(first)") }
  return first
}

enum FixtureError: Error {
  case noSheet(String)
  case generatorFailed(String)
}

/// Hostile files, generated once per test run by `Tests/Fixtures/reader/scripts/make_hostile.py`.
enum HostileFiles {
  static let directory: Result<URL, Error> = Result {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-hostile")
    let script = TestSupport.fixture("reader/scripts/make_hostile.py").path
    let result = try TestSupport.python([script, folder.path])
    guard result.status == 0 else { throw FixtureError.generatorFailed(result.stderr) }
    return folder
  }

  static func url(_ name: String) throws -> URL {
    try directory.get().appendingPathComponent(name)
  }
}

/// The error a document open (or a read of every sheet) throws, if any.
func readError(_ url: URL, limits: ReadLimits = .default) -> XLSXReadError? {
  do {
    let document = try XLSXDocument(contentsOf: url, limits: limits)
    for sheet in document.sheets { _ = try document.readSheet(sheet) }
    return nil
  } catch {
    return error
  }
}

/// A reader fixture's URL.
func readerFixtureURL(_ path: String) -> URL {
  TestSupport.fixture("reader/" + path)
}
