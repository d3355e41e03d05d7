import Foundation
import Testing

@testable import Wbmgp

/// The facts of the application as a whole that rules read (``ContextFact``), worked out by hand
/// for one application: read where it lies, and unknown when there is no application (a
/// designation request's check has none; its own facts are the request's).
@Suite("Evaluator: the application's facts")
struct ContextFactTests {
    static let application = """
        {"id": "c", "kind": "new-tenancy", "applicationDate": "2019-05-01", "decisionDate": "2019-06-01",
         "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
         "household": [{"id": "a", "role": "co-occupant", "birthDate": "1980-01-01"},
                       {"id": "b", "role": "applicant", "birthDate": "1985-03-10"}],
         "hardship": [
           {"article": "art8-2", "granted": true, "date": "2019-04-30", "decidedBy": "B&W", "reason": "earlier"},
           {"article": "art10-5", "granted": true, "date": "2019-06-02", "decidedBy": "B&W", "reason": "later"},
           {"article": "art8-2", "granted": true, "date": "2019-05-15", "decidedBy": "B&W", "reason": "in time"},
           {"article": "art10-5", "granted": false, "date": "2019-04-01", "decidedBy": "B&W", "reason": "refused"}]}
        """

    @Test("each fact of an application, and none without one")
    func facts() throws {
        let application = try ApplicationReader(law: TestSupport.law, role: .desk).read(Array(Self.application.utf8))
        let lawDate = TestSupport.date("2019-05-01")
        let evaluator = ExpressionEvaluator(lawDate: lawDate, designationIds: [])
        for fact in ContextFact.allCases { #expect(evaluator.context(fact) == .unknown, "\(fact)") }
        withUnsafePointer(to: application) { lent in
            evaluator.begin(lent, lawDate: lawDate, designations: .list([.text("a8-x")]), monthEnd: .lastDayOfMonth)
            #expect(evaluator.context(.applicationDate) == .date(TestSupport.date("2019-05-01")))
            #expect(evaluator.context(.lawDate) == .date(lawDate))
            #expect(evaluator.context(.kind) == .text("new-tenancy"))
            #expect(evaluator.context(.applicant) == .person(1))
            #expect(evaluator.context(.household) == .list([.person(0), .person(1)]))
            #expect(evaluator.context(.designations) == .list([.text("a8-x")]))
            // Granted after the decision date: art10-5 (its other decision was refused). art8-2
            // was granted before the application date, but also in time, which lifts the
            // ground: it is in neither list, so no reason says the ground stands.
            #expect(evaluator.context(.hardshipBeforeApplication) == .list([]))
            #expect(evaluator.context(.hardshipAfterDecision) == .list([.text("art10-5")]))
            for fact in [ContextFact.requested, .previous, .measuresInForce, .checkedOn] { #expect(evaluator.context(fact) == .unknown, "\(fact)") }
            evaluator.end()
        }
    }

    @Test("a hardship article granted only out of time is listed; one granted in time too is not")
    func hardshipOutOfTime() throws {
        // The same application without the art8-2 decision in time (2019-05-15).
        let text = Self.application.replacingOccurrences(
            of: #"{"article": "art8-2", "granted": true, "date": "2019-05-15", "decidedBy": "B&W", "reason": "in time"},"#, with: "")
        #expect(text != Self.application)
        let application = try ApplicationReader(law: TestSupport.law, role: .desk).read(Array(text.utf8))
        let lawDate = TestSupport.date("2019-05-01")
        let evaluator = ExpressionEvaluator(lawDate: lawDate, designationIds: [])
        withUnsafePointer(to: application) { lent in
            evaluator.begin(lent, lawDate: lawDate, designations: .list([]), monthEnd: .lastDayOfMonth)
            #expect(evaluator.context(.hardshipBeforeApplication) == .list([.text("art8-2")]))
            #expect(evaluator.context(.hardshipAfterDecision) == .list([.text("art10-5")]))
            evaluator.end()
        }
    }
}
