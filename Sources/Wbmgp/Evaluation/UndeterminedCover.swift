/// What a dwelling's lookup could not decide (interface §5; legal spec A6): the designations in
/// force on the law date whose areas might cover the dwelling, where only a fact of its address
/// that the application does not give would show whether they do, and those facts.
///
/// Whether they matter is found by deciding twice (``Engine``): as if they covered the dwelling
/// too, and as if none did. Where the two differ, the decision is incomplete (unless a refusal
/// under a covering designation stands): "not applicable" for a dwelling in a designated
/// neighbourhood whose name was left out would let chapter 3 pass silently. Where they agree,
/// the decision stands and its lookup says what it could not tell. A dwelling that gives its
/// neighbourhood, postcode, street and house number is always decided (the areas are matched on
/// nothing else), so the engine only looks for these when one of the four is absent
/// (``AreaMatcher/DwellingKey/absent``).
final class UndeterminedCover: Sendable {
    let designations: [Designation]
    let facts: AreaMatcher.DwellingFacts
    /// Whether the absent facts could change the decision: its lookup is then unknown.
    let matters: Bool
    /// The designations' ids and the facts' JSON paths as the rules' lists
    /// (``ContextFact/undeterminedDesignations``, ``ContextFact/undeterminedDwellingFacts``).
    let values: (designations: Value, facts: Value)

    /// A lookup that decided: what a run holds for almost every decision.
    static let none = UndeterminedCover([], facts: [], matters: false)

    init(_ designations: [Designation], facts: AreaMatcher.DwellingFacts, matters: Bool) {
        self.designations = designations
        self.facts = facts
        self.matters = matters
        values = (.list(designations.map { .text($0.id) }), .list(facts.paths.map { .text($0) }))
    }

    /// The same designations and facts, with whether they matter.
    convenience init(_ found: (designations: [Designation], facts: AreaMatcher.DwellingFacts), matters: Bool) {
        self.init(found.designations, facts: found.facts, matters: matters)
    }

    var isNone: Bool { designations.isEmpty }
}

extension MunicipalityDesignations {
    /// Those in force on `date` whose covering of the dwelling of `key` its absent facts leave
    /// open (``AreaMatcher/undecidedFacts(_:_:)``), with the facts they need; nil when the
    /// facts given decide every one (always so for a dwelling that gives all four).
    func undetermined(_ key: AreaMatcher.DwellingKey, on date: CalendarDate) -> (designations: [Designation], facts: AreaMatcher.DwellingFacts)? {
        guard !key.absent.isEmpty else { return nil }
        var found: [Designation] = []
        var facts: AreaMatcher.DwellingFacts = []
        for designation in designations where designation.isInForce(on: date) {
            let needed = AreaMatcher.undecidedFacts(designation, key)
            guard !needed.isEmpty else { continue }
            found.append(designation)
            facts.formUnion(needed)
        }
        return found.isEmpty ? nil : (found, facts)
    }
}
