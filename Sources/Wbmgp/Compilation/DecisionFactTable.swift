/// Numbers the expressions whose value is the same wherever they are read in one decision, across
/// all the rules of a law, so each is computed once a decision (``CodeNode/shared(slot:_:)``).
///
/// Rules repeat such expressions: the police-data rules of art. 10 and 10b each ask whether
/// anyone is to be screened (`count(screened) > 0`) and then go through the people screened,
/// a filter of the household by age, computed afresh in every rule. An expression qualifies
/// when it reads only the application, the law date and the covering designations (no local it
/// does not bind itself, no measure, no designation of the rule, no rule's own fact) and does
/// some work (a filter, a quantifier or a builtin call): reading it from the cache costs about
/// as much as a comparison of two facts.
///
/// Equal expressions get one number: after definitions are inlined and parameters folded, two
/// rules that name the same definition under the same parameters hold equal trees, and equal
/// trees give equal values and note the same absent facts in one decision.
final class DecisionFactTable {
    private var slots: [CompiledExpression: Int32] = [:]

    /// How many expressions have a number.
    var count: Int { slots.count }

    /// The number of `expression`, given when first asked.
    func slot(for expression: CompiledExpression) -> Int32 {
        if let slot = slots[expression] { return slot }
        let slot = Int32(truncatingIfNeeded: slots.count)
        slots[expression] = slot
        return slot
    }

    /// Whether `expression` is one this table numbers: the same in one decision and worth
    /// keeping (see the type's comment).
    static func qualifies(_ expression: CompiledExpression) -> Bool {
        var bound: [Int] = []
        var works = false
        return isDecisionWide(expression, bound: &bound, works: &works) && works
    }

    /// Whether `expression` reads nothing but the decision's own inputs, with `bound` the locals
    /// bound by enclosing filters and quantifiers of the same expression; `works` becomes true
    /// when it holds a filter, a quantifier or a call.
    private static func isDecisionWide(_ expression: CompiledExpression, bound: inout [Int], works: inout Bool) -> Bool {
        switch expression {
        case .constant, .context, .woonverklaring, .dwelling:
            return true
        case .local(let slot):
            return bound.contains(slot)
        // The rule's designation and measure change from rule to rule; a rule's fact is kept by
        // the rule's own cache, by the rule's slot number; requests are not decisions.
        case .designation, .measureField, .request, .designationRecord, .cached:
            return false
        case .person(let base, _), .record(let base, _), .not(let base), .isAbsent(let base, _):
            return isDecisionWide(base, bound: &bound, works: &works)
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .member(let a, let b), .intersects(let a, let b),
            .add(let a, let b), .subtract(let a, let b):
            return isDecisionWide(a, bound: &bound, works: &works) && isDecisionWide(b, bound: &bound, works: &works)
        case .conditional(let a, let b, let c):
            return isDecisionWide(a, bound: &bound, works: &works) && isDecisionWide(b, bound: &bound, works: &works)
                && isDecisionWide(c, bound: &bound, works: &works)
        case .filter(let slot, let list, let body), .quantifier(_, let slot, let list, let body):
            works = true
            guard isDecisionWide(list, bound: &bound, works: &works) else { return false }
            bound.append(slot)
            defer { bound.removeLast() }
            return isDecisionWide(body, bound: &bound, works: &works)
        case .list(let elements):
            return elements.allSatisfy { isDecisionWide($0, bound: &bound, works: &works) }
        case .call(_, let arguments):
            works = true
            return arguments.allSatisfy { isDecisionWide($0, bound: &bound, works: &works) }
        }
    }
}

extension CompiledExpression {
    /// A filter or a quantifier: a list gone through.
    var isFilterOrQuantifier: Bool {
        switch self {
        case .filter, .quantifier: return true
        default: return false
        }
    }
}
