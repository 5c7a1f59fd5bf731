import Foundation
import Yams

/// Loads a jurisdiction folder (`Templates/guandu`) into a ``Schema`` and checks it.
///
/// The folder holds `departments.yaml` and one YAML file per plan; other files (`README.md`, `COVERAGE.md`) are
/// ignored. Every problem is reported as a ``SchemaDiagnostic`` with file, line, column and key path.
///
/// ```swift
/// let (schema, diagnostics) = SchemaLoader.check(directory: folder)
/// for diagnostic in diagnostics { print(diagnostic.formatted()) }
/// ```
public enum SchemaLoader {
  /// The name of the file that holds the jurisdiction and its departments.
  public static let departmentsFileName = "departments.yaml"

  /// Whether a file name is the departments file (`departments.yaml`, or `departments.yml`).
  static func isDepartmentsFile(_ name: String) -> Bool { name == departmentsFileName || name == "departments.yml" }
  /// The largest YAML file read (bytes); a larger one is reported, not read.
  public static let maximumFileSize = 8 * 1024 * 1024

  /// Loads the folder, or throws ``SchemaError`` when it is missing or holds errors (warnings do not stop it).
  public static func load(directory: URL) throws(SchemaError) -> Schema {
    guard isDirectory(directory) else { throw .notADirectory(path: directory.path) }
    let result = check(directory: directory)
    guard let schema = result.schema else {
      throw .invalid(directory: directory.path, diagnostics: result.diagnostics)
    }
    return schema
  }

  /// Loads and checks the folder; the schema is `nil` when any diagnostic is an error.
  ///
  /// - Parameters:
  ///   - directory: the jurisdiction folder.
  ///   - seedsDirectory: when given, each plan's `seed` file is looked up there and every `source` is checked
  ///     against the plan's text (line number and sentence).
  public static func check(directory: URL, seedsDirectory: URL? = nil) -> (
    schema: Schema?, diagnostics: [SchemaDiagnostic]
  ) {
    let inspection = inspect(directory: directory, seedsDirectory: seedsDirectory)
    let hasErrors = inspection.diagnostics.contains { $0.severity == .error }
    return (hasErrors ? nil : inspection.schema, inspection.diagnostics)
  }

  /// Loads and checks the folder and returns whatever could be read, even when there are errors (for summaries).
  public static func inspect(directory: URL, seedsDirectory: URL? = nil) -> SchemaInspection {
    let collector = DiagnosticCollector()
    guard isDirectory(directory) else {
      collector.report(
        .error, .missingFile, at: YAMLLocation(file: "", line: 0, column: 0, keyPath: ""),
        BilingualText(zh: "找不到指标库文件夹 \(directory.path)", en: "no schema folder at \(directory.path)"))
      return SchemaInspection(schema: nil, diagnostics: collector.diagnostics)
    }
    var files: [(name: String, data: Data)] = []
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
      let url = directory.appendingPathComponent(name)
      let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
      guard size <= maximumFileSize else {
        collector.report(
          .error, .unreadableFile, at: YAMLLocation(file: name, line: 0, column: 0, keyPath: ""),
          BilingualText(
            zh: "文件过大（\(size) 字节，上限 \(maximumFileSize)）", en: "file too large (\(size) bytes, limit \(maximumFileSize))"
          ))
        continue
      }
      guard let data = try? Data(contentsOf: url) else {
        collector.report(
          .error, .unreadableFile, at: YAMLLocation(file: name, line: 0, column: 0, keyPath: ""),
          BilingualText(zh: "无法读取文件", en: "cannot read the file"))
        continue
      }
      files.append((name, data))
    }
    var inspection = inspect(
      files: files, folderName: directory.lastPathComponent, seedsDirectory: seedsDirectory, collector: collector)
    inspection.diagnostics = sorted(collector.diagnostics)
    return inspection
  }

  /// Loads and checks YAML files held in memory (name → bytes), as if they were a folder called `folderName`.
  public static func inspect(files: [(name: String, data: Data)], folderName: String) -> SchemaInspection {
    let collector = DiagnosticCollector()
    var inspection = inspect(files: files, folderName: folderName, seedsDirectory: nil, collector: collector)
    inspection.diagnostics = sorted(collector.diagnostics)
    return inspection
  }

  private static func inspect(
    files: [(name: String, data: Data)], folderName: String, seedsDirectory: URL?, collector: DiagnosticCollector
  ) -> SchemaInspection {
    let sorted = files.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    let version = SchemaVersion.digest(of: sorted)
    var departmentsDocument: (name: String, node: Node)?
    var planDocuments: [(name: String, node: Node)] = []
    for file in sorted {
      guard let node = compose(file.data, name: file.name, collector: collector) else { continue }
      if isDepartmentsFile(file.name) {
        departmentsDocument = (file.name, node)
      } else {
        planDocuments.append((file.name, node))
      }
    }
    if departmentsDocument == nil, !files.contains(where: { isDepartmentsFile($0.name) }) {
      collector.report(
        .error, .missingFile, at: YAMLLocation(file: departmentsFileName, line: 0, column: 0, keyPath: ""),
        BilingualText(
          zh: "缺少 departments.yaml（辖区信息和部门名单）", en: "departments.yaml (jurisdiction and departments) is missing"))
    }
    if planDocuments.isEmpty, !files.contains(where: { !isDepartmentsFile($0.name) }) {
      collector.report(
        .error, .missingFile, at: YAMLLocation(file: "", line: 0, column: 0, keyPath: ""),
        BilingualText(zh: "文件夹中没有规划文件（如 women.yaml）", en: "the folder holds no plan file (such as women.yaml)"))
    }
    var builder = SchemaBuilder(collector: collector, folderName: folderName)
    if let departmentsDocument {
      builder.readDepartments(departmentsDocument.node, file: departmentsDocument.name)
    }
    for document in planDocuments {
      builder.readPlan(document.node, file: document.name)
    }
    builder.crossCheck()
    if let seedsDirectory { builder.checkSources(seedsDirectory: seedsDirectory) }
    return SchemaInspection(schema: builder.makeSchema(version: version), diagnostics: collector.diagnostics)
  }

  /// Orders diagnostics for reading: the folder first, then `departments.yaml`, then the plan files by name; by
  /// line and column inside a file; otherwise in the order found.
  static func sorted(_ diagnostics: [SchemaDiagnostic]) -> [SchemaDiagnostic] {
    func fileRank(_ name: String) -> (Int, [UInt8]) {
      if name.isEmpty { return (0, []) }
      if isDepartmentsFile(name) { return (1, []) }
      return (2, Array(name.utf8))
    }
    return diagnostics.enumerated().sorted { left, right in
      let (a, b) = (left.element, right.element)
      let (rankA, rankB) = (fileRank(a.file), fileRank(b.file))
      if rankA.0 != rankB.0 { return rankA.0 < rankB.0 }
      if rankA.1 != rankB.1 { return rankA.1.lexicographicallyPrecedes(rankB.1) }
      if a.line != b.line { return a.line < b.line }
      if a.column != b.column { return a.column < b.column }
      return left.offset < right.offset
    }.map(\.element)
  }

  private static func compose(_ data: Data, name: String, collector: DiagnosticCollector) -> Node? {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(data: bytes, encoding: .utf8) else {
      collector.report(
        .error, .unreadableFile, at: YAMLLocation(file: name, line: 0, column: 0, keyPath: ""),
        BilingualText(zh: "文件不是 UTF-8 编码，请用 UTF-8 保存", en: "the file is not UTF-8; save it as UTF-8"))
      return nil
    }
    do {
      // `.basic`: no implicit tag rules. The builder reads every scalar as the text written, so the default
      // resolver's regular expressions (bool, int, float, null, timestamp …), which Yams runs for every mapping
      // key when it checks for duplicates, only cost time: they were three quarters of a `validate` run.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        collector.report(
          .error, .emptyValue, at: YAMLLocation(file: name, line: 1, column: 1, keyPath: ""),
          BilingualText(zh: "文件为空", en: "the file is empty"))
        return nil
      }
      return node
    } catch let error as YamlError {
      let (mark, problem) = describe(error)
      collector.report(
        .error, mark == nil ? .yamlSyntax : (problem.hasPrefix("duplicate") ? .duplicateKey : .yamlSyntax),
        at: YAMLLocation(file: name, line: mark?.line ?? 0, column: mark?.column ?? 0, keyPath: ""),
        problem.hasPrefix("duplicate")
          ? BilingualText(
            zh: "同一映射中有重复的键：\(problem.dropFirst(10))", en: "duplicated key(s) in a mapping: \(problem.dropFirst(10))")
          : BilingualText(
            zh: "YAML 格式错误：\(problem)\(blockScalarHint(problem).zh)",
            en: "YAML syntax error: \(problem)\(blockScalarHint(problem).en)"))
      return nil
    } catch {
      collector.report(
        .error, .yamlSyntax, at: YAMLLocation(file: name, line: 0, column: 0, keyPath: ""),
        BilingualText(zh: "YAML 格式错误：\(error)", en: "YAML syntax error: \(error)"))
      return nil
    }
  }

  /// A hint for the commonest slip: an unquoted value starting with `>` or `|` (`expression: >= 93`).
  private static func blockScalarHint(_ problem: String) -> BilingualText {
    guard problem.contains("block scalar") else { return BilingualText(zh: "", en: "") }
    return BilingualText(
      zh: "（以“>”或“|”开头的值要加引号，例如 expression: \">= 93\"）",
      en: " (quote values that start with '>' or '|', e.g. expression: \">= 93\")")
  }

  private static func describe(_ error: YamlError) -> (Mark?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let text = [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
      return (mark, text)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark, "duplicate:" + duplicates.joined(separator: ", "))
    case .reader(let problem, _, _, _):
      return (nil, problem)
    default:
      return (nil, "\(error)")
    }
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

/// What ``SchemaLoader/inspect(directory:seedsDirectory:)`` could read: a best-effort schema (entries with errors
/// left out) and every diagnostic.
public struct SchemaInspection: Sendable {
  /// The schema built from the entries that could be read; `nil` when not even the jurisdiction could be.
  public var schema: Schema?
  /// Every problem found, in file order.
  public var diagnostics: [SchemaDiagnostic]

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
