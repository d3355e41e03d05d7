import Foundation
import Testing

@testable import Wbmgp

/// Personal data that can be destroyed without losing tamper evidence (interface §6; Wbmgp
/// art. 10b lid 9; AVG art. 5 lid 1 e, art. 17), and police records never in a log in the clear.
@Suite("The decision log: salted personal parts, redaction, head, police records withheld", .serialized)
struct LogRedactionTests {
    /// Fixture 058 (review): negative woonverklaring, no hearing, an unselected record.
    static func record(_ prefix: String = "058-", decisionDate: String? = nil) throws -> JSONValue {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix(prefix) })
        var application = try #require(fixture.document["application"])
        if let decisionDate, case .object(let members) = application {
            application = .object(members.filter { $0.key != "decisionDate" } + [JSONMember("decisionDate", .string(decisionDate))])
        }
        let service = DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"), record: true, role: fixture.role)
        return try service.decideJSON(Array(JSONWriter.compact(application).utf8), withInput: true)
    }

    static func engine() throws -> Engine { try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("058-") }).engine() }

    func temporaryLog() throws -> (String, () -> Void) {
        let directory = try TestSupport.temporaryDirectory()
        return (directory + "/d.log", { try? FileManager.default.removeItem(atPath: directory) })
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test("a record splits into skeleton and personal part and merges back; police records are withheld")
    func splitAndMerge() throws {
        let record = try Self.record()
        let (skeleton, personal) = LogEntryParts.split(record)
        for key in ["input", "conditions"] { #expect(skeleton[key] == nil && personal[key] != nil, "\(key)") }
        #expect(skeleton["outcome"] == .string("refused") && skeleton["role"] == .string("review"))
        #expect(skeleton["policeRecordsWithheld"] == .bool(true))
        let reasons = JSONWriter.compact(skeleton["reasons"] ?? .null)
        #expect(!reasons.contains("\"facts\"") && !reasons.contains("\"text\"") && reasons.contains("\"rule\""))
        #expect(!JSONWriter.compact(personal).contains("policeRecords"))
        let (expectedInput, removed) = LogEntryParts.withoutPoliceRecords(try #require(record["input"]))
        #expect(removed)
        guard case .object(let members) = record else { return }
        let expected = LogEntryParts.sorted(members.map { $0.key == "input" ? JSONMember("input", expectedInput) : $0 })
        #expect(LogEntryParts.merge(skeleton: skeleton, personal: personal) == expected)
    }

    @Test(
        "the screening windows, the priority's characteristics and the defects' texts are personal: out of the skeleton, merged back whole, gone after redaction",
        arguments: ["030-", "010-", "007-"])
    func personalDetail(_ prefix: String) throws {
        let record = try Self.record(prefix)
        let (skeleton, personal) = LogEntryParts.split(record)
        let kept = JSONWriter.compact(skeleton)
        #expect(skeleton["screeningScope"] == nil && !kept.contains("characteristics") && !kept.contains("\"text\""), "\(kept)")
        // Codes and flags stay: the report counts them, and they say nothing of a person.
        if case .array(let defects) = record["defects"] ?? .null, !defects.isEmpty {
            func first(_ value: JSONValue?) -> JSONValue? { if case .array(let items)? = value { items.first } else { nil } }
            #expect(first(skeleton["defects"])?["code"] == defects[0]["code"] && first(personal["defects"])?["text"] != nil)
        }
        if case .object = record["priority"] ?? .null {
            #expect(skeleton["priority"]?["citation"] == record["priority"]?["citation"])
            #expect(personal["priority"]?["characteristics"] == record["priority"]?["characteristics"])
        }
        let (input, _) = LogEntryParts.withoutPoliceRecords(try #require(record["input"]))
        guard case .object(let members) = record else { return }
        #expect(LogEntryParts.merge(skeleton: skeleton, personal: personal) == LogEntryParts.sorted(members.map { $0.key == "input" ? JSONMember("input", input) : $0 }))

        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        try DecisionLog.append([record], to: path)
        let writer = try DecisionLogWriter(path: path)
        #expect(try writer.redact(.entry(1), on: TestSupport.date("2026-12-05"), by: "gemeente", reason: "bewaartermijn verstreken") == [1])
        writer.close()
        let redacted = try text(path)
        for detail in ["screeningScope", "characteristics", "police-officer", "teacher", "gebrek in de procedure", "procedural defect", "\"from\""] {
            #expect(!redacted.contains(detail), "\(detail) in the redacted log")
        }
    }

    @Test("an entry written before these were personal keeps them in its skeleton, verifies and merges back the same")
    func olderSkeleton() throws {
        let record = try Self.record("007-")
        // The split of before: only the input, the conditions and the reasons' parts personal.
        let (skeleton, personal) = LogEntryParts.split(record)
        guard case .object(var members) = skeleton else { return }
        members += [JSONMember("screeningScope", try #require(personal["screeningScope"]))]
        let older = LogEntryParts.sorted(members)
        let personalOlder: JSONValue = .sortedObject([("input", try #require(personal["input"])), ("reasons", try #require(personal["reasons"]))])
        #expect(LogEntryParts.merge(skeleton: older, personal: personalOlder)["screeningScope"] == record["screeningScope"])
    }

    @Test("a logged decision keeps no police record, and replays identical with the weighing named as not re-checked")
    func policeWithheld() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        try DecisionLog.append([try Self.record()], to: path)
        #expect(!(try text(path)).contains("\"policeRecords\""))
        let entry = try JSONReader.parse(try #require(try text(path).split(separator: "\n").first.map(String.init)))
        let result = try Replayer(service: DecisionService(engine: try Self.engine(), engineInfo: .init(version: "test"))).replay(entry)
        #expect(result.isIdentical && result.status == "identical")
        #expect(result.notRechecked == ["Wbmgp art. 10b lid 4 (art10b.weighing)"])
    }

    @Test("redacting an entry keeps the chain: verify counts it; replay says redacted; the redaction entry names it")
    func redactEntry() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        try DecisionLog.append([try Self.record(), try Self.record("007-"), try Self.record("052-")], to: path)
        let writer = try DecisionLogWriter(path: path)
        let redacted = try writer.redact(.entry(2), on: TestSupport.date("2026-11-28"), by: "gemeente Zaanstad", reason: "bewaartermijn verstreken")
        writer.close()
        #expect(redacted == [2])
        let bytes = Array(try text(path).utf8)
        #expect(DecisionLog.verify(bytes) == .intact(entries: 4, redacted: 1))
        let lines = try text(path).split(separator: "\n").map(String.init)
        #expect(!lines[1].contains("\"personal\"") && !lines[1].contains("\"salt\"") && lines[1].contains("\"personalDigest\""))
        // Nor the ids: the application's case number and the members' ids went with the personal
        // part (the privacy audit of 2026-12-06: a case number kept the entry linkable).
        let fixture007 = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("007-") })
        guard case .string(let id007)? = fixture007.document["application"]?["id"] else { Issue.record("no id"); return }
        #expect(!lines[1].contains(id007) && !lines[1].contains("\"person\""), "\(lines[1])")
        #expect(lines[0].contains("\"person\":\"p1\""))
        #expect(lines[3].contains(#""redaction":{"by":"gemeente Zaanstad","date":"2026-11-28","entries":[2],"reason":"bewaartermijn verstreken"}"#))
        let replayer = Replayer(service: DecisionService(engine: try Self.engine(), engineInfo: .init(version: "test")))
        let redactedResult = try replayer.replay(try JSONReader.parse(lines[1]))
        #expect(redactedResult.status == "redacted" && redactedResult.record == "entry 2")
        #expect(try replayer.replay(try JSONReader.parse(lines[3])).status == "redaction")
        #expect(DecisionLog.head(of: bytes)?.seq == 4)
    }

    @Test("a log reached by a symbolic link is redacted in the file it leads to; a log with a second name is refused and left as it was")
    func linkedLogs() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/2026.log"
        let current = directory + "/current.log"
        try DecisionLog.append([try Self.record(), try Self.record("007-")], to: file)
        #expect(symlink("2026.log", current) == 0)
        let writer = try DecisionLogWriter(path: current)
        #expect(try writer.redact(.entry(1), on: TestSupport.date("2026-11-28"), by: "gemeente", reason: "bewaartermijn verstreken") == [1])
        writer.close()
        // The link still leads to the file, and the file holds the redacted log: no copy with the
        // personal part is left anywhere in the folder.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: current)) == "2026.log")
        let redacted = try text(file)
        #expect(DecisionLog.verify(Array(redacted.utf8)) == .intact(entries: 3, redacted: 1))
        #expect(!(redacted.split(separator: "\n").first ?? "").contains("\"personal\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["2026.log", "current.log"])

        // A second name for the same file: refused before anything is written.
        let second = directory + "/copy.log"
        #expect(link(file, second) == 0)
        let refusing = try DecisionLogWriter(path: file)
        do {
            _ = try refusing.redact(.entry(2), on: TestSupport.date("2026-11-28"), by: "gemeente", reason: "bewaartermijn verstreken")
            Issue.record("a log with two names was redacted under one")
        } catch {
            #expect(error.refused && error.message.contains("2 names (hard links)"))
        }
        refusing.close()
        #expect(try text(file) == redacted && (try text(second)) == redacted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["2026.log", "copy.log", "current.log"])
    }

    @Test("a purge without a redaction entry, or a changed personal part, breaks verification at its line")
    func forgeries() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        try DecisionLog.append([try Self.record(), try Self.record("007-")], to: path)
        var lines = try text(path).split(separator: "\n").map(String.init)
        guard case .object(let members) = try JSONReader.parse(lines[0]) else { return }
        let purged = JSONWriter.compact(.object(members.filter { $0.key != "personal" && $0.key != "salt" }))
        let forged = Array(([purged] + lines.dropFirst()).joined(separator: "\n").utf8) + [0x0A]
        guard case .broken(let line, let reason) = DecisionLog.verify(forged) else { Issue.record("a silent purge verified"); return }
        #expect(line == 1 && reason.contains("no redaction entry"))
        lines[0] = lines[0].replacingOccurrences(of: "\"negative\"", with: "\"positive\"")
        let changed = Array((lines.joined(separator: "\n") + "\n").utf8)
        guard case .broken(let changedLine, let changedReason) = DecisionLog.verify(changed) else { Issue.record("a changed personal part verified"); return }
        #expect(changedLine == 1 && changedReason.contains("personal part does not match"))
    }

    @Test("--before compares the decision date, else the application date (both worked out per entry)")
    func before() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        // 058 applied 2020-09-01 without a decision date; the same decided 2021-03-01; 052 applied 2020-09-01.
        try DecisionLog.append([try Self.record(), try Self.record(decisionDate: "2021-03-01")], to: path)
        let writer = try DecisionLogWriter(path: path)
        defer { writer.close() }
        #expect(try writer.redact(.before(TestSupport.date("2020-09-01")), on: TestSupport.date("2026-11-28"), by: "t", reason: "t") == [])
        #expect(try writer.redact(.before(TestSupport.date("2021-03-01")), on: TestSupport.date("2026-11-28"), by: "t", reason: "t") == [1])
    }

    @Test("a log written before salting verifies as before, and redact refuses it")
    func legacy() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        var text = ""
        var previous: JSONValue = .null
        for seq in 1...2 {
            let body: [(String, JSONValue)] = [("prev", previous), ("record", .sortedObject([("application", .string("a\(seq)"))])), ("seq", .integer(seq))]
            let hash = "sha256:" + SHA256.hex(SHA256.hash(Array(JSONWriter.compact(.sortedObject(body)).utf8)))
            text += JSONWriter.compact(.sortedObject(body + [("hash", .string(hash))])) + "\n"
            previous = .string(hash)
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(DecisionLog.verify(Array(text.utf8)) == .intact(entries: 2, redacted: 0))
        // A personal part slipped into an entry that never had one is caught: the hash skips it.
        let lines = text.split(separator: "\n").map(String.init)
        let slipped = lines[0].replacingOccurrences(of: "{\"hash\"", with: "{\"personal\":{\"input\":1},\"hash\"")
        guard case .broken(1, _) = DecisionLog.verify(Array((slipped + "\n" + lines[1] + "\n").utf8)) else {
            Issue.record("a personal part added to a legacy entry verified")
            return
        }
        let writer = try DecisionLogWriter(path: path)
        defer { writer.close() }
        #expect { try writer.redact(.entry(1), on: TestSupport.date("2026-11-28"), by: "t", reason: "t") } throws: { ($0 as? DecisionLog.Failure)?.refused == true }
        try writer.append([.sortedObject([("application", .string("a3"))])])
        #expect(DecisionLog.verify(Array(try self.text(path).utf8)) == .intact(entries: 3, redacted: 0))
    }

    @Test("through the binary: head, verify --expect-head catches a removed tail, redact's exit codes")
    func commandLine() throws {
        let (path, cleanup) = try temporaryLog()
        defer { cleanup() }
        let cli = CLITests()
        try DecisionLog.append([try Self.record(), try Self.record("007-")], to: path)
        let head = try cli.run(["log", "head", path])
        #expect(head.status == 0 && head.stdout.hasPrefix("2:sha256:"))
        let expected = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["log", "verify", "--expect-head", expected, path]).status == 0)
        let lines = try text(path).split(separator: "\n")
        try (lines[0] + "\n").write(toFile: path + ".short", atomically: false, encoding: .utf8)
        let short = try cli.run(["log", "verify", "--expect-head", expected, path + ".short"])
        #expect(short.status == 1 && short.stdout.contains("its tail was removed or rewritten"))
        #expect(try cli.run(["log", "redact", path]).status == 64)
        #expect(try cli.run(["log", "redact", path, "--entry", "9"]).status == 1)
        let done = try cli.run(["log", "redact", path, "--entry", "1", "--by", "t", "--reason", "t", "--on", "2026-11-28"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try cli.run(["log", "verify", path]).stdout.hasSuffix("intact, 3 entries (1 redacted, each covered by a redaction entry)\n"))
    }
}
