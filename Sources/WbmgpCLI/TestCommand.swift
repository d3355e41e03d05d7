import Wbmgp

/// `wbmgp test`: run the rule scenarios under RULES/tests and print rule coverage (interface §8).
enum TestCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["rules", "designations", "format"], flags: ["help", "require-coverage"])
        let format = try args.choice("format", ["text", "junit"], default: "text")
        guard let rules = RulesLocation.find(args), let module = ModuleLoader.load(args) else { return .configuration }
        let directory = rules + "/tests"
        let all = FileSystem.names(in: directory) ?? []
        let names = all.filter { $0.hasSuffix(".json") }.sorted()
        // What is not run is said: a scenario in a folder, or named `.JSON`, passed unseen.
        for name in all where !name.hasSuffix(".json") && !name.hasPrefix(".") && name != "README.md" {
            let kind = FileSystem.kind(at: directory + "/" + name) == .directory ? "a folder; scenarios are the *.json files of the tests folder itself" : "not named *.json"
            Output.error("wbmgp: warning: not run: \(directory)/\(name) (\(kind))")
        }
        let runner = ScenarioRunner(law: module.law, designations: module.designations)
        let results = names.map { name in
            // An unreadable scenario fails as an empty document does, naming the file.
            runner.run(path: name, bytes: (try? FileBytes.read(path: directory + "/" + name)) ?? [])
        }
        let run = ScenarioReport(results: results, coverage: runner.coverage(results), requiresCoverage: args.flags.contains("require-coverage"))
        Output.write(format == "junit" ? run.junit() : run.text())
        if results.isEmpty { Output.error("wbmgp: error: no scenarios (*.json) found in \(directory)") }
        return run.failureCount > 0 ? .findings : .success
    }
}

/// Text and JUnit renderings of a scenario run, and the failures its exit status counts.
struct ScenarioReport {
    let results: [ScenarioResult]
    let coverage: [CoverageRow]
    /// `--require-coverage`: a rule version not covered both ways is a failure.
    let requiresCoverage: Bool

    var failedScenarios: Int { results.filter { !$0.passed }.count }
    var uncovered: [CoverageRow] { requiresCoverage ? coverage.filter { !$0.isCovered } : [] }
    /// Every failure the exit status reflects: failed scenarios, uncovered rule versions under
    /// `--require-coverage`, and an empty scenario folder. The JUnit XML has one failing case each.
    var failureCount: Int { failedScenarios + uncovered.count + (results.isEmpty ? 1 : 0) }

    func text() -> String {
        var lines: [String] = []
        for result in results {
            lines.append("\(result.passed ? "PASS" : "FAIL") \(result.file)\(result.passed ? "" : ": " + result.failures.joined(separator: "; "))")
        }
        lines.append("")
        lines.append("Rule coverage (held: applied in some scenario; not held: passed in some scenario)")
        let width = max(coverage.map(\.rule.count).max() ?? 0, 4)
        lines.append(TextColumns.left("rule", width) + "  version     held  not held")
        for row in coverage {
            let mark = row.isCovered ? "" : "  <- " + (row.held.isEmpty && row.notHeld.isEmpty ? "never reached" : row.held.isEmpty ? "never held" : "never not held")
            lines.append(
                TextColumns.left(row.rule, width) + "  \(row.version)  " + TextColumns.left(String(row.held.count), 4) + "  "
                    + String(row.notHeld.count) + mark)
        }
        let uncovered = coverage.filter { !$0.isCovered }.map { "\($0.rule) (from \($0.version))" }
        lines.append(uncovered.isEmpty ? "Every rule version is covered both ways." : "Not covered both ways: " + uncovered.joined(separator: ", "))
        let failed = results.filter { !$0.passed }.count
        lines.append("")
        lines.append("\(results.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    func junit() -> String {
        let failed = failedScenarios + (results.isEmpty ? 1 : 0)
        let tests = max(results.count, 1) + uncovered.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"wbmgp test\" tests=\"\(tests)\" failures=\"\(failureCount)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"rule scenarios\" tests=\"\(max(results.count, 1))\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        if results.isEmpty {
            xml += "    <testcase classname=\"wbmgp.rules\" name=\"scenarios\">\n      <failure message=\"no scenarios found\">no scenarios found</failure>\n    </testcase>\n"
        }
        for result in results {
            let name = MarkupText.escaped(result.file)
            if result.passed {
                xml += "    <testcase classname=\"wbmgp.rules\" name=\"\(name)\"/>\n"
            } else {
                let message = MarkupText.escaped(result.failures.joined(separator: "; "))
                xml += "    <testcase classname=\"wbmgp.rules\" name=\"\(name)\">\n      <failure message=\"\(message)\">\(message)</failure>\n    </testcase>\n"
            }
        }
        let summary = coverage.map { "\($0.rule) from \($0.version): held \($0.held.count), not held \($0.notHeld.count)" }.joined(separator: "\n")
        xml += "    <system-out>\(MarkupText.escaped(summary))</system-out>\n"
        xml += "  </testsuite>\n"
        if !uncovered.isEmpty {
            // Only under --require-coverage, where an uncovered rule version fails the run.
            xml += "  <testsuite name=\"rule coverage\" tests=\"\(uncovered.count)\" failures=\"\(uncovered.count)\" errors=\"0\" skipped=\"0\">\n"
            for row in uncovered {
                let name = MarkupText.escaped("\(row.rule) from \(row.version)")
                let message = MarkupText.escaped(
                    "not covered both ways: held in \(row.held.count) scenario(s), not held in \(row.notHeld.count)")
                xml += "    <testcase classname=\"wbmgp.coverage\" name=\"\(name)\">\n      <failure message=\"\(message)\">\(message)</failure>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}
