import Testing

@testable import Wbmgp

/// The designations covering a dwelling (``CoveringSet``): those in force on the date whose area
/// holds the dwelling, in id order, whether one, two (made once, at the engine's start) or more
/// (made for the decision) cover it.
@Suite struct CoveringSetTests {
    /// Four designations in Schiedam, worked out by hand: over Oost, a (art. 9) 2018–2021,
    /// b (art. 8) 2019–2022 and c (art. 10, VOG) 2020–2023; over West, d (art. 9) 2022–2025.
    /// Different measures, so overlapping terms do not conflict.
    static func engine() throws -> Engine {
        let oost = #"{"neighbourhoods": ["Oost"]}"#
        let files = [
            ("a.json", DesignationTests.json(id: "a", from: "2018-01-01", until: "2021-12-31", areas: oost, measures: DesignationTests.art9)),
            ("b.json", DesignationTests.json(id: "b", from: "2019-01-01", until: "2022-12-31", areas: oost, measures: #"{"art8": {"incomeTest": "applicant"}}"#)),
            ("c.json", DesignationTests.json(id: "c", from: "2020-01-01", until: "2023-12-31", areas: oost, measures: #"{"art10": {"instrument": "vog"}}"#)),
            ("d.json", DesignationTests.json(id: "d", from: "2022-01-01", until: "2025-12-31", areas: #"{"neighbourhoods": ["West"]}"#, measures: DesignationTests.art9)),
        ]
        let (designations, problems) = DesignationReader(law: TestSupport.law).read(files: files)
        #expect(problems.isEmpty, "\(problems.map { $0.rendered() })")
        #expect(designations.count == 4)
        return Engine(law: TestSupport.law, designations: designations)
    }

    static func key(_ neighbourhood: String) -> AreaMatcher.DwellingKey {
        AreaMatcher.DwellingKey(Dwelling(municipality: "Schiedam", neighbourhood: neighbourhood, category: "rental"))
    }

    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    @Test("none, one, two and three designations cover Oost as their terms say; West only d")
    func covering() throws {
        let engine = try Self.engine()
        let cases: [(String, String, [String])] = [
            ("Oost", "2017-06-01", []),
            ("Oost", "2018-06-01", ["a"]),
            ("Oost", "2019-06-01", ["a", "b"]),
            ("Oost", "2020-06-01", ["a", "b", "c"]),
            ("Oost", "2021-12-31", ["a", "b", "c"]),
            ("Oost", "2022-01-01", ["b", "c"]),
            ("Oost", "2023-06-01", ["c"]),
            ("Oost", "2024-01-01", []),
            ("West", "2021-12-31", []),
            ("West", "2022-06-01", ["d"]),
            ("Noord", "2022-06-01", []),
        ]
        for (neighbourhood, day, expected) in cases {
            let set = engine.covering(Self.key(neighbourhood), on: try Self.date(day))
            #expect(set.designations.map(\.id) == expected, "\(neighbourhood) on \(day)")
            #expect(set.ids == expected, "\(neighbourhood) on \(day)")
            #expect(set.idsValue == .list(expected.map { .text($0) }), "\(neighbourhood) on \(day)")
            let dwelling = Dwelling(municipality: "Schiedam", neighbourhood: neighbourhood, category: "rental")
            #expect(engine.covering(dwelling, on: try Self.date(day)).map(\.id) == expected)
        }
    }

    @Test("the set of one or two designations is made once; three get a set of their own")
    func madeOnce() throws {
        let engine = try Self.engine()
        for day in ["2018-06-01", "2019-06-01", "2022-06-01", "2023-06-01"] {
            let first = engine.covering(Self.key("Oost"), on: try Self.date(day))
            let again = engine.covering(Self.key("Oost"), on: try Self.date(day))
            #expect(first === again, "on \(day)")
        }
        // a and b cover in 2019 and in 2021: one pair, one set.
        #expect(engine.covering(Self.key("Oost"), on: try Self.date("2019-06-01")) === engine.covering(Self.key("Oost"), on: try Self.date("2019-12-31")))
        let three = engine.covering(Self.key("Oost"), on: try Self.date("2020-06-01"))
        #expect(three !== engine.covering(Self.key("Oost"), on: try Self.date("2020-06-01")))
    }

    @Test("every day from 2017 to 2026: the sets are the designations filtered one by one")
    func everyDay() throws {
        let engine = try Self.engine()
        var day = try Self.date("2017-01-01")
        let end = try Self.date("2026-12-31")
        var days = 0
        while day <= end {
            for neighbourhood in ["Oost", "West"] {
                let key = Self.key(neighbourhood)
                let expected = engine.designations.filter { $0.isInForce(on: day) && AreaMatcher.covers($0, key) }.map(\.id)
                #expect(engine.covering(key, on: day).ids == expected, "\(neighbourhood) on \(day)")
            }
            day = day.adding(CalendarPeriod(days: 1), monthEnd: .lastDayOfMonth)
            days += 1
        }
        #expect(days == 3652)
    }

    /// A dwelling's designations are those of its municipality's group, found by the folded
    /// name, and tested for its areas within the group without comparing the name again
    /// (``AreaMatcher/coversWithinMunicipality(_:_:)``): the name written otherwise finds the same
    /// ones; a dwelling of another municipality, in a neighbourhood of the same name, finds none,
    /// as ``AreaMatcher/covers(_:_:)`` says of each designation.
    @Test("a municipality's designations only: its name in any case finds them, another municipality's none")
    func municipalityOnly() throws {
        let engine = try Self.engine()
        let day = try Self.date("2020-06-01")
        let written = AreaMatcher.DwellingKey(Dwelling(municipality: "  SCHIEDAM ", neighbourhood: "oost", category: "rental"))
        #expect(engine.covering(written, on: day).ids == ["a", "b", "c"])
        #expect(engine.designations.filter { $0.isInForce(on: day) && AreaMatcher.coversWithinMunicipality($0, written) }.map(\.id) == ["a", "b", "c"])
        let elsewhere = AreaMatcher.DwellingKey(Dwelling(municipality: "Vlaardingen", neighbourhood: "Oost", category: "rental"))
        #expect(engine.covering(elsewhere, on: day).ids == [])
        #expect(engine.designations.allSatisfy { !AreaMatcher.covers($0, elsewhere) })
        let other = Dwelling(municipality: "Vlaardingen", neighbourhood: "Oost", category: "rental")
        #expect(engine.covering(other, on: day).isEmpty && engine.coveringOnAnyDate(other).isEmpty)
    }

    @Test("beyond the paired limit, two designations are still found, in a set of their own")
    func manyDesignations() throws {
        let count = MunicipalityDesignations.pairedUpTo + 1
        // Designation i covers neighbourhood "N<i>" from 2018; n0 also covers "N1", with another measure.
        var files: [(String, String)] = (0..<count).map { i in
            ("\(i).json", DesignationTests.json(id: "n" + String(repeating: "0", count: 3 - String(i).count) + String(i), areas: #"{"neighbourhoods": ["N\#(i)"]}"#, measures: DesignationTests.art9))
        }
        files.append(("extra.json", DesignationTests.json(id: "x", areas: #"{"neighbourhoods": ["N1"]}"#, measures: #"{"art8": {"incomeTest": "applicant"}}"#)))
        let (designations, problems) = DesignationReader(law: TestSupport.law).read(files: files)
        #expect(problems.isEmpty, "\(problems.map { $0.rendered() })")
        let engine = Engine(law: TestSupport.law, designations: designations)
        let date = try Self.date("2019-01-01")
        #expect(engine.covering(Self.key("N1"), on: date).ids == ["n001", "x"])
        #expect(engine.covering(Self.key("N7"), on: date).ids == ["n007"])
    }
}
