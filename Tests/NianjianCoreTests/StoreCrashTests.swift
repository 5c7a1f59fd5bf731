import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real crash: `nianjian import` of a large history table is killed (SIGKILL) while its transaction is being
/// written to the WAL; the store must then hold everything from before and nothing of the killed import.
@Suite struct StoreCrashTests {
  /// Kill once the write-ahead log holds this much of the unfinished transaction.
  static let walBytesBeforeKill = 256 * 1024
  /// Give up waiting for the child after this long (it normally finishes or is killed within seconds).
  static let childDeadline: TimeInterval = 300

  @Test func importKilledMidTransactionLeavesTheStoreAsItWas() throws {
    let jurisdiction = TestSupport.templatesDirectory.appendingPathComponent("guandu")
    let schema = try SchemaLoader.load(directory: jurisdiction)
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-crash")
    let storePath = dir.appendingPathComponent("nianjian.sqlite").path

    // Before: a small history table.
    let numeric = schema.allIndicators.filter { !$0.isQualitative }
    let firstCode = try #require(numeric.first?.code)
    try Data("指标代码,年份,数值\n\(firstCode),2020,93.5\n".utf8).write(to: dir.appendingPathComponent("small.csv"))
    let before = try TestSupport.nianjian(
      ["import", "small.csv", "--schema", jurisdiction.path, "--store", storePath], in: dir)
    #expect(before.status == 0, "\(before.stderr)")

    // A large table: every numeric indicator for every year 1949–2100.
    var text = "指标代码,年份,数值,备注\n"
    for indicator in numeric {
      for year in 1949...2100 where !(indicator.code == firstCode && year == 2020) {
        text += "\(indicator.code),\(year),\(year % 97).25,这一行的备注使每一行更长一些，以便事务跨越多个数据页\n"
      }
    }
    let rowCount = text.split(separator: "\n").count - 1
    try Data(text.utf8).write(to: dir.appendingPathComponent("big.csv"))

    let process = Process()
    process.executableURL = TestSupport.nianjianExecutable
    process.arguments = ["import", "big.csv", "--schema", jurisdiction.path, "--store", storePath]
    process.currentDirectoryURL = dir
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let wal = storePath + "-wal"
    let deadline = Date().addingTimeInterval(Self.childDeadline)
    var killed = false
    while process.isRunning, Date() < deadline {
      let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber)?.intValue ?? 0
      if size >= Self.walBytesBeforeKill {
        kill(process.processIdentifier, SIGKILL)
        killed = true
        break
      }
      usleep(2_000)
    }
    process.waitUntilExit()

    let store = try SQLiteStore(path: storePath, createIfMissing: false)
    let values = try store.acceptedValues(through: 2100)
    if killed, process.terminationReason == .uncaughtSignal {
      // Killed in the middle: nothing of the big table, everything from before.
      #expect(values.map(\.indicatorCode) == [firstCode])
      #expect(values.first?.quantity == .number(93.5))
      #expect(try store.submissions(year: 2100).isEmpty)
    } else {
      // The import finished before the log grew that large: then all of it is there.
      #expect(values.count == rowCount + 1)
    }
    // Either way the store works afterwards.
    let after = try TestSupport.nianjian(
      ["import", "big.csv", "--schema", jurisdiction.path, "--store", storePath], in: dir)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(try store.acceptedValues(through: 2100).count == rowCount + 1)
  }
}
