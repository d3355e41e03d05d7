/// Checks a designation request against the requirements in the rules (legal spec A7), under the
/// law in force on the requested term's start (the decision period: on the date of receipt).
public struct RequestChecker: Sendable {
    public let law: CompiledLaw

    public init(law: CompiledLaw) { self.law = law }

    /// Checks one request.
    ///
    /// - Throws: ``InputError`` `E-LAW-DATE` when no law is in force on the term's start or the
    ///   date of receipt. A failed requirement is a finding in the report, never thrown.
    public func check(_ request: DesignationRequest, designationsOnly: Bool = false) throws(InputError) -> RequestReport {
        let termStart = request.requested.from
        guard let termLaw = law.snapshot(on: termStart), let version = law.lawVersion(on: termStart) else {
            throw InputError(code: "E-LAW-DATE", path: "$.requested.term.from", message: "no version of the law is in force on \(termStart)", applicationId: request.id)
        }
        guard let receiptLaw = law.snapshot(on: request.receivedDate) else {
            throw InputError(code: "E-LAW-DATE", path: "$.receivedDate", message: "no version of the law is in force on \(request.receivedDate)", applicationId: request.id)
        }
        var report = RequestReport(request: request.id, lawVersion: version, findings: [], checked: [])
        for code in law.requirementCodes {
            // Each requirement is judged under the law of its own law date: the term's start, or
            // (for the decision period) the date of receipt.
            let byTerm = termLaw.requirements.first { $0.code == code && $0.lawDate == .termStart }
            let byReceipt = receiptLaw.requirements.first { $0.code == code && $0.lawDate == .receivedDate }
            guard let chosen = byTerm ?? byReceipt, !designationsOnly || chosen.checksDesignations else { continue }
            evaluate(chosen, request, lawDate: chosen.lawDate == .termStart ? termStart : request.receivedDate, into: &report)
        }
        return report
    }

    func evaluate(_ requirement: CompiledRequirement, _ request: DesignationRequest, lawDate: CalendarDate, into report: inout RequestReport) {
        let chain = request.previous + [request.requested]
        let inForce = law.measures.keys.sorted().filter { law.measure($0, on: lawDate) != nil }
        let evaluator = ExpressionEvaluator(application: nil, lawDate: lawDate, designationIds: [], monthEnd: law.monthEnd)
        evaluator.request = RequestSubject(request: request, chain: chain, measuresInForce: inForce)
        evaluator.load(requirement.program)
        evaluator.resetSlots(requirement.slotCount)
        for gate in requirement.gates where evaluator.truth(gate) != true { return }
        report.checked.append(requirement.code)
        // An unknown outcome means the request does not show that it complies: a finding.
        guard evaluator.truth(requirement.failsWhen) != false else { return }
        var facts: [JSONMember] = []
        for fact in requirement.facts {
            if let condition = fact.shownWhen, evaluator.truth(condition) != true { continue }
            facts.append(JSONMember(fact.name, ValueRendering.json(evaluator.value(of: fact.value), in: nil, designations: chain)))
        }
        let template = requirement.messages.first { $0.guardExpression.map { evaluator.truth($0) == true } ?? true }?.text
        var message = ""
        for segment in template?.segments ?? [] {
            switch segment {
            case .literal(let bytes): message += String(decoding: bytes, as: UTF8.self)
            case .value(let expression): message += ValueRendering.text(evaluator.value(of: expression), in: nil, designations: chain, language: .en)
            }
        }
        report.findings.append(
            RequestFinding(code: requirement.code, severity: requirement.severity, citation: requirement.citation, path: requirement.path, message: message, facts: facts))
    }
}

/// The result of checking a request: findings in requirement order, and what was checked.
public struct RequestReport: Hashable, Sendable {
    public var request: String
    public var lawVersion: CalendarDate
    public var findings: [RequestFinding]
    /// The codes of the requirements that applied to this request, in order.
    public var checked: [String]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var isValid: Bool { errors == 0 }
}

public struct RequestFinding: Hashable, Sendable {
    public var code: String
    public var severity: CompiledRequirement.Severity
    public var citation: String
    public var path: String
    public var message: String
    public var facts: [JSONMember]
}
