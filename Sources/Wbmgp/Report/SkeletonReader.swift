/// Reads a decision (a log entry's skeleton) from its bytes straight into a ``MonitoringEntry``,
/// without a ``JSONValue`` tree: building and freeing the trees was most of a report's time.
///
/// It handles what `decide --log` writes: strings in ASCII without escapes, objects of at most
/// ``maximumMembers`` members, nesting at most ``maximumDepth`` levels, whole numbers. At anything
/// else, and at anything malformed, it gives nil; the caller then reads the bytes with
/// ``JSONReader`` and ``MonitoringEntry/read(_:)``, which give the exact entry or error. So it
/// decides nothing of its own: where it answers, the answer is the tree path's (ReportTests and
/// the fuzz target `report` compare the two).
enum SkeletonReader {
    static let maximumMembers = 24
    static let maximumDepth = 16

    static func read(_ bytes: ArraySlice<UInt8>) -> MonitoringEntry? {
        var texts = TextInterner()
        return bytes.withUnsafeBufferPointer { read($0, texts: &texts) }
    }

    /// - Parameter texts: where the designation ids and the rules digest are made, once per
    ///   text for all the lines a thread reads.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, texts: inout TextInterner) -> MonitoringEntry? {
        var cursor = JSONCursor(bytes)
        guard let entry = readDecision(&cursor, texts: &texts) else { return nil }
        cursor.whitespace()
        return cursor.atEnd ? entry : nil
    }

    /// One reason's members that count: a refusal ground, or the hardship article that lifted it.
    /// Kept as the line's bytes; only a ground's are made into strings.
    private struct ReasonFields {
        var effect: UnsafeBufferPointer<UInt8>?
        var result: UnsafeBufferPointer<UInt8>?
        var rule: UnsafeBufferPointer<UInt8>?
        var citation: UnsafeBufferPointer<UInt8>?
        /// `lifted` is an object; `by` its article when it names one.
        var lifted = false
        var by: UnsafeBufferPointer<UInt8>?

        var isRefusalApplied: Bool {
            guard let effect, let result else { return false }
            return ByteMatch.equal(effect, "refuse") && ByteMatch.equal(result, "applied")
        }
    }

    private static func readDecision(_ c: inout JSONCursor, texts: inout TextInterner) -> MonitoringEntry? {
        var applicationDate: CalendarDate?
        var decisionDate: CalendarDate?
        var outcome: Decision.Outcome?
        var designations: [String] = []
        var reasons: [ReasonFields] = []
        var defects: [String] = []
        var missingFacts: [String] = []
        var rules: String?
        let ok = c.checkedObject(depth: 0) { c, key in
            switch key {
            // A skeleton with `seq` would be read as a log entry by the tree path.
            case "seq": return false
            case "applicationDate":
                applicationDate = c.date()
                return applicationDate != nil
            case "decisionDate":
                if c.null() { return true }
                decisionDate = c.date()
                return decisionDate != nil
            case "outcome":
                guard let text = c.asciiString(), let value = Decision.Outcome(rawValue: text) else { return false }
                outcome = value
                return true
            case "designations":
                return c.array { c in
                    guard let bytes = c.rawString(asciiOnly: true) else { return false }
                    designations.append(texts.text(bytes))
                    return true
                }
            case "missingFacts":
                return c.array { c in
                    guard let text = c.asciiString() else { return false }
                    missingFacts.append(text)
                    return true
                }
            case "reasons":
                return c.array { c in
                    var fields = ReasonFields()
                    guard readReason(&c, into: &fields) else { return false }
                    reasons.append(fields)
                    return true
                }
            case "defects":
                return c.array { c in
                    c.checkedObject(depth: 2) { c, key in
                        guard case "code" = key else { return c.skipValue(depth: 3) }
                        guard let code = c.asciiString() else { return false }
                        defects.append(code)
                        return true
                    }
                }
            case "engine":
                if c.null() { return true }
                return c.checkedObject(depth: 1) { c, key in
                    guard case "rules" = key, let bytes = c.rawString(asciiOnly: true) else { return c.skipValue(depth: 2) }
                    rules = texts.text(bytes)
                    return true
                }
            default: return c.skipValue(depth: 1)
            }
        }
        guard ok, let applicationDate, let outcome else { return nil }
        // Counted as MonitoringEntry.read(_:) counts them: once each, in order of appearance.
        var entry = MonitoringEntry(
            applicationDate: applicationDate, decisionDate: decisionDate, outcome: outcome, designations: designations,
            grounds: [], hardship: [], defects: [], missingFacts: [], rules: rules)
        for reason in reasons where reason.isRefusalApplied {
            guard let rule = reason.rule, let citation = reason.citation else { continue }
            if reason.lifted {
                if let by = reason.by.map(String.init(ascii:)), !entry.hardship.contains(by) { entry.hardship.append(by) }
            } else {
                let ground = ImpactTally.Ground(rule: String(ascii: rule), citation: String(ascii: citation))
                if !entry.grounds.contains(ground) { entry.grounds.append(ground) }
            }
        }
        for code in defects where !entry.defects.contains(code) { entry.defects.append(code) }
        for path in missingFacts {
            let code = MissingFactWords.code(path)?.code ?? "other"
            if !entry.missingFacts.contains(code) { entry.missingFacts.append(code) }
        }
        return entry
    }

    private static func readReason(_ c: inout JSONCursor, into fields: inout ReasonFields) -> Bool {
        c.checkedObject(depth: 2) { c, key in
            switch key {
            case "effect": return c.rawString(into: &fields.effect)
            case "result": return c.rawString(into: &fields.result)
            case "rule": return c.rawString(into: &fields.rule)
            case "citation": return c.rawString(into: &fields.citation)
            case "lifted":
                if c.null() { return true }
                fields.lifted = true
                return c.checkedObject(depth: 3) { c, key in
                    guard case "by" = key else { return c.skipValue(depth: 4) }
                    return c.rawString(into: &fields.by)
                }
            default: return c.skipValue(depth: 3)
            }
        }
    }
}

extension String {
    /// The text of bytes a reader has checked are ASCII.
    init(ascii bytes: UnsafeBufferPointer<UInt8>) { self.init(decoding: bytes, as: UTF8.self) }
}

extension JSONCursor {
    /// A string of ASCII bytes without escapes or control characters (what JSONReader reads
    /// without a UTF-8 check); nil at anything else.
    mutating func asciiString() -> String? {
        rawString(asciiOnly: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of an ``asciiString()`` into `target`; false when it is not one.
    mutating func rawString(into target: inout UnsafeBufferPointer<UInt8>?) -> Bool {
        target = rawString(asciiOnly: true)
        return target != nil
    }

    /// `{ "key": value, … }` with ASCII keys, refusing a repeated key (as JSONReader does) and an
    /// object of more members than ``SkeletonReader/maximumMembers`` or nested deeper than
    /// ``SkeletonReader/maximumDepth``. The keys seen are kept on the stack, not the heap.
    mutating func checkedObject(depth: Int, _ member: (inout JSONCursor, JSONKey) -> Bool) -> Bool {
        guard depth <= SkeletonReader.maximumDepth, take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        return withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: SkeletonReader.maximumMembers) { seen in
            var count = 0
            while true {
                guard count < seen.count, let key = rawString(asciiOnly: true) else { return false }
                for earlier in 0..<count where ByteMatch.equal(seen[earlier], key) { return false }
                seen[count] = key
                count += 1
                guard take(UInt8(ascii: ":")), member(&self, JSONKey(bytes: key)) else { return false }
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "}"))
            }
        }
    }

    /// Past one value of any kind, checked as JSONReader checks it; false at anything malformed
    /// and at what ``SkeletonReader`` leaves to JSONReader (see there).
    mutating func skipValue(depth: Int) -> Bool {
        whitespace()
        guard depth <= SkeletonReader.maximumDepth, index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""): return rawString(asciiOnly: true) != nil
        case UInt8(ascii: "{"): return checkedObject(depth: depth) { c, _ in c.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): return array { $0.skipValue(depth: depth + 1) }
        case UInt8(ascii: "n"): return null()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        // Whole numbers only (with at most 15 digits, so no question of range): a skeleton has
        // no other; JSONReader reads any other kind.
        default:
            let start = index
            guard let _ = integer(), index - start <= 15 else { return false }
            return true
        }
    }
}
