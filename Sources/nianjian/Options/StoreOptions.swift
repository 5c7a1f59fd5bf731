import ArgumentParser
import Foundation

/// `--store FILE`: the monitoring store. Defaults to `$NIANJIAN_STORE`, else `nianjian.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
  /// The environment variable that names the default store.
  static let environmentVariable = "NIANJIAN_STORE"
  /// The store file used when nothing else is said.
  static let defaultFileName = "nianjian.sqlite"

  @Option(name: .long, help: ArgumentHelp("监测数据库文件 (the store; default $NIANJIAN_STORE or nianjian.sqlite)", valueName: "FILE"))
  var store: String?

  /// The path of the store to use.
  var path: String {
    if let store { return store }
    if let env = ProcessInfo.processInfo.environment[Self.environmentVariable], !env.isEmpty { return env }
    return Self.defaultFileName
  }

  /// Whether the store file exists already.
  var exists: Bool { FileManager.default.fileExists(atPath: path) }
}
