import Foundation
import NianjianTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn`, so a test can read its own resource usage (`wait4`), stop it with
/// `kill -9` at a chosen moment, and tell an exit from a death by signal.
///
/// Standard output and error go to files in a scratch folder (never the folder under test), so they can be read
/// while the child runs.
final class ChildProcess {
  /// How a child ended.
  struct Outcome {
    /// The exit status, when the child exited.
    var exitStatus: Int32?
    /// The signal that ended the child, when one did.
    var signal: Int32?
    /// The child's peak resident memory (bytes).
    var peakMemoryBytes: Int
    /// Whether the child was killed because it ran past its time limit.
    var timedOut: Bool
    /// Everything the child wrote to standard output.
    var stdout: String
    /// Everything the child wrote to standard error.
    var stderr: String
  }

  /// How often a waiting test looks at the child.
  static let pollInterval: useconds_t = 5_000

  let pid: pid_t
  private let stdoutPath: String
  private let stderrPath: String

  /// Starts `executable` with `arguments`; the environment is this process's with `environment` on top.
  init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
    let logs = try TestSupport.makeTemporaryDirectory("nianjian-child")
    stdoutPath = logs.appendingPathComponent("stdout").path
    stderrPath = logs.appendingPathComponent("stderr").path
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var child: pid_t = 0
    let result = posix_spawn(&child, executable.path, &actions, nil, argv, envp)
    guard result == 0 else { throw ChildProcessError.spawnFailed(String(cString: strerror(result))) }
    pid = child
  }

  /// Runs `nianjian` with `arguments` to its end (or `timeout`) and returns how it ended.
  static func runNianjian(
    _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval
  ) throws -> Outcome {
    try ChildProcess(TestSupport.nianjianExecutable, arguments, environment: environment).wait(timeout: timeout)
  }

  /// What the child has written to standard output so far.
  var stdoutSoFar: String {
    (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
  }

  /// Waits until `condition` holds (checked every ``pollInterval``), the child ends, or `timeout` passes.
  /// Returns whether the condition held while the child was still running.
  func wait(until condition: () -> Bool, timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition() { return true }
      if hasEnded { return false }
      usleep(Self.pollInterval)
    }
    return false
  }

  /// Sends `SIGKILL` (`kill -9`).
  func killHard() {
    kill(pid, SIGKILL)
  }

  private var ended: Outcome?

  /// Whether the child has ended (reaping it when it has).
  var hasEnded: Bool {
    if ended != nil { return true }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, WNOHANG, &usage) == pid else { return false }
    ended = outcome(status: status, usage: usage, timedOut: false)
    return true
  }

  /// Waits for the child to end; past `timeout` it is killed and the outcome says so.
  func wait(timeout: TimeInterval) -> Outcome {
    let deadline = Date().addingTimeInterval(timeout)
    while !hasEnded {
      if Date() >= deadline {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        ended = outcome(status: status, usage: usage, timedOut: true)
        break
      }
      usleep(Self.pollInterval)
    }
    return ended!
  }

  private func outcome(status: Int32, usage: rusage, timedOut: Bool) -> Outcome {
    let signal = status & 0x7F
    return Outcome(
      exitStatus: signal == 0 ? (status >> 8) & 0xFF : nil,
      signal: signal == 0 ? nil : signal,
      peakMemoryBytes: Int(usage.ru_maxrss) * 1024,
      timedOut: timedOut,
      stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
  }
}

enum ChildProcessError: Error {
  case spawnFailed(String)
}
