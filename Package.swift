// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "wbmgp",
    products: [
        .library(name: "Wbmgp", targets: ["Wbmgp"]),
        .executable(name: "wbmgp", targets: ["WbmgpCLI"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "Wbmgp"),
        .executableTarget(name: "WbmgpCLI", dependencies: ["Wbmgp"]),
        .testTarget(name: "WbmgpTests", dependencies: ["Wbmgp"]),
    ],
    swiftLanguageModes: [.v6]
)
