import ArgumentParser

/// The `nianjian` command: validate returns, merge them into a yearbook, and produce next year's templates.
@main
struct Nianjian: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nianjian",
    abstract: "妇女儿童发展规划统计监测工具 (Women's and children's development plan monitoring)",
    version: "0.1.0",
    subcommands: [
      Dump.self, SchemaCommand.self, Template.self, Validate.self, Import.self, Status.self, Yearbook.self,
      Demo.self,
    ]
  )
}
