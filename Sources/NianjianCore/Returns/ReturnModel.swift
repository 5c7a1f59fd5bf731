import Foundation
import Schema

/// What identifies a filled return: the template it was made from.
///
/// Written by `nianjian template` into a custom document property and a hidden metadata sheet
/// (see ``FormLayout``), read back by the return extractor.
public struct TemplateIdentity: Sendable, Hashable, Codable {
  /// The template id (`<jurisdiction>-<department>-<year>-<first 12 hex digits of the schema version>`).
  public var templateID: String
  /// The schema version (SHA-256 hex) the template was generated from.
  public var schemaVersion: String
  /// The jurisdiction id (`guandu`).
  public var jurisdiction: String
  /// The department id (`health`).
  public var department: String
  /// The reporting year (the year the values are for).
  public var year: Int

  /// Creates an identity.
  public init(templateID: String, schemaVersion: String, jurisdiction: String, department: String, year: Int) {
    self.templateID = templateID
    self.schemaVersion = schemaVersion
    self.jurisdiction = jurisdiction
    self.department = department
    self.year = year
  }

  /// The conventional template id for these parts.
  public static func makeID(jurisdiction: String, department: String, year: Int, schemaVersion: String) -> String {
    "\(jurisdiction)-\(department)-\(year)-\(schemaVersion.prefix(12))"
  }
}

/// How a return was recognised.
public enum IdentificationMethod: String, Sendable, Hashable, Codable {
  /// By the custom document property (the normal case).
  case customProperty = "custom_property"
  /// By the hidden metadata sheet (the custom property was lost).
  case metadataSheet = "metadata_sheet"
  /// Neither was present: the header row was found and rows were matched by indicator code.
  case headerByCode = "header_by_code"
  /// Neither was present and codes were missing: rows were matched by indicator name.
  case headerByName = "header_by_name"
  /// Nothing recognisable was found.
  case unidentified
}

/// Where a value came from: file, its SHA-256, sheet, cell and the raw text as stored in the file.
public struct Provenance: Sendable, Hashable, Codable {
  /// The file name (without folders) of the return.
  public var fileName: String
  /// The SHA-256 (lower-case hex) of the whole file.
  public var sha256: String
  /// The sheet name.
  public var sheet: String
  /// The A1 reference of the cell (`H7`).
  public var cell: String
  /// The cell's content exactly as stored (the `<v>` text or the string), before any coercion.
  public var rawText: String

  /// Creates a provenance record.
  public init(fileName: String, sha256: String, sheet: String, cell: String, rawText: String) {
    self.fileName = fileName
    self.sha256 = sha256
    self.sheet = sheet
    self.cell = cell
    self.rawText = rawText
  }
}

/// Why a value is missing. Missing is never the same as 0.
public enum MissingReason: String, Sendable, Hashable, Codable, CaseIterable {
  /// The cell is empty.
  case blank
  /// Declared "no data" (—, 无, 无数据, 暂无).
  case noData = "no_data"
  /// Declared "not applicable" (不适用, 无此项).
  case notApplicable = "not_applicable"
}

/// A reported quantity: a number, a text (for a qualitative indicator), or a declared missing value.
public enum ReportedQuantity: Sendable, Hashable {
  /// A number in the indicator's unit (93.5 means 93.5 % for a `%` indicator).
  case number(Double)
  /// A text answer (qualitative indicators only).
  case text(String)
  /// No value, and why.
  case missing(MissingReason)

  /// The number, if this is one.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }
}

/// One value read from a return, with everything needed to trace it back.
public struct ReportedValue: Sendable, Hashable {
  /// The indicator code.
  public var indicatorCode: String
  /// The year the value is for.
  public var year: Int
  /// The value after coercion (see the info findings for what was coerced).
  public var quantity: ReportedQuantity
  /// Where it came from.
  public var provenance: Provenance
  /// The department's explanation (情况说明), if typed.
  public var explanation: String?
  /// The data source the department named (数据来源), if typed.
  public var dataSource: String?

  /// Creates a reported value.
  public init(
    indicatorCode: String, year: Int, quantity: ReportedQuantity, provenance: Provenance,
    explanation: String? = nil, dataSource: String? = nil
  ) {
    self.indicatorCode = indicatorCode
    self.year = year
    self.quantity = quantity
    self.provenance = provenance
    self.explanation = explanation
    self.dataSource = dataSource
  }
}
