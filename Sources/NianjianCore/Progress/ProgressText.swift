/// The one-line progress text of a long run over files, as `nianjian validate` and `nianjian import` show it on a
/// terminal.
///
/// ```swift
/// ProgressText.files(done: 12, total: 40, language: .en)  // "12/40 files (30%)"
/// ProgressText.files(done: 12, total: 40, language: .zh)  // "已处理 12/40 个文件（30%）"
/// ```
public enum ProgressText {
  /// The text for `done` of `total` files; the percentage is rounded down, so 100 % means all done.
  ///
  /// `done` is clamped into `0...total`; a `total` of zero or less reads as nothing to do (100 %).
  public static func files(done: Int, total: Int, language: Language) -> String {
    let total = max(0, total)
    let done = min(max(0, done), total)
    let percent = total == 0 ? 100 : done * 100 / total
    switch language {
    case .zh: return "已处理 \(done)/\(total) 个文件（\(percent)%）"
    case .en: return "\(done)/\(total) files (\(percent)%)"
    }
  }
}
