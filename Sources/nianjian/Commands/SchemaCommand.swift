import ArgumentParser

/// `nianjian schema check|export` (being built).
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "schema", abstract: "schema")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    Console.err("nianjian schema: 尚未实现")
    throw ExitStatus.usage
  }
}
