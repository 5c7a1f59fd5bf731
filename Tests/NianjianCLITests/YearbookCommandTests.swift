import Foundation
import NianjianTestSupport
import Testing

/// `nianjian yearbook` through the built binary: arguments, messages and exit codes.
@Suite struct YearbookCommandTests {
  static var schema: String { TestSupport.fixture("yearbook/schema/hexi").path }

  /// Runs `nianjian yearbook …` in an empty folder with no store in the environment.
  static func run(_ arguments: [String]) throws -> (TestSupport.ProcessResult, URL) {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let result = try TestSupport.nianjian(
      ["yearbook"] + arguments, in: folder, environment: ["NIANJIAN_STORE": "", "NIANJIAN_SCHEMA": ""])
    return (result, folder)
  }

  @Test func outInAMissingFolderIsAnIOFailure() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "no/such/folder/年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 74)
    #expect(result.stderr.contains("无法写入 no/such/folder/年鉴.xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func noStoreAndNoFilesSaysWhereDataComeFrom() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains("没有数据来源"))
    #expect(result.stderr.contains("--store"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func messagesAreEnglishWithLangEn() throws {
    let (result, _) = try Self.run(["--year", "2024", "--out", "book.xlsx", "--schema", Self.schema, "--lang", "en"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("no data: there is no store nianjian.sqlite here"))
    let (io, _) = try Self.run([
      "--year", "2024", "--out", "missing/book.xlsx", "--schema", Self.schema, "--lang", "en",
    ])
    #expect(io.status == 74)
    #expect(io.stderr.contains("cannot write missing/book.xlsx"))
  }

  @Test func namedStoreThatDoesNotExistIsAnIOFailure() throws {
    let (result, folder) = try Self.run([
      "--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema, "--store", "gone.sqlite",
    ])
    #expect(result.status == 74)
    #expect(result.stderr.contains("找不到监测数据库 gone.sqlite"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("gone.sqlite").path))
  }

  @Test func unreadableReturnStopsBeforeAnythingIsWritten() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let fake = folder.appendingPathComponent("卫健.xlsx")
    try Data("指标代码,数值\nW-HE-01,9.5\n".utf8).write(to: fake)
    let result = try TestSupport.nianjian(
      ["yearbook", "--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema, fake.path], in: folder,
      environment: ["NIANJIAN_STORE": ""])
    #expect(result.status == 65)
    #expect(result.stderr.contains("卫健.xlsx"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("年鉴.xlsx").path))
  }

  @Test func yearOutsideTheCalendarIsAUsageError() throws {
    let (result, _) = try Self.run(["--year", "12", "--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains("1900"))
  }

  @Test func outputMustBeAnXlsxFile() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "年鉴.csv", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains(".xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func missingYearIsAUsageError() throws {
    let (result, _) = try Self.run(["--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
  }

  @Test func helpNamesTheOptions() throws {
    let (result, _) = try Self.run(["--help"])
    #expect(result.status == 0)
    for option in ["--year", "--out", "--store", "--schema", "--lang", "RETURN.xlsx"] {
      #expect(result.stdout.contains(option), "\(option)")
    }
  }
}
