import ArgumentParser
import NianjianCore

extension Language: ExpressibleByArgument {}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "输出语言 zh|en (language of messages)")
  var lang: Language = .zh
}
