import Foundation
import Testing

@testable import Wbmgp

/// What a review of the command line found (2026-12-05), each run through the built binary as a
/// user's script meets it: an output that would empty its own input, bounds that overflowed, a
/// failed read that ended the letters in silence, a mistyped log path taken for a log with
/// nothing due, and options that lost a value without a word. Each asserts the documented exit
/// code (interface §2) and that nothing was lost or made.
@Suite("Nothing lost by a mistaken command: outputs, paths and options checked first", .serialized)
struct CommandGuardTests {
    let cli = ReliabilityCLITests()

    static let population = "Fixtures/impact/population.jsonl"

    @Test("impact --changed naming its own input (or a link to it) is a usage error; the input is left whole")
    func changedIsNotTheInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let population = try String(contentsOfFile: TestSupport.packageRoot + "/" + Self.population, encoding: .utf8)
        try population.write(toFile: directory + "/pop.jsonl", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.jsonl", withDestinationPath: directory + "/pop.jsonl")
        for changed in ["pop.jsonl", "link.jsonl"] {
            let run = try cli.shell("cd \(directory) && \"$W\" impact --rules \"$ROOT/Rules\" --set minimumResidence=3years --changed \(changed) pop.jsonl")
            #expect(run.status == 64, "\(changed): \(run.stderr)")
            #expect(run.stderr.contains("names the input file"), "\(run.stderr)")
            #expect(try String(contentsOfFile: directory + "/pop.jsonl", encoding: .utf8) == population)
            cli.expectNoCrash(run.stderr)
        }
        // Another file is still written: the population has 17 lines, the reform changes some.
        let run = try cli.shell("cd \(directory) && \"$W\" impact --rules \"$ROOT/Rules\" --set minimumResidence=3years --changed other.txt pop.jsonl")
        // 65: the population holds lines that cannot be read, on purpose.
        #expect(run.status == 65, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/other.txt"))
    }

    @Test(
        "a sweep's bounds of any size are a usage error with the count, never an overflow trap",
        arguments: ["minimumResidence=-9223372036854775808..9223372036854775807", "minimumResidence=0..9223372036854775807", "minimumResidence=1..500"])
    func sweepBounds(_ sweep: String) throws {
        let run = try cli.shell("\"$W\" impact --sweep \(sweep) \(Self.population)")
        #expect(run.status == 64, "\(sweep): \(run.stderr)")
        #expect(run.stderr.contains("gives more than 200 values; at most 200 are compared in one run"), "\(run.stderr)")
        cli.expectNoCrash(run.stderr)
    }

    @Test("a swept value the parameter cannot take names that value, not the form of the option")
    func sweepValue() throws {
        let run = try cli.shell("\"$W\" impact --sweep minimumResidence=-2..-1 \(Self.population)")
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("minimumResidence cannot be -2 years"), "\(run.stderr)")
        cli.expectNoCrash(run.stderr)
    }

    @Test("letters from a batch whose reading fails say so and exit 66, as the JSON batch does")
    func lettersReadFailure() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Standard input open for writing only: the first read fails (EBADF).
        for command in ["decide --format letter --jsonl --out $T -", "decide --jsonl -"] {
            let run = try cli.shell("T=\(directory); touch $T/wo; \"$W\" \(command) 0>$T/wo")
            #expect(run.status == 66, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("[E-FILE] reading stopped after line 0"), "\(command): \(run.stderr)")
            cli.expectNoCrash(run.stderr)
        }
    }

    @Test("log redact of a path where no log is: 66 and no file made; '-' is a usage error")
    func redactMissingLog() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = try cli.shell("\"$W\" log redact \(directory)/typo.log --before 2020-01-01")
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("does not exist"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/typo.log"))
        let stream = try cli.shell("cd \(directory) && \"$W\" log redact - --entry 1 < /dev/zero")
        #expect(stream.status == 64, "\(stream.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/-"))
    }

    @Test(
        "'-' for a file to write (--log, --changed, --out) is a usage error; no file named '-' is made",
        arguments: [
            "decide --log - $ROOT/Fixtures/examples/rotterdam-carnisse-2021.json",
            "decide --format letter --out - $ROOT/Fixtures/examples/rotterdam-carnisse-2021.json",
            "impact --set minimumResidence=3years --changed - $ROOT/Fixtures/impact/population.jsonl",
        ])
    func dashIsNoFile(_ command: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try cli.shell("cd \(directory) && \"$W\" \(command) --rules \"$ROOT/Rules\"")
        #expect(run.status == 64, "\(command): \(run.stderr)")
        #expect(run.stderr.contains("invalid value '-'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/-"))
    }

    @Test("an option given twice is a usage error (nothing written to either log); --set repeats")
    func optionTwice() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let twice = try cli.shell("\"$W\" decide --log \(directory)/a.log --log \(directory)/b.log \(ReliabilityCLITests.application)")
        #expect(twice.status == 64, "\(twice.stderr)")
        #expect(twice.stderr.contains("option '--log' is given twice"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/a.log") && !FileManager.default.fileExists(atPath: directory + "/b.log"))
        let format = try cli.shell("\"$W\" decide --format json --format=text \(ReliabilityCLITests.application)")
        #expect(format.status == 64 && format.stdout.isEmpty, "\(format.stderr)")
        let repeated = try cli.shell("\"$W\" impact --set minimumResidence=3years --set maximumTerm=5years \(Self.population)")
        #expect(repeated.status != 64, "\(repeated.stderr)")
    }

    @Test("replay of a decision log that does not verify (an entry changed, a purge without a record) is 65 naming the line; nothing is replayed")
    func replayVerifiesLog() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let made = try cli.shell("\"$W\" decide --jsonl --log \(directory)/d.log \(ReliabilityCLITests.batch) > /dev/zero")
        #expect(made.status == 0, "\(made.stderr)")
        let intact = try cli.shell("\"$W\" replay \(directory)/d.log")
        #expect(intact.status == 0 && intact.stdout.contains("identical"), "\(intact.stderr)")
        // Entry 2's outcome changed in its skeleton; entry 3's personal part dropped without a
        // redaction entry (each on a copy of its own).
        let forge = """
            import json, sys
            lines = open(sys.argv[1]).read().splitlines()
            changed = list(lines); e = json.loads(changed[1]); e["skeleton"]["outcome"] = "granted"
            changed[1] = json.dumps(e, separators=(",", ":"), sort_keys=True)
            open(sys.argv[2], "w").write("\\n".join(changed) + "\\n")
            purged = list(lines); e = json.loads(purged[2]); del e["personal"]; del e["salt"]
            purged[2] = json.dumps(e, separators=(",", ":"), sort_keys=True)
            open(sys.argv[3], "w").write("\\n".join(purged) + "\\n")
            """
        try forge.write(toFile: directory + "/forge.py", atomically: true, encoding: .utf8)
        let forged = try cli.shell("python3 \(directory)/forge.py \(directory)/d.log \(directory)/changed.log \(directory)/purged.log")
        #expect(forged.status == 0, "\(forged.stderr)")
        for (name, line) in [("changed", 2), ("purged", 3)] {
            let run = try cli.shell("\"$W\" replay \(directory)/\(name).log")
            #expect(run.status == 65, "\(name): \(run.stderr)")
            #expect(run.stderr.contains("\(name).log:\(line): error: [E-LOG] the decision log does not verify"), "\(run.stderr)")
            #expect(run.stdout.isEmpty, "\(run.stdout)")
        }
    }

    @Test("rules whose file for a measure was emptied do not check clean: each designation carrying it is D010, and decide stops (78)")
    func measureWithoutRules() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try cli.shell("cp -r \"$ROOT/Rules\" \(directory)/r && : > \(directory)/r/wbmgp/art08.rules && \"$W\" rules check --rules \(directory)/r")
        #expect(run.status == 1, "\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("error: [D010] $.measures.art8: the designation rotterdam-2006 carries the measure 'art8', but no rule is 'under' it"))
        let decide = try cli.shell("\"$W\" decide --rules \(directory)/r \(ReliabilityCLITests.application)")
        #expect(decide.status == 78 && decide.stdout.isEmpty, "\(decide.stderr)")
    }

    @Test("wbmgp test says which files of the tests folder it does not run (a folder, a name not *.json)")
    func scenariosNotRun() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try cli.shell("cp -r \"$ROOT/Rules\" \(directory)/r && mkdir \(directory)/r/tests/sub && echo '{}' > \(directory)/r/tests/901.JSON && \"$W\" test --rules \(directory)/r")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: not run: \(directory)/r/tests/901.JSON (not named *.json)"), "\(run.stderr)")
        #expect(run.stderr.contains("warning: not run: \(directory)/r/tests/sub (a folder;"), "\(run.stderr)")
    }

    @Test("report --until before --from is a usage error (64), not an empty report")
    func reportPeriodReversed() throws {
        let run = try cli.shell("\"$W\" report --from 2022-01-01 --until 2020-01-01 /dev/zero")
        #expect(run.status == 64 && run.stderr.contains("lies before '--from 2022-01-01'"), "\(run.stderr)")
    }

    @Test("an empty line in a decision log is said as such by log verify")
    func emptyLogLine() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try cli.shell(
            "\"$W\" decide --jsonl --log \(directory)/d.log \(ReliabilityCLITests.batch) > /dev/zero && awk 'NR==3{print \"\"}{print}' \(directory)/d.log > \(directory)/e.log && \"$W\" log verify \(directory)/e.log")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("e.log:3: broken: line 3 is empty: a log holds one entry on each line, and an empty line was added"), "\(run.stdout)")
    }

    @Test("a typo's own error comes before the errors it causes further down: diagnostics in the order of their places")
    func diagnosticsInPlaceOrder() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try cli.shell("cp -r \"$ROOT/Rules\" \(directory)/r && sed -i '0,/m\\.income/s//m.incom/' \(directory)/r/wbmgp/art08.rules && \"$W\" rules check --rules \(directory)/r")
        #expect(run.status == 1, "\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: [") }
        #expect(errors.first?.contains("[R012] unknown field 'm.incom'") == true, "\(errors.prefix(3))")
        // Every error of this typo is in art08.rules: its places (line × 10,000 + column) rise.
        let places = errors.compactMap { line -> Int? in
            let parts = line.split(separator: ":")
            guard parts.count > 3, let row = Int(parts[1]), let column = Int(parts[2]) else { return nil }
            return row * 10_000 + column
        }
        #expect(places.count == errors.count && places == places.sorted(), "\(places)")
    }

    @Test("a batch with lines that could not be decided says so on stderr (how many, the first), besides their error records")
    func undecidedLinesSaid() throws {
        for jobs in [1, 2] {
            let run = try cli.shell(
                "{ sed -n 1p \(ReliabilityCLITests.batch); echo; echo '{\"x\":1}'; sed -n 2p \(ReliabilityCLITests.batch); } | \"$W\" decide --jsonl --jobs \(jobs) -")
            #expect(run.status == 65, "\(run.stderr)")
            #expect(run.stdout.split(separator: "\n").count == 4)
            #expect(run.stderr.hasPrefix("<stdin>: 2 lines could not be decided, the first on line 2: [E-JSON] $:"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("a mistyped command is shown the command meant, the newer ones too", arguments: [("reprot", "report"), ("imapct", "impact"), ("verison", "version")])
    func commandSuggested(_ typed: String, _ meant: String) throws {
        let run = try cli.shell("\"$W\" \(typed)")
        #expect(run.status == 64)
        #expect(run.stderr.contains("Did you mean '\(meant)'?"), "\(run.stderr)")
    }
}
