import Testing

@testable import Wbmgp

/// What `art8.income` shows of the household's income (the privacy audit of 2026-12-06: only as
/// far as it decided, AVG art. 5 lid 1 c), worked by hand on two fixtures with a source changed.
@Suite("The income facts show what decided")
struct IncomeFactTests {
    /// Fixture `prefix`'s application with the income of its member `member` set to `income`
    /// (nil: left out), decided as the fixture is; art8.income's facts as compact JSON.
    func incomeFacts(_ prefix: String, member: Int, income: [String]?) throws -> (Decision.Outcome, String) {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix(prefix) })
        let engine = try fixture.engine()
        var application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        application.household[member].income = income
        let decision = try engine.decide(application, lawDate: fixture.lawDate)
        let reason = try #require(decision.reasons.first { $0.rule == "art8.income" })
        return (decision.outcome, JSONWriter.compact(.object(reason.facts)))
    }

    @Test("under the applicant test a qualifying source is shown without the others beside it; a refusal shows all that were given")
    func applicantTest() throws {
        // Fixture 001 (Rotterdam, under six years): employment qualifies (art. 8 lid 1 onder a);
        // a disability benefit beside it decided nothing and is not shown.
        let (granted, shown) = try incomeFacts("001-", member: 0, income: ["employment", "disability-benefit"])
        #expect(granted == .granted)
        #expect(shown.contains("\"income\":[\"employment\"]"), "\(shown)")
        // Without a qualifying source the refusal names all the sources given.
        let (refused, all) = try incomeFacts("001-", member: 0, income: ["unemployment-benefit", "disability-benefit"])
        #expect(refused == .refused)
        #expect(all.contains("\"income\":[\"unemployment-benefit\",\"disability-benefit\"]"), "\(all)")
    }

    @Test("under the any-adult test the applicant's own sources are not shown, and an adult whose income is absent is left out of the list")
    func anyAdultTest() throws {
        // Fixture 077 (Capelle, any adult): the partner's employment qualifies.
        let (granted, shown) = try incomeFacts("077-", member: 0, income: ["disability-benefit"])
        #expect(granted == .granted)
        #expect(!shown.contains("\"income\""), "\(shown)")
        #expect(shown.contains("\"adultsWithQualifyingIncome\":[\"p2\"]"), "\(shown)")
        // The applicant's income absent: the partner still meets the test, and the list names
        // the partner (it was unknown as a whole: "met zo'n bron van inkomen: onbekend").
        let (stillGranted, known) = try incomeFacts("077-", member: 0, income: nil)
        #expect(stillGranted == .granted)
        #expect(known.contains("\"adultsWithQualifyingIncome\":[\"p2\"]"), "\(known)")
    }
}
