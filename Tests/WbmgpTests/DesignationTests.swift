import Testing

@testable import Wbmgp

@Suite("Designations: reading, area matching, static checks (interface §5)")
struct DesignationTests {
    func designation(_ json: String, path: String = "d.json") -> ([Designation], [Diagnostic]) {
        DesignationReader(law: TestSupport.law).read(files: [(path, json)])
    }

    static func json(
        id: String = "t", municipality: String = "Schiedam", from: String = "2018-01-01", until: String = "2021-12-31", areas: String, measures: String
    ) -> String {
        """
        {"id": "\(id)", "municipality": "\(municipality)", "term": {"from": "\(from)", "until": "\(until)"},
         "region": {"name": "R", "municipalities": ["Schiedam"]}, "areas": \(areas), "categories": ["rental"], "measures": \(measures)}
        """
    }

    static let art9 = #"{"art9": {"characteristics": ["teacher"]}}"#

    func dwelling(street: String? = nil, number: Int? = nil, addition: String? = nil, postcode: String? = nil, neighbourhood: String? = nil) -> Dwelling {
        Dwelling(municipality: "Schiedam", postcode: postcode, houseNumber: number, houseNumberAddition: addition, street: street, neighbourhood: neighbourhood, category: "rental")
    }

    @Test("street ranges compare number first, then addition, with parity")
    func streets() throws {
        let (found, problems) = designation(Self.json(areas: #"{"streets": [{"street": "Hogenbanweg", "from": "49B", "to": "87D", "parity": "odd"}]}"#, measures: Self.art9))
        #expect(problems.isEmpty)
        let d = try #require(found.first)
        #expect(AreaMatcher.covers(d, dwelling(street: "Hogenbanweg", number: 49, addition: "B")))
        #expect(AreaMatcher.covers(d, dwelling(street: "hogenbanweg", number: 87, addition: "d")))
        #expect(!AreaMatcher.covers(d, dwelling(street: "Hogenbanweg", number: 49)))
        #expect(!AreaMatcher.covers(d, dwelling(street: "Hogenbanweg", number: 87, addition: "E")))
        #expect(!AreaMatcher.covers(d, dwelling(street: "Hogenbanweg", number: 50)))
        #expect(AreaMatcher.covers(d, dwelling(street: "Hogenbanweg", number: 51)))
    }

    @Test("a street range limited to a postcode covers a dwelling only with a postcode in it (legal spec B13: Mathenesserdijk, 3026 only)")
    func streetLimitedToPostcode() throws {
        let (found, problems) = designation(
            Self.json(areas: #"{"streets": [{"street": "Mathenesserdijk", "from": 1, "to": 999, "postcode": "3026"}]}"#, measures: Self.art9))
        #expect(problems.isEmpty)
        let d = try #require(found.first)
        #expect(AreaMatcher.covers(d, dwelling(street: "Mathenesserdijk", number: 10, postcode: "3026 AB")))
        #expect(AreaMatcher.covers(d, dwelling(street: "mathenesserdijk", number: 999, postcode: "3026zz")))
        #expect(!AreaMatcher.covers(d, dwelling(street: "Mathenesserdijk", number: 10, postcode: "3027AB")))
        // Not shown to be inside without a postcode, nor outside the range within the postcode.
        #expect(!AreaMatcher.covers(d, dwelling(street: "Mathenesserdijk", number: 10)))
        #expect(!AreaMatcher.covers(d, dwelling(street: "Mathenesserdijk", number: 1001, postcode: "3026AB")))
        // A limit is a postcode pattern as in `postcodes`: anything else is refused at its path (D003).
        let (_, bad) = designation(
            Self.json(areas: #"{"streets": [{"street": "Mathenesserdijk", "postcode": "30"}]}"#, measures: Self.art9))
        #expect(bad.map(\.code) == ["D003"])
        #expect(bad.first?.jsonPath == "$.areas.streets[0].postcode", "\(bad)")
    }

    @Test("two ranges of one street limited to postcodes that share none do not overlap; sharing one, they do (D006)")
    func limitedRangesOverlap() {
        func range(_ postcode: String?) -> StreetRange {
            StreetRange(street: "Mathenesserdijk", from: nil, to: nil, parity: .all, postcode: postcode.flatMap { try? AreaReader.postcode($0, path: "$") })
        }
        #expect(!DesignationSetChecks.streetRangesOverlap(range("3026"), range("3027")))
        #expect(DesignationSetChecks.streetRangesOverlap(range("3026"), range("3026AA-3026CZ")))
        #expect(DesignationSetChecks.streetRangesOverlap(range("3026"), range(nil)))
        // Open at both ends, one parity: they share (the span was once subtracted, Int.max − Int.min, and trapped).
        let openOdd = StreetRange(street: "Mathenesserdijk", from: nil, to: nil, parity: .odd)
        #expect(DesignationSetChecks.streetRangesOverlap(openOdd, openOdd))
        #expect(!DesignationSetChecks.streetRangesOverlap(openOdd, StreetRange(street: "Mathenesserdijk", from: nil, to: nil, parity: .even)))
    }

    @Test("the shipped Rotterdam designations cover Mathenesserdijk in 3026 only: outside it art. 8 does not apply, without a postcode it cannot be told")
    func shippedMathenesserdijk() throws {
        let engine = Engine(law: TestSupport.law, designations: try TestSupport.shippedDesignations())
        func decide(_ postcode: String?) throws -> Decision {
            // Under six years in the region on 2019-05-01 and unemployment benefit only: refused
            // under art. 8 lid 1 wherever rotterdam-2018-art8 covers the dwelling. The
            // neighbourhood is given (Delfshaven, designated in none): the 2018 designations
            // also list neighbourhoods, and without it they could not be told apart.
            let postcodeMember = postcode.map { #", "postcode": "\#($0)""# } ?? ""
            let text = """
                {"id": "m", "kind": "new-tenancy", "applicationDate": "2019-05-01",
                 "dwelling": {"municipality": "Rotterdam", "street": "Mathenesserdijk", "houseNumber": 10\(postcodeMember), "neighbourhood": "Delfshaven", "category": "rental"},
                 "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-01-01",
                                "residence": [{"municipality": "Rotterdam", "from": "2016-09-01"}], "income": ["unemployment-benefit"]}]}
                """
            return try engine.decide(try ApplicationReader(law: TestSupport.law, role: .desk).read(Array(text.utf8)))
        }
        let inside = try decide("3026 AB")
        #expect(inside.outcome == .refused)
        #expect(inside.designations == ["rotterdam-2018-art8"])
        let outside = try decide("3027 AB")
        #expect(outside.outcome == .notApplicable)
        #expect(outside.designations.isEmpty)
        // Without the postcode the street's range may or may not cover it: the lookup is
        // unknown and the decision incomplete, asking for the postcode (it was not applicable).
        let unknown = try decide(nil)
        #expect(unknown.outcome == .incomplete)
        #expect(unknown.designations.isEmpty)
        #expect(unknown.missingFacts == ["$.dwelling.postcode"])
        #expect(unknown.reasons.map(\.rule) == ["designation.lookup"] && unknown.reasons.first?.result == .unknown)
        #expect(unknown.reasons.first?.nl.contains("omdat de aanvraag de volledige postcode van de woning niet vermeldt") == true, "\(unknown.reasons.first?.nl ?? "")")
    }

    @Test("postcodes: 4-digit areas, full codes and ranges, spaces and case ignored")
    func postcodes() throws {
        let (found, _) = designation(Self.json(areas: #"{"postcodes": ["3118", "3117 ab", "3120AA-3120CZ"]}"#, measures: Self.art9))
        let d = try #require(found.first)
        #expect(AreaMatcher.covers(d, dwelling(postcode: "3118 XY")))
        #expect(AreaMatcher.covers(d, dwelling(postcode: "3117AB")))
        #expect(!AreaMatcher.covers(d, dwelling(postcode: "3117AC")))
        #expect(AreaMatcher.covers(d, dwelling(postcode: "3120 cz")))
        #expect(!AreaMatcher.covers(d, dwelling(postcode: "3120DA")))
    }

    @Test("an art. 10 measure in a term before 2017-01-01 is rejected (legal spec A8 example 12)")
    func art10Before2017() {
        let (found, problems) = designation(Self.json(from: "2016-06-01", until: "2020-05-31", areas: #"{"neighbourhoods": ["Oost"]}"#,
                                                      measures: #"{"art10": {"instrument": "vog"}}"#))
        #expect(found.isEmpty)
        #expect(problems.map(\.code) == [.designationMeasureNotInForce])
        #expect(problems.first?.jsonPath == "$.measures.art10")
    }

    @Test("a term longer than four years is rejected; exactly four years is accepted")
    func termLength() {
        #expect(designation(Self.json(from: "2018-04-16", until: "2022-04-15", areas: #"{"neighbourhoods": ["Oost"]}"#, measures: Self.art9)).1.isEmpty)
        let (_, problems) = designation(Self.json(from: "2018-04-16", until: "2022-04-16", areas: #"{"neighbourhoods": ["Oost"]}"#, measures: Self.art9))
        #expect(problems.map(\.code) == [.designationTerm])
    }

    @Test("unknown fields, behaviour codes and bad postcodes name their JSON path")
    func badValues() {
        let typo = designation(Self.json(areas: #"{"neighbourhood": ["Oost"]}"#, measures: Self.art9)).1
        #expect(typo.first?.jsonPath == "$.areas.neighbourhood" && typo.first?.message.contains("did you mean 'neighbourhoods'") == true)
        let behaviour = designation(Self.json(areas: #"{"neighbourhoods": ["Oost"]}"#, measures: #"{"art10": {"instrument": "police-data", "behaviours": ["c", "j"]}}"#)).1
        #expect(behaviour.first?.jsonPath == "$.measures.art10.behaviours[1]")
        let postcode = designation(Self.json(areas: #"{"postcodes": ["31A"]}"#, measures: Self.art9)).1
        #expect(postcode.first?.jsonPath == "$.areas.postcodes[0]")
        #expect(postcode.first?.rendered() == "d.json: error: [D003] $.areas.postcodes[0]: expected a 4-digit postcode area (1503), a full postcode (3026AB) or a range (3026AA-3026ZZ), found '31A'")
    }

    @Test("a police-data measure must select behaviours (art. 10a lid 1); a VOG measure need not")
    func behavioursRequired() {
        let none = designation(Self.json(areas: #"{"neighbourhoods": ["Oost"]}"#, measures: #"{"art10": {"instrument": "police-data"}}"#)).1
        #expect(none.map(\.code) == [.designationValue])
        #expect(none.first?.jsonPath == "$.measures.art10.behaviours")
        let empty = designation(Self.json(areas: #"{"neighbourhoods": ["Oost"]}"#, measures: #"{"art10": {"instrument": "police-data", "behaviours": []}}"#)).1
        #expect(empty.first?.jsonPath == "$.measures.art10.behaviours")
        #expect(designation(Self.json(areas: #"{"neighbourhoods": ["Oost"]}"#, measures: #"{"art10": {"instrument": "vog"}}"#)).1.isEmpty)
    }

    @Test("two designations with the same measure over the same place on the same day conflict")
    func conflicts() {
        let a = Self.json(id: "a", areas: #"{"postcodes": ["3118"]}"#, measures: Self.art9)
        let b = Self.json(id: "b", from: "2021-06-01", until: "2023-12-31", areas: #"{"postcodes": ["3118AB-3118AZ"]}"#, measures: Self.art9)
        let c = Self.json(id: "c", from: "2022-01-01", until: "2023-12-31", areas: #"{"postcodes": ["3118"]}"#, measures: Self.art9)
        let (_, problems) = DesignationReader(law: TestSupport.law).read(files: [("a.json", a), ("b.json", b), ("c.json", c)])
        // a–b overlap in 2021 and b–c in 2022–2023; a ends the day before c starts, so a–c do not conflict.
        #expect(problems.map(\.code) == [.designationConflict, .designationConflict])
        #expect(problems.first?.message.contains("'a' and 'b'") == true)
        #expect(problems.last?.message.contains("'b' and 'c'") == true)
    }

    @Test("rules check follows extends chains: a gap, a sixth term and a cycle are reported (D009, D008)")
    func chains() {
        func term(_ id: String, _ from: String, _ until: String, extends: String?) -> (String, String) {
            let json = Self.json(id: id, from: from, until: until, areas: #"{"neighbourhoods": ["Oost"]}"#, measures: Self.art9)
                .replacingOccurrences(of: #""id": "\#(id)","#, with: #""id": "\#(id)", "extends": \#(extends.map { "\"\($0)\"" } ?? "null"),"#)
            return (id + ".json", json)
        }
        // Five contiguous four-year terms from 2017: four extensions, allowed.
        var files = [term("t1", "2017-01-01", "2020-12-31", extends: nil)]
        let starts = ["2021-01-01", "2025-01-01", "2029-01-01", "2033-01-01"]
        let ends = ["2024-12-31", "2028-12-31", "2032-12-31", "2036-12-31"]
        for i in 0..<4 { files.append(term("t\(i + 2)", starts[i], ends[i], extends: "t\(i + 1)")) }
        let reader = DesignationReader(law: TestSupport.law)
        // NB: the terms do not overlap, so no conflict (D006) either.
        #expect(reader.read(files: files).1.isEmpty, "\(reader.read(files: files).1.map { $0.rendered() })")
        let sixth = files + [term("t6", "2037-01-01", "2040-12-31", extends: "t5")]
        let found = reader.read(files: sixth).1
        #expect(found.map(\.code) == [.designationChain, .designationChain])
        #expect(found.contains { $0.message.hasPrefix("[REQ-EXT-COUNT] this would be extension number 5") })
        #expect(found.contains { $0.message.hasPrefix("[REQ-TOTAL-20Y]") && $0.jsonPath == "$.term.until" })
        let gap = [files[0], term("g2", "2021-01-02", "2024-12-31", extends: "t1")]
        #expect(reader.read(files: gap).1.map(\.code) == [.designationChain])
        let cycle = [term("c1", "2017-01-01", "2020-12-31", extends: "c2"), term("c2", "2021-01-01", "2024-12-31", extends: "c1")]
        #expect(reader.read(files: cycle).1.contains { $0.code == .designationExtends && $0.message.contains("cycle") })
    }

    @Test("the shipped designations are clean")
    func shipped() {
        let files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/designations", extension: "json").files
        let (found, problems) = DesignationReader(law: TestSupport.law).read(files: files)
        #expect(problems.isEmpty, "\(problems.map { $0.rendered() })")
        #expect(found.count >= 10)
    }
}

@Suite("Designations: a by-law's VOG age limit (interface §5 art10.vogMaxAgeDays)")
struct VogMaxAgeTests {
    static func designation(_ days: String) -> String {
        DesignationTests.json(
            from: "2018-04-01", until: "2022-03-31", areas: #"{"neighbourhoods": ["Wielwijk"]}"#,
            measures: #"{"art10": {"instrument": "vog", "vogMaxAgeDays": "# + days + "}}")
    }

    @Test("a whole number of days is read as a duration; a negative or fractional one is refused with its path")
    func days() throws {
        let (read, problems) = DesignationReader(law: TestSupport.law).read(files: [("d.json", Self.designation("90"))])
        #expect(problems.isEmpty, "\(problems.map { $0.rendered() })")
        let field = try #require(TestSupport.law.measureFieldOrder["art10"]?.firstIndex(of: "vogMaxAgeDays"))
        #expect(read.first?.measures.first?.values[field] == .duration(CalendarPeriod(days: 90)))
        for bad in ["-1", "1.5", "\"90\""] {
            let (_, badProblems) = DesignationReader(law: TestSupport.law).read(files: [("d.json", Self.designation(bad))])
            #expect(badProblems.contains { $0.jsonPath == "$.measures.art10.vogMaxAgeDays" }, "\(bad): \(badProblems.map { $0.rendered() })")
        }
    }
}
