import ArgumentParser

/// `nianjian template` (being built).
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "template", abstract: "template")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian template: 尚未实现")
    throw ExitStatus.usage
  }
}
