/// What explains a counterfactual's `from` (interface §11 `because`): the event on that date that
/// makes a ground stop holding, or why no date does. The engine finds the event; the words for
/// each kind are in `Rules/` (`labels counterfactual`), with the placeholders listed here.
public enum CounterfactualEvent: String, CaseIterable, Sendable {
    /// The designation carrying the rule's measure ends: `{date}` its last day, `{designation}`.
    case designationEnd = "designation-end"
    /// Another designation carries the rule's measure from `{date}`: `{designation}`.
    case designationChange = "designation-change"
    /// Another version of the rules applies from `{date}`; `{citation}` is the ground's rule.
    case lawChange = "law-change"
    /// `{person}`'s uninterrupted residence in `{region}` reaches `{years}` on `{date}`.
    case residence
    /// `{person}` reaches the age of `{years}` on `{date}`.
    case birthday
    /// The ground rests on a human decision or a document (`from` is null).
    case humanDecision = "human-decision"
    /// No date lifts the ground (`from` is null).
    case timeless

    /// The placeholders the text of this kind may use.
    public var placeholders: Set<String> {
        switch self {
        case .designationEnd, .designationChange: return ["date", "designation", "citation"]
        case .lawChange: return ["date", "citation"]
        case .residence: return ["date", "person", "years", "region", "citation"]
        case .birthday: return ["date", "person", "years", "citation"]
        case .humanDecision, .timeless: return ["person", "citation"]
        }
    }
}

/// The `{name}` placeholders of an event text (``CounterfactualEvent``): found when the rules are
/// compiled, filled when a counterfactual is worded. Only these few names exist, so the text is
/// scanned as it is, not compiled to expressions as a reason text is.
enum EventWording {
    /// The placeholder names in `text`, or nil when a brace is unclosed or a name empty.
    static func placeholders(in text: String) -> [String]? {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = String(rest[rest.index(after: open)..<close])
            guard !name.isEmpty else { return nil }
            names.append(name)
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `text` with each `{name}` replaced by `values[name]` (empty when not given). A value that
    /// opens a sentence starts with a capital, as in reason texts.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            var value = values[String(rest[rest.index(after: open)..<close])] ?? ""
            if out.isEmpty || out.hasSuffix(". ") { value = PlainWords.capitalised(value) }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
