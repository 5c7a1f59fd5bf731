#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// C copies of Swift strings that live as long as the arena (for C structs with `char *` fields).
final class CStringArena {
  private var allocations: [UnsafeMutableRawPointer] = []

  deinit {
    for pointer in allocations { free(pointer) }
  }

  /// A NUL-terminated UTF-8 copy of `text` (which must already be checked for embedded NULs).
  func copy(_ text: String) -> UnsafeMutablePointer<CChar> {
    let pointer = strdup(text)!
    allocations.append(UnsafeMutableRawPointer(pointer))
    return pointer
  }

  func copyOptional(_ text: String?) -> UnsafeMutablePointer<CChar>? {
    text.map { copy($0) }
  }

  /// A NULL-terminated array of C strings.
  func copyList(_ items: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    let stride = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
    let raw = malloc((items.count + 1) * stride)!
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: items.count + 1)
    for (index, item) in items.enumerated() { array[index] = copy(item) }
    array[items.count] = nil
    allocations.append(raw)
    return array
  }
}
