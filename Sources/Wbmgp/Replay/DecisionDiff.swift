/// Compares a recorded decision with the same application decided now, as a lawyer reads it:
/// the outcome, then each rule's result per person (with the facts it used), conditions,
/// priority, defects, the missing facts and the screening scope.
enum DecisionDiff {
    static func compare(record: JSONValue, current: JSONValue, id: String) -> ReplayResult {
        var differences: [DecisionDifference] = []
        func simple(_ field: String) {
            let before = record[field] ?? .null
            let after = current[field] ?? .null
            if before != after {
                differences.append(
                    DecisionDifference(field: field, from: show(before), to: show(after), text: "\(field): \(show(before)) → \(show(after))"))
            }
        }
        simple("outcome")
        simple("designations")
        differences += reasonDifferences(record, current)
        simple("conditions")
        simple("priority")
        let defectCodes: (JSONValue) -> JSONValue = { decision in
            guard case .array(let defects) = decision["defects"] ?? .null else { return .array([]) }
            return .array(defects.map { $0["code"] ?? .null })
        }
        if defectCodes(record) != defectCodes(current) {
            let before = show(defectCodes(record)), after = show(defectCodes(current))
            differences.append(DecisionDifference(field: "defects", from: before, to: after, text: "defects: \(before) → \(after)"))
        }
        // What an incomplete decision asks for, and the police data it asks the mayor for, are
        // part of it: another list is another decision for the applicant.
        simple("missingFacts")
        simple("screeningScope")
        return ReplayResult(
            record: id, differences: differences, recordedRules: text(record["engine"]?["rules"]), currentRules: text(current["engine"]?["rules"]),
            recordedDesignations: text(record["engine"]?["designations"]), currentDesignations: text(current["engine"]?["designations"]))
    }

    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text) = value ?? .null { return text }
        return nil
    }

    /// Compact JSON, or the bare text of a string.
    static func show(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONWriter.compact(value)
    }

    static func key(_ reason: JSONValue) -> String {
        "\(text(reason["rule"]) ?? "?")@\(text(reason["person"]) ?? "")"
    }

    static func reasons(_ decision: JSONValue) -> [JSONValue] {
        if case .array(let list) = decision["reasons"] ?? .null { return list }
        return []
    }

    static func label(_ reason: JSONValue) -> String {
        let who = text(reason["person"]).map { ", \($0)" } ?? ""
        return "\(text(reason["citation"]) ?? "?") (\(text(reason["rule"]) ?? "?")\(who))"
    }

    static func state(_ reason: JSONValue) -> String {
        let lifted = reason["lifted"].map { " (lifted by \(text($0["by"]) ?? "?"))" } ?? ""
        return "\(text(reason["effect"]) ?? "?") \(text(reason["result"]) ?? "?")\(lifted)"
    }

    static func reasonDifferences(_ record: JSONValue, _ current: JSONValue) -> [DecisionDifference] {
        let before = reasons(record), after = reasons(current)
        let afterByKey = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let beforeKeys = Set(before.map(key))
        // Why a rule is no longer reached: the lookup's own words when nothing is covered any more.
        let lookup = after.first { text($0["rule"]) == "designation.lookup" }
        let notReached = "not reached" + (current["outcome"] == .string("not-applicable") ? ": " + (text(lookup?["text"]?["en"]) ?? "") : "")
        var differences: [DecisionDifference] = []
        func add(_ reason: JSONValue, _ from: String, _ to: String) {
            differences.append(
                DecisionDifference(field: "reason", rule: text(reason["rule"]), citation: text(reason["citation"]), person: text(reason["person"]),
                                   from: from, to: to, text: "\(label(reason)): \(from) → \(to)"))
        }
        for old in before {
            guard let new = afterByKey[key(old)] else {
                add(old, state(old), notReached)
                continue
            }
            if state(old) != state(new) { add(old, state(old), state(new)) }
            let oldFacts = factMembers(old), newFacts = factMembers(new)
            for name in (oldFacts.map(\.key) + newFacts.map(\.key)).uniqued() {
                let a = oldFacts.first { $0.key == name }?.value ?? .null
                let b = newFacts.first { $0.key == name }?.value ?? .null
                if a != b { add(old, "\(name) \(show(a))", "\(name) \(show(b))") }
            }
        }
        for new in after where !beforeKeys.contains(key(new)) { add(new, "not reached", state(new)) }
        return differences
    }

    static func factMembers(_ reason: JSONValue) -> [JSONMember] {
        if case .object(let members) = reason["facts"] ?? .null { return members }
        return []
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
