import Foundation
import Testing
@testable import Wbmgp

/// Diagnostics of broken rules are the same at every run (determinism: the same rules give
/// byte-identical output, errors included). Each dictionary is seeded anew, even within one run,
/// so where a diagnostic took something from a dictionary's order, a dozen compilations in one
/// test differed.
@Suite("rule diagnostics are the same at every run")
struct DeterministicDiagnosticsTests {
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

    static let measures = """
        version 2017-01-01 "test"
        measure art8 "Wbmgp art. 5 lid 1" from 2017-01-01
          field incomeTest: one of applicant, any-adult default applicant
        measure art9 "Wbmgp art. 5 lid 2" from 2017-01-01
          field aboveUrgent: bool default false
        measure art10 "Wbmgp art. 5 lid 3" from 2017-01-01
          field laterJoiners: bool default false
        parameter minimumResidence = 6 years "Wbmgp art. 8 lid 1" from 2017-01-01

        """

    static let rule = """
        rule art8.income "Wbmgp art. 8 lid 1" from 2017-01-01
          under art8
          for each p in applicant
          refuse when residence(p, designation.region, applicationDate) < minimumResidence
          reason applied nl "a" en "a"
          reason passed nl "p" en "p"
          reason unknown nl "u" en "u"

        """

    /// The messages of compiling `text` a dozen times, each time as one list.
    static func messages(_ text: String) -> Set<[String]> {
        Set((0..<12).map { _ in TestSupport.compile(text).1.map { "\($0.code.rawValue) \($0.line ?? 0):\($0.column ?? 0) \($0.message)" } })
    }

    @Test("of equally close names the first by name is suggested: a measure, a name in scope")
    func suggestionTies() throws {
        // 'art1' is one edit from art10, art8 and art9 alike.
        let measure = Self.messages(Self.measures + Self.rule.replacingOccurrences(of: "under art8", with: "under art1"))
        #expect(measure.count == 1)
        #expect(try #require(measure.first).contains { $0.contains("unknown measure 'art1'; did you mean 'art10'?") })
        // 'designatios' is one edit from designation and designations alike.
        let name = Self.messages(Self.measures + Self.rule.replacingOccurrences(of: "designation.region", with: "designatios.region"))
        #expect(name.count == 1)
        #expect(try #require(name.first).contains { $0.contains("unknown name 'designatios'; did you mean 'designation'?") })
    }

    @Test("unknown code lists of several measures are reported in the order of their places in the file")
    func measureDiagnosticsInPlaceOrder() throws {
        let text = Self.measures
            .replacingOccurrences(of: "field aboveUrgent: bool default false", with: "field aboveUrgent: code of nolist")
            .replacingOccurrences(of: "field laterJoiners: bool default false", with: "field laterJoiners: codes of otherlist")
            .replacingOccurrences(of: "field incomeTest: one of applicant, any-adult default applicant", with: "field incomeTest: code of thirdlist")
            + Self.rule
        let runs = Self.messages(text)
        #expect(runs.count == 1)
        let lists = try #require(runs.first).filter { $0.contains("unknown code list") }.map { $0.split(separator: "'")[1] }
        #expect(lists == ["thirdlist", "nolist", "otherlist"])  // art8, art9, art10, as written
    }
}
