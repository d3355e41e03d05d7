import Testing

@testable import Wbmgp

/// The evaluator's locals and fact cache are sized once a decision, for the most slots a rule of
/// its period needs (``ExpressionEvaluator/reserveSlots(_:)``); a rule's slots are no longer
/// checked against that room at every rule. A slot past the room must still be safe and give
/// the same values: a local bound there grows the locals, one read before binding is unknown,
/// and a fact cached there is computed each time instead.
@Suite("Slots past the room the evaluator made")
struct SlotRoomTests {
    @Test("a local and a cached fact past the room give what they give within it, and a new rule clears them")
    func pastTheRoom() {
        // 0: the constant 3; 1: it cached in slot 9; 2: local 7; 3: it cached in slot 1.
        let code = ExpressionCode(
            nodes: [.constant(0), .cached(slot: 9, 0), .local(7), .cached(slot: 1, 0)], constants: [.integer(3)], operands: [], recordFacts: [])
        for room in [2, 16] {
            let evaluator = ExpressionEvaluator(lawDate: CalendarDate(dayNumber: 0), designationIds: [])
            evaluator.reserveSlots(room)
            evaluator.load(code)
            evaluator.resetSlots()
            #expect(evaluator.value(of: CodeRef(index: 1)) == .integer(3), "room \(room)")
            #expect(evaluator.value(of: CodeRef(index: 1)) == .integer(3), "room \(room): read again")
            #expect(evaluator.value(of: CodeRef(index: 3)) == .integer(3), "room \(room)")
            #expect(evaluator.value(of: CodeRef(index: 2)) == .unknown, "room \(room): local 7 before it is bound")
            evaluator.bind(7, .integer(5))
            #expect(evaluator.value(of: CodeRef(index: 2)) == .integer(5), "room \(room)")
            evaluator.resetSlots()
            #expect(evaluator.value(of: CodeRef(index: 2)) == .unknown, "room \(room): local 7 after the next rule's reset")
        }
    }
}
