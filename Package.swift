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
        .target(
            name: "Wbmgp",
            swiftSettings: [
                // Release builds skip the run-time exclusivity checks of class properties, which
                // cost about 3 % of a decision in the evaluator; debug builds (and so `swift test`)
                // keep them, so a violation is still caught by the tests.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
            ]),
        .executableTarget(name: "WbmgpCLI", dependencies: ["Wbmgp"]),
        .testTarget(name: "WbmgpTests", dependencies: ["Wbmgp"]),
    ],
    swiftLanguageModes: [.v6]
)
