import Foundation
import Wbmgp

/// `wbmgp test`: run the rule scenarios under RULES/tests and print rule coverage (interface §8).
enum TestCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["rules", "designations", "format"], flags: ["help", "require-coverage"])
        if args.flags.contains("help") {
            Output.write(Help.test)
            return .success
        }
        let format = try args.choice("format", ["text", "junit"], default: "text")
        guard let module = ModuleLoader.load(args) else { return .configuration }
        let directory = (args.values["rules"] ?? "Rules") + "/tests"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let runner = ScenarioRunner(law: module.law, designations: module.designations)
        let results = names.map { name in
            runner.run(path: name, bytes: Output.read(directory + "/" + name) ?? [])
        }
        let coverage = runner.coverage(results)
        Output.write(format == "junit" ? ScenarioReport.junit(results, coverage) : ScenarioReport.text(results, coverage))
        let failed = results.filter { !$0.passed }.count
        if failed > 0 || results.isEmpty { return .findings }
        if args.flags.contains("require-coverage"), coverage.contains(where: { !$0.isCovered }) { return .findings }
        return .success
    }
}

/// Text and JUnit renderings of a scenario run.
enum ScenarioReport {
    static func text(_ results: [ScenarioResult], _ coverage: [CoverageRow]) -> String {
        var lines: [String] = []
        for result in results {
            lines.append("\(result.passed ? "PASS" : "FAIL") \(result.file)\(result.passed ? "" : ": " + result.failures.joined(separator: "; "))")
        }
        lines.append("")
        lines.append("Rule coverage (held: applied in some scenario; not held: passed in some scenario)")
        let width = max(coverage.map(\.rule.count).max() ?? 0, 4)
        lines.append("rule".padding(toLength: width, withPad: " ", startingAt: 0) + "  version     held  not held")
        for row in coverage {
            let mark = row.isCovered ? "" : "  <- " + (row.held.isEmpty && row.notHeld.isEmpty ? "never reached" : row.held.isEmpty ? "never held" : "never not held")
            lines.append(
                row.rule.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(row.version)  "
                    + String(row.held.count).padding(toLength: 4, withPad: " ", startingAt: 0) + "  " + String(row.notHeld.count) + mark)
        }
        let uncovered = coverage.filter { !$0.isCovered }.map { "\($0.rule) (from \($0.version))" }
        lines.append(uncovered.isEmpty ? "Every rule version is covered both ways." : "Not covered both ways: " + uncovered.joined(separator: ", "))
        let failed = results.filter { !$0.passed }.count
        lines.append("")
        lines.append("\(results.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    static func junit(_ results: [ScenarioResult], _ coverage: [CoverageRow]) -> String {
        let failed = results.filter { !$0.passed }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"wbmgp test\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"rule scenarios\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        for result in results {
            let name = RequestReportWriter.escape(result.file)
            if result.passed {
                xml += "    <testcase classname=\"wbmgp.rules\" name=\"\(name)\"/>\n"
            } else {
                let message = RequestReportWriter.escape(result.failures.joined(separator: "; "))
                xml += "    <testcase classname=\"wbmgp.rules\" name=\"\(name)\">\n      <failure message=\"\(message)\">\(message)</failure>\n    </testcase>\n"
            }
        }
        let summary = coverage.map { "\($0.rule) from \($0.version): held \($0.held.count), not held \($0.notHeld.count)" }.joined(separator: "\n")
        xml += "    <system-out>\(RequestReportWriter.escape(summary))</system-out>\n"
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
