import Glibc
import Wbmgp

/// `wbmgp bench`: measure decisions per second on generated applications (issue 6 targets).
/// A benchmark is a command, never a timed test.
enum BenchCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(
            arguments, options: ["count", "jobs", "rules", "designations", "seed", "repeat", "keep", "role", "connections", "malformed", "slow-clients"],
            flags: ["help", "serve", "population"])
        if args.flags.contains("population") {
            guard let module = ModuleLoader.load(args) else { return .configuration }
            let bench = PopulationBench(
                module: module, args: args, count: try positive(args, "count", 1_000_000), jobs: try Jobs.value(args),
                seed: UInt64(args.values["seed"] ?? "42") ?? 42)
            guard let report = bench.run() else { return .outputFailed }
            Output.write(report)
            return .success
        }
        let count = try positive(args, "count", 100_000)
        if args.flags.contains("serve") {
            guard let rules = RulesLocation.find(args), let module = ModuleLoader.load(args) else { return .configuration }
            let bench = ServeBench(
                module: module, args: args, rulesDirectory: rules, count: count, connections: try positive(args, "connections", 32),
                malformed: try positive(args, "malformed", 10_000), slowClients: try positive(args, "slow-clients", 4),
                seed: UInt64(args.values["seed"] ?? "42") ?? 42)
            let (report, failed) = bench.run()
            Output.write(report)
            return failed ? .findings : .success
        }
        let repetitions = try positive(args, "repeat", 3)
        let maxJobs = try Jobs.value(args)
        // The mix with police data (as the throughput targets were set) unless told otherwise.
        let role = try args.role() ?? .review
        let seed = UInt64(args.values["seed"] ?? "42") ?? 42
        guard let rules = RulesLocation.find(args), let module = ModuleLoader.load(args) else { return .configuration }
        guard let report = Bench(module: module, args: args, rulesDirectory: rules, role: role, count: count, repetitions: repetitions, maxJobs: maxJobs, seed: seed).run()
        else { return .outputFailed }
        Output.write(report)
        return .success
    }

    static func positive(_ args: Arguments, _ name: String, _ fallback: Int) throws(Arguments.UsageError) -> Int {
        guard let text = args.values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw Arguments.UsageError(message: "invalid value '\(text)' for '--\(name)'; expected a positive whole number") }
        return value
    }
}

/// One benchmark run: generate, then measure each figure with min/median/max over repetitions.
struct Bench {
    let module: RuleModule
    let args: Arguments
    let rulesDirectory: String
    /// The role the applications are generated for and decided in.
    let role: Role
    let count: Int
    let repetitions: Int
    let maxJobs: Int
    let seed: UInt64

    /// The report, or nil after saying why the generated inputs could not be written (a
    /// benchmark of files that are not there would measure nothing).
    func run() -> String? {
        var lines = ["wbmgp bench: \(count) generated applications (seed \(seed)) for the role \(role.rawValue), \(repetitions) repetitions", machine(), ""]
        let (directory, cleanUp) = ChildProcess.workDirectory(args, "wbmgp-bench")
        defer { cleanUp() }
        var generator = ApplicationGenerator(law: module.law, designations: module.designations, seed: seed, role: role)
        var text = ""
        text.reserveCapacity(count * 900)
        for i in 0..<count { text += generator.next(index: i) + "\n" }
        let batch = directory + "/applications.jsonl"
        let single = directory + "/one.json"
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        guard FileBytes.write(Array(text.utf8), toPath: batch) == nil, FileBytes.write(Array(first.utf8), toPath: single) == nil else {
            Output.error("wbmgp: error: [E-OUTPUT] bench could not write its generated applications to \(directory)")
            return nil
        }
        lines.append(outcomes(Array(text.utf8)))
        lines.append("")
        lines.append("figure                                        min          median       max")
        lines += inProcess(Array(text.utf8))
        for jobs in Set([1, maxJobs]).sorted() {
            lines += endToEnd(batch: batch, output: directory + "/out.jsonl", jobs: jobs)
        }
        // The same with the output thrown away: what the program does, without what the kernel
        // does to keep half a gigabyte in a file (on a virtual disk that varies several-fold).
        let sink = Bench.discardingSink()
        lines += endToEnd(batch: batch, output: sink, jobs: maxJobs, discarding: true)
        if sink != "/dev/null" { lines.append("  (/dev/null is not a device on this machine but a file that keeps what is written: \(sink) instead)") }
        lines.append(coldProcess(single))
        lines.append(digest())
        _ = runChild(["decide", "--jsonl", "--jobs", String(maxJobs), "--report-peak-memory", batch] + moduleArguments, stdout: directory + "/out.jsonl",
                     stderr: directory + "/peak.txt")
        let peak = FileBytes.text(path: directory + "/peak.txt")?.split(separator: " ").dropFirst(2).first.flatMap { Int($0) } ?? 0
        lines.append("peak RSS of the batch process, --jobs \(maxJobs)         \(peak / 1024) MiB")
        return lines.joined(separator: "\n") + "\n"
    }

    func machine() -> String { Bench.machineLine() }

    /// Where the row that leaves the kernel's keeping of the output out writes: `/dev/null`, or,
    /// where that is a regular file (on some virtual machines), `/dev/zero`, which discards
    /// what is written to it alike. Into the file, the row timed the kernel copying half a
    /// gigabyte into memory, the very cost it is meant to leave out, and varied by half.
    static func discardingSink() -> String {
        if FileSystem.isCharacterDevice(at: "/dev/null") || !FileSystem.isCharacterDevice(at: "/dev/zero") { return "/dev/null" }
        return "/dev/zero"
    }

    static func machineLine() -> String {
        let cpu = FileBytes.text(path: "/proc/cpuinfo")?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map { TextColumns.trimmed($0.split(separator: ":").last ?? "") } ?? "unknown CPU"
        let memory = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 30)
        return "machine: \(SystemCores.available) cores, \(memory) GiB, \(cpu)"
    }

    static func stats(_ values: [Double]) -> (Double, Double, Double) {
        let sorted = values.sorted()
        return (sorted.first ?? 0, sorted[sorted.count / 2], sorted.last ?? 0)
    }

    static func row(_ label: String, _ values: [Double], unit: String, decimals: Int = 0) -> String {
        let (low, median, high) = stats(values)
        func cell(_ value: Double) -> String {
            TextColumns.left(TextColumns.fixed(value, decimals: decimals) + " " + unit, 13)
        }
        return TextColumns.left(label, 46) + cell(low) + cell(median) + cell(high)
    }

    func outcomes(_ bytes: [UInt8]) -> String {
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: Version.current), role: role)
        var counts: [String: Int] = [:]
        for line in DecisionService.lines(of: bytes) {
            do { counts[try service.decide(line).outcome.rawValue, default: 0] += 1 } catch { counts["error " + error.code, default: 0] += 1 }
        }
        return "outcomes: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// In-process evaluation of already-parsed applications on one core: each with its full
    /// reason list, and as `impact` counts it (outcome and cited grounds: rule, citation, result,
    /// lift; no facts, no texts).
    func inProcess(_ bytes: [UInt8]) -> [String] {
        let reader = ApplicationReader(law: module.law, role: role)
        let engine = module.engine
        let applications = DecisionService.lines(of: bytes).prefix(100_000).compactMap { try? reader.read($0) }
        // Counted as `impact` counts: each decision's reasons' list given to the next.
        var spare: [Reason] = []
        return [
            inProcess(applications, "in-process evaluation, 1 core (decisions/s)") { (application) throws(InputError) in try engine.decide(application) },
            inProcess(applications, "in-process, no texts, 1 core (evaluations/s)") { (application) throws(InputError) in
                let decision = try engine.decideForCounting(application, recycling: &spare)
                spare = decision.reasons
                return decision
            },
        ]
    }

    private func inProcess(_ applications: [Application], _ label: String, _ decide: (Application) throws(InputError) -> Decision) -> String {
        var rates: [Double] = []
        for _ in 0..<repetitions {
            let clock = ContinuousClock()
            var reasons = 0
            let elapsed = clock.measure {
                for application in applications { reasons += (try? decide(application))?.reasons.count ?? 0 }
            }
            rates.append(Double(applications.count) / seconds(elapsed))
            // The count is used, so the evaluations cannot be optimised away.
            precondition(reasons > 0, "no reasons were produced")
        }
        return Bench.row(label, rates, unit: "/s")
    }

    /// The decisions a second end to end, and the cores the run kept in use on average: its CPU
    /// time (the program's and the kernel's for it) over its wall time. What the rate alone
    /// cannot say apart, a slower machine or cores left waiting, the second row does (with one
    /// job the writing runs beside the deciding, so more than one core is in use).
    func endToEnd(batch: String, output: String, jobs: Int, discarding: Bool = false) -> [String] {
        var rates: [Double] = []
        var inUse: [Double] = []
        for _ in 0..<repetitions {
            // The previous repetition's output is removed before the clock starts. Opened for
            // writing over, its half gigabyte was truncated inside the timed child, which first
            // waited for the kernel to finish writing it to disk: that repetition's work, not
            // this one's (a shell truncates before the program starts; the file is new here).
            if !discarding { unlink(output) }
            let (elapsed, cpu) = ChildProcess.runMeasuringCPU(["decide", "--jsonl", "--jobs", String(jobs), batch] + moduleArguments, stdout: output)
            rates.append(Double(count) / seconds(elapsed))
            inUse.append(cpu / seconds(elapsed))
        }
        let label = "end to end --jsonl, --jobs \(jobs)" + (discarding ? ", to \(output)" : " (decisions/s)")
        return [Bench.row(label, rates, unit: "/s"), Bench.row("  the same: cores in use (CPU time / wall)", inUse, unit: "cores", decimals: 2)]
    }

    func coldProcess(_ single: String) -> String {
        var times: [Double] = []
        for _ in 0..<max(repetitions, 5) { times.append(seconds(runChild(["decide", single] + moduleArguments, stdout: "/dev/null")) * 1000) }
        return Bench.row("one application, cold process (ms)", times, unit: "ms", decimals: 1)
    }

    func digest() -> String {
        let files = FileSystem.names(in: rulesDirectory + "/wbmgp")?.filter { $0.hasSuffix(".rules") }.sorted() ?? []
        let texts = files.map { ("wbmgp/" + $0, FileBytes.text(path: rulesDirectory + "/wbmgp/" + $0) ?? "") }
        var times: [Double] = []
        for _ in 0..<max(repetitions, 5) {
            times.append(seconds(ContinuousClock().measure { _ = ModuleDigest.digest(texts) }) * 1000)
        }
        let size = texts.map { $0.1.utf8.count }.reduce(0, +)
        return Bench.row("SHA-256 digest of Rules/wbmgp, \(size / 1024) KiB (ms)", times, unit: "ms", decimals: 2)
    }

    var moduleArguments: [String] {
        var extra = ["--rules", rulesDirectory, "--role", role.rawValue]
        if let designations = args.values["designations"] { extra += ["--designations", designations] }
        return extra
    }

    /// Runs this executable with `arguments`, stdout to `path`, and returns the wall time. Uses
    /// posix_spawn directly: Foundation's Process adds tens of milliseconds on Linux, which would
    /// swamp the cold-start figure.
    func runChild(_ arguments: [String], stdout path: String, stderr errorPath: String = "/dev/null") -> Duration {
        ChildProcess.run(arguments, stdout: path, stderr: errorPath)
    }

    func seconds(_ duration: Duration) -> Double { ChildProcess.seconds(duration) }
}

/// This executable run again as a child, for the benchmarks: the wall time it took.
enum ChildProcess {
    /// Runs this executable with `arguments`, stdout to `path`. Uses posix_spawn directly:
    /// Foundation's Process adds tens of milliseconds on Linux, which would swamp the cold-start figure.
    static func run(_ arguments: [String], stdout path: String, stderr errorPath: String = "/dev/null") -> Duration {
        runMeasuringCPU(arguments, stdout: path, stderr: errorPath).wall
    }

    /// ``run(_:stdout:stderr:)``, with the CPU time the child used (user and system, in
    /// seconds, as the kernel counted it when the child ended; 0 when it could not be run).
    static func runMeasuringCPU(_ arguments: [String], stdout path: String, stderr errorPath: String = "/dev/null") -> (wall: Duration, cpu: Double) {
        let executable = FileSystem.executablePath ?? CommandLine.arguments[0]
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var usage = rusage()
        let wall = ContinuousClock().measure {
            var pid: pid_t = 0
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return }
            var status: Int32 = 0
            // wait4: the child's own resource use, where waitpid gives none.
            wait4(pid, &status, 0, &usage)
        }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (wall, seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The folder a benchmark writes its generated inputs to: `--keep DIR`, else a temporary
    /// one, which `cleanUp` removes (a kept one stays).
    static func workDirectory(_ args: Arguments, _ name: String) -> (path: String, cleanUp: () -> Void) {
        if let kept = args.values["keep"] {
            FileSystem.makeDirectories(kept)
            return (kept, {})
        }
        // A folder of its own (`mkdtemp`), removed at the end. Where none can be made (no
        // temporary folder), the path named is missing, and the first write to it says so.
        guard let made = FileSystem.makeTemporaryDirectory(prefix: name) else { return (FileSystem.temporaryDirectory + "/\(name)-XXXXXX", {}) }
        return (made, { FileSystem.removeTree(made) })
    }

    /// The peak RSS a child printed with `--report-peak-memory` ("peak RSS: N KiB"), in MiB.
    static func peakMiB(_ path: String) -> Int {
        (FileBytes.text(path: path)?.split(separator: "peak RSS: ", omittingEmptySubsequences: false).last?.split(separator: " ").first.flatMap { Int($0) } ?? 0) / 1024
    }
}
