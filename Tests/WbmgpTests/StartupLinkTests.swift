import Foundation
import Testing

/// The `wbmgp` executable links no Foundation: Foundation brings libFoundation,
/// FoundationInternationalization and ICU's 40 MB library, whose loading and relocation took
/// about 3.7 ms of a cold start of 20.7 ms (issue 16's limit is 20 ms) and 6 MiB of peak memory
/// (Benchmarks, step 106), and FoundationEssentials alone about 1.4 ms more (step 108). One
/// `import Foundation` in any file of the modules the executable is built from links it again,
/// so the sources are checked here. (The tests and `wbmgp-fuzz` may use Foundation: they are
/// other binaries.)
@Suite("the executable's modules import no Foundation module")
struct StartupLinkTests {
    static let modules = ["Wbmgp", "HTTPServer", "WbmgpCLI"]

    /// `import Foundation`, `import struct Foundation.Data`, `@_exported import FoundationNetworking`,
    /// `import FoundationEssentials`, …: any import of a Foundation module.
    static let foundationImport = #"^\s*(@\w+\s+)*import\s+(\w+\s+)?Foundation\w*\b"#

    @Test("no file of Wbmgp, HTTPServer or WbmgpCLI imports Foundation, FoundationEssentials or the like")
    func onlyEssentials() throws {
        var found: [String] = []
        for module in Self.modules {
            let root = TestSupport.packageRoot + "/Sources/" + module
            let enumerator = try #require(FileManager.default.enumerator(atPath: root))
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".swift") else { continue }
                let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.range(of: Self.foundationImport, options: .regularExpression) != nil {
                    found.append("Sources/\(module)/\(relative):\(number + 1): \(line)")
                }
            }
        }
        #expect(found.isEmpty, "imports that link Foundation into wbmgp:\n\(found.joined(separator: "\n"))")
    }

    @Test("the check finds the imports it is for and only those")
    func patternCases() {
        let matches = { (line: String) in line.range(of: Self.foundationImport, options: .regularExpression) != nil }
        for line in ["import Foundation", "  import Foundation", "@_exported import Foundation", "import struct Foundation.Data",
                     "import FoundationNetworking", "@preconcurrency import FoundationXML", "import FoundationInternationalization",
                     "import FoundationEssentials", "import struct FoundationEssentials.Data"] {
            #expect(matches(line), "\(line)")
        }
        for line in ["// import Foundation is avoided", "import Dispatch", "import Glibc", "import Synchronization", "import Wbmgp"] {
            #expect(!matches(line), "\(line)")
        }
    }
}
