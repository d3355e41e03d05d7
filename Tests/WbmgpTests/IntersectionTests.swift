import Testing

@testable import Wbmgp

/// The `intersection` builtin (a priority's characteristics that the measure names): the
/// elements of the first list found in the second, in the first list's order.
@Suite("The intersection builtin")
struct IntersectionTests {
    let evaluator = ExpressionEvaluator(lawDate: TestSupport.date("2021-01-01"), designationIds: [])

    func intersection(_ a: [String], _ b: [String]) -> Value {
        evaluator.call(.intersection, Arguments(.list(a.map { .text($0) }), .list(b.map { .text($0) }), .unknown))
    }

    @Test("worked by hand: kept in the first list's order, whichever elements are dropped")
    func cases() {
        let measure = ["care", "economic-ties", "social-ties"]
        #expect(intersection(["economic-ties"], measure) == .list([.text("economic-ties")]))
        #expect(intersection(["social-ties", "care"], measure) == .list([.text("social-ties"), .text("care")]))
        #expect(intersection(["other", "care"], measure) == .list([.text("care")]))
        #expect(intersection(["care", "other"], measure) == .list([.text("care")]))
        #expect(intersection(["care", "other", "social-ties", "other"], measure) == .list([.text("care"), .text("social-ties")]))
        #expect(intersection(["other"], measure) == .list([]))
        #expect(intersection([], measure) == .list([]))
        #expect(intersection(["care"], []) == .list([]))
        #expect(evaluator.call(.intersection, Arguments(.unknown, .list([]), .unknown)) == .unknown)
        #expect(evaluator.call(.intersection, Arguments(.list([]), .unknown, .unknown)) == .unknown)
    }

    @Test("a first list kept whole is given back as it is, not copied")
    func keptWhole() {
        let first: [Value] = [.text("care"), .text("social-ties")]
        let result = evaluator.call(.intersection, Arguments(.list(first), .list([.text("social-ties"), .text("care")]), .unknown))
        guard case .list(let kept) = result else {
            Issue.record("not a list: \(result)")
            return
        }
        #expect(kept == first)
        #expect(kept.sharesStorage(with: first))
    }
}
