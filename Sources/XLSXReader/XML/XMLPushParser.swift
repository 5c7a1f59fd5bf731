// The only file that calls libxml2. Parts never see a pointer: they get `XMLBytes`, `XMLAttributes` and
// `TextBuffer`, small views that are valid only for the duration of one callback.
internal import CLibXML2

/// A run of UTF-8 bytes handed out by the parser (an element name, an attribute value, a text run).
///
/// Valid only inside the callback that received it: copy what you need into a ``TextBuffer`` or a `String`.
struct XMLBytes {
  fileprivate let base: UnsafePointer<UInt8>?
  /// The number of bytes.
  let count: Int
  /// Whether these bytes are an attribute value. Without entity substitution (we never set `XML_PARSE_NOENT`)
  /// libxml2's SAX2 hands attribute values over with every `&` written as `&#38;` (an `&amp;` in the file, or a
  /// literal `&#38;` written as `&amp;#38;`), so ``string`` turns each `&#38;` back into `&`, which is exact.
  fileprivate var isAttributeValue = false

  fileprivate init(base: UnsafePointer<UInt8>?, count: Int) {
    self.base = base
    self.count = count
  }

  fileprivate init(cString: UnsafePointer<UInt8>?) {
    self.base = cString
    var length = 0
    if let cString { while cString[length] != 0 { length += 1 } }
    self.count = length
  }

  /// Whether there are no bytes.
  var isEmpty: Bool { count == 0 }

  /// The byte at `offset` (which must be below `count`).
  subscript(offset: Int) -> UInt8 { base.map { $0[offset] } ?? 0 }

  /// Whether the bytes equal an ASCII literal.
  @inline(__always)
  func equals(_ literal: StaticString) -> Bool {
    guard literal.utf8CodeUnitCount == count else { return false }
    guard let base else { return count == 0 }
    let expected = literal.utf8Start
    for offset in 0..<count where base[offset] != expected[offset] { return false }
    return true
  }

  /// Whether the bytes end with an ASCII literal.
  func hasSuffix(_ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard length <= count, let base else { return length == 0 }
    let expected = literal.utf8Start
    let start = count - length
    for offset in 0..<length where base[start + offset] != expected[offset] { return false }
    return true
  }

  /// The bytes as a `String` (invalid UTF-8 is repaired, which libxml2 never lets through).
  var string: String {
    guard let base, count > 0 else { return "" }
    let text = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    guard isAttributeValue, text.utf8.contains(UInt8(ascii: "&")) else { return text }
    return text.split(separator: "&#38;", omittingEmptySubsequences: false).joined(separator: "&")
  }

  /// A non-negative decimal integer, allowing surrounding ASCII spaces and a `.0` fraction (`"12"`, `" 12 "`,
  /// `"12.0"`); `nil` for anything else or for values above `limit`.
  func parseIndex(limit: Int = Int(Int32.max)) -> Int? {
    guard let base else { return nil }
    var offset = 0
    while offset < count, base[offset] == 0x20 { offset += 1 }
    var value = 0
    var digits = 0
    while offset < count, base[offset] &- 0x30 < 10 {
      value = value &* 10 &+ Int(base[offset] &- 0x30)
      digits += 1
      if value > limit || digits > 18 { return nil }
      offset += 1
    }
    if offset < count, base[offset] == 0x2E {  // "12.0"
      offset += 1
      while offset < count, base[offset] == 0x30 { offset += 1 }
    }
    while offset < count, base[offset] == 0x20 { offset += 1 }
    return digits > 0 && offset == count ? value : nil
  }

  /// A cell reference such as `B3` or `$B$3`: `(row, column)`, both 1-based; `nil` if malformed or beyond
  /// `maxRow`/`maxColumn`. A reference with no row digits (`B`) gives row 0.
  func parseCellReference(maxRow: Int, maxColumn: Int) -> (row: Int, column: Int)? {
    guard let base, count > 0 else { return nil }
    var offset = 0
    var column = 0
    if base[0] == 0x24 { offset = 1 }
    while offset < count {
      let byte = base[offset] | 0x20  // fold to lower case
      guard byte >= 0x61, byte <= 0x7A else { break }
      column = column * 26 + Int(byte - 0x60)
      if column > maxColumn { return nil }
      offset += 1
    }
    guard column > 0 else { return nil }
    if offset < count, base[offset] == 0x24 { offset += 1 }
    var row = 0
    while offset < count, base[offset] &- 0x30 < 10 {
      row = row * 10 + Int(base[offset] &- 0x30)
      if row > maxRow { return nil }
      offset += 1
    }
    return offset == count ? (row, column) : nil
  }

  /// `true` for `1`/`true`/`on`, `false` for `0`/`false`/`off`, `nil` otherwise.
  var booleanValue: Bool? {
    if equals("1") || equals("true") || equals("on") { return true }
    if equals("0") || equals("false") || equals("off") { return false }
    return nil
  }
}

/// The attributes of a start tag (local name, namespace URI, value), valid only inside the callback.
struct XMLAttributes: Sequence {
  fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  /// The number of attributes.
  let count: Int

  /// One attribute.
  struct Attribute {
    /// The local name (no prefix).
    let name: XMLBytes
    /// The namespace URI, empty when the attribute has no namespace.
    let namespace: XMLBytes
    /// The value, with entity and character references replaced (``XMLBytes/string`` restores `&`).
    let value: XMLBytes
  }

  /// Walks the attributes in document order.
  struct Iterator: IteratorProtocol {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int
    fileprivate var index = 0

    mutating func next() -> Attribute? {
      guard index < count, let base else { return nil }
      let slot = base + index * 5
      index += 1
      let start = slot[3]
      let end = slot[4]
      let length = (start != nil && end != nil) ? end! - start! : 0
      var value = XMLBytes(base: start, count: length)
      value.isAttributeValue = true
      return Attribute(name: XMLBytes(cString: slot[0]), namespace: XMLBytes(cString: slot[2]), value: value)
    }
  }

  func makeIterator() -> Iterator { Iterator(base: base, count: count) }

  /// The value of the first attribute with this local name and no namespace, if any.
  func value(of name: StaticString) -> XMLBytes? {
    for attribute in self where attribute.namespace.isEmpty && attribute.name.equals(name) {
      return attribute.value
    }
    return nil
  }

  /// The value of the attribute with this local name whatever its namespace, as a `String`.
  func string(of name: StaticString) -> String? {
    for attribute in self where attribute.name.equals(name) { return attribute.value.string }
    return nil
  }
}

/// A reusable growable byte buffer for text content (cell values, shared strings), with allocation-free
/// parsing helpers.
struct TextBuffer {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  /// The number of bytes held.
  var count: Int { bytes.count }
  /// Whether the buffer is empty.
  var isEmpty: Bool { bytes.isEmpty }

  /// Appends a text run.
  @inline(__always)
  mutating func append(_ text: XMLBytes) {
    guard let base = text.base, text.count > 0 else { return }
    bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: text.count))
  }

  /// Empties the buffer, keeping its capacity.
  @inline(__always)
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// The content as a `String`.
  func makeString() -> String { String(decoding: bytes, as: UTF8.self) }

  /// Whether the content holds `_x` (a possible `_xHHHH_` escape).
  var mayHoldEscapes: Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if previous == 0x5F, byte == 0x78 { return true }
      previous = byte
    }
    return false
  }

  /// Whether the content equals an ASCII literal.
  func equals(_ literal: StaticString) -> Bool {
    guard literal.utf8CodeUnitCount == bytes.count else { return false }
    let expected = literal.utf8Start
    for offset in 0..<bytes.count where bytes[offset] != expected[offset] { return false }
    return true
  }

  /// Whether the content is empty or only ASCII white space.
  var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }

  /// The content as a non-negative integer (surrounding spaces allowed), or `nil`.
  func parseIndex() -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      XMLBytes(base: buffer.baseAddress, count: buffer.count).parseIndex(limit: Int.max / 16)
    }
  }

  /// The content as a decimal number, parsed exactly like C `strtod` in the "C" locale (correctly rounded),
  /// with surrounding ASCII white space allowed. `nil` for anything that is not a plain decimal number
  /// (`inf`, `nan`, hexadecimal and empty text are refused).
  mutating func parseDouble() -> Double? {
    var start = 0
    var end = bytes.count
    while start < end, Self.isSpace(bytes[start]) { start += 1 }
    while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    // Fast path: an integer of at most 15 digits is exactly representable.
    var offset = start
    var negative = false
    if bytes[offset] == 0x2D {
      negative = true
      offset += 1
    }
    if end - offset <= 15, offset < end {
      var value = 0
      var plain = true
      for index in offset..<end {
        let digit = bytes[index] &- 0x30
        if digit >= 10 {
          plain = false
          break
        }
        value = value * 10 + Int(digit)
      }
      if plain { return negative ? -Double(value) : Double(value) }
    }
    var sawDigit = false
    for index in start..<end {
      switch bytes[index] {
      case 0x30...0x39: sawDigit = true
      case 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue
      default: return nil
      }
    }
    guard sawDigit else { return nil }
    bytes.append(0)
    defer { bytes.removeLast() }
    return bytes.withUnsafeBufferPointer { buffer -> Double? in
      let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
      var stop: UnsafeMutablePointer<CChar>? = nil
      let value = nianjian_strtod_c(base + start, &stop)
      guard let stop, stop == UnsafeMutablePointer(mutating: base + end) else { return nil }
      return value.isFinite ? value : nil
    }
  }

  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// Receives the events of one XML document, in order. Names are local names: prefixes never matter.
protocol XMLContentHandler: AnyObject {
  /// A start tag.
  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes)
  /// An end tag (also sent for empty elements `<x/>`).
  func endElement(_ name: XMLBytes)
  /// A text run (character data or CDATA; one text node may arrive in several runs).
  func characters(_ text: XMLBytes)
  /// A problem the handler found in the content; checked after every chunk, parsing stops when set.
  var contentError: XLSXReadError? { get }
}

/// Where the bytes of a document come from (a zip entry stream).
protocol XMLByteSource: AnyObject {
  /// Fills up to `capacity` bytes at `buffer` and returns how many were written (0 at the end).
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(XLSXReadError) -> Int
}

/// What the libxml2 callbacks reach through their context pointer.
private final class SAXBridge {
  let handler: any XMLContentHandler
  var context: xmlParserCtxtPtr?
  var sawDocumentType = false
  var firstErrorMessage: String?
  var firstErrorLine = 0

  init(handler: any XMLContentHandler) { self.handler = handler }

  static func from(_ pointer: UnsafeMutableRawPointer?) -> SAXBridge {
    Unmanaged<SAXBridge>.fromOpaque(pointer!).takeUnretainedValue()
  }
}

private let libxmlInitialized: Bool = {
  xmlInitParser()
  return true
}()

/// A streaming libxml2 SAX2 push parser over one part, fed in chunks: the document is never held whole.
///
/// Options are fixed and minimal: `XML_PARSE_NONET` only — never `NOENT` (entity substitution), `DTDLOAD` or
/// `HUGE` (which would lift libxml2's limits on text-node size and nesting depth). A document type declaration
/// (`<!DOCTYPE`) stops the parse with an error: OOXML parts never carry one, and refusing it rules out entity
/// expansion ("billion laughs") and external entities. libxml2's messages are captured, never printed.
final class XMLPushParser {
  /// The size of the chunks read from the source and fed to libxml2.
  static let chunkSize = 64 * 1024

  private let bridge: SAXBridge
  private let source: any XMLByteSource
  private let context: xmlParserCtxtPtr
  private let chunk: UnsafeMutableRawPointer
  private let errorContext: XLSXReadError.Context
  private(set) var isFinished = false
  private var isFirstChunk = true
  private var escapesInvalidCharacters = false

  /// Creates a parser that sends the events of `source` to `handler`; errors carry `errorContext`.
  init(
    source: any XMLByteSource, handler: any XMLContentHandler, errorContext: XLSXReadError.Context
  ) throws(XLSXReadError) {
    _ = libxmlInitialized
    nianjian_libxml_silence_generic_errors()
    self.source = source
    self.errorContext = errorContext
    bridge = SAXBridge(handler: handler)
    var sax = xmlSAXHandler()
    sax.initialized = nianjian_libxml_sax2_magic()
    sax.startElementNs = { user, localName, _, uri, _, _, attributeCount, _, attributes in
      let bridge = SAXBridge.from(user)
      bridge.handler.startElement(
        XMLBytes(cString: localName), namespace: XMLBytes(cString: uri),
        attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
    }
    sax.endElementNs = { user, localName, _, _ in
      SAXBridge.from(user).handler.endElement(XMLBytes(cString: localName))
    }
    sax.characters = { user, text, length in
      SAXBridge.from(user).handler.characters(XMLBytes(base: text, count: Int(length)))
    }
    sax.cdataBlock = { user, text, length in
      SAXBridge.from(user).handler.characters(XMLBytes(base: text, count: Int(length)))
    }
    sax.internalSubset = { user, _, _, _ in
      let bridge = SAXBridge.from(user)
      bridge.sawDocumentType = true
      if let context = bridge.context { xmlStopParser(context) }
    }
    sax.entityDecl = { user, _, _, _, _, _ in
      let bridge = SAXBridge.from(user)
      bridge.sawDocumentType = true
      if let context = bridge.context { xmlStopParser(context) }
    }
    sax.serror = { user, error in
      guard let user, let error else { return }
      let bridge = SAXBridge.from(user)
      guard bridge.firstErrorMessage == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
      bridge.firstErrorMessage = message.trimmingASCIISpaces
      bridge.firstErrorLine = Int(error.pointee.line)
    }
    let user = Unmanaged.passUnretained(bridge).toOpaque()
    guard let context = xmlCreatePushParserCtxt(&sax, user, nil, 0, errorContext.part) else {
      throw XLSXReadError(.resourceFailure, errorContext, detail: "libxml2 could not create a parser")
    }
    self.context = context
    bridge.context = context
    xmlCtxtUseOptions(context, nianjian_libxml_safe_options())
    chunk = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
  }

  deinit {
    xmlFreeParserCtxt(context)
    chunk.deallocate()
  }

  /// Reads one chunk from the source and parses it; returns `false` once the document is complete.
  @discardableResult
  func parseNextChunk() throws(XLSXReadError) -> Bool {
    guard !isFinished else { return false }
    let length = try source.read(into: chunk, capacity: Self.chunkSize)
    let terminate: Int32 = length == 0 ? 1 : 0
    if isFirstChunk {
      isFirstChunk = false
      escapesInvalidCharacters = Self.looksLikeUTF8(UnsafeRawBufferPointer(start: chunk, count: length))
    }
    let status: Int32
    if escapesInvalidCharacters,
      let escaped = Self.escapingInvalidCharacters(UnsafeRawBufferPointer(start: chunk, count: length))
    {
      status = escaped.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), terminate) }
      }
    } else {
      status = xmlParseChunk(context, chunk.assumingMemoryBound(to: CChar.self), Int32(length), terminate)
    }
    if bridge.sawDocumentType {
      isFinished = true
      throw XLSXReadError(.documentTypeDeclaration, errorContext, detail: "<!DOCTYPE> in an OOXML part")
    }
    if let contentError = bridge.handler.contentError {
      isFinished = true
      xmlStopParser(context)
      throw contentError
    }
    if status != 0 || bridge.firstErrorMessage != nil {
      isFinished = true
      let message = bridge.firstErrorMessage ?? "XML error \(status)"
      throw XLSXReadError(.malformedXML, errorContext, detail: "line \(bridge.firstErrorLine): \(message)")
    }
    if length == 0 { isFinished = true }
    return !isFinished
  }

  /// Whether a document starts as UTF-8 (no UTF-16 byte-order mark, no NUL in its first bytes).
  private static func looksLikeUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let head = bytes.prefix(4)
    if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return false }
    return !head.contains(0)
  }

  /// C0 control characters (other than tab, line feed, carriage return) and U+FFFE/U+FFFF are not allowed in XML,
  /// yet files WPS and others write contain them and open fine there; libxml2 would stop with a fatal error.
  /// They are rewritten as OOXML `_xHHHH_` escapes, which the string decoder turns back into the same character,
  /// so nothing is lost. Returns `nil` (the common case) when the chunk holds none.
  private static func escapingInvalidCharacters(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    func isInvalid(_ index: Int) -> Int {
      let byte = bytes[index]
      if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
      if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return 3 }
      return 0
    }
    var first = -1
    for index in 0..<bytes.count where isInvalid(index) > 0 {
      first = index
      break
    }
    guard first >= 0 else { return nil }
    var output: [UInt8] = Array(bytes[0..<first])
    output.reserveCapacity(bytes.count + 64)
    let digits = Array("0123456789ABCDEF".utf8)
    var index = first
    while index < bytes.count {
      let width = isInvalid(index)
      if width == 0 {
        output.append(bytes[index])
        index += 1
        continue
      }
      let scalar: Int = width == 1 ? Int(bytes[index]) : (bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
      output.append(contentsOf: [0x5F, 0x78])
      for shift in [12, 8, 4, 0] { output.append(digits[(scalar >> shift) & 0xF]) }
      output.append(0x5F)
      index += width
    }
    return output
  }

  /// Parses the whole document.
  func parseAll() throws(XLSXReadError) {
    while try parseNextChunk() {}
  }
}

extension String {
  /// The string without leading and trailing ASCII spaces, tabs and line breaks.
  var trimmingASCIISpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\n" || first == "\t" || first == "\r" {
      scalars.removeFirst()
    }
    while let last = scalars.last, last == " " || last == "\n" || last == "\t" || last == "\r" {
      scalars.removeLast()
    }
    return String(scalars)
  }
}

/// Heap storage for a parser handler's hot state, reached through addressors: one owner, one thread, so the
/// per-access dynamic exclusivity checks of class stored properties are not needed on the per-event path.
final class HandlerState<Value> {
  private let pointer: UnsafeMutablePointer<Value>

  init(_ value: Value) {
    pointer = .allocate(capacity: 1)
    pointer.initialize(to: value)
  }

  deinit {
    pointer.deinitialize(count: 1)
    pointer.deallocate()
  }

  /// The state.
  var value: Value {
    unsafeAddress { UnsafePointer(pointer) }
    unsafeMutableAddress { pointer }
  }
}
