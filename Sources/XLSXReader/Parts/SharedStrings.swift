/// Reads the shared-strings part (`<sst>`): one string per `<si>`, strictly in order.
///
/// Rich-text runs (`<r><t>`) are joined with direct `<t>` text; phonetic runs (`<rPh>`, pinyin/furigana) are
/// skipped; `_xHHHH_` escapes are decoded. Whitespace is kept exactly. `count`/`uniqueCount` are ignored
/// (they may lie), so nothing is preallocated from them.
final class SharedStringsHandler: XMLContentHandler {
  private(set) var strings: [String] = []
  private(set) var contentError: XLSXReadError?
  private var text = TextBuffer(capacity: 1024)
  private var inItem = false
  private var inText = false
  private var phoneticDepth = 0
  private let limits: ReadLimits
  private let errorContext: XLSXReadError.Context

  init(limits: ReadLimits, errorContext: XLSXReadError.Context) {
    self.limits = limits
    self.errorContext = errorContext
  }

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    if name.equals("t") {
      inText = inItem && phoneticDepth == 0
    } else if name.equals("si") || name.equals("sstItem") {  // sstItem: Excel 2007 beta files
      inItem = true
      text.removeAll()
    } else if name.equals("rPh") {
      phoneticDepth += 1
    }
  }

  func endElement(_ name: XMLBytes) {
    if name.equals("t") {
      inText = false
    } else if name.equals("si") || name.equals("sstItem") {
      inItem = false
      strings.append(text.makeDecodedString())
      if strings.count > limits.maxSharedStrings, contentError == nil {
        contentError = XLSXReadError(
          .limitExceeded, errorContext, detail: "maxSharedStrings: more than \(limits.maxSharedStrings) strings")
      }
    } else if name.equals("rPh") {
      phoneticDepth -= 1
    }
  }

  func characters(_ text: XMLBytes) {
    guard inText else { return }
    self.text.append(text)
    if self.text.count > limits.maxStringBytes, contentError == nil {
      contentError = XLSXReadError(
        .limitExceeded, errorContext,
        detail: "maxStringBytes: shared string \(strings.count) longer than \(limits.maxStringBytes) bytes")
    }
  }
}
