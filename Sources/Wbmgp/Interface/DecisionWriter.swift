/// Writes decisions (interface §4) and batch error records: sorted keys, no clock,
/// byte-identical for the same input, rules and designations. The one writer of decisions: the
/// compact bytes are written directly, without a ``JSONValue`` tree (the batch hot path, keys in
/// sorted order by hand); the pretty form is laid out from them (``JSONWriter/prettyLine(compact:)``),
/// and where a tree is needed (decision records for the log, replay) it is these bytes read back.
///
/// - Complexity: O(size of the output).
public enum DecisionWriter {
    /// The engine block: version now; the rule and designation digests arrive with decision records.
    public struct EngineInfo: Sendable {
        public var version: String
        public var rules: String?
        public var designations: String?

        public init(version: String, rules: String? = nil, designations: String? = nil) {
            self.version = version
            self.rules = rules
            self.designations = designations
        }
    }

    /// The decision as a tree; with `input`, a self-contained decision record (interface §4,
    /// `--record`).
    public static func json(_ decision: Decision, engine: EngineInfo, input: JSONValue? = nil) -> JSONValue {
        var out = JSONBytes(capacity: 8 * 1024)
        compact(decision, engine: EngineBlock(engine), input: input, into: &out)
        return tree(out)
    }

    /// "From when" (interface §11) as a tree, for the desk page's answer.
    public static func counterfactuals(_ list: [Counterfactual]) -> JSONValue {
        var out = JSONBytes()
        self.list(list, &out, counterfactual)
        return tree(out)
    }

    /// The batch error record of interface §4, written in place of a decision.
    public static func errorRecord(line: Int, error: InputError, into out: inout JSONBytes) {
        out.raw("{\"error\":{\"code\":")
        out.appendString(error.code)
        out.raw(",\"message\":")
        out.appendString(error.message)
        out.raw(",\"path\":")
        out.appendString(error.path)
        out.byte(UInt8(ascii: "}"))
        if let id = error.applicationId {
            out.raw(",\"id\":")
            out.appendString(id)
        }
        out.raw(",\"line\":")
        out.integer(line)
        out.byte(UInt8(ascii: "}"))
    }

    /// Bytes this writer wrote, read back. They are JSON by construction; the reader's error
    /// could only be a defect of this file, and the tests read every kind of decision back.
    private static func tree(_ out: borrowing JSONBytes) -> JSONValue {
        (try? JSONReader.parse(out.bytes)) ?? .null
    }

    /// The `engine` member's value, encoded once per process rather than once per decision.
    public struct EngineBlock: Sendable {
        let bytes: [UInt8]

        public init(_ engine: EngineInfo) {
            var out = JSONBytes()
            out.byte(UInt8(ascii: "{"))
            var first = true
            if let designations = engine.designations {
                out.raw("\"designations\":")
                out.appendString(designations)
                first = false
            }
            if let rules = engine.rules {
                if !first { out.byte(UInt8(ascii: ",")) }
                out.raw("\"rules\":")
                out.appendString(rules)
                first = false
            }
            if !first { out.byte(UInt8(ascii: ",")) }
            out.raw("\"version\":")
            out.appendString(engine.version)
            out.byte(UInt8(ascii: "}"))
            bytes = out.bytes
        }
    }

    public static func compact(_ decision: Decision, engine: EngineInfo, input: JSONValue? = nil, into out: inout JSONBytes) {
        compact(decision, engine: EngineBlock(engine), input: input, into: &out)
    }

    public static func compact(_ decision: Decision, engine: EngineBlock, input: JSONValue? = nil, into out: inout JSONBytes) {
        out.raw("{\"application\":")
        out.appendString(decision.application)
        out.raw(",\"applicationDate\":")
        out.date(decision.applicationDate)
        out.raw(",\"conditions\":")
        strings(decision.conditions, &out)
        if let counterfactuals = decision.counterfactuals {
            out.raw(",\"counterfactuals\":")
            list(counterfactuals, &out, counterfactual)
        }
        out.raw(",\"decisionDate\":")
        if let date = decision.decisionDate { out.date(date) } else { out.raw("null") }
        out.raw(",\"defects\":")
        list(decision.defects, &out) { defect, out in
            out.raw("{\"citation\":")
            out.appendString(defect.citation)
            out.raw(",\"code\":")
            out.appendString(defect.code)
            if let person = defect.person {
                out.raw(",\"person\":")
                out.appendString(person)
            }
            out.raw(",\"text\":")
            text(defect.nl, defect.en, &out)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw(",\"designations\":")
        strings(decision.designations, &out)
        out.raw(",\"engine\":")
        out.fragment(engine.bytes)
        if let input {
            out.raw(",\"input\":")
            out.append(input)
        }
        out.raw(",\"lawDate\":")
        out.date(decision.lawDate)
        out.raw(",\"lawVersion\":")
        out.date(decision.lawVersion)
        out.raw(",\"missingFacts\":")
        strings(decision.missingFacts, &out)
        out.raw(",\"outcome\":")
        out.appendString(decision.outcome.rawValue)
        out.raw(",\"priority\":")
        if let priority = decision.priority { self.priority(priority, &out) } else { out.raw("null") }
        out.raw(",\"reasons\":")
        // Each reason read through a pointer into the array's buffer, its fields lent in place:
        // the generic `list`, the array subscript and an element of the buffer passed on each
        // copy a reason (a dozen reference counts) on the way.
        out.byte(UInt8(ascii: "["))
        decision.reasons.withUnsafeBufferPointer { reasons in
            guard let first = reasons.baseAddress else { return }
            // The facts and both texts of each lent at once (``ReasonContent/forEachParts(of:_:)``).
            ReasonContent.forEachParts(of: reasons) { i, factsJSON, nl, en in
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                reason(first + i, factsJSON: factsJSON, nl: nl, en: en, &out)
            }
        }
        out.byte(UInt8(ascii: "]"))
        out.raw(",\"role\":")
        out.appendString(decision.role.rawValue)
        out.raw(",\"screeningScope\":")
        list(decision.screeningScope, &out) { request, out in
            out.raw("{\"behaviours\":")
            strings(request.behaviours, &out)
            out.raw(",\"from\":")
            out.date(request.from)
            out.raw(",\"person\":")
            out.appendString(request.person)
            out.raw(",\"until\":")
            out.date(request.until)
            out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// One "from when" (interface §11); `event` names what explains `from`.
    static func counterfactual(_ c: Counterfactual, _ out: inout JSONBytes) {
        out.raw("{\"because\":")
        text(c.because.nl, c.because.en, &out)
        out.raw(",\"citation\":")
        out.appendString(c.citation)
        out.raw(",\"event\":")
        out.appendString(c.event.rawValue)
        out.raw(",\"from\":")
        if let from = c.from { out.date(from) } else { out.raw("null") }
        if let person = c.person {
            out.raw(",\"person\":")
            out.appendString(person)
        }
        out.raw(",\"rule\":")
        out.appendString(c.rule)
        out.raw(",\"wouldLift\":")
        list(c.wouldLift, &out) { wording, out in text(wording.nl, wording.en, &out) }
        out.byte(UInt8(ascii: "}"))
    }

    /// `[a,b,…]`, each element written by `element`.
    static func list<T>(_ items: [T], _ out: inout JSONBytes, _ element: (T, inout JSONBytes) -> Void) {
        out.byte(UInt8(ascii: "["))
        // Through the buffer: elements are lent to `element`, not copied out of the array.
        items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                element(buffer[i], &out)
            }
        }
        out.byte(UInt8(ascii: "]"))
    }

    static func strings(_ values: [String], _ out: inout JSONBytes) {
        out.byte(UInt8(ascii: "["))
        for i in values.indices {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.appendString(values[i])
        }
        out.byte(UInt8(ascii: "]"))
    }

    /// `{"en":…,"nl":…}`; texts known `clean` when rendered (``TextEscaping``) are copied, not
    /// scanned a second time.
    static func text(_ nl: String, _ en: String, _ out: inout JSONBytes) {
        TextBytes.withUTF8(of: nl) { nl in TextBytes.withUTF8(of: en) { en in text(nl: nl, en: en, clean: false, &out) } }
    }

    static func text(nl: UnsafeBufferPointer<UInt8>, en: UnsafeBufferPointer<UInt8>, clean: Bool, _ out: inout JSONBytes) {
        out.raw("{\"en\":")
        if clean { out.appendUnescapedString(utf8: en) } else { out.appendString(utf8: en) }
        out.raw(",\"nl\":")
        if clean { out.appendUnescapedString(utf8: nl) } else { out.appendString(utf8: nl) }
        out.byte(UInt8(ascii: "}"))
    }

    static func flag(_ value: Bool?, _ out: inout JSONBytes) {
        switch value {
        case .some(true): out.raw("true")
        case .some(false): out.raw("false")
        case .none: out.raw("null")
        }
    }

    static func priority(_ priority: Priority, _ out: inout JSONBytes) {
        out.raw("{\"aboveLocalTies\":")
        flag(priority.flags["aboveLocalTies"], &out)
        out.raw(",\"aboveUrgent\":")
        flag(priority.flags["aboveUrgent"], &out)
        out.raw(",\"characteristics\":")
        strings(priority.characteristics, &out)
        out.raw(",\"citation\":")
        out.appendString(priority.citation)
        out.raw(",\"flagsCitation\":")
        if let citation = priority.flagsCitation { out.appendString(citation) } else { out.raw("null") }
        out.byte(UInt8(ascii: "}"))
    }

    /// One reason, its facts (as the engine wrote them, or nil when set as members) and its
    /// texts lent by the caller (``ReasonContent/forEachParts(of:_:)``).
    // Inlined into its one caller, the reasons' loop: called, it cost a decision about 1.4 k
    // instructions more.
    @inline(__always)
    static func reason(
        _ reason: UnsafePointer<Reason>, factsJSON: UnsafeBufferPointer<UInt8>?, nl: UnsafeBufferPointer<UInt8>, en: UnsafeBufferPointer<UInt8>,
        _ out: inout JSONBytes
    ) {
        // The rule's words as JSON, written once for the rule (or for words set otherwise), read
        // where they lie in the reason: bound to a local, they were counted and released.
        out.buffer.append(reason.pointee.words.head)
        // As the engine wrote them (names in order, ``CompiledRule/facts``); facts set otherwise
        // are put in that order here.
        if let factsJSON {
            out.buffer.append(factsJSON)
        } else {
            out.append(.object(reason.pointee.facts.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }))
        }
        if let lift = reason.pointee.lifted {
            out.raw(",\"lifted\":{\"by\":")
            out.appendString(lift.by)
            out.raw(",\"citation\":")
            out.appendString(lift.citation)
            out.raw(",\"date\":")
            out.date(lift.date)
            out.raw(",\"decidedBy\":")
            out.appendString(lift.decidedBy)
            out.raw(",\"reason\":")
            out.appendString(lift.reason)
            out.byte(UInt8(ascii: "}"))
        }
        if let person = reason.pointee.person {
            out.raw(",\"person\":")
            out.appendString(person)
        }
        // A result's code is one of the enum's own words: plain ASCII, copied without a scan.
        out.raw(",\"result\":")
        TextBytes.withUTF8(of: reason.pointee.result.rawValue) { out.appendUnescapedString(utf8: $0) }
        out.buffer.append(reason.pointee.words.tail)
        text(nl: nl, en: en, clean: reason.pointee.escaping.needsNone, &out)
        out.byte(UInt8(ascii: "}"))
    }
}
