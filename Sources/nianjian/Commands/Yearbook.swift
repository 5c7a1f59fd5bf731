import ArgumentParser

/// `nianjian yearbook` (being built).
struct Yearbook: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "yearbook", abstract: "yearbook")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian yearbook: 尚未实现")
    throw ExitStatus.usage
  }
}
