import Foundation

/// Helpers shared by every test target: locating the package, its fixtures and `../shared`,
/// running the built `nianjian` binary and Python helper scripts, and making scratch folders.
public enum TestSupport {
  /// The package root (the folder holding `Package.swift`).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// `Tests/Fixtures` in the package.
  public static var fixturesDirectory: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

  /// `Templates` in the package.
  public static var templatesDirectory: URL { packageRoot.appendingPathComponent("Templates") }

  /// `../shared` next to the checkout, or `nil` when it is absent (tests then skip).
  public static var sharedDirectory: URL? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// A fixture file by its path relative to `Tests/Fixtures`.
  public static func fixture(_ relativePath: String) -> URL {
    fixturesDirectory.appendingPathComponent(relativePath)
  }

  /// A new empty scratch folder under the system temporary folder.
  public static func makeTemporaryDirectory(_ label: String = "nianjian-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The built `nianjian` executable: `$NIANJIAN_BIN`, else next to the test bundle, else `.build/debug`.
  public static var nianjianExecutable: URL {
    if let path = ProcessInfo.processInfo.environment["NIANJIAN_BIN"] {
      return URL(fileURLWithPath: path)
    }
    var candidates: [URL] = []
    let argv0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    var dir = argv0.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(dir.appendingPathComponent("nianjian"))
      dir.deleteLastPathComponent()
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/nianjian"))
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
    }
    return candidates.last!
  }

  /// What a finished process left behind.
  public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written to standard output, decoded as UTF-8.
    public var stdout: String
    /// Everything written to standard error, decoded as UTF-8.
    public var stderr: String
    /// Standard output as raw bytes.
    public var stdoutData: Data
  }

  /// Runs an executable with arguments and returns its exit status and output.
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a chatty child never blocks on a full pipe.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus,
      stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: errBox.data, as: UTF8.self),
      stdoutData: out)
  }

  /// Runs the built `nianjian` with arguments.
  public static func nianjian(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try run(nianjianExecutable, arguments, in: directory, environment: environment)
  }

  /// Runs `python3` with arguments (helper scripts live in `Tests/Fixtures/scripts`).
  public static func python(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, in: directory, environment: environment)
  }

  /// Whether `python3` can import every named module (tests that need them skip otherwise).
  public static func pythonHasModules(_ modules: [String]) -> Bool {
    let code = modules.map { "import \($0)" }.joined(separator: "; ")
    return (try? python(["-c", code]).status) == 0
  }

  /// Whether LibreOffice (`soffice`) is installed.
  public static var hasLibreOffice: Bool {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"].contains { FileManager.default.isExecutableFile(atPath: $0) }
  }
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}
