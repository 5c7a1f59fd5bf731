import Foundation
import NianjianTestSupport
import Testing

/// Hostile and broken files through the public command: `validate --marked`, `import` and `dump` end with exit 65
/// and a message naming the file, in bounded time and memory, writing nothing; legal-but-strange workbooks are
/// judged like any other. The corpus is generated at test time by `Tests/Fixtures/reader/scripts/make_hostile.py`
/// and `Tests/Fixtures/robust/make_strange_returns.py`.
@Suite struct HostileInputCLITests {
  /// Files every command must refuse with exit 65.
  static let unreadable = [
    "zip-bomb.xlsx", "zip-bomb-lying-size.xlsx", "oversized-part.xlsx", "billion-laughs.xlsx",
    "parameter-entity-laughs.xlsx", "doctype-external-entity.xlsx", "external-entity-sheet.xlsx",
    "external-dtd.xlsx", "undeclared-entity.xlsx", "path-traversal-parts.xlsx", "path-traversal-target.xlsx",
    "absolute-target.xlsx", "too-many-entries.xlsx", "many-sheets.xlsx", "long-string.xlsx",
    "cell-beyond-grid.xlsx", "row-beyond-grid.xlsx", "bad-shared-string-index.xlsx", "deep-nesting.xlsx",
    "truncated.xlsx", "truncated-early.xlsx", "truncated-central-directory.xlsx", "corrupt.xlsx",
    "corrupt-central-directory.xlsx", "checksum-mismatch.xlsx", "duplicate-entry.xlsx", "missing-part.xlsx",
    "malformed-xml.xlsx", "legacy.xls.xlsx", "wps.et.xlsx", "encrypted.xlsx", "opendocument.xlsx",
    "binary-xlsb.xlsx", "word-document.xlsx", "plain-zip.xlsx", "html.xlsx", "csv.xlsx", "utf16-csv.xlsx",
    "xml2003.xlsx", "pdf.xlsx", "gzip.xlsx", "png.xlsx", "binary-garbage.xlsx", "empty.xlsx",
  ]

  /// Readable workbooks that are no return (a table with no template and no header row): exit 2, rule
  /// `file.unidentified`, in bounded time and memory.
  static let readableButNoReturn = [
    "good.xlsx", "last-cell.xlsx", "many-parts.xlsx", "path-traversal-entries.xlsx", "huge-shared-strings.xlsx",
    "deep-nesting-strings.xlsx",
  ]

  /// A real filled return made strange in ways Excel accepts: judged exactly like the return itself.
  static let strangeReturns = [
    "return-last-cell.xlsx", "return-many-parts.xlsx", "return-traversal-names.xlsx", "return-huge-strings.xlsx",
  ]

  /// Generous guards against hangs and runaway memory (the commands need well under a tenth of both).
  static let timeLimit: TimeInterval = 180
  static let memoryLimit = 512 << 20

  static let schema = TestSupport.templatesDirectory.appendingPathComponent("guandu").path

  // MARK: - Unreadable files

  @Test(arguments: unreadable)
  func validateRefusesTheFileNamingItInBothLanguagesAndWritesNoMarkedCopy(_ file: String) throws {
    let url = try HostileCorpus.file(file)
    let marked = try TestSupport.makeTemporaryDirectory("nianjian-hostile-marked")
    let temporary = try TestSupport.makeTemporaryDirectory("nianjian-hostile-tmp")
    for language in ["zh", "en"] {
      let run = try ChildProcess.runNianjian(
        ["validate", url.path, "--marked", marked.path, "--schema", Self.schema, "--lang", language],
        environment: ["TMPDIR": temporary.path], timeout: Self.timeLimit)
      expectBounded(run, file)
      #expect(run.exitStatus == 65, "\(file) \(language): \(run.stderr)")
      let expected = language == "zh" ? "无法读取“\(file)”" : "Cannot read \"\(file)\""
      #expect(run.stdout.contains(expected) || run.stderr.contains(expected), "\(file): \(run.stdout)\(run.stderr)")
      #expect(!(run.stdout + run.stderr).contains("SECRET"), "no file content leaks into the message")
    }
    #expect(try contents(marked).isEmpty, "no marked copy and no temporary file")
    #expect(try contents(temporary).isEmpty, "no private temporary folder left behind")
  }

  @Test(arguments: unreadable)
  func dumpRefusesTheFileNamingIt(_ file: String) throws {
    let url = try HostileCorpus.file(file)
    let run = try ChildProcess.runNianjian(["dump", url.path], timeout: Self.timeLimit)
    expectBounded(run, file)
    #expect(run.exitStatus == 65, "\(file): \(run.stderr)")
    #expect(run.stderr.contains(file))
    #expect(run.stdout.isEmpty, "no cell is printed from a refused file")
  }

  @Test func importOfUnreadableFilesLeavesTheStoreWithTheSameRows() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-hostile-store")
    let store = folder.appendingPathComponent("监测.sqlite").path
    let history = folder.appendingPathComponent("历史.csv")
    try Data("指标代码,年份,数值\nW-HE-02,2023,80.25\n".utf8).write(to: history)
    let seeded = try TestSupport.nianjian(["import", history.path, "--store", store, "--schema", Self.schema])
    #expect(seeded.status == 0, "\(seeded.stdout)\(seeded.stderr)")
    let before = try StoreSnapshot(folder: folder, store: store)
    #expect(before.isIntact && before.rows.contains("W-HE-02"))

    let files = try Self.unreadable.map { try HostileCorpus.file($0).path }
    for language in ["zh", "en"] {
      let run = try ChildProcess.runNianjian(
        ["import"] + files + ["--store", store, "--schema", Self.schema, "--lang", language],
        timeout: Self.timeLimit * 4)
      expectBounded(run, "import batch")
      #expect(run.exitStatus == 65)
      for file in Self.unreadable {
        #expect(run.stderr.contains(file), "\(file) is named")
      }
      let summary =
        language == "zh"
        ? "共 \(files.count) 个文件：接收 0，接收但有警告 0，退回 0，已导入过 0，无法读取 \(files.count)"
        : "\(files.count) files: 0 accepted, 0 accepted with warnings, 0 rejected, 0 already imported, "
          + "\(files.count) unreadable"
      #expect(run.stdout.contains(summary), "\(run.stdout)")
      #expect(try StoreSnapshot(folder: folder, store: store) == before, "the store holds the same rows")
    }
  }

  @Test func importOfOnlyUnreadableFilesCreatesNoStore() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-hostile-nostore")
    let store = folder.appendingPathComponent("new.sqlite").path
    let files = try ["zip-bomb.xlsx", "billion-laughs.xlsx", "truncated.xlsx", "legacy.xls.xlsx", "empty.xlsx"].map {
      try HostileCorpus.file($0).path
    }
    let run = try ChildProcess.runNianjian(
      ["import"] + files + ["--store", store, "--schema", Self.schema], timeout: Self.timeLimit)
    expectBounded(run, "import")
    #expect(run.exitStatus == 65)
    #expect(try contents(folder).isEmpty, "no store, no -wal or -shm file")
  }

  /// One file of each kind of trouble, for the commands that take return files besides `validate`.
  static let oneOfEachKind = [
    "zip-bomb.xlsx", "zip-bomb-lying-size.xlsx", "billion-laughs.xlsx", "external-entity-sheet.xlsx",
    "path-traversal-target.xlsx", "many-sheets.xlsx", "deep-nesting.xlsx", "row-beyond-grid.xlsx",
    "truncated.xlsx", "checksum-mismatch.xlsx", "legacy.xls.xlsx", "encrypted.xlsx", "csv.xlsx", "empty.xlsx",
  ]

  @Test(arguments: oneOfEachKind)
  func yearbookFromAnUnreadableReturnWritesNoYearbook(_ file: String) throws {
    let output = try TestSupport.makeTemporaryDirectory("nianjian-hostile-yearbook")
    let temporary = try TestSupport.makeTemporaryDirectory("nianjian-hostile-tmp")
    let run = try ChildProcess.runNianjian(
      [
        "yearbook", "--year", "2025", "--out", output.appendingPathComponent("年鉴.xlsx").path,
        try HostileCorpus.file(file).path, "--schema", Self.schema, "--lang", "en",
      ], environment: ["TMPDIR": temporary.path], timeout: Self.timeLimit)
    expectBounded(run, file)
    #expect(run.exitStatus == 65, "\(file): \(run.stderr)")
    #expect(run.stderr.contains("Cannot read \"\(file)\""), "\(run.stderr)")
    #expect(try contents(output).isEmpty)
    #expect(try contents(temporary).isEmpty)
  }

  // MARK: - Readable files that are not returns

  @Test(arguments: readableButNoReturn)
  func aReadableWorkbookThatIsNoReturnIsUnidentifiedInBoundedTimeAndMemory(_ file: String) throws {
    let url = try HostileCorpus.file(file)
    let marked = try TestSupport.makeTemporaryDirectory("nianjian-hostile-marked")
    let run = try ChildProcess.runNianjian(
      ["validate", url.path, "--marked", marked.path, "--schema", Self.schema, "--format", "json"],
      timeout: Self.timeLimit)
    expectBounded(run, file)
    #expect(run.exitStatus == 2, "\(file): \(run.stderr)")
    #expect(run.stdout.contains("\"rule\":\"file.unidentified\""), "\(run.stdout)")
    expectNothingEscaped(from: marked)
  }

  @Test func dumpShowsTheCellInTheLastCornerOfTheGrid() throws {
    let run = try ChildProcess.runNianjian(
      ["dump", try HostileCorpus.file("last-cell.xlsx").path], timeout: Self.timeLimit)
    expectBounded(run, "last-cell.xlsx")
    #expect(run.exitStatus == 0)
    #expect(run.stdout.contains(#"{"sheet":"表1","cell":"XFD1048576","type":"number","value":7}"#))
  }

  // MARK: - Strange but legal returns

  @Test(arguments: strangeReturns)
  func aStrangeButLegalReturnIsJudgedExactlyLikeTheReturnItself(_ file: String) throws {
    guard let corpus = try StrangeReturns.corpus() else { return }
    let clean = try validateJSON(corpus.clean)
    let marked = try TestSupport.makeTemporaryDirectory("nianjian-strange-marked")
    let run = try ChildProcess.runNianjian(
      [
        "validate", corpus.folder.appendingPathComponent(file).path, "--schema", Self.schema, "--format", "json",
        "--marked", marked.path,
      ], timeout: Self.timeLimit)
    expectBounded(run, file)
    #expect(run.exitStatus == clean.status)
    let strange = try judgement(run.stdout)
    #expect(strange == clean.judgement, "\(file): same template, identification, findings and summary")
    #expect(try contents(marked) == [file.replacingOccurrences(of: ".xlsx", with: "_审核意见.xlsx")])
    expectNothingEscaped(from: marked)

    let folder = try TestSupport.makeTemporaryDirectory("nianjian-strange-store")
    let store = folder.appendingPathComponent("s.sqlite").path
    let imported = try ChildProcess.runNianjian(
      ["import", corpus.folder.appendingPathComponent(file).path, "--store", store, "--schema", Self.schema],
      timeout: Self.timeLimit)
    expectBounded(imported, file)
    #expect(imported.exitStatus == clean.status)
    #expect(imported.stdout.contains("\(file)：已接收"), "\(imported.stdout)")
  }

  // MARK: - Helpers

  private func expectBounded(_ run: ChildProcess.Outcome, _ what: String) {
    #expect(!run.timedOut, "\(what) finished within \(Self.timeLimit) s")
    #expect(run.signal == nil, "\(what) did not crash (signal \(run.signal ?? 0))")
    #expect(run.peakMemoryBytes < Self.memoryLimit, "\(what) peak memory \(run.peakMemoryBytes >> 20) MiB")
    #expect(!run.stderr.contains("Fatal error"), "\(what): \(run.stderr)")
  }

  /// No entry with a climbing name was written anywhere near the output folder or the root of `/tmp`.
  private func expectNothingEscaped(from folder: URL) {
    let places = [
      folder, folder.deletingLastPathComponent(), folder.deletingLastPathComponent().deletingLastPathComponent(),
      URL(fileURLWithPath: "/tmp"), URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    ]
    for place in places {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? []
      #expect(!names.contains { $0.hasPrefix("nianjian-escaped") }, "nothing escaped into \(place.path)")
    }
  }

  private func contents(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  private func validateJSON(_ url: URL) throws -> (status: Int32?, judgement: [String: String]) {
    let run = try ChildProcess.runNianjian(
      ["validate", url.path, "--schema", Self.schema, "--format", "json"], timeout: Self.timeLimit)
    return (run.exitStatus, try judgement(run.stdout))
  }

  /// The parts of a `validate --format json` answer that judge the content (not the file name or hash).
  private func judgement(_ json: String) throws -> [String: String] {
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let first = try #require(array.first)
    var result: [String: String] = [:]
    for key in ["template", "identification", "findings", "summary"] {
      let value = first[key] ?? NSNull()
      let data = try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
      result[key] = String(decoding: data, as: UTF8.self)
    }
    return result
  }
}

/// The generated hostile files, made once per test run.
enum HostileCorpus {
  static let folder: Result<URL, Error> = Result {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-hostile-cli")
    let script = TestSupport.fixture("reader/scripts/make_hostile.py").path
    let result = try TestSupport.python([script, folder.path])
    guard result.status == 0 else { throw CorpusError.generatorFailed(result.stderr) }
    return folder
  }

  static func file(_ name: String) throws -> URL {
    try folder.get().appendingPathComponent(name)
  }
}

/// A blank guandu template filled by openpyxl (`Tests/Fixtures/forms/fill_template.py`) and its strange copies.
enum StrangeReturns {
  struct Corpus: Sendable {
    var folder: URL
    var clean: URL
  }

  private static let made: Result<Corpus?, Error> = Result {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return nil }
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-strange-returns")
    let template = try TestSupport.nianjian([
      "template", "--year", "2025", "--department", "health", "--out", folder.path, "--schema",
      HostileInputCLITests.schema,
    ])
    guard template.status == 0 else { throw CorpusError.generatorFailed(template.stderr) }
    let blank = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".xlsx") })
    let clean = folder.appendingPathComponent("filled.xlsx")
    let fill = try TestSupport.python([
      TestSupport.fixture("forms/fill_template.py").path, folder.appendingPathComponent(blank).path, clean.path,
    ])
    guard fill.status == 0 else { throw CorpusError.generatorFailed(fill.stderr) }
    let strange = try TestSupport.python([
      TestSupport.fixture("robust/make_strange_returns.py").path, clean.path, folder.path,
    ])
    guard strange.status == 0 else { throw CorpusError.generatorFailed(strange.stderr) }
    return Corpus(folder: folder, clean: clean)
  }

  /// The corpus, or `nil` when openpyxl is missing (the tests then skip).
  static func corpus() throws -> Corpus? { try made.get() }
}

enum CorpusError: Error {
  case generatorFailed(String)
}

/// A store's rows and the names in its folder (a `-wal` or `-shm` file left behind would show).
///
/// Rows, not bytes: GRDB creates and drops a table each time it opens a store in WAL mode (its issue 102), which
/// changes the file's header and size but never a row.
struct StoreSnapshot: Equatable {
  /// `PRAGMA integrity_check`'s answer ("ok"), then the SQL text of every table and row (`store_rows.py`).
  var rows: String
  var names: [String]

  init(folder: URL, store: String) throws {
    let dump = try TestSupport.python([TestSupport.fixture("robust/store_rows.py").path, store])
    guard dump.status == 0 else { throw CorpusError.generatorFailed(dump.stderr) }
    rows = dump.stdout
    names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// How many lines the dump has (schema and rows).
  var rowCount: Int { rows.split(separator: "\n").count }

  /// Whether SQLite found the file sound.
  var isIntact: Bool { rows.hasPrefix("ok\n") }
}
