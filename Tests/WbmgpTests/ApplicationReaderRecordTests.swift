import Foundation
import Testing

@testable import Wbmgp

/// What the application reader makes of 13,477 documents is pinned: the same application, or the
/// same error (code, path, message and application id). `Fixtures/reader/records.tsv` was
/// written at 2940795 on the documents of ``ReaderCorpus`` (its 2,000 generated lines again on
/// 2026-12-06, when the bench's generator began to give whole addresses: only their digests
/// changed, all still `ok`; and 24 mutated documents later that day, whose dwelling's postcode is
/// not four digits and two letters or whose house number is below 1, now `E-VALUE`); a line is the document's label, then
/// `ok` and a digest of the application read, or the error's fields. A reader that replaces
/// today's two (issue 16: one byte-level reader for the fast path and the exact errors) must give
/// every line unchanged.
@Suite("Application reader: the same results and errors as recorded")
struct ApplicationReaderRecordTests {
    static let recorded: [String] = {
        let path = TestSupport.fixturesDirectory + "/reader/records.tsv"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }()

    @Test("every document reads as recorded")
    func asRecorded() {
        let documents = ReaderCorpus.documents()
        #expect(documents.count == Self.recorded.count, "the corpus and the record differ in length")
        var differences = 0
        for (document, recorded) in zip(documents, Self.recorded) {
            let line = document.label + "\t" + ReaderCorpus.record(document).replacingOccurrences(of: "\n", with: "\\n")
            if line != recorded {
                differences += 1
                if differences <= 10 { Issue.record("\(document.label):\n  now:      \(line)\n  recorded: \(recorded)") }
            }
        }
        #expect(differences == 0)
    }

    @Test("the record holds both outcomes and every error code a document can get")
    func recordCoversTheCodes() {
        // The second field of each line: `ok` or the error's code.
        let codes = Set(Self.recorded.compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().first.map(String.init) })
        #expect(codes.isSuperset(of: [
            "ok", "E-JSON", "E-FIELD", "E-MISSING", "E-TYPE", "E-DATE", "E-CODE", "E-PERIOD", "E-HOUSEHOLD", "E-CHRONOLOGY", "E-VALUE",
            "E-LIMIT", "E-POLICE-DATA",
        ]))
        #expect(Self.recorded.filter { $0.contains("\tok\t") }.count > 3000)
    }

    @Test("reading the bytes and reading the parsed tree give the same application or error")
    func bytesAndTreeAgree() {
        for document in ReaderCorpus.documents() {
            guard let tree = try? JSONReader.parse(document.bytes) else { continue }
            let reader = ApplicationReader(law: TestSupport.law, role: document.role)
            let fromBytes = Result { () throws(InputError) in try reader.read(document.bytes) }
            let fromTree = Result { () throws(InputError) in try reader.read(tree) }
            switch (fromBytes, fromTree) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(document.label)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(document.label)")
            default: Issue.record("\(document.label): one way read it, the other refused it")
            }
        }
    }
}
