// swift-tools-version: 6.1
// The write benchmark: XLSXWriter writing the harness's 200,000 x 20 table (../shared/bench/c/data.h), to be timed
// against libxlsxwriter in C. A separate package (depends on the root by path) so `make test` never builds it.
// Build and run: see ../RESULTS.md and ../run.sh.
import PackageDescription

let package = Package(
  name: "NianjianWriteBench",
  products: [.executable(name: "WriteBench", targets: ["WriteBench"])],
  dependencies: [.package(name: "Nianjian", path: "../..")],
  targets: [
    .executableTarget(
      name: "WriteBench",
      dependencies: [.product(name: "XLSXWriter", package: "Nianjian")])
  ]
)
