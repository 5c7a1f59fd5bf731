import ArgumentParser
import Foundation
import NianjianCore
import Schema

/// `--schema DIR`: which jurisdiction folder to use. Shared by every command that needs the indicator schema.
///
/// The folder is, in order: `--schema DIR`, `$NIANJIAN_SCHEMA`, or the only jurisdiction under `./Templates/`
/// (a sub-folder holding `departments.yaml`). With several and none chosen, the error lists them (exit 64).
struct SchemaOptions: ParsableArguments {
  /// The environment variable that names the default schema folder.
  static let environmentVariable = "NIANJIAN_SCHEMA"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "指标库文件夹（如 Templates/guandu）；默认 $NIANJIAN_SCHEMA，否则 ./Templates/ 下唯一的辖区 (schema folder)",
      valueName: "DIR"))
  var schema: String?

  /// Why no schema folder could be chosen.
  enum ResolutionError: Error, Equatable {
    /// `--schema` or `$NIANJIAN_SCHEMA` names something that is not a folder.
    case notAFolder(String)
    /// `./Templates/` holds no jurisdiction.
    case noJurisdiction(searched: String)
    /// `./Templates/` holds several; the names are listed.
    case severalJurisdictions([String], searched: String)

    /// The message in the chosen language.
    func message(_ language: Language) -> String {
      switch self {
      case .notAFolder(let path):
        return language == .zh ? "找不到指标库文件夹：\(path)" : "no schema folder at \(path)"
      case .noJurisdiction(let searched):
        return language == .zh
          ? "没有指定指标库：请用 --schema DIR 或环境变量 NIANJIAN_SCHEMA 指定（\(searched) 下没有辖区）"
          : "no schema chosen: pass --schema DIR or set NIANJIAN_SCHEMA (no jurisdiction under \(searched))"
      case .severalJurisdictions(let names, let searched):
        let base = searched.hasSuffix("/") ? String(searched.dropLast()) : searched
        let list = names.map { "\(base)/\($0)" }.joined(separator: language == .zh ? "、" : ", ")
        return language == .zh
          ? "\(searched) 下有多个辖区，请用 --schema 选择其一：\(list)"
          : "several jurisdictions under \(searched); choose one with --schema: \(list)"
      }
    }
  }

  /// The chosen schema folder, or a ``ResolutionError``.
  func resolve(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) throws(ResolutionError) -> URL {
    if let path = schema ?? environment[Self.environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
      let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
      guard Self.isDirectory(url) else { throw .notAFolder(path) }
      // A folder of jurisdictions (`--schema Templates`) rather than one: list them.
      let departments = url.appendingPathComponent(SchemaLoader.departmentsFileName)
      if !FileManager.default.fileExists(atPath: departments.path) {
        let inside = Self.jurisdictions(in: url)
        if !inside.isEmpty { throw .severalJurisdictions(inside, searched: path) }
      }
      return url
    }
    let templates = currentDirectory.appendingPathComponent("Templates")
    let names = Self.jurisdictions(in: templates)
    switch names.count {
    case 0: throw .noJurisdiction(searched: "Templates")
    case 1: return templates.appendingPathComponent(names[0])
    default: throw .severalJurisdictions(names, searched: "Templates")
    }
  }

  /// The chosen folder; prints the reason and exits with 64 when none can be chosen.
  func resolveOrExit(_ language: Language) throws -> URL {
    do {
      return try resolve()
    } catch {
      Console.err("nianjian: " + error.message(language))
      throw ExitStatus.usage
    }
  }

  /// The path to show in messages: as the user wrote it when given, else relative to the current folder.
  func displayPath(of url: URL) -> String {
    if let schema { return schema.hasSuffix("/") ? String(schema.dropLast()) : schema }
    let current = FileManager.default.currentDirectoryPath
    if url.path.hasPrefix(current + "/") { return String(url.path.dropFirst(current.count + 1)) }
    return url.path
  }

  /// Loads the chosen schema for a command that needs it. On errors it prints them (at most
  /// ``maximumPrintedErrors``) and exits with 65, pointing to `nianjian schema check`; warnings are not printed.
  func loadSchema(_ language: Language) throws -> Schema {
    let directory = try resolveOrExit(language)
    let (schema, diagnostics) = SchemaLoader.check(directory: directory)
    if let schema { return schema }
    let errors = diagnostics.filter { $0.severity == .error }
    for diagnostic in errors.prefix(Self.maximumPrintedErrors) {
      Console.err(diagnostic.formatted(english: language == .en, directory: displayPath(of: directory)))
    }
    Console.err(
      language == .zh
        ? "nianjian: 指标库 \(displayPath(of: directory)) 有 \(errors.count) 个错误，请先运行 nianjian schema check 修正"
        : "nianjian: the schema in \(displayPath(of: directory)) has \(errors.count) error(s); fix them with nianjian schema check"
    )
    throw ExitStatus.badInput
  }

  /// How many schema errors another command prints before pointing to `schema check`.
  static let maximumPrintedErrors = 20

  /// The sub-folders of `folder` that hold a `departments.yaml`, sorted by name.
  static func jurisdictions(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { name in
        !name.hasPrefix(".")
          && FileManager.default.fileExists(
            atPath: folder.appendingPathComponent(name).appendingPathComponent(SchemaLoader.departmentsFileName).path)
      }
      .sorted()
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
