/// Runs the rule scenarios under `Rules/tests/` (interface §8) and measures rule coverage: for
/// each rule version, whether some scenario made it hold (`applied`) and some made it not hold
/// (`passed`).
public struct ScenarioRunner: Sendable {
    public let law: CompiledLaw
    /// The designations used by scenarios that bring none of their own.
    public let designations: [Designation]

    public init(law: CompiledLaw, designations: [Designation]) {
        self.law = law
        self.designations = designations
    }

    /// Runs one scenario file; a scenario that cannot be read is a failure that says why.
    public func run(path: String, bytes: [UInt8]) -> ScenarioResult {
        var result = ScenarioResult(file: path, name: path, failures: [], reasons: [])
        do {
            let scenario = try JSONReader.parse(bytes)
            if case .string(let name) = scenario["name"] ?? .null { result.name = name }
            let object = try ObjectReader(scenario, path: "$")
            try object.allowOnly(["name", "note", "role", "designations", "lawDate", "application", "expect"])
            // The role decides what may be read (interface §2): a scenario with police records
            // says it is the mayor's or a review.
            let roleCode = try object.code("role", in: Role.allCases.map(\.rawValue), "role") ?? Role.desk.rawValue
            let role = Role(rawValue: roleCode) ?? .desk
            var scenarioDesignations = designations
            if let list = try object.array("designations") {
                let reader = DesignationReader(law: law)
                let files = list.enumerated().map { ("\(path)#designations[\($0.offset)]", JSONWriter.compact($0.element)) }
                let (read, problems) = reader.read(files: files)
                if let problem = problems.first { throw InputError(code: problem.code.rawValue, path: problem.path, message: problem.message) }
                scenarioDesignations = read
            }
            guard let input = object.value("application") else { throw object.missing("application", "an application (interface §3)") }
            guard let expect = object.value("expect") else { throw object.missing("expect", "the expected outcome and results") }
            let application = try ApplicationReader(law: law, role: role).read(input)
            let decision = try Engine(law: law, designations: scenarioDesignations).decide(application, lawDate: try object.date("lawDate"))
            result.reasons = decision.reasons
            if let outcome = expect["outcome"], outcome != .string(decision.outcome.rawValue) {
                result.failures.append("outcome: \(decision.outcome.rawValue), expected \(DecisionDiff.show(outcome))")
            }
            if case .array(let wanted) = expect["results"] ?? .null {
                let got = decision.reasons.map { "\($0.rule)\($0.person.map { "@" + $0 } ?? ""):\($0.result.rawValue)" }
                let expected = wanted.map(DecisionDiff.show)
                if got != expected {
                    let first = zip(got, expected).first { $0 != $1 }
                    let detail = first.map { "\($0.0), expected \($0.1)" } ?? "\(got.count) reasons, expected \(expected.count)"
                    result.failures.append("results: \(detail)")
                }
            }
        } catch let error as InputError {
            result.failures.append("\(error.code) \(error.path): \(error.message)")
        } catch let error as JSONSyntaxError {
            result.failures.append("E-JSON line \(error.line), column \(error.column): \(error.message)")
        } catch {
            result.failures.append("\(error)")
        }
        return result
    }

    /// Coverage over scenario results, one row per rule version of the law, in rule order.
    public func coverage(_ results: [ScenarioResult]) -> [CoverageRow] {
        var rows: [CoverageRow] = []
        var seen = Set<String>()
        for snapshot in law.snapshots {
            for rule in snapshot.rules where seen.insert("\(rule.id)@\(rule.validFrom)").inserted {
                rows.append(CoverageRow(rule: rule.id, version: rule.validFrom, citation: rule.citation, held: [], notHeld: []))
            }
        }
        for result in results {
            for reason in result.reasons {
                guard let row = rows.firstIndex(where: { $0.rule == reason.rule && $0.version == reason.ruleVersion }) else { continue }
                if reason.result == .applied, !rows[row].held.contains(result.file) { rows[row].held.append(result.file) }
                if reason.result == .passed, !rows[row].notHeld.contains(result.file) { rows[row].notHeld.append(result.file) }
            }
        }
        return rows.sorted { (law.ruleIds.firstIndex(of: $0.rule) ?? 0, $0.version) < (law.ruleIds.firstIndex(of: $1.rule) ?? 0, $1.version) }
    }
}

public struct ScenarioResult: Sendable {
    public var file: String
    public var name: String
    /// What differed from the expectation (empty when the scenario passed).
    public var failures: [String]
    public var reasons: [Reason]

    public var passed: Bool { failures.isEmpty }
}

/// One rule version's coverage: the scenarios in which it held and did not hold.
public struct CoverageRow: Sendable {
    public var rule: String
    public var version: CalendarDate
    public var citation: String
    public var held: [String]
    public var notHeld: [String]

    public var isCovered: Bool { !held.isEmpty && !notHeld.isEmpty }
}
