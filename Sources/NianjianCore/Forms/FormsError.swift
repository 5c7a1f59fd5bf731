import Foundation
import Schema

/// Why a template or a marked copy could not be written.
///
/// Argument problems (``isUsage``) are found before anything is written; the command line exits with 64 for them
/// and 74 for the others.
public enum FormsError: Error, Sendable, Hashable {
  /// The department id is not in the schema; `valid` lists the ids that are.
  case unknownDepartment(String, valid: [String])
  /// No plan of the schema covers the year (with the one-year grace); `periods` lists the plans' periods.
  case yearOutsidePlans(Int, periods: [Plan.Period])
  /// The output folder does not exist.
  case outputFolderMissing(String)
  /// The output path exists but is not a folder.
  case outputNotAFolder(String)
  /// The output folder cannot be written to.
  case outputNotWritable(String, reason: String)
  /// Writing a workbook failed (nothing was left behind).
  case writeFailed(file: String, reason: String)

  /// Whether the problem is in the arguments (exit 64) rather than in the file system (exit 74).
  public var isUsage: Bool {
    switch self {
    case .unknownDepartment, .yearOutsidePlans: return true
    case .outputFolderMissing, .outputNotAFolder, .outputNotWritable, .writeFailed: return false
    }
  }

  /// The message in `language`.
  public func message(_ language: Language) -> String {
    let text = FormText(language: language)
    switch self {
    case .unknownDepartment(let id, let valid):
      return text(
        "未知的部门：\(id)。可用的部门代码：\(valid.joined(separator: "、"))",
        "unknown department: \(id). Valid department ids: \(valid.joined(separator: ", "))")
    case .yearOutsidePlans(let year, let periods):
      var list: [String] = []
      for period in periods where !list.contains("\(period.start)—\(period.end)") {
        list.append("\(period.start)—\(period.end)")
      }
      return text(
        "\(year)年不在任何规划的期限内（规划期：\(list.joined(separator: "、"))；规划期满后的下一年也可生成报表）",
        "\(year) lies outside every plan's period (periods: \(list.joined(separator: ", ")); "
          + "the year after a plan ends is also accepted)")
    case .outputFolderMissing(let path):
      return text("输出文件夹不存在：\(path)（请先创建）", "the output folder does not exist: \(path) (create it first)")
    case .outputNotAFolder(let path):
      return text("输出位置不是文件夹：\(path)", "the output path is not a folder: \(path)")
    case .outputNotWritable(let path, let reason):
      return text("无法写入输出文件夹 \(path)：\(reason)", "cannot write to the output folder \(path): \(reason)")
    case .writeFailed(let file, let reason):
      return text("无法写入 \(file)：\(reason)（未留下任何文件）", "cannot write \(file): \(reason) (no file was left behind)")
    }
  }
}
