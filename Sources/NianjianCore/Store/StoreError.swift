import Foundation
import Schema

/// Why the store could not do what was asked. The CLI turns every case into exit code 74 (I/O failure).
///
/// Messages name the store file and never include values from returns.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
  /// What went wrong.
  public enum Kind: String, Sendable, Hashable {
    /// The store file does not exist (and the command does not create one).
    case missing
    /// The file could not be opened or created (folder missing, permissions, a folder in the way).
    case cannotOpen
    /// The file is not an SQLite database (or is damaged).
    case notAStore
    /// The store was written by a newer nianjian: it holds migrations this version does not know.
    case newerVersion
    /// Reading or writing failed (disk full, locked by another program, I/O error).
    case io
    /// The return cannot be stored: it is acceptable but names no department and year.
    case unidentifiedReturn
    /// The return holds two different values for one indicator and year, or a number that is not finite.
    case invalidReturn
  }

  /// The kind of failure.
  public var kind: Kind
  /// The store file.
  public var path: String
  /// Technical detail (the SQLite message, the unknown migration names, the file name); never cell values.
  public var detail: String

  /// Creates a store error.
  public init(_ kind: Kind, path: String, detail: String = "") {
    self.kind = kind
    self.path = path
    self.detail = detail
  }

  /// A one-line message naming the store file.
  public var message: BilingualText {
    switch kind {
    case .missing:
      return BilingualText(
        zh: "监测数据库 \(path) 不存在：请先用 nianjian import 导入报表或历史数据（或用 --store 指定数据库）",
        en: "the store \(path) does not exist: import returns or history with nianjian import first (or pass --store)")
    case .cannotOpen:
      return BilingualText(
        zh: "无法打开或创建监测数据库 \(path)（\(detail)）", en: "cannot open or create the store \(path) (\(detail))")
    case .notAStore:
      return BilingualText(
        zh: "\(path) 不是 nianjian 监测数据库（不是 SQLite 文件或已损坏）：\(detail)",
        en: "\(path) is not a nianjian store (not an SQLite file, or damaged): \(detail)")
    case .newerVersion:
      return BilingualText(
        zh: "监测数据库 \(path) 由更新版本的 nianjian 写入（未知的数据库版本：\(detail)），请升级 nianjian 后再使用；数据库未作任何改动",
        en:
          "the store \(path) was written by a newer nianjian (unknown migrations: \(detail)); upgrade nianjian to use "
          + "it. The store was not changed")
    case .io:
      return BilingualText(
        zh: "读写监测数据库 \(path) 失败（\(detail)），数据库保持导入前的状态",
        en: "reading or writing the store \(path) failed (\(detail)); the store is as it was before")
    case .unidentifiedReturn:
      return BilingualText(
        zh: "\(detail) 无法确定报送部门和年份，不能入库", en: "\(detail) names no department and year; it cannot be stored")
    case .invalidReturn:
      return BilingualText(zh: "\(detail)，不能入库", en: "\(detail); it cannot be stored")
    }
  }

  /// The English message.
  public var description: String { message.en }

  /// The Chinese message (the default language); use ``message`` to choose the language.
  public var errorDescription: String? { message.zh }
}
