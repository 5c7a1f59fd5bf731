import ArgumentParser

/// `nianjian status` (being built).
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "status", abstract: "status")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian status: 尚未实现")
    throw ExitStatus.usage
  }
}
