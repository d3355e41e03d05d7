import Glibc
import Wbmgp

/// `wbmgp bench --population`: the issue-15 figures. A generated population of desk
/// applications (default 1,000,000) is compared under a reform with `impact` (two evaluations
/// each, no texts), decided into a decision log, and reported with `report`; each is a child
/// process, timed, with its peak memory.
struct PopulationBench {
    let module: RuleModule
    let args: Arguments
    let count: Int
    let jobs: Int
    let seed: UInt64

    func run() -> String? {
        let (directory, cleanUp) = ChildProcess.workDirectory(args, "wbmgp-population")
        defer { cleanUp() }
        let population = directory + "/population.jsonl", log = directory + "/decisions.log"
        guard write(population) else {
            Output.error("wbmgp: error: [E-OUTPUT] bench could not write its generated population to \(directory)")
            return nil
        }
        let moduleArguments = ["--rules", RulesLocation.find(args) ?? "Rules"] + (args.values["designations"].map { ["--designations", $0] } ?? [])
        var lines = [
            "wbmgp bench --population: \(count) generated desk applications (seed \(seed)), --jobs \(jobs)",
            Bench.machineLine(), "",
            "figure                                                   seconds    per second    peak RSS",
        ]
        let impactTime = seconds(ChildProcess.run(
            ["impact", "--set", "minimumResidence=3 years", "--jobs", String(jobs), "--format", "json", "--report-peak-memory", population] + moduleArguments,
            stdout: directory + "/impact.json", stderr: directory + "/impact.err"))
        lines.append(row("impact, 2 evaluations each (--set minimumResidence)", impactTime, Double(count), ChildProcess.peakMiB(directory + "/impact.err")))
        let logTime = seconds(ChildProcess.run(
            ["decide", "--jsonl", "--quiet", "--jobs", String(jobs), "--log", log, population] + moduleArguments, stdout: "/dev/null"))
        lines.append(row("decide --jsonl --log (building the log)", logTime, Double(count), nil))
        let reportTime = seconds(ChildProcess.run(
            ["report", "--by", "designation,quarter", "--format", "json", "--report-peak-memory", log] + moduleArguments,
            stdout: directory + "/report.json", stderr: directory + "/report.err"))
        lines.append(row("report --by designation,quarter over the log", reportTime, Double(count), ChildProcess.peakMiB(directory + "/report.err")))
        let compared = (try? JSONReader.parse((try? FileBytes.read(path: directory + "/impact.json")) ?? []))?["applications"]
        lines.append("")
        lines.append("impact compared \(compared.map { JSONWriter.compact($0) } ?? "?") applications")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The population, written in blocks so that memory stays small whatever `count` is.
    func write(_ path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var generator = ApplicationGenerator(law: module.law, designations: module.designations, seed: seed, role: .desk)
        var block = ""
        for i in 0..<count {
            block += generator.next(index: i)
            block += "\n"
            if block.utf8.count > 1 << 20 || i == count - 1 {
                if Array(block.utf8).withUnsafeBytes({ FileBytes.write($0, to: descriptor) }) != nil { return false }
                block = ""
            }
        }
        return true
    }

    func row(_ label: String, _ seconds: Double, _ items: Double, _ peak: Int?) -> String {
        let rate = TextColumns.fixed(items / max(seconds, 1e-9), decimals: 0)
        return TextColumns.left(label, 52) + TextColumns.right(TextColumns.fixed(seconds, decimals: 1) + " s", 11)
            + TextColumns.right(rate + " /s", 14) + TextColumns.right(peak.map { "\($0) MiB" } ?? "", 12)
    }

    func seconds(_ duration: Duration) -> Double { ChildProcess.seconds(duration) }
}
