import Dispatch
import Foundation

/// Reads many files in parallel and hands the results over one by one in argument order.
///
/// At most ``width`` reads run at once (one per core), and they run at most ``window`` items ahead of the
/// consumer, so memory stays flat however many files there are. `consume` runs on the calling thread, in order,
/// while later files are still being read: output stays deterministic.
enum OrderedParallel {
  /// How many reads run at once: the number of active cores.
  static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// How many results may wait for the consumer, per reading thread.
  static let resultsAheadPerThread = 4

  /// Calls `read(i)` for every `i` in `0..<count` on `width` threads and `consume(i, result)` in order of `i`.
  static func forEach<Result: Sendable>(
    _ count: Int, read: @escaping @Sendable (Int) -> Result, consume: (Int, Result) -> Void
  ) {
    guard count > 0 else { return }
    let threads = min(width, count)
    if threads == 1 {
      for index in 0..<count { consume(index, read(index)) }
      return
    }
    let state = PipelineState<Result>(window: threads * resultsAheadPerThread, count: count)
    let group = DispatchGroup()
    for _ in 0..<threads {
      DispatchQueue.global().async(group: group) {
        while let index = state.nextIndex() {
          state.store(read(index), at: index)
        }
      }
    }
    for index in 0..<count {
      consume(index, state.take(index))
    }
    group.wait()
  }
}

/// The shared state of ``OrderedParallel/forEach(_:read:consume:)``: which index is next, and the results
/// waiting for the consumer.
private final class PipelineState<Result: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private let window: Int
  private let count: Int
  private var next = 0
  private var consumed = 0
  private var waiting: [Int: Result] = [:]

  init(window: Int, count: Int) {
    self.window = window
    self.count = count
  }

  /// The next index to read, once it is within the window; `nil` when all are handed out.
  func nextIndex() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < count, next - consumed >= window { condition.wait() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ result: Result, at index: Int) {
    condition.lock()
    waiting[index] = result
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the result of `index` and removes it.
  func take(_ index: Int) -> Result {
    condition.lock()
    defer { condition.unlock() }
    while waiting[index] == nil { condition.wait() }
    consumed = index + 1
    condition.broadcast()
    return waiting.removeValue(forKey: index)!
  }
}
