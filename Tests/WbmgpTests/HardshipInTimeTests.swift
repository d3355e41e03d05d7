import Testing

@testable import Wbmgp

/// A refusal lifted by a hardship decision in time reads as lifted, also when another decision of
/// the same article came too early or too late (interface §3: that one is passed over). Worked by
/// hand: designation X of legal A8 (Carnisse, art. 8 from 2018-04-16), an applicant living in
/// Rotterdam since 2016-09-01 (under six years on 2019-05-01) with social assistance only, so
/// art. 8 lid 1 refuses; an art. 8 lid 2 decision dated on or after the application date and on
/// or before the decision date lifts it (legal spec A3.5).
@Suite("Hardship: a decision in time lifts, whatever other decisions of the article say")
struct HardshipInTimeTests {
    static func application(decisionDate: String?, hardshipDates: [String]) -> String {
        let hardship = hardshipDates.map {
            #"{"article": "art8-2", "granted": true, "date": "\#($0)", "decidedBy": "B&W", "reason": "hardship"}"#
        }
        return """
            {"id": "h", "kind": "new-tenancy", "applicationDate": "2019-05-01"\(decisionDate.map { #", "decisionDate": "\#($0)""# } ?? ""),
             "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
             "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-01-01",
                            "residence": [{"municipality": "Rotterdam", "from": "2016-09-01"}], "income": ["social-assistance"]}],
             "hardship": [\(hardship.joined(separator: ", "))]}
            """
    }

    static let notLifted = "heft de weigeringsgrond niet op"

    @Test(
        "granted, lifted by the decision in time, and the reason does not say the ground stands",
        arguments: [
            (nil as String?, ["2019-04-01", "2019-05-10"], "2019-05-10"),  // one before the application date
            ("2019-06-01", ["2019-05-10", "2019-06-05"], "2019-05-10"),  // one after the decision date
            ("2019-06-01", ["2019-06-05", "2019-04-01", "2019-06-01"], "2019-06-01"),  // both, and one on the decision date
        ])
    func liftedInTime(decisionDate: String?, hardshipDates: [String], liftedOn: String) throws {
        let decision = try decide(Self.application(decisionDate: decisionDate, hardshipDates: hardshipDates))
        #expect(decision.outcome == .granted)
        let income = try #require(decision.reasons.first { $0.rule == "art8.income" })
        #expect(income.result == .applied)
        #expect(income.lifted?.date == TestSupport.date(liftedOn))
        #expect(!income.nl.contains(Self.notLifted), "\(income.nl)")
    }

    @Test("refused when the only decisions are out of time, and the reason says why they lift nothing")
    func outOfTimeOnly() throws {
        let early = try decide(Self.application(decisionDate: nil, hardshipDates: ["2019-04-01"]))
        #expect(early.outcome == .refused)
        #expect(early.reasons.first { $0.rule == "art8.income" }?.nl.contains("vóór de aanvraagdatum") == true)
        let late = try decide(Self.application(decisionDate: "2019-06-01", hardshipDates: ["2019-06-05"]))
        #expect(late.outcome == .refused)
        #expect(late.reasons.first { $0.rule == "art8.income" }?.nl.contains("na de beslisdatum") == true)
    }

    func decide(_ text: String) throws -> Decision {
        let designations = try TestSupport.fixtureDesignations(["a8-x-rotterdam-carnisse"])
        let application = try ApplicationReader(law: TestSupport.law, role: .desk).read(Array(text.utf8))
        return try Engine(law: TestSupport.law, designations: designations).decide(application)
    }
}
