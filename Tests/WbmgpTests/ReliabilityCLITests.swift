import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Wbmgp

/// Issue 11's reproducers, run through the built binary from a shell, as a user's script meets
/// them: lost output, closed streams, odd inputs, the log, honest JUnit, bounds, running from
/// anywhere. Each asserts the documented exit code (interface §2) and one clear line, never a
/// crash (a signal, a "Fatal error" or a backtrace).
@Suite("Nothing lost, nothing crashes: the command line under hostile environments", .serialized)
struct ReliabilityCLITests {
    typealias Run = CLITests.Run

    static let application = "Fixtures/examples/rotterdam-carnisse-2021.json"
    static let batch = "Fixtures/examples/rotterdam-carnisse-batch.jsonl"
    /// A shell step that writes the request of a request fixture (which wraps it with its
    /// expected result) to `$T/request.json`.
    static let request =
        "python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))[\"request\"], open(sys.argv[2], \"w\"))' Fixtures/requests/003-rotterdam-2018-extends-2014.json $T/request.json"

    /// Runs `script` in bash from `directory` (the package root by default), with `$W` the
    /// binary and `$ROOT` the package root.
    func shell(_ script: String, in directory: String = TestSupport.packageRoot, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["W"] = try #require(CLITests.binary, "build wbmgp first")
        environment["ROOT"] = TestSupport.packageRoot
        environment["WBMGP_RULES"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// No sign of a crash in what a run said.
    func expectNoCrash(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for sign in ["Fatal error", "Backtrac", "Signal ", "NSCocoaErrorDomain", "UserInfo="] {
            #expect(!text.contains(sign), "\(sign) in: \(text.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "output lost to a full device is exit 74 with one line, for every command",
        arguments: [
            "\"$W\" decide $APP", "\"$W\" decide --jsonl $BATCH", "\"$W\" decide --format text $APP",
            "\(request) && \"$W\" check-request $T/request.json", "\(request) && \"$W\" check-request --format junit $T/request.json", "\"$W\" rules check", "\"$W\" test",
            "\"$W\" --help", "\"$W\" help decide", "\"$W\" decide --help", "\"$W\" --version",
            "\"$W\" decide --record $APP > $T/r.json && \"$W\" replay $T/r.json",
            "\"$W\" decide --log $T/l.log $APP > /dev/null && \"$W\" log verify $T/l.log",
        ])
    func lostOutput(_ command: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try shell("APP=\(Self.application); BATCH=\(Self.batch); T=\(directory); { \(command) ; } > /dev/full")
        #expect(run.status == 74, "\(command): \(run.stderr)")
        #expect(run.stderr.contains("[E-OUTPUT]") && run.stderr.contains("no space left on device"), "\(run.stderr)")
        expectNoCrash(run.stderr)
    }

    @Test(
        "a closed standard input is exit 66 with one line naming it, never a trap",
        arguments: ["decide -", "decide --jsonl -", "check-request -", "replay -", "log verify -", "decide --format text -"])
    func closedInput(_ command: String) throws {
        let run = try shell("\"$W\" \(command) <&-")
        #expect(run.status == 66, "\(command): \(run.stderr)")
        #expect(run.stderr == "<stdin>: error: [E-FILE] standard input is closed\n")
        expectNoCrash(run.stderr)
    }

    @Test("a closed stderr or stdout never traps: a usage error is still 64, lost results 74")
    func closedOutputs() throws {
        #expect(try shell("\"$W\" decide --formt x 2>&-").status == 64)
        #expect(try shell("\"$W\" decide \(Self.application) 2>&-").status == 0)
        let closed = try shell("\"$W\" decide \(Self.application) >&-")
        #expect(closed.status == 74)
        #expect(closed.stderr.contains("standard output is closed"))
    }

    @Test("a reader that goes away (| head) ends the batch quietly with 141")
    func closedPipe() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try shell(
            "for i in $(seq 1 4000); do cat \(Self.batch); done > \(directory)/big.jsonl; \"$W\" decide --jsonl \(directory)/big.jsonl | head -c 10 > /dev/null; echo ${PIPESTATUS[0]}"
        )
        #expect(run.stdout == "141\n")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test("a directory, a missing or unreadable file is 66 naming it; an empty or UTF-16 file is 65")
    func oddInputs() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for command in ["decide Fixtures", "decide --jsonl Fixtures", "replay Fixtures", "check-request Fixtures", "log verify Fixtures"] {
            let run = try shell("\"$W\" \(command)")
            #expect(run.status == 66, "\(command)")
            #expect(run.stderr == "Fixtures: error: [E-FILE] the file is a directory, not a file\n", "\(command): \(run.stderr)")
        }
        let missing = try shell("\"$W\" decide nosuch.json")
        #expect(missing.status == 66 && missing.stderr == "nosuch.json: error: [E-FILE] the file does not exist\n")
        let empty = try shell("touch \(directory)/e.json; \"$W\" decide \(directory)/e.json")
        #expect(empty.status == 65 && empty.stderr.contains("[E-JSON]"), "\(empty.stderr)")
        let utf16 = try shell("iconv -f UTF-8 -t UTF-16 \(Self.application) > \(directory)/u.json; \"$W\" decide \(directory)/u.json")
        #expect(utf16.status == 65 && utf16.stderr.contains("[E-JSON]"), "\(utf16.stderr)")
        let replayEmpty = try shell("\"$W\" replay \(directory)/e.json")
        #expect(replayEmpty.status == 65 && replayEmpty.stderr.contains("no decision records"), "\(replayEmpty.stderr)")
    }

    @Test("a batch line past 4 MiB is one E-LIMIT record, read past without holding it; the next line is decided")
    func overlongLine() throws {
        let run = try shell(
            "{ printf '{\"id\":\"'; head -c 6000000 /dev/zero | tr '\\0' x; printf '\"}\\n'; head -1 \(Self.batch); } | \"$W\" decide --jsonl -")
        let lines = run.stdout.split(separator: "\n")
        #expect(run.status == 65 && lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.contains(#""code":"E-LIMIT""#) == true && lines.first?.contains(#""line":1"#) == true)
        #expect(lines.last?.contains(#""outcome""#) == true)
    }

    @Test("malformed JSON on a batch's second line names its column, the record line 2; a document names line and column")
    func batchSyntaxErrorPlace() throws {
        let batch = try shell("{ head -1 \(Self.batch); printf '{bad\\n'; } | \"$W\" decide --jsonl -")
        let lines = batch.stdout.split(separator: "\n")
        #expect(batch.status == 65 && lines.count == 2, "\(batch.stderr)")
        // "{bad": the member name expected at the second byte.
        #expect(lines.last?.contains(#""message":"invalid JSON at column 2: expected a quoted member name""#) == true, "\(lines.last ?? "")")
        #expect(lines.last?.contains(#""line":2"#) == true)
        #expect(batch.stderr.contains("the first on line 2: [E-JSON] $: invalid JSON at column 2:"), "\(batch.stderr)")
        let document = try shell("printf '{\\n bad\\n' | \"$W\" decide -")
        #expect(document.status == 65 && document.stderr.contains("invalid JSON at line 2, column 2:"), "\(document.stderr)")
    }

    @Test("a UTF-8 byte-order mark is dropped: a document and a batch decide as without it")
    func byteOrderMark() throws {
        let plain = try shell("\"$W\" decide \(Self.application)")
        let marked = try shell("printf '\\xEF\\xBB\\xBF' | cat - \(Self.application) | \"$W\" decide -")
        #expect(marked.status == 0 && marked.stdout == plain.stdout, "\(marked.stderr)")
        let batchPlain = try shell("\"$W\" decide --jsonl \(Self.batch)")
        let batchMarked = try shell("printf '\\xEF\\xBB\\xBF' | cat - \(Self.batch) | \"$W\" decide --jsonl -")
        #expect(batchMarked.stdout == batchPlain.stdout, "\(batchMarked.stderr)")
    }

    @Test("--jobs above 4 x the cores is a usage error (64); an empty designation set is a warning")
    func bounds() throws {
        let jobs = try shell("\"$W\" decide --jsonl --jobs 100000 \(Self.batch)")
        #expect(jobs.status == 64 && jobs.stderr.contains("'--jobs'"))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let decide = try shell("\"$W\" decide --designations \(directory) \(Self.application)")
        #expect(decide.status == 0)
        #expect(decide.stderr.contains("warning: [F002] no designations loaded from \(directory): every decision will be not-applicable"))
        let check = try shell("\"$W\" rules check --designations \(directory)")
        #expect(check.status == 0 && check.stdout.hasPrefix("rules check: clean (1 warning)"), "\(check.stdout)")
        #expect(check.stderr.contains("[F002]"))
    }

    @Test("from another directory: help needs no rules; the error names every place tried; WBMGP_RULES and --rules work")
    func anywhere() throws {
        let elsewhere = NSTemporaryDirectory()
        let help = try shell("\"$W\" decide -h", in: elsewhere)
        #expect(help.status == 0 && help.stdout.contains("USAGE"), "\(help.stderr)")
        let lost = try shell("\"$W\" decide $ROOT/\(Self.application)", in: elsewhere)
        #expect(lost.status == 78)
        #expect(lost.stderr.contains("--rules") && lost.stderr.contains("WBMGP_RULES") && lost.stderr.contains("./Rules") && lost.stderr.contains("share/wbmgp/Rules"))
        let variable = try shell("\"$W\" decide $ROOT/\(Self.application)", in: elsewhere, environment: ["WBMGP_RULES": TestSupport.rulesDirectory])
        #expect(variable.status == 0, "\(variable.stderr)")
        let option = try shell("\"$W\" decide --rules $ROOT/Rules $ROOT/\(Self.application)", in: elsewhere)
        #expect(option.status == 0 && option.stdout == variable.stdout)
    }

    @Test("with --log, every printed decision is in the log, even when the reader stops after one line")
    func logBeforeOutput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try shell(
            "for i in $(seq 1 1000); do cat \(Self.batch); done > \(directory)/big.jsonl; "
                + "\"$W\" decide --jsonl \(directory)/big.jsonl --log \(directory)/x.log | head -1 | wc -l; \"$W\" log verify \(directory)/x.log")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "1")
        // The first block (1,024 lines, `DecideRun.blockLines`) was logged before any of it was
        // printed; the next, decided while the first was written, was never printed, so never logged.
        #expect(lines.last?.hasSuffix("intact, 1024 entries") == true, "\(run.stdout) \(run.stderr)")
    }

    @Test("a log that is no file, or does not verify, is refused before anything is decided")
    func logRefusals() throws {
        let device = try shell("\"$W\" decide --log /dev/full \(Self.application)")
        #expect(device.status == 74 && device.stdout.isEmpty)
        #expect(device.stderr == "/dev/full: error: [E-LOG] the log /dev/full is not a regular file; a decision log must be a file\n")
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/d.log"
        _ = try shell("for i in 1 2 3; do \"$W\" decide --log \(log) \(Self.application) > /dev/null; done")
        // Change line 2 in the middle: appending would seal the break, so it is refused (65).
        let middle = try shell("sed -i '2s/granted/refused/' \(log); \"$W\" decide --log \(log) \(Self.application)")
        #expect(middle.status == 65 && middle.stdout.isEmpty)
        #expect(middle.stderr.contains("does not verify at line 2"), "\(middle.stderr)")
        let partial = try shell("printf '{\"hash\":' > \(directory)/p.log; \"$W\" log verify \(directory)/p.log")
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("p.log:1: broken: line 1 is a partial line"), "\(partial.stdout)")
    }

    /// The totals of a JUnit document: tests, failures, errors, and the failing cases counted.
    func junitTotals(_ xml: String) throws -> (failures: Int, errors: Int, failingCases: Int) {
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        let failures = Int(root.attribute(forName: "failures")?.stringValue ?? "") ?? -1
        let errors = Int(root.attribute(forName: "errors")?.stringValue ?? "") ?? -1
        let failing = try document.nodes(forXPath: "//testcase[failure or error]").count
        return (failures, errors, failing)
    }

    @Test("JUnit fails exactly when the exit code does: uncovered rules, unreadable and malformed requests")
    func honestJUnit() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Rules with one scenario only: most rule versions are no longer covered both ways.
        let rules = try shell(
            "cp -r Rules \(directory)/R && rm \(directory)/R/tests/0[1-9]*.json && \"$W\" test --rules \(directory)/R --format junit --require-coverage")
        let coverage = try junitTotals(rules.stdout)
        #expect(rules.status == 1)
        #expect(coverage.failures + coverage.errors > 0 && coverage.failingCases == coverage.failures + coverage.errors)
        let clean = try shell("\"$W\" test --format junit --require-coverage")
        let cleanTotals = try junitTotals(clean.stdout)
        #expect(clean.status == 0 && cleanTotals.failures == 0)

        let requests = try shell(
            "T=\(directory); \(Self.request); touch $T/empty.json; \"$W\" check-request --format junit $T/request.json $T/empty.json nosuch.json")
        let totals = try junitTotals(requests.stdout)
        #expect(requests.status == 66)
        #expect(totals.errors == 2 && totals.failingCases == 2, "\(requests.stdout)")
        #expect(requests.stdout.contains("nosuch.json: the file does not exist"))
    }
}
