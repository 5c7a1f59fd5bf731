import NianjianCore
import Testing

/// The progress line `validate` and `import` show on a terminal: files done / total, in both languages.
@Suite struct ProgressTextTests {
  @Test func showsFilesDoneOfTotalWithPercentInChinese() {
    #expect(ProgressText.files(done: 12, total: 40, language: .zh) == "已处理 12/40 个文件（30%）")
  }

  @Test func showsFilesDoneOfTotalWithPercentInEnglish() {
    #expect(ProgressText.files(done: 12, total: 40, language: .en) == "12/40 files (30%)")
  }

  @Test func roundsThePercentDownSoOnlyAllDoneReadsAHundred() {
    #expect(ProgressText.files(done: 5999, total: 6000, language: .en) == "5999/6000 files (99%)")
    #expect(ProgressText.files(done: 6000, total: 6000, language: .en) == "6000/6000 files (100%)")
    #expect(ProgressText.files(done: 0, total: 3, language: .en) == "0/3 files (0%)")
  }

  @Test func clampsCountsOutsideTheRun() {
    #expect(ProgressText.files(done: 7, total: 5, language: .en) == "5/5 files (100%)")
    #expect(ProgressText.files(done: -1, total: 5, language: .en) == "0/5 files (0%)")
    #expect(ProgressText.files(done: 0, total: 0, language: .zh) == "已处理 0/0 个文件（100%）")
  }
}
