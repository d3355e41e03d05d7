import Foundation
import Testing

@testable import Wbmgp

@Suite("Decision records, digests and replay (interface §6)")
struct RecordAndReplayTests {
    static let x = TestSupport.fixturesDirectory + "/designations/a8-x-rotterdam-carnisse.json"

    /// A8 example 3: under six years, only unemployment benefit → refused under art. 8 lid 1.
    static let application = """
        {"id": "replay-1", "applicationDate": "2019-05-01",
         "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
         "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-03-10",
                        "residence": [{"municipality": "Rotterdam", "from": "2016-09-01"}], "income": ["unemployment-benefit"]}]}
        """

    func service(designations: String, rules: String = TestSupport.rulesDirectory) throws -> DecisionService {
        let (module, diagnostics) = RuleModule.load(rules: rules, designations: designations)
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        return DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), record: true)
    }

    func record() throws -> JSONValue {
        try service(designations: Self.x).decideJSON(Array(Self.application.utf8), withInput: true)
    }

    @Test("a record decided today replays identical")
    func identical() throws {
        let result = try Replayer(service: try service(designations: Self.x)).replay(try record())
        #expect(result.isIdentical)
        #expect(!result.rulesDigestDiffers && !result.designationsDigestDiffers)
    }

    @Test("after the designation's term is edited, replay names the changed rule and outcome")
    func designationEdited() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Self.x, encoding: .utf8)
        // The designation now ends before the application: the dwelling is no longer covered.
        try text.replacingOccurrences(of: "\"until\": \"2022-04-15\"", with: "\"until\": \"2019-04-30\"")
            .write(toFile: directory + "/x.json", atomically: false, encoding: .utf8)
        let result = try Replayer(service: try service(designations: directory + "/x.json")).replay(try record())
        #expect(!result.isIdentical)
        #expect(result.designationsDigestDiffers && !result.rulesDigestDiffers)
        #expect(result.differences.first?.text == "outcome: refused → not-applicable")
        let art8 = try #require(result.differences.first { $0.rule == "art8.income" })
        #expect(art8.citation == "Wbmgp art. 8 lid 1")
        #expect(art8.from == "refuse applied")
        #expect(art8.to.hasPrefix("not reached: No designation in force on 1 May 2019 covers this rental dwelling in Rotterdam"))
        #expect(ReplayWriter.text(result).contains("designations digest differs"))
    }

    @Test("a changed rule parameter shows as a changed result with its facts")
    func ruleEdited() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: directory + "/Rules")
        let path = directory + "/Rules/wbmgp/art08.rules"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "minimumResidence = 6 years", with: "minimumResidence = 2 years")
            .write(toFile: path, atomically: false, encoding: .utf8)
        let result = try Replayer(service: try service(designations: Self.x, rules: directory + "/Rules")).replay(try record())
        #expect(result.rulesDigestDiffers && !result.designationsDigestDiffers)
        #expect(result.differences.map(\.text).contains("Wbmgp art. 8 lid 1 (art8.income, p1): refuse applied → refuse passed"))
        #expect(result.differences.map(\.text).contains { $0.contains("income [\"unemployment-benefit\"] → income null") })
    }

    @Test("a record whose outcome or a reason's result is no code the engine gives is refused at its path (65), not replayed as 'differs'")
    func impossibleResultsRefused() throws {
        let text = JSONWriter.compact(try record())
        let replayer = Replayer(service: try service(designations: Self.x))
        for (from, to, path) in [
            ("\"outcome\":\"refused\"", "\"outcome\":\"maybe\"", "$.outcome"),
            ("\"result\":\"applied\"", "\"result\":\"bogus\"", "$.reasons[0].result"),
        ] {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text)
            #expect {
                try replayer.replay(try JSONReader.parse(Array(changed.utf8)))
            } throws: { ($0 as? InputError)?.code == "E-CODE" && ($0 as? InputError)?.path == path }
        }
    }

    @Test("a record with a member no decision record has is refused at its path (65): a mistyped 'outcomee' was passed over as identical")
    func unknownMemberRefused() throws {
        let text = JSONWriter.compact(try record())
        let replayer = Replayer(service: try service(designations: Self.x))
        let changed = text.replacingOccurrences(of: "\"outcome\":", with: "\"outcomee\":\"granted\",\"outcome\":")
        #expect(changed != text)
        #expect {
            try replayer.replay(try JSONReader.parse(Array(changed.utf8)))
        } throws: { ($0 as? InputError)?.code == "E-FIELD" && ($0 as? InputError)?.path == "$.outcomee" }
        // The record as written replays as identical.
        #expect(try replayer.replay(try record()).differences.isEmpty)
    }

    @Test("another list of missing facts is another decision: replay says so")
    func missingFactsCompared() throws {
        guard case .object(var members) = try record() else { Issue.record("no record"); return }
        let index = try #require(members.firstIndex { $0.key == "missingFacts" })
        members[index].value = .array([.string("$.household[0].birthDate")])
        let result = try Replayer(service: try service(designations: Self.x)).replay(.object(members))
        #expect(result.differences.map(\.field) == ["missingFacts"], "\(result.differences)")
    }

    @Test("pretty-printed records one after another are one error naming the second's line, not one per line")
    func severalPrettyRecords() throws {
        let pretty = JSONWriter.pretty(try record())
        let documents = ReplayWriter.documents(in: Array((pretty + "\n" + pretty + "\n").utf8))
        #expect(documents.count == 1)
        let secondLine = pretty.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        guard case .failure(let error)? = documents.first?.value else { Issue.record("expected one error"); return }
        #expect(error.code == "E-JSON" && error.message.contains("several JSON documents one after another (the second begins at line \(secondLine))"), "\(error)")
        // One pretty record alone, and JSON Lines, are read as before.
        #expect(ReplayWriter.documents(in: Array(pretty.utf8)).count == 1)
        let line = JSONWriter.compact(try record())
        #expect(ReplayWriter.documents(in: Array((line + "\n" + line + "\n").utf8)).count == 2)
        // A log whose first line was broken just after its "{" is still read as a log, line by
        // line, so that its check names line 1 (E-LOG), not "several JSON documents".
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DecisionLog.append([try record(), try record()], to: directory + "/d.log")
        let logText = try String(contentsOfFile: directory + "/d.log", encoding: .utf8)
        let broken = Array(("{\n" + logText.dropFirst()).utf8)
        let logDocuments = ReplayWriter.documents(in: broken)
        #expect(logDocuments.count > 1)
        #expect(ReplayWriter.logProblem(in: broken, logDocuments)?.line == 1)
    }

    @Test("a decision without input is not a record (65)")
    func notARecord() throws {
        let plain = DecisionWriter.json(try service(designations: Self.x).decide(Array(Self.application.utf8)), engine: .init(version: "test"))
        #expect {
            try Replayer(service: try service(designations: Self.x)).replay(plain)
        } throws: { ($0 as? InputError)?.path == "$.input" }
    }

    @Test("a record keeps only the police records a rule used (A8 example 9: the unselected record goes)")
    func minimalInput() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("009-") })
        let engine = try fixture.engine()
        let service = DecisionService(engine: engine, engineInfo: .init(version: "test"), record: true, role: fixture.role)
        let bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
        let output = JSONWriter.compact(try service.decideJSON(bytes, withInput: true))
        #expect(!output.contains("2019-02-10"))
        #expect(output.contains("\"policeRecords\":[]"))
    }

    @Test("a record keeps a usable police record only when the woonverklaring is negative, which the check of art. 10b lid 4 reads it for (A8 example 8)")
    func policeRecordKeptOnlyWhenRead() throws {
        // Legal spec A8 example 8: p1's record d of 2019-02-10 lies inside the window 2016-09-01 to
        // 2020-08-31 and is on a selected behaviour; the woonverklaring is negative, so
        // art10b.weighing checks that it rests on such a record: the record is kept.
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("008-") })
        let service = DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"), record: true, role: fixture.role)
        func record(outcome: String?) throws -> String {
            guard case .object(let members)? = fixture.document["application"] else { throw InputError(code: "E-TEST", path: "$", message: "no application") }
            let text = JSONWriter.compact(.object(members.filter { outcome != nil || $0.key != "woonverklaring" }))
            // A woonverklaring with conditions holds at least one (interface §3).
            let conditions = outcome == "positive-with-conditions" ? ",\"conditions\":[\"Geen overlast\"]" : ""
            let changed = text.replacingOccurrences(of: "\"outcome\":\"negative\"", with: "\"outcome\":\"\(outcome ?? "negative")\"\(conditions)")
            return JSONWriter.compact(try service.decideJSON(Array(changed.utf8), withInput: true))
        }
        #expect(try record(outcome: "negative").contains("\"date\":\"2019-02-10\""))
        // Positive, with conditions, or not yet given: no rule reads the record, so none is kept.
        for outcome in ["positive", "positive-with-conditions", nil] {
            let output = try record(outcome: outcome)
            #expect(!output.contains("2019-02-10"), "\(outcome ?? "none")")
            #expect(output.contains("\"policeRecords\":[]"), "\(outcome ?? "none")")
        }
    }

    @Test("the rules digest follows the documented recipe and ignores CRLF, a BOM and file order")
    func digest() {
        let files = [("wbmgp/b.rules", "rule b\n"), ("wbmgp/a.rules", "rule a\n")]
        var hasher = SHA256()
        hasher.update(Array("wbmgp/a.rules\n7\nrule a\nwbmgp/b.rules\n7\nrule b\n".utf8))
        #expect(ModuleDigest.digest(files.map { ($0.0, $0.1) }) == "sha256:" + SHA256.hex(hasher.finalize()))
        let crlf = [("wbmgp/a.rules", "\u{FEFF}rule a\r\n"), ("wbmgp/b.rules", "rule b\r\n")]
        #expect(ModuleDigest.digest(crlf.map { ($0.0, $0.1) }) == ModuleDigest.digest(files.map { ($0.0, $0.1) }))
    }

    @Test("decisions do not depend on the order of files in Rules/")
    func fileOrder() throws {
        let files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let forward = try #require(LawCompiler.compile(files: files).0)
        let backward = try #require(LawCompiler.compile(files: files.reversed()).0)
        let designations = try TestSupport.fixtureDesignations(["a8-x-rotterdam-carnisse", "a8-y-zaanstad-poelenburg"])
        for fixture in DecideFixture.all("valid").prefix(20) {
            let input = try #require(fixture.document["application"])
            let a = try Engine(law: forward, designations: designations).decide(try ApplicationReader(law: forward, role: fixture.role).read(input))
            let b = try Engine(law: backward, designations: designations.reversed()).decide(try ApplicationReader(law: backward, role: fixture.role).read(input))
            #expect(JSONWriter.compact(DecisionWriter.json(a, engine: .init(version: "t"))) == JSONWriter.compact(DecisionWriter.json(b, engine: .init(version: "t"))))
        }
    }
}

@Suite("The hash-chained decision log")
struct DecisionLogTests {
    func log(entries: Int) throws -> [String] {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/decisions.log"
        // Two appends, to check that the chain continues across runs.
        func record(_ n: Int) -> JSONValue { .sortedObject([("application", .string("a\(n)")), ("outcome", .string("refused"))]) }
        try DecisionLog.append((1...2).map(record), to: path)
        try DecisionLog.append((3...entries).map(record), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n").map(String.init)
    }

    func verify(_ lines: [String]) -> DecisionLog.Verification {
        DecisionLog.verify(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test("an untouched log is intact")
    func intact() throws {
        #expect(verify(try log(entries: 5)) == .intact(entries: 5, redacted: 0))
    }

    @Test("an edited line is named")
    func edited() throws {
        var lines = try log(entries: 5)
        let original = lines[2]
        // The skeleton (the outcome) changed: the entry's hash no longer matches.
        lines[2] = original.replacingOccurrences(of: "\"outcome\":\"refused\"", with: "\"outcome\":\"granted\"")
        #expect(lines[2] != original)
        #expect(verify(lines) == .broken(line: 3, reason: "line 3 was changed: it is not an intact log entry (its hash does not match its content)"))
        // The application's id, which is personal: the salted digest no longer matches.
        lines[2] = original.replacingOccurrences(of: "\"a3\"", with: "\"a9\"")
        #expect(lines[2] != original)
        #expect(verify(lines) == .broken(line: 3, reason: "line 3 was changed: its personal part does not match the digest the chain holds"))
    }

    @Test("a deleted line is named")
    func deleted() throws {
        var lines = try log(entries: 5)
        lines.remove(at: 1)
        #expect(verify(lines) == .broken(line: 2, reason: "entry 2 was removed: line 2 holds entry 3"))
    }

    @Test("two swapped lines are named")
    func swapped() throws {
        var lines = try log(entries: 5)
        lines.swapAt(2, 3)
        #expect(verify(lines) == .broken(line: 3, reason: "lines 3 and 4 were reordered: line 3 holds entry 4"))
    }

    @Test("an entry moved up from further down is named as moved, not as a swap of two lines")
    func movedUp() throws {
        // Entry 5 moved to line 2: line 2 holds entry 5, entry 2 now stands on line 3.
        var lines = try log(entries: 5)
        let moved = lines.remove(at: 4)
        lines.insert(moved, at: 1)
        #expect(verify(lines) == .broken(line: 2, reason: "entries were moved: line 2 holds entry 5, and entry 2 stands on line 3"))
    }

    @Test("an inserted copy of a line is named")
    func inserted() throws {
        var lines = try log(entries: 5)
        lines.insert(lines[0], at: 3)
        #expect(verify(lines) == .broken(line: 4, reason: "line 4 was inserted or moved: it holds entry 1, expected 4"))
    }

    @Test("a log read line by line from its file gives the verdict and head of the log read whole, for every kind of break, across the reader's chunks")
    func readLineByLine() throws {
        // 4,000 entries: the file is larger than the reader's first chunk (1 MiB).
        let lines = try log(entries: 4_000)
        var moved = lines
        moved.insert(moved.remove(at: 3_999), at: 2_500)
        var swapped = lines
        swapped.swapAt(3_000, 3_001)
        var inserted = lines
        inserted.insert(lines[10], at: 3_500)
        var deleted = lines
        deleted.remove(at: 3_998)
        var edited = lines
        edited[3_333] = edited[3_333].replacingOccurrences(of: "\"outcome\":\"refused\"", with: "\"outcome\":\"granted\"")
        var blank = lines
        blank.insert("", at: 2_000)
        let whole = lines.joined(separator: "\n")
        let texts = [
            whole + "\n", moved.joined(separator: "\n") + "\n", swapped.joined(separator: "\n") + "\n", inserted.joined(separator: "\n") + "\n",
            deleted.joined(separator: "\n") + "\n", edited.joined(separator: "\n") + "\n", blank.joined(separator: "\n") + "\n",
            // No line end after the last entry; a last entry cut off; a line end in CRLF.
            whole, whole + "\n" + String(lines[5].prefix(40)), lines.joined(separator: "\r\n") + "\r\n", "",
        ]
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var verdicts: [DecisionLog.Verification] = []
        for (i, text) in texts.enumerated() {
            let path = directory + "/\(i).log"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            var reader = try LineReader(path: path)
            let read = try #require(DecisionLogVerifier.verify(&reader))
            reader.close()
            let bytes = Array(text.utf8)
            #expect(read.verification == DecisionLog.verify(bytes), "case \(i)")
            if case .intact = read.verification {
                #expect(read.head?.seq == DecisionLog.head(of: bytes)?.seq && read.head?.hash == DecisionLog.head(of: bytes)?.hash, "case \(i)")
            }
            verdicts.append(read.verification)
        }
        // Worked by hand from the edits above.
        #expect(verdicts == [
            .intact(entries: 4_000, redacted: 0),
            .broken(line: 2_501, reason: "entries were moved: line 2501 holds entry 4000, and entry 2501 stands on line 2502"),
            .broken(line: 3_001, reason: "lines 3001 and 3002 were reordered: line 3001 holds entry 3002"),
            .broken(line: 3_501, reason: "line 3501 was inserted or moved: it holds entry 11, expected 3501"),
            .broken(line: 3_999, reason: "entry 3999 was removed: line 3999 holds entry 4000"),
            .broken(line: 3_334, reason: "line 3334 was changed: it is not an intact log entry (its hash does not match its content)"),
            .broken(line: 2_001, reason: "line 2001 is empty: a log holds one entry on each line, and an empty line was added"),
            .broken(line: 4_000, reason: "line 4000 is a partial line: the log does not end with a line end"),
            .broken(line: 4_001, reason: "line 4001 is a partial line: the log ends in the middle of an entry (a write was cut off)"),
            .intact(entries: 4_000, redacted: 0),
            .intact(entries: 0, redacted: 0),
        ])
        // Appending reads the log the same way: the chain goes on from its head.
        let path = directory + "/0.log"
        try DecisionLog.append([.sortedObject([("application", .string("a4001")), ("outcome", .string("granted"))])], to: path)
        let appended = try String(contentsOfFile: path, encoding: .utf8)
        #expect(DecisionLog.verify(Array(appended.utf8)) == .intact(entries: 4_001, redacted: 0))
        // A log broken far down is not appended to.
        #expect(throws: DecisionLog.Failure.self) { try DecisionLog.append([.null], to: directory + "/4.log") }
    }

    @Test("a partial last line is reported, and no append follows it")
    func partial() throws {
        let lines = try log(entries: 3)
        let text = lines.joined(separator: "\n") + "\n" + String(lines[2].prefix(20))
        if case .broken(let line, _) = DecisionLog.verify(Array(text.utf8)) { #expect(line == 4) } else { Issue.record("a partial line passed") }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try text.write(toFile: directory + "/p.log", atomically: false, encoding: .utf8)
        #expect(throws: DecisionLog.Failure.self) { try DecisionLog.append([.null], to: directory + "/p.log") }
    }
}
