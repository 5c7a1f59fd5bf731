import Foundation

/// Why a jurisdiction's schema could not be loaded.
public enum SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path is not a folder.
  case notADirectory(path: String)
  /// The files hold errors; every diagnostic found (errors, warnings and infos) is attached.
  case invalid(directory: String, diagnostics: [SchemaDiagnostic])

  /// The error-severity diagnostics (empty for ``notADirectory(path:)``).
  public var errors: [SchemaDiagnostic] {
    if case .invalid(_, let diagnostics) = self { return diagnostics.filter { $0.severity == .error } }
    return []
  }

  /// The problem in Chinese and English.
  public var message: BilingualText {
    switch self {
    case .notADirectory(let path):
      return BilingualText(zh: "找不到指标库文件夹：\(path)", en: "no schema folder at \(path)")
    case .invalid(let directory, let diagnostics):
      let count = diagnostics.filter { $0.severity == .error }.count
      return BilingualText(
        zh: "指标库 \(directory) 有 \(count) 个错误，请运行 nianjian schema check 查看",
        en: "the schema in \(directory) has \(count) error(s); run nianjian schema check")
    }
  }

  /// The Chinese message.
  public var description: String { message.zh }
}
