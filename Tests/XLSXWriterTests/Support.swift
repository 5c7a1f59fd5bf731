import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

/// A parsed JSON value with easy access (`json["sheets"]["表1"]["cells"]["A1"]["value"].string`).
struct JSON: CustomStringConvertible {
  let raw: Any?

  init(_ raw: Any?) { self.raw = raw is NSNull ? nil : raw }

  subscript(key: String) -> JSON { JSON((raw as? [String: Any])?[key]) }
  subscript(index: Int) -> JSON {
    guard let array = raw as? [Any], array.indices.contains(index) else { return JSON(nil) }
    return JSON(array[index])
  }

  var string: String? { raw as? String }
  var double: Double? { (raw as? NSNumber)?.doubleValue }
  var int: Int? { (raw as? NSNumber)?.intValue }
  var bool: Bool? { raw as? Bool }
  var isNull: Bool { raw == nil }
  var array: [JSON] { (raw as? [Any])?.map(JSON.init) ?? [] }
  var keys: [String] { ((raw as? [String: Any])?.keys).map { $0.sorted() } ?? [] }
  var strings: [String] { array.compactMap(\.string) }
  var description: String { String(describing: raw) }
}

enum Inspector {
  static let hasOpenpyxl = TestSupport.pythonHasModules(["openpyxl"])
  static let script = TestSupport.fixture("writer/inspect_xlsx.py").path

  /// Runs `inspect_xlsx.py` on a file and returns its JSON.
  static func inspect(_ url: URL) throws -> JSON {
    let result = try TestSupport.python([script, url.path])
    guard result.status == 0 else {
      Issue.record("inspect_xlsx.py failed: \(result.stderr)")
      return JSON(nil)
    }
    return JSON(try JSONSerialization.jsonObject(with: result.stdoutData))
  }
}

/// A scratch folder per test, removed at the end.
final class Scratch {
  let folder: URL

  init(_ label: String = "xlsxwriter-test") throws {
    folder = try TestSupport.makeTemporaryDirectory(label)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
  func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

  /// Names of every file in the folder (hidden ones included).
  var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
}

/// Runs `body` and returns the ``XLSXWriteError`` it throws (recording an issue if it throws none).
func writeError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> XLSXWriteError? {
  do {
    try body()
    Issue.record("expected an XLSXWriteError", sourceLocation: sourceLocation)
    return nil
  } catch let error as XLSXWriteError {
    return error
  } catch {
    Issue.record("expected an XLSXWriteError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
