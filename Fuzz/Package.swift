// swift-tools-version: 6.1
// Fuzz targets for XLSXReader and Schema: a separate package (depends on the root by path) so `make test` never builds it.
// Build and run: see README.md.
import PackageDescription

let package = Package(
  name: "NianjianFuzz",
  products: [
    .executable(name: "FuzzXLSXReader", targets: ["FuzzXLSXReader"]),
    .executable(name: "FuzzXLSXReaderParts", targets: ["FuzzXLSXReaderParts"]),
    .executable(name: "FuzzSchema", targets: ["FuzzSchema"]),
  ],
  dependencies: [
    .package(name: "Nianjian", path: "..")
  ],
  targets: [
    // libFuzzer's driver entry point, declared for Swift.
    .target(name: "CLibFuzzer"),
    // Shared by both targets: walking a document, writing a stored zip in memory.
    .target(
      name: "FuzzSupport",
      dependencies: ["CLibFuzzer", .product(name: "XLSXReader", package: "Nianjian")]),
    // Whole files: the input bytes are the .xlsx file.
    .executableTarget(
      name: "FuzzXLSXReader",
      dependencies: ["FuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // One XML part: the first byte chooses the part, the rest is its content inside a valid package.
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
