import ArgumentParser

/// `nianjian import` (being built).
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "import", abstract: "import")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian import: 尚未实现")
    throw ExitStatus.usage
  }
}
