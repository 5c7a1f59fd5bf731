// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Nianjian",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "nianjian", targets: ["nianjian"]),
    .library(name: "XLSXReader", targets: ["XLSXReader"]),
    .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
    .library(name: "Schema", targets: ["Schema"]),
    .library(name: "NianjianCore", targets: ["NianjianCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // C shims: the only place the C libraries are named.
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CZip", pkgConfig: "libzip",
      providers: [.apt(["libzip-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter", pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]),

    // General-purpose XLSX reading and writing (knows nothing of indicators).
    .target(name: "XLSXReader", dependencies: ["CLibXML2", "CZip"]),
    .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "CZip"]),

    // The indicator registry: plans, indicators, targets, attainment.
    .target(
      name: "Schema",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),

    // Returns, validation, store, yearbook, templates.
    .target(
      name: "NianjianCore",
      dependencies: [
        "XLSXReader", "XLSXWriter", "Schema",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),

    // The command line.
    .executableTarget(
      name: "nianjian",
      dependencies: [
        "NianjianCore", "XLSXReader", "XLSXWriter", "Schema",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .target(name: "NianjianTestSupport", path: "Sources/NianjianTestSupport"),

    .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "NianjianTestSupport"]),
    .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "XLSXReader", "NianjianTestSupport"]),
    .testTarget(
      name: "SchemaTests",
      dependencies: [
        "Schema", "NianjianTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "NianjianCoreTests", dependencies: ["NianjianCore", "NianjianTestSupport"]),
    .testTarget(name: "NianjianCLITests", dependencies: ["nianjian", "NianjianTestSupport"]),
  ]
)
