import Foundation
import NianjianTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `kill -9` at chosen moments of `import`, `yearbook`, `template` and `validate --marked`: the store is as it was
/// before the command (same rows, `PRAGMA integrity_check` ok), and the output folder holds either what it held
/// before or complete files identical to an uninterrupted run's, never a partial or temporary file.
@Suite struct KillCLITests {
  static let schema = TestSupport.templatesDirectory.appendingPathComponent("guandu").path
  /// A generous guard against hangs.
  static let timeLimit: TimeInterval = 180

  // MARK: - import

  /// Moments of the batch of 60: before any file is done, after the first, a third, two thirds, and near the end.
  static let importMoments = [0, 1, 20, 40, 55]

  @Test(arguments: importMoments)
  func killingImportLeavesTheStoreAsBeforeAndARerunImportsEverything(_ filesDone: Int) throws {
    guard let batch = try ReturnBatch.shared() else { return }
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-kill-import")
    let store = try batch.seededStore(in: folder)
    let before = try StoreSnapshot(folder: folder, store: store)
    #expect(before.isIntact)

    let arguments = ["import"] + batch.returns.map(\.path) + ["--store", store, "--schema", Self.schema]
    let child = try ChildProcess(TestSupport.nianjianExecutable, arguments)
    if filesDone > 0 {
      let reached = child.wait(
        until: { ReturnBatch.resultLines(child.stdoutSoFar) >= filesDone }, timeout: Self.timeLimit)
      #expect(reached, "the import was still running after \(filesDone) file(s)")
    }
    child.killHard()
    let killed = child.wait(timeout: Self.timeLimit)
    // Killed (nearly always), or finished just before the kill arrived: never a crash of its own.
    #expect(killed.signal == SIGKILL || killed.exitStatus != nil, "\(killed.stderr)")

    let after = try StoreSnapshot(folder: folder, store: store)
    #expect(after.isIntact, "PRAGMA integrity_check: \(after.rows.prefix(200))")
    if killed.signal == SIGKILL {
      #expect(after == before, "the store holds exactly the rows it held before the command")
    } else {
      #expect(after.rowCount == batch.completeRowCount, "finished before the kill: everything is there")
      return
    }

    let rerun = try ChildProcess.runNianjian(arguments, timeout: Self.timeLimit)
    #expect(rerun.signal == nil && !rerun.timedOut)
    #expect([0, 1, 2].contains(rerun.exitStatus ?? -1), "\(rerun.stderr)")
    #expect(ReturnBatch.resultLines(rerun.stdout) == batch.returns.count)
    #expect(rerun.stdout.contains("已导入过 0，"), "nothing of the killed run was kept")
    #expect(try StoreSnapshot(folder: folder, store: store).rowCount == batch.completeRowCount)
  }

  // MARK: - Written files

  /// Moments of a write: at once, when the private folder appears in `$TMPDIR`, when the package file appears in
  /// it, when a first file appears in the output folder, and after fixed delays.
  enum Moment: CustomStringConvertible, CaseIterable {
    case atOnce, privateFolderMade, packageBeingWritten, firstOutputFile, after50ms, after150ms, after300ms

    var description: String {
      switch self {
      case .atOnce: "at once"
      case .privateFolderMade: "private folder made"
      case .packageBeingWritten: "package being written"
      case .firstOutputFile: "first output file"
      case .after50ms: "after 50 ms"
      case .after150ms: "after 150 ms"
      case .after300ms: "after 300 ms"
      }
    }

    /// Waits for the moment; `false` when the child ended first.
    func wait(for child: ChildProcess, output: URL, temporary: URL) -> Bool {
      func names(_ folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      }
      switch self {
      case .atOnce: return true
      case .privateFolderMade:
        return child.wait(until: { !names(temporary).isEmpty }, timeout: KillCLITests.timeLimit)
      case .packageBeingWritten:
        return child.wait(
          until: {
            names(temporary).contains { folder in
              names(temporary.appendingPathComponent(folder)).contains { !$0.isEmpty }
            }
          }, timeout: KillCLITests.timeLimit)
      case .firstOutputFile:
        let before = Set(names(output))
        return child.wait(until: { Set(names(output)) != before }, timeout: KillCLITests.timeLimit)
      case .after50ms: usleep(50_000)
      case .after150ms: usleep(150_000)
      case .after300ms: usleep(300_000)
      }
      return !child.hasEnded
    }
  }

  @Test(arguments: Moment.allCases, [false, true])
  func killingYearbookLeavesNoPartialFileAndTheStoreAsBefore(_ moment: Moment, olderFileThere: Bool) throws {
    guard let batch = try ReturnBatch.shared() else { return }
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-kill-yearbook")
    let store = try batch.completeStore(in: folder)
    let before = try StoreSnapshot(folder: folder, store: store)
    try expectKillLeavesCompleteFilesOnly(
      moment, olderFileThere: olderFileThere, reference: batch.yearbook,
      arguments: { output in
        [
          "yearbook", "--year", "2025", "--out", output.appendingPathComponent(ReturnBatch.yearbookName).path,
          "--store", store, "--schema", Self.schema,
        ]
      })
    #expect(try StoreSnapshot(folder: folder, store: store) == before)
  }

  @Test(arguments: Moment.allCases)
  func killingTemplateLeavesOnlyCompleteTemplates(_ moment: Moment) throws {
    guard let batch = try ReturnBatch.shared() else { return }
    try expectKillLeavesCompleteFilesOnly(
      moment, olderFileThere: false, reference: batch.templates,
      arguments: { output in ["template", "--year", "2025", "--out", output.path, "--schema", Self.schema] })
  }

  @Test(arguments: Moment.allCases)
  func killingValidateLeavesOnlyCompleteMarkedCopies(_ moment: Moment) throws {
    guard let batch = try ReturnBatch.shared() else { return }
    try expectKillLeavesCompleteFilesOnly(
      moment, olderFileThere: false, reference: batch.markedCopies,
      arguments: { output in
        ["validate"] + batch.returns.prefix(ReturnBatch.markedCount).map(\.path) + [
          "--marked", output.path, "--schema", Self.schema,
        ]
      })
  }

  /// Runs the command made by `arguments(outputFolder)`, kills it at `moment`, and checks that the output folder
  /// holds only files identical to `reference` (or the older file put there first), nothing hidden or partial.
  private func expectKillLeavesCompleteFilesOnly(
    _ moment: Moment, olderFileThere: Bool, reference: [String: Data], arguments: (URL) -> [String]
  ) throws {
    let output = try TestSupport.makeTemporaryDirectory("nianjian-kill-out")
    let temporary = try TestSupport.makeTemporaryDirectory("nianjian-kill-tmp")
    let older = Data("an older file, kept until a complete new one replaces it".utf8)
    if olderFileThere {
      for name in reference.keys { try older.write(to: output.appendingPathComponent(name)) }
    }
    let child = try ChildProcess(
      TestSupport.nianjianExecutable, arguments(output), environment: ["TMPDIR": temporary.path])
    let reached = moment.wait(for: child, output: output, temporary: temporary)
    child.killHard()
    let outcome = child.wait(timeout: Self.timeLimit)
    #expect(outcome.signal == nil || outcome.signal == SIGKILL, "\(moment): no crash")
    if !reached { #expect([0, 1, 2].contains(outcome.exitStatus ?? -1), "\(moment): \(outcome.stderr)") }

    let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
    for name in names {
      #expect(reference[name] != nil, "\(moment): \(name) is no output of the command (a temporary file?)")
      let bytes = try Data(contentsOf: output.appendingPathComponent(name))
      #expect(
        bytes == reference[name] || (olderFileThere && bytes == older),
        "\(moment): \(name) is complete, or the older file")
    }
    if olderFileThere { #expect(names.count == reference.count, "\(moment): no older file was removed") }
    try? FileManager.default.removeItem(at: temporary)
  }
}

/// Sixty filled returns (every guandu department, 2024 and 2025), and what complete runs on them give.
struct ReturnBatch: Sendable {
  static let yearbookName = "2025年鉴.xlsx"
  /// How many returns the `validate --marked` test checks.
  static let markedCount = 10

  var folder: URL
  var returns: [URL]
  var history: URL
  /// How many lines `store_rows.py` prints for the seeded store after the whole batch.
  var completeRowCount: Int
  var completeStoreFile: URL
  var yearbook: [String: Data]
  var templates: [String: Data]
  var markedCopies: [String: Data]

  /// The number of per-file result lines (accepted or rejected) in `import`'s output.
  static func resultLines(_ stdout: String) -> Int {
    stdout.split(separator: "\n").filter { $0.contains("：已接收") || $0.contains("：已退回") }.count
  }

  /// A store holding only a small history table (the state "before the command").
  func seededStore(in folder: URL) throws -> String {
    let store = folder.appendingPathComponent("监测.sqlite").path
    let seeded = try TestSupport.nianjian(["import", history.path, "--store", store, "--schema", KillCLITests.schema])
    guard seeded.status == 0 else { throw CorpusError.generatorFailed(seeded.stdout + seeded.stderr) }
    return store
  }

  /// A copy of the store after the whole batch.
  func completeStore(in folder: URL) throws -> String {
    let store = folder.appendingPathComponent("监测.sqlite")
    try FileManager.default.copyItem(at: completeStoreFile, to: store)
    return store.path
  }

  private static let made: Result<ReturnBatch?, Error> = Result {
    guard TestSupport.pythonHasModules(["openpyxl"]) else { return nil }
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-return-batch")
    let schema = KillCLITests.schema
    var returns: [URL] = []
    var templates: [String: Data] = [:]
    for year in [2024, 2025] {
      let blank = folder.appendingPathComponent("blank-\(year)")
      let made = try TestSupport.nianjian(["template", "--year", "\(year)", "--out", blank.path, "--schema", schema])
      guard made.status == 0 else { throw CorpusError.generatorFailed(made.stderr) }
      let names = try FileManager.default.contentsOfDirectory(atPath: blank.path).filter { $0.hasSuffix(".xlsx") }
        .sorted()
      if year == 2025 {
        for name in names { templates[name] = try Data(contentsOf: blank.appendingPathComponent(name)) }
      }
      let filled = folder.appendingPathComponent("returns-\(year)")
      let fill = try TestSupport.python(
        [TestSupport.fixture("robust/fill_batch.py").path, filled.path]
          + names.map { blank.appendingPathComponent($0).path })
      guard fill.status == 0 else { throw CorpusError.generatorFailed(fill.stderr) }
      returns += names.map { filled.appendingPathComponent($0) }
    }
    let history = folder.appendingPathComponent("历史数据.csv")
    try Data("指标代码,年份,数值\nW-HE-02,2023,80.25\nW-HE-03,2023,70.5\n".utf8).write(to: history)

    let storeFolder = folder.appendingPathComponent("complete")
    try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: false)
    var batch = ReturnBatch(
      folder: folder, returns: returns, history: history, completeRowCount: 0,
      completeStoreFile: storeFolder.appendingPathComponent("监测.sqlite"), yearbook: [:], templates: templates,
      markedCopies: [:])
    let store = try batch.seededStore(in: storeFolder)
    let imported = try TestSupport.nianjian(
      ["import"] + returns.map(\.path) + ["--store", store, "--schema", schema])
    guard imported.status <= 2 else { throw CorpusError.generatorFailed(imported.stderr) }
    batch.completeRowCount = try StoreSnapshot(folder: storeFolder, store: store).rowCount

    let yearbook = folder.appendingPathComponent(yearbookName)
    let written = try TestSupport.nianjian([
      "yearbook", "--year", "2025", "--out", yearbook.path, "--store", store, "--schema", schema,
    ])
    guard written.status == 0 else { throw CorpusError.generatorFailed(written.stderr) }
    batch.yearbook = [yearbookName: try Data(contentsOf: yearbook)]

    let marked = folder.appendingPathComponent("marked")
    try FileManager.default.createDirectory(at: marked, withIntermediateDirectories: false)
    _ = try TestSupport.nianjian(
      ["validate"] + returns.prefix(markedCount).map(\.path) + ["--marked", marked.path, "--schema", schema])
    for name in try FileManager.default.contentsOfDirectory(atPath: marked.path) {
      batch.markedCopies[name] = try Data(contentsOf: marked.appendingPathComponent(name))
    }
    guard batch.markedCopies.count == markedCount else { throw CorpusError.generatorFailed("marked copies") }
    return batch
  }

  /// The batch, made once per test run, or `nil` when openpyxl is missing (the tests then skip).
  static func shared() throws -> ReturnBatch? { try made.get() }
}
