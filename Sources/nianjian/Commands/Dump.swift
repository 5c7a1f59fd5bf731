import ArgumentParser

/// `nianjian dump` (being built).
struct Dump: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "dump", abstract: "dump")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian dump: 尚未实现")
    throw ExitStatus.usage
  }
}
