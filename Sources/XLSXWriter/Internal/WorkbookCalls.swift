internal import CXLSXWriter
import Foundation

extension WorkbookCore {
  func setProperties(_ properties: DocumentProperties) throws {
    let site = CallSite("Workbook.setProperties")
    _ = try open(site)
    let fields: [(String?, String)] = [
      (properties.title, "title"), (properties.subject, "subject"), (properties.author, "author"),
      (properties.manager, "manager"), (properties.company, "company"), (properties.category, "category"),
      (properties.keywords, "keywords"), (properties.comments, "comments"), (properties.status, "status"),
      (properties.hyperlinkBase, "hyperlink base"),
    ]
    for case (let text?, let what) in fields {
      try site.requireNoNUL(text, what: "the \(what) property")
      try site.requireXMLCharacters(text, what: "the \(what) property")
      try site.requireScalars(text, atMost: WriteLimits.maxCellTextCharacters, what: "the \(what) property")
    }
    self.properties = properties
  }

  func setCustomProperty(_ name: String, _ value: CustomPropertyValue) throws {
    let site = CallSite("Workbook.setCustomProperty", cell: nil)
    let workbook = try open(site)
    try site.requireNoNUL(name, what: "the property name")
    try site.requireXMLCharacters(name, what: "the property name")
    try site.requireNonEmpty(name, what: "the property name")
    try site.requireScalars(name, atMost: WriteLimits.maxCustomPropertyCharacters, what: "the property name")
    guard !customPropertyNames.contains(name.lowercased()) else {
      throw site.error(.invalidArgument, "the custom property '\(name)' is already set")
    }
    switch value {
    case .string(let text):
      try site.requireNoNUL(text, what: "the property value")
      try site.requireXMLCharacters(text, what: "the property value")
      try site.requireNonEmpty(text, what: "the property value")
      try site.requireScalars(text, atMost: WriteLimits.maxCustomPropertyCharacters, what: "the property value")
      try site.calling("workbook_set_custom_property_string").check(
        workbook_set_custom_property_string(workbook, name, text))
    case .number(let number):
      try site.requireFinite(number, what: "the property value")
      try site.calling("workbook_set_custom_property_number").check(
        workbook_set_custom_property_number(workbook, name, number))
    case .integer(let number):
      try site.calling("workbook_set_custom_property_integer").check(
        workbook_set_custom_property_integer(workbook, name, number))
    case .bool(let flag):
      try site.calling("workbook_set_custom_property_boolean").check(
        workbook_set_custom_property_boolean(workbook, name, flag ? 1 : 0))
    case .date(let date):
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC")!
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
      guard let year = parts.year, (1900...9999).contains(year) else {
        throw site.error(.invalidArgument, "the property date must lie in the years 1900…9999")
      }
      var value = lxw_datetime(
        year: Int32(year), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1), hour: Int32(parts.hour ?? 0),
        min: Int32(parts.minute ?? 0), sec: Double(parts.second ?? 0))
      try site.calling("workbook_set_custom_property_datetime").check(
        workbook_set_custom_property_datetime(workbook, name, &value))
    }
    customPropertyNames.insert(name.lowercased())
  }

  func defineName(_ name: String, refersTo formula: String, scope: String?) throws {
    let site = CallSite("Workbook.defineName", sheet: scope)
    let workbook = try open(site)
    try Self.validateDefinedName(name, site)
    try site.requireNoNUL(formula, what: "the name's formula")
    let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
    try site.requireNonEmpty(body, what: "the name's formula")
    guard body.utf8.count <= WriteLimits.maxDefinedNameBytes else {
      throw site.error(
        .invalidDefinedName,
        "the formula of '\(name)' is \(body.utf8.count) UTF-8 bytes; libxlsxwriter 1.1.4 keeps only "
          + "\(WriteLimits.maxDefinedNameBytes)")
    }
    var fullName = name
    if let scope {
      try requireSheet(scope, site)
      fullName = SheetReference(sheet: scope, cell: CellAddress(row: 0, column: 0)).quotedSheet + "!" + name
    }
    guard fullName.utf8.count <= WriteLimits.maxDefinedNameBytes else {
      throw site.error(
        .invalidDefinedName, "the name '\(fullName)' is longer than \(WriteLimits.maxDefinedNameBytes) UTF-8 bytes")
    }
    let key = (scope ?? "").lowercased() + "\u{1}" + name.lowercased()
    guard !definedNames.contains(key) else {
      throw site.error(.invalidDefinedName, "the name '\(name)' is already defined in this scope")
    }
    try site.calling("workbook_define_name").check(workbook_define_name(workbook, fullName, "=" + body))
    definedNames.insert(key)
  }

  /// ASCII letters, digits, `_` and `.`, starting with a letter, `_` or `\`, and not a cell reference.
  static func validateDefinedName(_ name: String, _ site: CallSite) throws {
    try site.requireNoNUL(name, what: "the defined name")
    try site.requireNonEmpty(name, what: "the defined name")
    let scalars = Array(name.unicodeScalars)
    func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
    func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    let validStart = isLetter(scalars[0]) || scalars[0] == "_" || scalars[0] == "\\"
    let validRest = scalars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "." }
    guard validStart, validRest else {
      throw site.error(
        .invalidDefinedName,
        "'\(name)' is not a valid name: use ASCII letters, digits, '_' and '.', starting with a letter or '_' "
          + "(libxlsxwriter 1.1.4 truncates non-ASCII names)")
    }
    let upper = name.uppercased()
    let looksLikeCell = CellAddress.parse(Substring(upper)) != nil
    let looksLikeR1C1 =
      upper == "R" || upper == "C" || upper.range(of: #"^R[0-9]*C[0-9]*$"#, options: .regularExpression) != nil
    guard !looksLikeCell, !looksLikeR1C1 else {
      throw site.error(.invalidDefinedName, "'\(name)' looks like a cell reference and cannot be a name")
    }
  }

  func protectStructure(password: String?) throws {
    let site = CallSite("Workbook.protectStructure")
    _ = try open(site)
    try Passwords.validate(password, site)
    structureProtection = (true, password.map(Passwords.hash))
  }
}
