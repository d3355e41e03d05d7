import Foundation
import Testing

@testable import Wbmgp

/// Runs the built `wbmgp` binary as a user's script would: exit codes, stdout and stderr apart.
@Suite("The wbmgp command line", .serialized)
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String? {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("wbmgp").path, TestSupport.packageRoot + "/.build/debug/wbmgp"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLITests.binary, "build wbmgp first"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Input is written while output is read, as a shell pipeline does: a batch answers its
        // first blocks before it has read its last, so writing all input first could fill the
        // output pipe and wait forever.
        let written = DispatchSemaphore(value: 0)
        let writing = input.fileHandleForWriting
        // A command that exits before reading all its input (a usage error, say) closes the pipe:
        // the write must then fail with EPIPE, not end the test process with SIGPIPE or a trap.
        _ = CLITests.brokenPipesIgnored
        DispatchQueue.global().async {
            if let stdin { try? writing.write(contentsOf: Data(stdin.utf8)) }
            try? writing.close()
            written.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        written.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// SIGPIPE ignored in the test process, once.
    static let brokenPipesIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    static let x = "Fixtures/designations/a8-x-rotterdam-carnisse.json"

    @Test("the README's main command prints a decision and exits 0")
    func mainCommand() throws {
        let result = try run(["decide", "Fixtures/examples/rotterdam-carnisse-2021.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let decision = try JSONReader.parse(result.stdout)
        #expect(decision["outcome"] == .string("granted"))
        #expect(result.stderr.isEmpty)
    }

    @Test("a refusal is a decision: exit 0, a reason cites art. 8 lid 1; a fixture wrapper is not an application (65)")
    func refusal() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fixture = try JSONReader.parse(try String(contentsOfFile: TestSupport.fixturesDirectory + "/decide/valid/003-a8-3-unemployment-benefit.json", encoding: .utf8))
        try JSONWriter.pretty(try #require(fixture["application"])).write(toFile: directory + "/a.json", atomically: false, encoding: .utf8)
        let result = try run(["decide", "--designations", CLITests.x, directory + "/a.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let decision = try JSONReader.parse(result.stdout)
        #expect(decision["outcome"] == .string("refused"))
        #expect(result.stdout.contains("\"citation\": \"Wbmgp art. 8 lid 1\""))

        let wrapped = try run(["decide", "--designations", CLITests.x, "Fixtures/decide/valid/003-a8-3-unemployment-benefit.json"])
        #expect(wrapped.status == 65)
        #expect(wrapped.stderr.contains("[E-FIELD] $.note"))
    }

    @Test("--format letter: one letter to stdout; several need --out DIR, one ID.html each")
    func letters() throws {
        let one = try run(["decide", "--format", "letter", "Fixtures/examples/letter-refusal-rotterdam.json"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(one.stdout.contains("mevrouw S. Jansen"))
        #expect(one.stdout.contains("Het college weigert de gevraagde huisvestingsvergunning"))
        #expect(one.stdout.contains("5 juli 2021"))
        let several = try run(["decide", "--format", "letter", "Fixtures/examples/letter-refusal-rotterdam.json", "Fixtures/examples/letter-conditions-zaanstad.json"])
        #expect(several.status == 64)
        #expect(several.stderr.contains("--out DIR"))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let both = try run([
            "decide", "--format", "letter", "--lang", "en", "--out", directory, "Fixtures/examples/letter-refusal-rotterdam.json",
            "Fixtures/examples/letter-conditions-zaanstad.json",
        ])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["rdam-2021-carnisse-0042.html", "zs-2021-peldersveld-0007.html"])
        let conditions = try String(contentsOfFile: directory + "/zs-2021-peldersveld-0007.html", encoding: .utf8)
        #expect(conditions.contains("Courtesy translation"))
        #expect(conditions.contains("Geen opslag van goederen in de galerij"))
        // Readable by the owner only, as a decision log: a letter holds personal data.
        let permissions = try FileManager.default.attributesOfItem(atPath: directory + "/zs-2021-peldersveld-0007.html")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let missing = try run(["decide", "--format", "letter", "--out", directory + "/nope", "Fixtures/examples/letter-refusal-rotterdam.json"])
        #expect(missing.status == 74)
    }

    @Test("text output for a clerk, in English")
    func textOutput() throws {
        let result = try run(["decide", "--format", "text", "--lang", "en", "Fixtures/examples/rotterdam-carnisse-2021.json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Chapter 3 of the Wbmgp does not stand in the way of granting the permit\n"))
        #expect(result.stdout.contains("Application rdam-2021-carnisse-0001, made on 15 June 2021"))
        #expect(result.stdout.contains("✓ article 8(1) of the Wbmgp: Article 8 does not stand in the way"))
        #expect(!result.stdout.contains("p1"))
    }

    @Test("a batch gives one line per input line, in order, with an error record in place of a bad line")
    func batch() throws {
        let good = try String(contentsOfFile: TestSupport.fixturesDirectory + "/examples/rotterdam-carnisse-batch.jsonl", encoding: .utf8)
        var lines = good.split(separator: "\n").map(String.init)
        lines.insert(#"{"id": "broken", "applicationDate": "2021-02-30"}"#, at: 2)
        let result = try run(["decide", "--jsonl", "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 65)
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.count == lines.count)
        let record = try JSONReader.parse(String(output[2]))
        #expect(record["line"] == .integer(3))
        #expect(record["id"] == .string("broken"))
        #expect(record["error"]?["code"] == .string("E-DATE"))
        #expect(record["error"]?["path"] == .string("$.applicationDate"))
        for (i, line) in output.enumerated() where i != 2 {
            let decision = try JSONReader.parse(String(line))
            let input = try JSONReader.parse(lines[i])
            #expect(decision["application"] == input["id"])
        }
    }

    @Test("two runs give the same bytes, whatever the number of jobs")
    func determinism() throws {
        let args = ["decide", "--jsonl", "Fixtures/examples/rotterdam-carnisse-batch.jsonl"]
        #expect(try run(args).stdout == run(args).stdout)
        // All valid fixture applications with the fixture designations, on 1, 2 and 3 cores.
        let lines = try DecideFixture.all("valid").map { JSONWriter.compact(try #require($0.document["application"])) }
        let input = (lines + lines + lines).joined(separator: "\n") + "\n"
        let designations = TestSupport.fixturesDirectory + "/designations"
        // In the reviewer's role, which reads the fixtures' police records.
        let one = try run(["decide", "--jsonl", "--jobs", "1", "--role", "review", "--designations", designations, "-"], stdin: input)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.split(separator: "\n").count == lines.count * 3)
        for jobs in ["2", "3"] {
            #expect(try run(["decide", "--jsonl", "--jobs", jobs, "--role", "review", "--designations", designations, "-"], stdin: input).stdout == one.stdout)
        }
    }

    @Test("one job reads each block ahead of its deciding: over five blocks, the bytes of two jobs, bad lines in place")
    func oneJobReadsAhead() throws {
        // 2,200 lines: five blocks of one job's 512 lines, three of two jobs' 1,024. The valid
        // fixtures cycled, with a line the reader refuses and one the engine refuses (no law
        // before 2005) among them.
        let fixtures = try DecideFixture.all("valid").map { JSONWriter.compact(try #require($0.document["application"])) }
        let early = #"{"id":"early","applicationDate":"1999-03-01","dwelling":{"municipality":"Rotterdam","category":"rental"},"household":[{"id":"c","role":"applicant","birthDate":"1970-03-03"}]}"#
        let lines = (0..<2200).map { i in i % 97 == 3 ? #"{"id": 3}"# : i % 97 == 50 ? early : fixtures[i % fixtures.count] }
        let input = lines.joined(separator: "\n") + "\n"
        let designations = TestSupport.fixturesDirectory + "/designations"
        let arguments = ["decide", "--jsonl", "--record", "--role", "review", "--designations", designations, "-"]
        let one = try run(arguments.prefix(2) + ["--jobs", "1"] + arguments.dropFirst(2), stdin: input)
        let two = try run(arguments.prefix(2) + ["--jobs", "2"] + arguments.dropFirst(2), stdin: input)
        #expect(one.status == 65, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let out = one.stdout.split(separator: "\n").map(String.init)
        #expect(out.count == lines.count)
        #expect(out[3].contains("\"E-TYPE\"") && out[3].contains("\"line\":4"), "\(out[3])")
        #expect(out[2087].contains("\"E-LAW-DATE\"") && out[2087].contains("\"line\":2088"), "\(out[2087])")
        #expect(out[2199].contains("\"input\":"))
    }

    @Test("JSON Lines: CRLF endings, a blank line, no final newline, and input longer than one read")
    func lineSplitting() throws {
        let designations = TestSupport.fixturesDirectory + "/designations"
        let line = try JSONWriter.compact(#require(DecideFixture.all("valid").first?.document["application"]))
        let plain = try run(["decide", "--jsonl", "--jobs", "1", "--designations", designations, "-"], stdin: line + "\n")
        let decided = try #require(plain.stdout.split(separator: "\n").first.map(String.init))
        // 3 lines with CRLF, a blank line (an error record in place), a last line without newline.
        let mixed = try run(["decide", "--jsonl", "--jobs", "1", "--designations", designations, "-"],
                            stdin: line + "\r\n" + line + "\r\n\r\n" + line)
        let out = mixed.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(out.count == 5 && out[4].isEmpty)
        #expect(out[0] == decided && out[1] == decided && out[3] == decided)
        #expect(out[2].contains("\"E-JSON\"") && out[2].contains("\"line\":3"))
        // More than the 1 MiB read chunk: every line still decided, in order.
        let many = Array(repeating: line, count: 3000).joined(separator: "\n")
        let big = try run(["decide", "--jsonl", "--jobs", "2", "--designations", designations, "-"], stdin: many)
        #expect(big.stdout.split(separator: "\n").map(String.init) == Array(repeating: decided, count: 3000))
    }

    @Test("exit codes: 66 missing file, 64 usage, 78 broken designations")
    func exitCodes() throws {
        #expect(try run(["decide", "no-such-file.json"]).status == 66)
        let usage = try run(["decide", "--rule", "Rules", "x.json"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("Unknown option '--rule'. Did you mean '--rules'?"))
        #expect(try run(["decide", "--format", "xml", "x.json"]).status == 64)
        #expect(try run(["frobnicate"]).status == 64)

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let early = DesignationTests.json(id: "early-art10", from: "2016-06-01", until: "2020-05-31", areas: #"{"neighbourhoods": ["Oost"]}"#,
                                          measures: #"{"art10": {"instrument": "vog"}}"#)
        try early.write(toFile: directory + "/early-art10.json", atomically: false, encoding: .utf8)
        let broken = try run(["decide", "--designations", directory, "Fixtures/examples/rotterdam-carnisse-2021.json"])
        #expect(broken.status == 78)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("early-art10.json: error: [D004] $.measures.art10"))
    }

    @Test("rules check is clean on the shipped Rules/ and reports broken rules with exit 1")
    func rulesCheck() throws {
        let clean = try run(["rules", "check"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("rules check: clean."))

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: directory + "/Rules")
        let path = directory + "/Rules/wbmgp/art08.rules"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "then [i in p.income where", with: "then [i in p.incom where").write(toFile: path, atomically: false, encoding: .utf8)
        let broken = try run(["rules", "check", "--rules", directory + "/Rules"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("art08.rules:"))
        #expect(broken.stderr.contains("error: [R012] unknown field 'p.incom' of a person; did you mean 'p.income'?"))
        let decide = try run(["decide", "--rules", directory + "/Rules", "Fixtures/examples/rotterdam-carnisse-2021.json"])
        #expect(decide.status == 78)
        let json = try run(["rules", "check", "--format", "json", "--rules", directory + "/Rules"])
        #expect(json.status == 1)
        let list = try JSONReader.parse(json.stdout)
        guard case .array(let items) = list, let first = items.first else {
            Issue.record("expected a JSON array of diagnostics")
            return
        }
        #expect(first["code"] == .string("R012"))
        #expect(first["line"] != nil && first["column"] != nil)
    }

    @Test("--help and --version")
    func help() throws {
        let help = try run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: wbmgp <subcommand>"))
        #expect(try run(["help", "decide"]).stdout.contains("--law-date"))
        #expect(try run(["--version"]).stdout.hasPrefix("wbmgp "))
    }
}

/// The request fixtures through the built binary, as a municipality's CI would run them.
@Suite("wbmgp check-request through the binary", .serialized)
struct CheckRequestCLITests {
    let cli = CLITests()

    @Test("every request fixture gives exactly its findings and exit code through the binary")
    func fixtures() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for fixture in RequestFixture.all() {
            let path = directory + "/" + fixture.name
            try Data(fixture.bytes).write(to: URL(fileURLWithPath: path))
            let result = try cli.run(["check-request", "--format", "json", path])
            let report = try JSONReader.parse(result.stdout)
            let expected = fixture.document["expected"] ?? .null
            #expect(result.status == (expected["valid"] == .bool(true) ? 0 : 1), "\(fixture.name): \(result.stderr)")
            var codes: [JSONValue] = []
            if case .array(let findings) = report["findings"] ?? .null { codes = findings.map { $0["code"] ?? .null } }
            var wanted: [JSONValue] = []
            if case .array(let findings) = expected["findings"] ?? .null { wanted = findings.map { $0["code"] ?? .null } }
            #expect(codes == wanted, "\(fixture.name)")
            #expect(report["valid"] == expected["valid"], "\(fixture.name)")
        }
    }

    @Test("junit output through the binary; 65 for a request that cannot be read; 66 for a missing file")
    func formatsAndExitCodes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fixture = try #require(RequestFixture.all().first { $0.name.hasPrefix("005-") })
        try Data(fixture.bytes).write(to: URL(fileURLWithPath: directory + "/r.json"))
        let junit = try cli.run(["check-request", "--format", "junit", directory + "/r.json"])
        #expect(junit.status == 0)
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wbmgp check-request\""))
        let text = try cli.run(["check-request", directory + "/r.json"])
        #expect(text.stdout.hasPrefix("Verzoek req-zaanstad-2022 voldoet aan de wettelijke eisen (geen fouten"))
        let english = try cli.run(["check-request", "--lang", "en", directory + "/r.json"])
        #expect(english.stdout.hasPrefix("Request req-zaanstad-2022 meets the statutory requirements (no errors"))

        let bad = try #require(RequestFixture.all("invalid").first)
        try Data(bad.bytes).write(to: URL(fileURLWithPath: directory + "/bad.json"))
        let malformed = try cli.run(["check-request", directory + "/bad.json"])
        #expect(malformed.status == 65)
        #expect(malformed.stderr.contains("error: [E-"))
        #expect(try cli.run(["check-request", directory + "/none.json"]).status == 66)
    }
}

/// `impact` and `report` through the binary, as an analyst runs them.
@Suite("impact and report through the binary", .serialized)
struct PopulationCLITests {
    let cli = CLITests()

    @Test("impact: the hand-worked counts with one job and with two; the changed ids; 65 for the malformed line")
    func impact() throws {
        let expected = try JSONReader.parse(Array(try #require(FileManager.default.contents(atPath: ImpactTests.directory + "/minimumResidence-3-years.json"))))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for jobs in ["1", "2"] {
            let run = try cli.run([
                "impact", "--set", "minimumResidence=3 years", "--designations", "Fixtures/designations", "--format", "json", "--jobs", jobs,
                "--changed", directory + "/changed-\(jobs).jsonl", "Fixtures/impact/population.jsonl",
            ])
            #expect(run.status == 65, "\(run.stderr)")
            #expect(run.stderr.contains(":9: error: [E-MISSING]"))
            let json = try JSONReader.parse(Array(run.stdout.utf8))
            let wanted = try #require(expected["expected"])
            #expect(TestSupport.sorted(ImpactTests.selected(json, like: wanted)) == TestSupport.sorted(wanted), "--jobs \(jobs)")
            let changed = try String(contentsOfFile: directory + "/changed-\(jobs).jsonl", encoding: .utf8)
            guard case .array(let rows) = expected["perApplication"] ?? .null else { return }
            let changes = rows.filter { $0["base"] != $0["reform"] }.count
            #expect(changed.split(separator: "\n").count == changes)
            #expect(changes == 5)
        }
        #expect(try String(contentsOfFile: directory + "/changed-1.jsonl", encoding: .utf8) == String(contentsOfFile: directory + "/changed-2.jsonl", encoding: .utf8))
        // A reform with designations of its own is decided with them: here none at all, so
        // chapter 3 applies to no application under the reform (art. 5: only a designated area is
        // reached), and every application not already not-applicable changes to it.
        let reform = directory + "/reform"
        try FileManager.default.createDirectory(atPath: reform + "/designations", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "Rules/wbmgp", toPath: reform + "/wbmgp")
        let emptied = try cli.run(["impact", "--reform", reform, "--format", "json", "Fixtures/impact/population.jsonl"])
        let emptiedJSON = try JSONReader.parse(Array(emptied.stdout.utf8))
        guard case .array(let transitions) = emptiedJSON["transitions"] ?? .null else { Issue.record("no transitions: \(emptied.stderr)"); return }
        #expect(!transitions.isEmpty && transitions.allSatisfy { $0["to"] == .string("not-applicable") }, "\(transitions)")
        #expect(emptiedJSON["designations"]?["base"] != emptiedJSON["designations"]?["reform"])
        #expect(emptiedJSON["rules"]?["base"] == emptiedJSON["rules"]?["reform"])
        // `--designations` given is both sides': the same rules and designations change nothing.
        let given = try JSONReader.parse(Array(try cli.run(["impact", "--designations", "Fixtures/designations", "--reform", reform, "--format", "json", "Fixtures/impact/population.jsonl"]).stdout.utf8))
        guard case .array(let same) = given["transitions"] ?? .null else { Issue.record("no transitions"); return }
        #expect(!same.isEmpty && same.allSatisfy { $0["to"] == $0["from"] }, "\(same)")
        let both = try cli.run(["impact", "--reform", "Rules", "--set", "minimumResidence=3 years", "Fixtures/impact/population.jsonl"])
        #expect(both.status == 64)
        let unknown = try cli.run(["impact", "--set", "minimumResidense=3 years", "Fixtures/impact/population.jsonl"])
        #expect(unknown.status == 64 && unknown.stderr.contains("minimumResidense"))
        let html = try cli.run(["impact", "--sweep", "minimumResidence=4..7", "--designations", "Fixtures/designations", "--format", "html", "Fixtures/impact/population.jsonl"])
        #expect(html.stdout.contains("<svg") && html.stdout.contains("7 years"))
    }

    @Test("report: text in words, JSON with the log's head, 65 for a line that is no decision, 66 for a missing log")
    func report() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/decisions.log"
        let decided = try cli.run(["decide", "--jsonl", "--log", log, "--designations", "Fixtures/designations", "Fixtures/impact/population.jsonl"])
        #expect(decided.status == 65)
        let text = try cli.run(["report", "--designations", "Fixtures/designations", "--by", "municipality", log])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Aantallen van 1 tot en met 4 staan als \"< 5\""))
        #expect(text.stdout.contains("Niet gepubliceerd, omdat daaruit een verborgen aantal van deze groep zou zijn af te leiden: weigeringsgronden"))
        let json = try JSONReader.parse(Array(try cli.run(["report", "--format", "json", log]).stdout.utf8))
        guard case .array(let logs) = json["logs"] ?? .null, case .string(let head) = logs.first?["head"] ?? .null else {
            Issue.record("no log head")
            return
        }
        #expect(head.hasPrefix("16:sha256:"))
        guard case .array(let groups) = json["groups"] ?? .null else {
            Issue.record("no groups")
            return
        }
        #expect(groups.first?["applications"] == .integer(16))
        try "not json\n".write(toFile: directory + "/bad.log", atomically: true, encoding: .utf8)
        #expect(try cli.run(["report", directory + "/bad.log"]).status == 65)
        // A missing log beside a good one: no report (figures over the good one alone would be
        // taken for both), 66.
        let missing = try cli.run(["report", log, directory + "/none.log"])
        #expect(missing.status == 66 && missing.stdout.isEmpty && missing.stderr.contains("no report written"), "\(missing.stderr)")
        #expect(try cli.run(["report", "--by", "week", log]).status == 64)
        // One chain given twice (the log itself, and a backup of its first ten entries): the shared
        // decisions would count twice, so no report, 65, naming both.
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(10).joined(separator: "\n") + "\n").write(toFile: directory + "/backup.log", atomically: true, encoding: .utf8)
        for pair in [[directory + "/backup.log", log], [log, log]] {
            let twice = try cli.run(["report", "--format", "json"] + pair)
            #expect(twice.status == 65 && twice.stdout.isEmpty, "\(twice.stderr)")
            #expect(twice.stderr.contains("[E-LOG] begins with the same entry as \(pair[0])"), "\(twice.stderr)")
        }
        // `--verify`: the intact log is reported as without it; a log changed after it was
        // written is not (65, naming the line), nor is standard input (read twice).
        let verified = try cli.run(["report", "--verify", "--format", "json", log])
        let unverified = try cli.run(["report", "--format", "json", log])
        #expect(verified.status == 0 && verified.stdout == unverified.stdout, "\(verified.stderr)")
        var changed = lines.map(String.init)
        changed[4] = changed[4].replacingOccurrences(of: "\"outcome\":\"", with: "\"outcome\":\"x")
        #expect(changed[4] != String(lines[4]))
        try (changed.joined(separator: "\n") + "\n").write(toFile: directory + "/changed.log", atomically: true, encoding: .utf8)
        let refused = try cli.run(["report", "--verify", directory + "/changed.log"])
        #expect(refused.status == 65 && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect(refused.stderr.contains("changed.log:5: error: [E-LOG] the log does not verify: line 5 was changed"), "\(refused.stderr)")
        // Without --verify the skeletons alone are read, and the change is counted as it stands.
        #expect(try cli.run(["report", directory + "/changed.log"]).status != 66)
        #expect(try cli.run(["report", "--verify", "-"]).status == 64)
        // Each alone is a report: the backup's ten decisions.
        let backup = try JSONReader.parse(Array(try cli.run(["report", "--format", "json", directory + "/backup.log"]).stdout.utf8))
        guard case .array(let backupGroups) = backup["groups"] ?? .null else { Issue.record("no groups"); return }
        #expect(backupGroups.first?["applications"] == .integer(10))
    }

    /// The report reads a log in blocks of lines lent from reused buffers and counts up to two
    /// blocks at once on every core; over a log of many blocks it must give what reading the
    /// lines one by one gives: the same groups, decisions, redacted entries, head and failures.
    @Test("report over a log of many blocks, from a file and from a pipe, with one job and two: the counts of reading it line by line")
    func reportInBlocks() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let small = directory + "/small.log"
        _ = try cli.run(["decide", "--jsonl", "--log", small, "--designations", "Fixtures/designations", "Fixtures/impact/population.jsonl"])
        let entries = try String(contentsOfFile: small, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(entries.count == 16)
        // 5,000 lines, longer than the reader's buffers many times over; two that are no
        // decision (at lines 1,500 and 4,000) and a blank one (at 2,500).
        var lines: [String] = []
        for number in 1...5_000 {
            switch number {
            case 1_500, 4_000: lines.append("not json")
            case 2_500: lines.append("  ")
            default: lines.append(entries[number % entries.count])
            }
        }
        let big = directory + "/big.log"
        try (lines.joined(separator: "\n") + "\n").write(toFile: big, atomically: true, encoding: .utf8)
        // Line by line, as the library reads one entry.
        var expected = MonitoringReport(by: [.designation, .quarter], from: nil, until: nil, minimumCount: 5, municipalities: [:])
        var decisions = 0, redacted = 0, head = ""
        for line in lines where !line.allSatisfy({ $0 == " " }) {
            guard let read = try? MonitoringEntry.read(line: Array(line.utf8)) else { continue }
            switch read {
            case .decision(let entry, let seq, let hash, let isRedacted):
                if expected.add(entry) {
                    decisions += 1
                    if isRedacted { redacted += 1 }
                }
                if let seq { head = "\(seq):\(hash ?? "?")" }
            case .redaction(let seq, let hash): head = "\(seq):\(hash ?? "?")"
            }
        }
        #expect(decisions == 4_997)
        for (jobs, stdin) in [("1", false), ("2", false), ("2", true)] {
            let run = try cli.run(
                ["report", "--by", "designation,quarter", "--format", "json", "--jobs", jobs, stdin ? "-" : big],
                stdin: stdin ? lines.joined(separator: "\n") + "\n" : nil)
            #expect(run.status == 65, "\(run.stderr)")
            #expect(run.stderr.contains(":1500: error: [E-JSON]") && run.stderr.contains(":4000: error: [E-JSON]"), "\(run.stderr)")
            let json = try JSONReader.parse(Array(run.stdout.utf8))
            #expect(json["groups"] == expected.json["groups"], "--jobs \(jobs), stdin \(stdin)")
            guard case .array(let logs) = json["logs"] ?? .null, let log = logs.first else {
                Issue.record("no log")
                continue
            }
            #expect(log["decisions"] == .integer(decisions) && log["redacted"] == .integer(redacted) && log["errors"] == .integer(2))
            #expect(log["head"] == .string(head))
        }
    }
}
