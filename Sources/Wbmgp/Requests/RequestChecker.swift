/// Checks a designation request against the requirements in the rules (legal spec A7), each under
/// the law of the date interface §7 assigns it: the requested term's start, the date of receipt,
/// or the day the Minister decides (for a request not yet decided, the deadline).
public struct RequestChecker: Sendable {
    public let law: CompiledLaw

    public init(law: CompiledLaw) { self.law = law }

    /// Checks one request.
    ///
    /// - Parameter checkedOn: `--on DATE`: the day the check is about, for whether an undecided
    ///   request is deemed granted (the engine has no clock).
    /// - Throws: ``InputError`` `E-LAW-DATE` when no law is in force on a date that selects the
    ///   law. A failed requirement is a finding in the report, never thrown.
    public func check(_ request: DesignationRequest, designationsOnly: Bool = false, on checkedOn: CalendarDate? = nil) throws(InputError) -> RequestReport {
        let termStart = request.requested.from
        guard law.snapshot(on: termStart) != nil, let version = law.lawVersion(on: termStart) else {
            throw lawDateError(termStart, at: "$.requested.term.from", request)
        }
        guard law.snapshot(on: request.receivedDate) != nil else { throw lawDateError(request.receivedDate, at: "$.receivedDate", request) }
        let subject = RequestSubject(request: request, chain: request.previous + [request.requested], measuresInForce: [], checkedOn: checkedOn)
        // The Minister's power must exist on the day he decides; undecided, on the last day he may.
        let decisionDay = request.ministerDecisionDate ?? deadline(of: subject) ?? request.receivedDate
        guard law.snapshot(on: decisionDay) != nil else {
            throw lawDateError(decisionDay, at: request.ministerDecisionDate == nil ? "$.receivedDate" : "$.ministerDecisionDate", request)
        }
        let dates: [CompiledRequirement.LawDate: CalendarDate] = [
            .termStart: termStart, .receivedDate: request.receivedDate, .ministerDecisionDate: decisionDay,
        ]
        var report = RequestReport(request: request.id, lawVersion: version, findings: [], checked: [])
        for code in law.requirementCodes {
            // Each law date picks its own version of the requirement; one dated by several
            // dates must hold under the law of each.
            var judged: [(CompiledRequirement, CalendarDate)] = []
            for kind in CompiledRequirement.LawDate.allCases {
                guard let date = dates[kind],
                    let chosen = law.snapshot(on: date)?.requirements.first(where: { $0.code == code && $0.lawDates.contains(kind) }),
                    !designationsOnly || chosen.checksDesignations
                else { continue }
                judged.append((chosen, date))
            }
            var checked = false
            for (requirement, date) in judged {
                let outcome = evaluate(requirement, subject, lawDate: date)
                guard let outcome else { continue }
                checked = true
                if let finding = outcome {
                    report.findings.append(finding)
                    break
                }
            }
            if checked { report.checked.append(code) }
        }
        return report
    }

    func lawDateError(_ date: CalendarDate, at path: String, _ request: DesignationRequest) -> InputError {
        InputError(code: "E-LAW-DATE", path: path, message: "no version of the law is in force on \(date)", applicationId: request.id)
    }

    /// The Minister's deadline: the fact `deadline` of the requirement judged under the law on
    /// receipt that states it (REQ-DEADLINE in the shipped rules); nil when no rule states one.
    func deadline(of subject: RequestSubject) -> CalendarDate? {
        let date = subject.request.receivedDate
        guard let snapshot = law.snapshot(on: date) else { return nil }
        for requirement in snapshot.requirements where requirement.lawDates.contains(.receivedDate) {
            guard let fact = requirement.facts.first(where: { $0.name == "deadline" }) else { continue }
            let evaluator = self.evaluator(for: requirement, subject, lawDate: date)
            if case .date(let deadline) = evaluator.value(of: fact.value) { return deadline }
        }
        return nil
    }

    func evaluator(for requirement: CompiledRequirement, _ subject: RequestSubject, lawDate: CalendarDate) -> ExpressionEvaluator {
        var subject = subject
        subject.measuresInForce = law.measures.keys.sorted().filter { law.measure($0, on: lawDate) != nil }
        let evaluator = ExpressionEvaluator(lawDate: lawDate, designationIds: [], monthEnd: law.monthEnd)
        evaluator.holidays = law.holidays
        evaluator.request = subject
        evaluator.load(requirement.program)
        evaluator.reserveSlots(requirement.slotCount)
        evaluator.resetSlots()
        return evaluator
    }

    /// nil: not checked (a gate does not hold); `.some(nil)`: checked and met; else the finding.
    func evaluate(_ requirement: CompiledRequirement, _ subject: RequestSubject, lawDate: CalendarDate) -> RequestFinding?? {
        let evaluator = evaluator(for: requirement, subject, lawDate: lawDate)
        for gate in requirement.gates where evaluator.truth(gate) != true { return nil }
        // An unknown outcome means the request does not show that it complies: a finding.
        guard evaluator.truth(requirement.failsWhen) != false else { return .some(nil) }
        let chain = subject.chain
        var facts: [JSONMember] = []
        for fact in requirement.facts {
            if let condition = fact.shownWhen, evaluator.truth(condition) != true { continue }
            facts.append(JSONMember(fact.name, ValueRendering.json(evaluator.value(of: fact.value), in: nil, designations: chain)))
        }
        let template = requirement.messages.first { $0.guardExpression.map { evaluator.truth($0) == true } ?? true }?.text
        var message = ""
        template?.forEachStep(
            literal: { message += String(decoding: $0, as: UTF8.self) },
            value: { message += ValueRendering.technicalText(evaluator.value(of: $0), designations: chain) })
        var words = RequestFinding.Words(nl: "", en: "")
        if let text = requirement.texts.first(where: { $0.guardExpression.map { evaluator.truth($0) == true } ?? true }) {
            var context = TextContext(language: .nl, labels: law.labels, household: nil, designations: chain, designation: nil, peopleByName: false)
            context.areaPartWords = AreaPartWords(chain)
            words.nl = render(text.nl, evaluator, context)
            context.language = .en
            words.en = render(text.en, evaluator, context)
        }
        return RequestFinding(
            code: requirement.code, severity: requirement.severity, citation: requirement.citation, path: requirement.path, message: message, facts: facts,
            text: words)
    }

    /// A finding's text for people: values in words, a value that opens a sentence capitalised.
    func render(_ template: Template, _ evaluator: ExpressionEvaluator, _ context: TextContext) -> String {
        var context = context
        return PlainWords.written { template.appendText(evaluator, &context, to: &$0) }
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
    /// The finding for people (interface §7 `text`).
    public var text: Words

    public struct Words: Hashable, Sendable {
        public var nl: String
        public var en: String

        public func text(_ language: Language) -> String { language == .en ? en : nl }
    }
}
