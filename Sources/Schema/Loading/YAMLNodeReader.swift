import Foundation
import Yams

/// A place in a YAML file: line, column and key path.
struct YAMLLocation: Sendable, Hashable {
  var file: String
  var line: Int
  var column: Int
  var keyPath: String
}

/// Collects diagnostics while reading; shared by every reader of one load.
final class DiagnosticCollector {
  private(set) var diagnostics: [SchemaDiagnostic] = []

  func report(
    _ severity: Severity, _ code: SchemaDiagnostic.Code, at location: YAMLLocation, _ message: BilingualText
  ) {
    diagnostics.append(
      SchemaDiagnostic(
        file: location.file, line: location.line, column: location.column, severity: severity,
        keyPath: location.keyPath, code: code, message: message))
  }

  func append(_ diagnostic: SchemaDiagnostic) { diagnostics.append(diagnostic) }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads typed values out of Yams nodes, reporting every problem with its line, column and key path.
struct YAMLNodeReader {
  let file: String
  let collector: DiagnosticCollector

  func location(of node: Node?, path: String) -> YAMLLocation {
    YAMLLocation(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, keyPath: path)
  }

  func error(_ code: SchemaDiagnostic.Code, _ node: Node?, _ path: String, zh: String, en: String) {
    collector.report(.error, code, at: location(of: node, path: path), BilingualText(zh: zh, en: en))
  }

  func warning(_ code: SchemaDiagnostic.Code, _ node: Node?, _ path: String, zh: String, en: String) {
    collector.report(.warning, code, at: location(of: node, path: path), BilingualText(zh: zh, en: en))
  }

  /// The English subject of a message: the last key of the path (`decimals`, `departments[0]`), or "the file".
  static func subject(_ path: String) -> String {
    guard let last = path.split(separator: ".").last else { return "the file" }
    return "'\(last)'"
  }

  /// `what` followed by a space when it ends in an ASCII letter, so that `小数位数 decimals 应为整数` reads well.
  static func spaced(_ what: String) -> String {
    guard let last = what.unicodeScalars.last, last.isASCII, last.properties.isAlphabetic else { return what }
    return what + " "
  }

  /// Whether the node is a YAML null (`null`, `~` or nothing).
  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// Opens a mapping: reports a wrong type, unknown keys and missing required keys.
  func mapping(
    _ node: Node, path: String, allowed: [String], required: [String], what: String
  ) -> MappingView? {
    guard case .mapping(let mapping) = node else {
      error(
        .wrongType, node, path, zh: "\(Self.spaced(what))应为“键: 值”的映射",
        en: "\(Self.subject(path)) must be a mapping of keys to values")
      return nil
    }
    var entries: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      let key = keyNode.scalar?.string ?? ""
      let childPath = MappingView.join(path, key)
      if !allowed.contains(key) {
        let suggestion = Self.closest(key, in: allowed).map { "（是否应为“\($0)”？）" } ?? ""
        let suggestionEN = Self.closest(key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        error(
          .unknownKey, keyNode, childPath, zh: "未知的键“\(key)”\(suggestion)",
          en: "unknown key '\(key)'\(suggestionEN)")
        continue
      }
      entries.append((key, keyNode, value))
    }
    for key in required where !entries.contains(where: { $0.key == key }) {
      error(
        .missingKey, node, path, zh: "\(Self.spaced(what))缺少必填的键“\(key)”",
        en: "\(Self.subject(path)) lacks the required key '\(key)'")
    }
    return MappingView(node: node, path: path, entries: entries, reader: self)
  }

  /// Opens a sequence, or reports a wrong type. A null counts as an empty sequence.
  func sequence(_ node: Node, path: String, what: String) -> [Node]? {
    if Self.isNull(node) { return [] }
    guard case .sequence(let sequence) = node else {
      error(
        .wrongType, node, path, zh: "\(Self.spaced(what))应为列表（以“- ”开头的各行）", en: "\(Self.subject(path)) must be a list")
      return nil
    }
    return Array(sequence)
  }

  /// A non-empty string (numbers are taken as written), or a report.
  func string(_ node: Node, path: String, what: String, allowEmpty: Bool = false) -> String? {
    guard case .scalar(let scalar) = node else {
      error(.wrongType, node, path, zh: "\(Self.spaced(what))应为文字", en: "\(Self.subject(path)) must be text")
      return nil
    }
    let text = Self.trimmingWhitespaceAndNewlines(scalar.string)
    if text.isEmpty || Self.isNull(node) {
      if !allowEmpty {
        error(.emptyValue, node, path, zh: "\(Self.spaced(what))不能为空", en: "\(Self.subject(path)) must not be empty")
      }
      return nil
    }
    return text
  }

  /// An optional string: null and empty text give `nil` without a report.
  func optionalString(_ node: Node, path: String, what: String) -> String? {
    if Self.isNull(node) { return nil }
    return string(node, path: path, what: what, allowEmpty: true)
  }

  /// `text` without leading and trailing white space and line breaks: the same as Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without its bridging cost (every scalar of a schema passes
  /// here; Foundation's call was a tenth of a `validate` run).
  static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isWhitespaceOrNewline(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isWhitespaceOrNewline(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    if start == scalars.startIndex, end == scalars.endIndex { return text }
    return String(scalars[start..<end])
  }

  /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines` (ASCII decided here, the rest by the set).
  static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return CharacterSet.whitespacesAndNewlines.contains(scalar)
  }

  /// A whole number, or a report.
  func integer(_ node: Node, path: String, what: String) -> Int? {
    guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces))
    else {
      error(.wrongType, node, path, zh: "\(Self.spaced(what))应为整数", en: "\(Self.subject(path)) must be a whole number")
      return nil
    }
    return value
  }

  /// A year between 1900 and 2100, or a report.
  func year(_ node: Node, path: String, what: String) -> Int? {
    guard let value = integer(node, path: path, what: what) else { return nil }
    guard (1900...2100).contains(value) else {
      error(
        .badPeriod, node, path, zh: "\(Self.spaced(what))“\(value)”不是合理的年份",
        en: "\(Self.subject(path)) \(value) is not a plausible year")
      return nil
    }
    return value
  }

  /// A finite number, or a report. Quoted numbers are accepted; `93.5%` and thousands separators are not.
  func number(_ node: Node, path: String, what: String) -> Double? {
    guard case .scalar(let scalar) = node, let value = Self.decimalNumber(scalar.string) else {
      error(
        .wrongType, node, path, zh: "\(Self.spaced(what))应为数字（半角数字，不带单位和千分位）",
        en: "\(Self.subject(path)) must be a number (ASCII digits, no unit or thousands separator)")
      return nil
    }
    return value
  }

  /// A number in plain decimal notation (`-12.5`, `93`, `1e3`); hexadecimal, `nan` and `inf` are refused.
  static func decimalNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let allowed = Set("0123456789.-+eE")
    guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }), let value = Double(trimmed),
      value.isFinite
    else { return nil }
    return value
  }

  /// The allowed key closest to a misspelt one (edit distance ≤ 2), for the message.
  static func closest(_ key: String, in allowed: [String]) -> String? {
    let candidates = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
    return candidates.min { $0.1 < $1.1 }?.0
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}

/// The entries of a checked mapping, looked up by key.
struct MappingView {
  let node: Node
  let path: String
  let entries: [(key: String, keyNode: Node, value: Node)]
  let reader: YAMLNodeReader

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func path(_ key: String) -> String { Self.join(path, key) }

  /// The value node of `key`, if present.
  subscript(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

  /// Whether `key` is present.
  func has(_ key: String) -> Bool { self[key] != nil }

  func string(_ key: String, what: String) -> String? {
    guard let node = self[key] else { return nil }
    return reader.string(node, path: path(key), what: what)
  }

  func optionalString(_ key: String, what: String) -> String? {
    guard let node = self[key] else { return nil }
    return reader.optionalString(node, path: path(key), what: what)
  }

  func integer(_ key: String, what: String) -> Int? {
    guard let node = self[key] else { return nil }
    return reader.integer(node, path: path(key), what: what)
  }

  func year(_ key: String, what: String) -> Int? {
    guard let node = self[key] else { return nil }
    return reader.year(node, path: path(key), what: what)
  }

  func number(_ key: String, what: String) -> Double? {
    guard let node = self[key] else { return nil }
    return reader.number(node, path: path(key), what: what)
  }

  func location(_ key: String) -> YAMLLocation { reader.location(of: self[key] ?? node, path: path(key)) }
}
