/// A ground of a decision as a counterfactual search needs it (interface §11): the rule and
/// person, the result, what the rule found missing, and its `would lift` texts.
struct GroundNote {
    var rule: CompiledRule
    var personIndex: Int?
    var person: String?
    var result: RuleResult
    /// The JSON paths the rule found missing (an undecided rule).
    var missing: [String]
    var wouldLift: [Counterfactual.Wording]

    /// An unlifted refusal ground, or an undecided refusal or conditions rule: what keeps a
    /// decision from being a grant.
    static func isGround(_ effect: CompiledEffect, _ result: RuleResult, lifted: Bool) -> Bool {
        switch (effect, result) {
        case (.refuse, .applied): return !lifted
        case (.refuse, .unknown), (.conditions, .unknown): return true
        default: return false
        }
    }

    /// Whether `reason` is this ground still standing in the way.
    func standsIn(_ reason: Reason) -> Bool {
        guard reason.rule == rule.id, reason.person == person else { return false }
        switch (reason.effect, reason.result) {
        case ("refuse", .applied): return reason.lifted == nil
        case ("refuse", .unknown), ("conditions", .unknown): return true
        default: return false
        }
    }

    /// Whether what the rule found missing is a human decision or a document a person must
    /// supply (the woonverklaring, a hardship decision, a VOG or other screening data), which
    /// time alone never brings (interface §11).
    static func restsOnHumanDecision(_ missing: [String]) -> Bool {
        missing.contains { $0.hasPrefix("$.woonverklaring") || $0.hasPrefix("$.hardship") || $0.contains(".screening") }
    }
}
