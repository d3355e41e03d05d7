// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "wbmgp",
    products: [
        .library(name: "Wbmgp", targets: ["Wbmgp"]),
        // HTTP/1.1 over sockets, knowing nothing of housing law (docs: Sources/HTTPServer).
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .executable(name: "wbmgp", targets: ["WbmgpCLI"]),
        // The long run of the fuzz harness (Tests/fuzz.sh); not needed to decide anything.
        .executable(name: "wbmgp-fuzz", targets: ["WbmgpFuzz"]),
    ],
    dependencies: [],
    targets: [
        .target(
            name: "Wbmgp", dependencies: ["HTTPServer"],
            // The desk page (`wbmgp serve`, GET /) is compiled into the binary, so it is served
            // offline and cannot go missing beside an installed executable.
            resources: [
                .embedInCode("Service/Desk/index.html"), .embedInCode("Service/Desk/desk.css"), .embedInCode("Service/Desk/desk.js"),
            ]),
        .target(name: "HTTPServer"),
        .executableTarget(name: "WbmgpCLI", dependencies: ["Wbmgp", "HTTPServer"]),
        .executableTarget(name: "WbmgpFuzz", dependencies: ["Wbmgp"]),
        .testTarget(name: "WbmgpTests", dependencies: ["Wbmgp"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
    ],
    swiftLanguageModes: [.v6]
)
