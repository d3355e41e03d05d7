import Foundation
import Testing
@testable import Wbmgp

/// Diagnostics of the rules' label sets, named at the same place at every run (determinism:
/// the same rules give byte-identical output, errors included).
@Suite("label-set diagnostics are the same at every run")
struct LabelDiagnosticTests {
    /// The shipped rule files with the `labels applicationKind` set taken out of labels.rules.
    static func filesWithoutApplicationKindLabels() throws -> [(path: String, text: String)] {
        let files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        return try files.map { file in
            guard file.path.hasSuffix("/labels.rules") else { return file }
            var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.firstIndex { $0.hasPrefix("labels applicationKind ") })
            var end = start + 1
            while end < lines.count, !lines[end].isEmpty { end += 1 }
            lines.removeSubrange(start..<end)
            return (file.path, lines.joined(separator: "\n"))
        }
    }

    @Test("a fixed domain without labels is reported at labels.rules, the file of most label sets, each time")
    func missingLabelSetNamedAtOneFile() throws {
        let files = try Self.filesWithoutApplicationKindLabels()
        // Compiled a dozen times: each compilation's dictionaries are seeded anew, so a file
        // taken from one's first value would differ between them (awb.rules holds one set too).
        for _ in 0..<12 {
            let diagnostics = LawCompiler.compile(files: files).1
            let missing = diagnostics.filter { $0.message.contains("label no 'applicationKind' codes") }
            #expect(missing.count == 1)
            #expect(missing.first?.path == TestSupport.rulesDirectory + "/wbmgp/labels.rules")
        }
    }
}
