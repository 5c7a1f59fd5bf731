/// A JSON value with ordered object keys, written deterministically (UTF-8, unescaped non-ASCII).
public indirect enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` / `false`.
  case bool(Bool)
  /// A whole number.
  case integer(Int)
  /// A number, written in its shortest exact form (`93.5`, `100`).
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep the given order.
  case object([(String, JSONValue)])

  /// Two values are equal when they would be written the same way.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

  /// Hashes the written form.
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// The JSON text; with `indent` > 0, pretty-printed with that many spaces per level.
  public func serialized(indent: Int = 2) -> String {
    var output = ""
    write(to: &output, indent: indent, level: 0)
    return output
  }

  private func write(to output: inout String, indent: Int, level: Int) {
    let newline = indent > 0 ? "\n" : ""
    let pad = String(repeating: " ", count: indent * (level + 1))
    let closePad = String(repeating: " ", count: indent * level)
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let value): output += value.isFinite ? NumberText.plain(value) : "null"
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "[" + newline
      for (index, item) in items.enumerated() {
        output += pad
        item.write(to: &output, indent: indent, level: level + 1)
        output += (index + 1 < items.count ? "," : "") + newline
      }
      output += closePad + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{" + newline
      for (index, member) in members.enumerated() {
        output += pad
        Self.writeString(member.0, to: &output)
        output += indent > 0 ? ": " : ":"
        member.1.write(to: &output, indent: indent, level: level + 1)
        output += (index + 1 < members.count ? "," : "") + newline
      }
      output += closePad + "}"
    }
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
