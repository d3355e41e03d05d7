import Testing

@testable import Wbmgp

/// A dwelling whose address leaves out a fact a designation's areas are matched on (interface
/// §5): the lookup cannot tell whether that designation covers it, so the decision is incomplete
/// and asks for the fact, never "not applicable" (which lets chapter 3 pass). Each case is worked
/// out from the areas by hand.
@Suite("The designation lookup with facts of the address left out")
struct UndeterminedLookupTests {
    let areas = DesignationTests()

    func one(_ areasJSON: String, measures: String = DesignationTests.art9, id: String = "t") throws -> Designation {
        let (found, problems) = areas.designation(DesignationTests.json(id: id, areas: areasJSON, measures: measures))
        #expect(problems.isEmpty, "\(problems)")
        return try #require(found.first)
    }

    func needed(_ designation: Designation, _ dwelling: Dwelling) -> AreaMatcher.DwellingFacts {
        AreaMatcher.undecidedFacts(designation, AreaMatcher.DwellingKey(dwelling))
    }

    @Test("each kind of area asks only for what it is matched on, and nothing once a given fact rules it out")
    func factsPerArea() throws {
        let neighbourhoods = try one(#"{"neighbourhoods": ["Wielwijk"]}"#)
        #expect(needed(neighbourhoods, areas.dwelling(postcode: "3118 AB")) == .neighbourhood)
        #expect(needed(neighbourhoods, areas.dwelling(neighbourhood: "Groenoord")).isEmpty)
        // Covered: nothing left open, whatever else is absent.
        #expect(needed(neighbourhoods, areas.dwelling(neighbourhood: "Wielwijk")).isEmpty)

        let postcodes = try one(#"{"postcodes": ["3118"]}"#)
        #expect(needed(postcodes, areas.dwelling(neighbourhood: "Wielwijk")) == .postcode)
        #expect(needed(postcodes, areas.dwelling(postcode: "3119 AA")).isEmpty)

        let street = try one(#"{"streets": [{"street": "Hogenbanweg", "from": 49, "to": 87, "parity": "odd"}]}"#)
        #expect(needed(street, areas.dwelling(postcode: "3118 AB")) == [.street, .houseNumber])
        #expect(needed(street, areas.dwelling(street: "Hogenbanweg")) == .houseNumber)
        #expect(needed(street, areas.dwelling(number: 51)) == .street)
        // Another street, or a number outside the range or of the other parity: ruled out.
        #expect(needed(street, areas.dwelling(street: "Nieuwe Damlaan")).isEmpty)
        #expect(needed(street, areas.dwelling(number: 50)).isEmpty)
        #expect(needed(street, areas.dwelling(number: 91)).isEmpty)

        let limited = try one(#"{"streets": [{"street": "Mathenesserdijk", "postcode": "3026"}]}"#)
        #expect(needed(limited, areas.dwelling(street: "Mathenesserdijk", number: 10)) == .postcode)
        #expect(needed(limited, areas.dwelling(street: "Mathenesserdijk", number: 10, postcode: "3027 AB")).isEmpty)
        #expect(needed(limited, areas.dwelling(street: "Mathenesserdijk", postcode: "3027 AB")).isEmpty)
        #expect(needed(limited, areas.dwelling(street: "Mathenesserdijk")) == [.houseNumber, .postcode])

        let address = try one(#"{"addresses": [{"postcode": "3118AB", "houseNumber": 7}]}"#)
        #expect(needed(address, areas.dwelling(number: 7)) == .postcode)
        #expect(needed(address, areas.dwelling(postcode: "3118 ab")) == .houseNumber)
        #expect(needed(address, areas.dwelling(postcode: "3118 AC")).isEmpty)
        #expect(needed(address, areas.dwelling(number: 7, addition: "A", postcode: "3118AB")).isEmpty)
        // The paths in the order of the dwelling object.
        #expect(AreaMatcher.DwellingFacts([.neighbourhood, .street, .houseNumber, .postcode]).paths == [
            "$.dwelling.postcode", "$.dwelling.houseNumber", "$.dwelling.street", "$.dwelling.neighbourhood",
        ])
    }

    /// Under six years in the region on 2019-05-01 with unemployment benefit only: refused under
    /// art. 8 lid 1 wherever an art. 8 designation covers the dwelling.
    func application(_ dwelling: String) throws -> Application {
        let text = """
            {"id": "u", "kind": "new-tenancy", "applicationDate": "2019-05-01",
             "dwelling": {"municipality": "Schiedam", \(dwelling) "category": "rental"},
             "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-01-01", "characteristics": [],
                            "residence": [{"municipality": "Schiedam", "from": "2016-09-01"}], "income": ["unemployment-benefit"]}]}
            """
        return try ApplicationReader(law: TestSupport.law).read(Array(text.utf8))
    }

    @Test("not covered and not ruled out: incomplete, the lookup unknown, the facts asked for")
    func noneCovering() throws {
        let engine = Engine(law: TestSupport.law, designations: [try one(#"{"neighbourhoods": ["Wielwijk"]}"#, measures: #"{"art8": {}}"#)])
        let decision = try engine.decide(try application(#""street": "Hogenbanweg", "houseNumber": 51,"#))
        #expect(decision.outcome == .incomplete)
        #expect(decision.designations.isEmpty)
        #expect(decision.missingFacts == ["$.dwelling.neighbourhood"])
        #expect(decision.reasons.map(\.rule) == ["designation.lookup"])
        #expect(decision.reasons.first?.result == .unknown)
        #expect(decision.reasons.first?.citation == "Wbmgp art. 5")
        // Read as words: the fact, not its path; the designation by its words, not its id.
        let text = decision.reasons.first?.nl ?? ""
        #expect(text.contains("is niet vast te stellen: de aanvraag vermeldt de wijk of buurt van de woning niet"), "\(text)")
        #expect(!text.contains("$.") && !text.contains(" t "), "\(text)")
        // Given, and another neighbourhood: not applicable, as before.
        let outside = try engine.decide(try application(#""street": "Hogenbanweg", "houseNumber": 51, "neighbourhood": "Groenoord","#))
        #expect(outside.outcome == .notApplicable && outside.reasons.first?.result == .passed)
        // Counted (impact) the same way.
        #expect(try engine.decideForCounting(try application(#""street": "Hogenbanweg","#)).outcome == .incomplete)
    }

    @Test("covered by one, another left open: a refusal under the first stands; otherwise incomplete")
    func coveredAndOpen() throws {
        // art. 8 by street range, art. 9 by neighbourhood: measures differ, so both may cover.
        let art8 = try one(#"{"streets": [{"street": "Hogenbanweg"}]}"#, measures: #"{"art8": {}}"#, id: "a8")
        let art9 = try one(#"{"neighbourhoods": ["Wielwijk"]}"#, id: "a9")
        let engine = Engine(law: TestSupport.law, designations: [art8, art9])
        let refused = try engine.decide(try application(#""street": "Hogenbanweg", "houseNumber": 51,"#))
        #expect(refused.outcome == .refused)
        #expect(refused.designations == ["a8"])
        #expect(refused.missingFacts.isEmpty)
        #expect(refused.reasons.first?.result == .unknown)
        #expect(refused.reasons.first.map { $0.nl.hasPrefix("Op grond van artikel 5 valt de huurwoning in Schiedam op 1 mei 2019 onder ") } == true)
        // The same with a qualifying income: nothing refuses, and art. 9 may still apply.
        var employed = try application(#""street": "Hogenbanweg", "houseNumber": 51,"#)
        employed.household[0].income = ["employment"]
        let open = try engine.decide(employed)
        #expect(open.outcome == .incomplete)
        #expect(open.missingFacts == ["$.dwelling.neighbourhood"])
        #expect(open.reasons.map(\.rule) == ["designation.lookup", "art8.income"])
    }
}
