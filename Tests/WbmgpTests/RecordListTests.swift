import Testing

@testable import Wbmgp

/// A member's police records as the rules read them: a list of positions (member, record),
/// kept for each household position and number of records from one decision to the next, as
/// positions are no datum of anyone's (``ExpressionEvaluator/recordList(person:count:)``).
@Suite("Evaluator: police records as positions")
struct RecordListTests {
    @Test("the list for a position and a number of records, whatever was asked before")
    func positions() {
        let evaluator = ExpressionEvaluator(lawDate: TestSupport.date("2020-01-01"), designationIds: [])
        #expect(evaluator.recordList(person: 1, count: 2) == .list([.record(person: 1, index: 0), .record(person: 1, index: 1)]))
        #expect(evaluator.recordList(person: 1, count: 2) == .list([.record(person: 1, index: 0), .record(person: 1, index: 1)]))
        #expect(evaluator.recordList(person: 1, count: 3) == .list([.record(person: 1, index: 0), .record(person: 1, index: 1), .record(person: 1, index: 2)]))
        #expect(evaluator.recordList(person: 0, count: 1) == .list([.record(person: 0, index: 0)]))
        #expect(evaluator.recordList(person: 1, count: 0) == .list([]))
        #expect(evaluator.recordList(person: 4, count: 1) == .list([.record(person: 4, index: 0)]))
        #expect(evaluator.recordList(person: 0, count: 1) == .list([.record(person: 0, index: 0)]))
    }
}
