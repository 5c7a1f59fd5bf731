/// Moves a formula from one cell to another the way Excel fills a shared formula: relative references shift,
/// `$`-anchored parts stay, text in quotes and function names are left alone.
enum FormulaTranslator {
  /// The formula with every relative A1 reference (`B2`, `$B2`, `B$2`, `A:A`, `1:1`) moved by the offsets;
  /// a reference pushed off the sheet becomes `#REF!`.
  static func shift(_ formula: String, rows: Int, columns: Int) -> String {
    guard rows != 0 || columns != 0 else { return formula }
    let characters = Array(formula.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
        || scalar == "\\"
    }
    while index < characters.count {
      let scalar = characters[index]
      if scalar == "\"" || scalar == "'" {
        // String literal or quoted sheet name: copy through the closing quote (doubled quotes escape).
        output.append(scalar)
        index += 1
        while index < characters.count {
          output.append(characters[index])
          if characters[index] == scalar {
            if index + 1 < characters.count, characters[index + 1] == scalar {
              output.append(characters[index + 1])
              index += 2
              continue
            }
            index += 1
            break
          }
          index += 1
        }
        continue
      }
      let previous = index > 0 ? characters[index - 1] : " "
      if !isIdentifier(previous) || previous == "$" || index == 0,
        let (text, length) = reference(in: characters, at: index, rows: rows, columns: columns)
      {
        output.append(contentsOf: text.unicodeScalars)
        index += length
        continue
      }
      // Copy a whole identifier (function or name) so references are only recognised at a word start.
      if isIdentifier(scalar) {
        while index < characters.count, isIdentifier(characters[index]) {
          output.append(characters[index])
          index += 1
        }
        continue
      }
      output.append(scalar)
      index += 1
    }
    return String(output)
  }

  /// A reference token starting at `start`: `$?COL$?ROW`, `$?COL:$?COL` or `$?ROW:$?ROW`.
  private static func reference(
    in characters: [Unicode.Scalar], at start: Int, rows: Int, columns: Int
  ) -> (String, Int)? {
    guard let first = part(in: characters, at: start) else { return nil }
    var end = first.end
    var text: String
    switch (first.column, first.row) {
    case (.some, .some):
      text = shifted(first, rows: rows, columns: columns)
    case (.some, nil), (nil, .some):
      // Whole column or whole row: must be followed by ':' and the same kind.
      guard end < characters.count, characters[end] == ":",
        let second = part(in: characters, at: end + 1),
        (second.column == nil) == (first.column == nil), (second.row == nil) == (first.row == nil)
      else { return nil }
      text = shifted(first, rows: rows, columns: columns) + ":" + shifted(second, rows: rows, columns: columns)
      end = second.end
    default:
      return nil
    }
    if end < characters.count {
      let next = characters[end]
      if next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "(" || next == "_" || next == "!"
        || next == "."
      {
        return nil
      }
    }
    if text.contains("#") { text = "#REF!" }
    return (text, end - start)
  }

  private struct Part {
    var column: Int?
    var columnAbsolute = false
    var row: Int?
    var rowAbsolute = false
    var end: Int
  }

  private static func part(in characters: [Unicode.Scalar], at start: Int) -> Part? {
    var index = start
    var result = Part(end: start)
    var absolute = false
    if index < characters.count, characters[index] == "$" {
      absolute = true
      index += 1
    }
    var column = 0
    var letters = 0
    while index < characters.count, letters < 4, let value = letterValue(characters[index]) {
      column = column * 26 + value
      letters += 1
      index += 1
    }
    if letters > 0 {
      guard letters <= 3, column <= ReadLimits.maxColumn else { return nil }
      result.column = column
      result.columnAbsolute = absolute
      absolute = false
      if index < characters.count, characters[index] == "$" {
        absolute = true
        index += 1
      }
    }
    var row = 0
    var digits = 0
    while index < characters.count, ("0"..."9").contains(characters[index]), digits < 8 {
      row = row * 10 + Int(characters[index].value - 48)
      digits += 1
      index += 1
    }
    if digits > 0 {
      guard row >= 1, row <= ReadLimits.maxRow else { return nil }
      result.row = row
      result.rowAbsolute = absolute
    } else if absolute {
      return nil
    }
    guard result.column != nil || result.row != nil else { return nil }
    result.end = index
    return result
  }

  private static func letterValue(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "A"..."Z": return Int(scalar.value - 64)
    case "a"..."z": return Int(scalar.value - 96)
    default: return nil
    }
  }

  private static func shifted(_ part: Part, rows: Int, columns: Int) -> String {
    var text = ""
    if let column = part.column {
      let moved = part.columnAbsolute ? column : column + columns
      guard moved >= 1, moved <= ReadLimits.maxColumn else { return "#" }
      text += (part.columnAbsolute ? "$" : "") + CellReference.columnName(moved)
    }
    if let row = part.row {
      let moved = part.rowAbsolute ? row : row + rows
      guard moved >= 1, moved <= ReadLimits.maxRow else { return "#" }
      text += (part.rowAbsolute ? "$" : "") + String(moved)
    }
    return text
  }
}
