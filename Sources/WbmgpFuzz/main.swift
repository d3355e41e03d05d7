import Dispatch
import Foundation
import Wbmgp

/// `wbmgp-fuzz`: the long run of the fuzz harness (issue 11), outside the test suite.
///
///     wbmgp-fuzz [--root DIR] [--target NAME|all] [--count N] [--seed S] [--from I] [--jobs J] [--save FILE]
///
/// Runs inputs `from ..< from + count` of each target on `jobs` threads and prints, per target,
/// the inputs checked, the failures, and the slowest input. A crash prints the inputs in flight
/// before the process dies; an input running over 10 s is reported as a hang (exit 3). With
/// `--save FILE`, input `from` of the one target is written to FILE, to feed it to `wbmgp`.
struct Options {
    var root = "."
    var target = "all"
    var count = 10_000
    var seed: UInt64 = 11
    var from = 0
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var save: String?

    init(_ arguments: [String]) {
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { usage("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--root": root = value()
            case "--target": target = value()
            case "--count": count = Int(value()) ?? -1
            case "--seed": seed = UInt64(value()) ?? 11
            case "--from": from = Int(value()) ?? -1
            case "--jobs": jobs = Int(value()) ?? -1
            case "--save": save = value()
            case "-h", "--help": usage(nil)
            default: usage("unknown argument '\(arguments[index])'")
            }
            index += 1
        }
        if count < 1 || from < 0 || jobs < 1 { usage("--count and --jobs take a positive whole number, --from zero or more") }
    }
}

func usage(_ problem: String?) -> Never {
    if let problem { FileHandle.standardError.write(Data("wbmgp-fuzz: \(problem)\n".utf8)) }
    print("usage: wbmgp-fuzz [--root DIR] [--target NAME|all] [--count N] [--seed S] [--from I] [--jobs J] [--save FILE]")
    exit(problem == nil ? 0 : 64)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let targets: FuzzTargets
do {
    targets = try FuzzTargets(root: options.root)
} catch {
    FileHandle.standardError.write(Data("wbmgp-fuzz: \(error.message)\n".utf8))
    exit(66)
}
let chosen = options.target == "all" ? targets.targets : targets.target(named: options.target).map { [$0] } ?? []
if chosen.isEmpty { usage("unknown target '\(options.target)'; expected all or one of \(targets.targets.map(\.name).joined(separator: ", "))") }

if let path = options.save {
    let input = chosen[0].input(options.from, seed: options.seed).bytes
    guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { usage("cannot write \(path)") }
    print("\(chosen[0].name) input \(options.from) (seed \(options.seed)): \(input.count) bytes written to \(path)")
    exit(0)
}

InFlight.install(jobs: options.jobs)
var failed = false
for target in chosen {
    InFlight.begin(target: target.name)
    let report = FuzzRunner.run(target, from: options.from, count: options.count, seed: options.seed, jobs: options.jobs) {
        InFlight.start(worker: $0, index: $1)
    }
    let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
    let slowest = report.slowest
    let slowSeconds = Double(slowest.duration.components.seconds) + Double(slowest.duration.components.attoseconds) / 1e18
    print(
        "\(target.name): \(report.inputs) inputs in \(String(format: "%.1f", seconds)) s (\(Int(Double(report.inputs) / max(seconds, 0.001)))/s), "
            + "\(report.failureCount) failing, 0 crashes, 0 hangs; slowest: input \(slowest.index) (\(slowest.bytes) bytes) in \(String(format: "%.3f", slowSeconds)) s")
    for failure in report.failures.prefix(10) {
        print("  input \(failure.index): \(failure.problems.joined(separator: "; "))")
    }
    if report.failureCount > 0 { failed = true }
}
exit(failed ? 1 : 0)
