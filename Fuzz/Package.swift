// swift-tools-version: 6.1
// Fuzz targets for XLSXReader, Schema and NianjianCore: a separate package (depends on the root by path) so `make test` never builds it.
// Build and run: see README.md.
import PackageDescription

let package = Package(
  name: "NianjianFuzz",
  products: [
    .executable(name: "FuzzZip", targets: ["FuzzZip"]),
    .executable(name: "FuzzSheetXML", targets: ["FuzzSheetXML"]),
    .executable(name: "FuzzSharedStrings", targets: ["FuzzSharedStrings"]),
    .executable(name: "FuzzStyles", targets: ["FuzzStyles"]),
    .executable(name: "FuzzTargetExpression", targets: ["FuzzTargetExpression"]),
    .executable(name: "FuzzSchema", targets: ["FuzzSchema"]),
    .executable(name: "FuzzReturn", targets: ["FuzzReturn"]),
    .executable(name: "FuzzXLSXReaderParts", targets: ["FuzzXLSXReaderParts"]),
  ],
  dependencies: [
    .package(name: "Nianjian", path: "..")
  ],
  targets: [
    // libFuzzer's driver entry point, declared for Swift.
    .target(name: "CLibFuzzer"),
    // Shared by every target: walking a document, writing a stored zip in memory.
    .target(
      name: "FuzzSupport",
      dependencies: ["CLibFuzzer", .product(name: "XLSXReader", package: "Nianjian")]),
    // The zip layer: the input bytes are the whole .xlsx file.
    .executableTarget(
      name: "FuzzZip",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // Sheet XML: the input is xl/worksheets/sheet1.xml inside a valid package.
    .executableTarget(
      name: "FuzzSheetXML",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // Shared strings: the input is xl/sharedStrings.xml; the sheet refers to its strings.
    .executableTarget(
      name: "FuzzSharedStrings",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // Styles and number formats: xl/styles.xml, or one number-format code (the first byte chooses).
    .executableTarget(
      name: "FuzzStyles",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // The target-expression grammar: the input is one expression.
    .executableTarget(
      name: "FuzzTargetExpression",
      dependencies: ["FuzzSupport", .product(name: "Schema", package: "Nianjian")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // Return extraction and validation: the input is a whole return workbook as plain-text parts.
    .executableTarget(
      name: "FuzzReturn",
      dependencies: [
        "FuzzSupport", .product(name: "Schema", package: "Nianjian"),
        .product(name: "NianjianCore", package: "Nianjian"),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // Any XML part (package parts included): the first byte chooses the part, the rest is its content inside a valid package.
    .executableTarget(
      name: "FuzzXLSXReaderParts",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // One YAML file of a jurisdiction: the first byte chooses which, the rest is its content.
    .executableTarget(
      name: "FuzzSchema",
      dependencies: ["FuzzSupport", .product(name: "Schema", package: "Nianjian")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)
