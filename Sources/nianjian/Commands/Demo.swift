import ArgumentParser

/// `nianjian demo` (being built).
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "demo", abstract: "demo")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian demo: 尚未实现")
    throw ExitStatus.usage
  }
}
