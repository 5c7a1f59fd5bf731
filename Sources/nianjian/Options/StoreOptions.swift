import ArgumentParser
import Foundation
import NianjianCore

/// `--store FILE`: the monitoring store. Defaults to `$NIANJIAN_STORE`, else `nianjian.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
  /// The environment variable that names the default store.
  static let environmentVariable = "NIANJIAN_STORE"
  /// The store file used when nothing else is said.
  static let defaultFileName = "nianjian.sqlite"

  @Option(
    name: .long,
    help: ArgumentHelp("监测数据库文件 (the store; default $NIANJIAN_STORE or nianjian.sqlite)", valueName: "FILE"))
  var store: String?

  /// The path of the store to use.
  var path: String {
    if let store { return store }
    if let env = ProcessInfo.processInfo.environment[Self.environmentVariable], !env.isEmpty { return env }
    return Self.defaultFileName
  }

  /// Whether the store file exists already.
  var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// Opens the store (creating it when `createIfMissing`); on failure prints why and exits with 74.
  ///
  /// A missing store (when not created), a file that is not a store, a store written by a newer nianjian, or a
  /// folder that cannot be written are all I/O failures of the command line contract (exit 74).
  func open(_ language: Language, createIfMissing: Bool) throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: path, createIfMissing: createIfMissing)
    } catch let error as StoreError {
      Console.err("nianjian: " + error.message.text(language))
      throw ExitStatus.ioFailure
    }
  }
}
