/// Reads a designation request (interface §7). Only what cannot be read is an error (exit 65):
/// bad JSON, wrong types, unknown fields, impossible dates, missing `id`, `kind`, `receivedDate`
/// or `requested`. Everything the statute demands is left to the requirements.
public struct RequestReader: Sendable {
    let law: CompiledLaw

    public init(law: CompiledLaw) { self.law = law }

    static let fields = DesignationShapes.request.names

    /// Reads a request document within ``InputLimits``.
    public func read(_ bytes: [UInt8]) throws(InputError) -> DesignationRequest {
        do {
            return try InputDocument.read(try InputDocument.parse(bytes)) { v throws(InputError) in try read(v) }
        } catch {
            throw InputLimits.cappingId(error)
        }
    }

    func read(_ value: JSONValue) throws(InputError) -> DesignationRequest {
        // The reasoned parts of a request are prose and may run longer than other strings.
        let prose = InputLimits.proseBytes
        let root = try ObjectReader(value, path: "$")
        try root.allowOnly(RequestReader.fields)
        let designations = DesignationReader(law: law)
        guard let requestedValue = root.value("requested") else { throw root.missing("requested", "the requested designation (interface §5)") }
        let requested = try designations.readDesignation(requestedValue, path: "", base: "$.requested", lenient: true)
        var previous: [Designation] = []
        for (i, entry) in (try root.array("previous") ?? []).enumerated() {
            previous.append(try designations.readDesignation(entry, path: "", base: "$.previous[\(i)]", lenient: true))
        }
        var substantiation: DesignationRequest.Substantiation?
        if let value = root.value("substantiation") {
            let object = try ObjectReader(value, path: "$.substantiation")
            try object.allowOnly(DesignationShapes.substantiation.names)
            substantiation = DesignationRequest.Substantiation(
                necessity: try object.string("necessity", atMost: prose), suitability: try object.string("suitability", atMost: prose),
                subsidiarity: try object.string("subsidiarity", atMost: prose),
                proportionality: try object.string("proportionality", atMost: prose))
        }
        var evaluation: DesignationRequest.LocalEvaluation?
        if let value = root.value("localEvaluation") {
            let object = try ObjectReader(value, path: "$.localEvaluation")
            try object.allowOnly(DesignationShapes.localEvaluation.names)
            evaluation = DesignationRequest.LocalEvaluation(date: try object.date("date"), summary: try object.string("summary", atMost: prose))
            if let report = object.value("report") { evaluation?.report = try Self.reportPeriod(report) }
        }
        guard let kind = try root.string("kind") else { throw root.missing("kind", "'initial' or 'extension'") }
        let request = DesignationRequest(
            id: try root.requiredString("id"), kind: kind, receivedDate: try root.requiredDate("receivedDate"),
            dispatchDate: try root.date("dispatchDate"), requested: requested, previous: previous, substantiation: substantiation,
            regionalAlternatives: try root.string("regionalAlternatives", atMost: prose),
            instrumentChoice: try root.string("instrumentChoice", atMost: prose),
            localEvaluation: evaluation, provincialAdvice: try root.string("provincialAdvice", atMost: prose),
            ministerDecisionDate: try root.date("ministerDecisionDate"), ministerDecisionDispatchDate: try root.date("ministerDecisionDispatchDate"))
        try Self.checkChronology(request)
        return request
    }

    /// Dates that cannot all be true (`E-CHRONOLOGY`, as an application's decision date before
    /// its application date): a request sent after it was received, decided or its decision made
    /// known before it was received, made known before it was made, or an earlier designation ending
    /// before it starts. Each would have the deadline or the chain reckoned from a day that did
    /// not happen, and the findings would read as if it had. (The requested term ending before
    /// it starts is REQ-TERM-MAX-4Y's finding: the term is what the request asks for.)
    static func checkChronology(_ request: DesignationRequest) throws(InputError) {
        func error(_ path: String, _ message: String) -> InputError { InputError(code: "E-CHRONOLOGY", path: path, message: message) }
        if let sent = request.dispatchDate, sent > request.receivedDate {
            throw error("$.dispatchDate", "the request was sent on \(sent), after it was received on \(request.receivedDate)")
        }
        if let decided = request.ministerDecisionDate, decided < request.receivedDate {
            throw error("$.ministerDecisionDate", "the Minister's decision date \(decided) lies before the request was received, \(request.receivedDate)")
        }
        if let madeKnown = request.ministerDecisionDispatchDate, let decided = request.ministerDecisionDate, madeKnown < decided {
            throw error("$.ministerDecisionDispatchDate", "the decision was made known on \(madeKnown), before it was made on \(decided)")
        }
        if let madeKnown = request.ministerDecisionDispatchDate, madeKnown < request.receivedDate {
            throw error("$.ministerDecisionDispatchDate", "the decision was made known on \(madeKnown), before the request was received, \(request.receivedDate)")
        }
        for (i, designation) in request.previous.enumerated() where designation.until < designation.from {
            throw error("$.previous[\(i)].term.until", "the term ends on \(designation.until), before it starts on \(designation.from)")
        }
    }

    /// The period a monitoring report counts (interface §11 `report` JSON): its `from`/`until`
    /// filters where given, else its `period`; only these members are read, so a report of any
    /// later version still fits.
    static func reportPeriod(_ value: JSONValue) throws(InputError) -> DesignationRequest.ReportPeriod {
        let report = try ObjectReader(value, path: "$.localEvaluation.report")
        var from = try report.date("from"), until = try report.date("until")
        if let value = report.value("period") {
            let period = try ObjectReader(value, path: "$.localEvaluation.report.period")
            if from == nil { from = try period.date("from") }
            if until == nil { until = try period.date("until") }
        }
        return DesignationRequest.ReportPeriod(from: from, until: until)
    }
}
