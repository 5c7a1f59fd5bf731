/// The safety limits that keep a hostile or broken file from exhausting memory, disk or time.
///
/// Every limit is a named constant with a documented default; a file that exceeds one is refused with
/// ``XLSXReadError/Kind/limitExceeded`` naming the limit. Pass a custom value to ``XLSXDocument/init(contentsOf:limits:)``
/// to tighten or loosen them (tests use tiny limits to trip each one).
///
/// ```swift
/// var limits = ReadLimits.default
/// limits.maxCellsPerSheet = 1_000_000
/// let document = try XLSXDocument(contentsOf: url, limits: limits)
/// ```
public struct ReadLimits: Sendable, Equatable {
  /// The most entries the zip may hold (Excel writes a few dozen; 10,000 allows for many pictures).
  public var maxEntries: Int
  /// The most sheets a workbook may list.
  public var maxSheets: Int
  /// The most bytes a worksheet part may inflate to (1 GiB: some 20 million cells; reading is streamed, so this
  /// bounds time, not memory).
  public var maxWorksheetBytes: Int
  /// The most bytes the shared-strings part may inflate to (256 MiB).
  public var maxSharedStringsBytes: Int
  /// The most bytes any other part (workbook, styles, relationships, properties) may inflate to (16 MiB).
  public var maxOtherPartBytes: Int
  /// The most bytes all parts read from one document may inflate to, together (2 GiB).
  public var maxTotalBytes: Int
  /// The highest inflated-to-compressed size ratio allowed for a part beyond ``compressionRatioGraceBytes``
  /// (200; real sheets stay far below, zip bombs reach 1,000).
  public var maxCompressionRatio: Int
  /// The inflated size up to which the compression ratio is not checked (1 MiB: tiny parts compress oddly).
  public var compressionRatioGraceBytes: Int
  /// The most `<c>` elements one worksheet may hold, with or without a value (100 million).
  public var maxCellsPerSheet: Int
  /// The most shared strings the shared-strings part may hold (16 million).
  public var maxSharedStrings: Int
  /// The most UTF-8 bytes one string (a shared string, an inline string, a formula or a value) may hold
  /// (1 MiB; Excel itself stops at 32,767 characters).
  public var maxStringBytes: Int

  /// Creates limits; every parameter defaults to the value of ``default``.
  public init(
    maxEntries: Int = 10_000, maxSheets: Int = 4_096, maxWorksheetBytes: Int = 1 << 30,
    maxSharedStringsBytes: Int = 256 << 20, maxOtherPartBytes: Int = 16 << 20, maxTotalBytes: Int = 2 << 30,
    maxCompressionRatio: Int = 200, compressionRatioGraceBytes: Int = 1 << 20,
    maxCellsPerSheet: Int = 100_000_000, maxSharedStrings: Int = 16_000_000, maxStringBytes: Int = 1 << 20
  ) {
    self.maxEntries = maxEntries
    self.maxSheets = maxSheets
    self.maxWorksheetBytes = maxWorksheetBytes
    self.maxSharedStringsBytes = maxSharedStringsBytes
    self.maxOtherPartBytes = maxOtherPartBytes
    self.maxTotalBytes = maxTotalBytes
    self.maxCompressionRatio = maxCompressionRatio
    self.compressionRatioGraceBytes = compressionRatioGraceBytes
    self.maxCellsPerSheet = maxCellsPerSheet
    self.maxSharedStrings = maxSharedStrings
    self.maxStringBytes = maxStringBytes
  }

  /// The limits used when none are given.
  public static let `default` = ReadLimits()

  /// Excel's last row (1,048,576); cell references beyond it are refused.
  public static let maxRow = 1_048_576
  /// Excel's last column (XFD = 16,384); cell references beyond it are refused.
  public static let maxColumn = 16_384
}
