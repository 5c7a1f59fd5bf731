import ArgumentParser

/// `nianjian validate` (being built).
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "validate")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian validate: 尚未实现")
    throw ExitStatus.usage
  }
}
