import Testing

@testable import Wbmgp

/// What check-request's area warnings compare (``AreaComparison``), worked by hand: a part is
/// within another designation when one of its parts holds all of it, and shared when a dwelling
/// could lie in both.
@Suite("Areas compared: within and shared")
struct AreaComparisonTests {
    func designation(_ areas: String, in municipality: String = "Rotterdam") throws -> Designation {
        let text = DesignationTests.json(municipality: municipality, areas: areas, measures: DesignationTests.art9)
        let (found, problems) = DesignationReader(law: TestSupport.law).read(files: [("a.json", text)])
        #expect(problems.isEmpty, "\(problems)")
        return try #require(found.first)
    }

    @Test("postcodes: the same written otherwise and full codes in an area are within; a wider area is not")
    func postcodes() throws {
        let before = try designation(#"{"postcodes": ["3026AB", "3026"]}"#)
        #expect(AreaComparison.outside(try designation(#"{"postcodes": ["3026 ab", "3026CD", "3026AA-3026ZZ"]}"#), before).isEmpty)
        #expect(AreaComparison.outside(try designation(#"{"postcodes": ["3026", "3027", "3025ZZ-3026AA"]}"#), before) == ["3027", "3025ZZ-3026AA"])
    }

    @Test("street ranges: narrower, same parity or limited within are within; wider, other parity or unlimited are not")
    func streets() throws {
        let before = try designation(#"{"streets": [{"street": "Hogenbanweg", "from": 1, "to": 99}, {"street": "Kerkweg", "from": 1, "to": 51, "parity": "odd", "postcode": "3026"}]}"#)
        let within = try designation(
            #"{"streets": [{"street": "hogenbanweg", "from": "49B", "to": 87, "parity": "even"}, {"street": "Kerkweg", "from": 3, "to": 9, "parity": "odd", "postcode": "3026AB"}]}"#)
        #expect(AreaComparison.outside(within, before).isEmpty)
        let wider = try designation(
            #"{"streets": [{"street": "Hogenbanweg", "from": 1, "to": 199}, {"street": "Kerkweg", "from": 3, "to": 9}, {"street": "Kerkweg", "from": 3, "to": 9, "parity": "even", "postcode": "3026"}, {"street": "Hogenbanweg"}]}"#)
        #expect(AreaComparison.outside(wider, before) == ["Hogenbanweg 1-199", "Kerkweg 3-9", "Kerkweg 3-9 even in 3026", "Hogenbanweg -"])
        // A street limited to a postcode the other designation holds whole is within it.
        #expect(AreaComparison.outside(try designation(#"{"streets": [{"street": "Mathenesserdijk", "postcode": "3026AB"}]}"#), try designation(#"{"postcodes": ["3026"]}"#)).isEmpty)
    }

    @Test("addresses and neighbourhoods: by themselves or by a postcode; names compare without case")
    func addressesAndNeighbourhoods() throws {
        let before = try designation(#"{"neighbourhoods": ["Carnisse"], "postcodes": ["3311"], "addresses": [{"postcode": "3074AB", "houseNumber": 1}]}"#)
        let now = try designation(
            #"{"neighbourhoods": ["carnisse", "Bloemhof"], "addresses": [{"postcode": "3311XY", "houseNumber": 5}, {"postcode": "3074AB", "houseNumber": 1}, {"postcode": "3074AB", "houseNumber": 3}]}"#)
        #expect(AreaComparison.outside(now, before) == ["Bloemhof", "3074AB 3"])
        // Bloemhof may hold postcodes of 3311 or the address; 3074AB 3 may lie in Carnisse: where
        // a neighbourhood lies is not known here, so every part may share.
        #expect(AreaComparison.shared(now, before) == ["carnisse", "Bloemhof", "3311XY 5", "3074AB 1", "3074AB 3"])
    }

    @Test("shared: parts of one kind when they overlap; of different kinds unless a postcode limit shows otherwise; another municipality shares nothing and holds nothing")
    func shared() throws {
        let before = try designation(#"{"postcodes": ["3026AA-3026CZ"]}"#)
        #expect(AreaComparison.shared(try designation(#"{"postcodes": ["3026", "3027"]}"#), before) == ["3026"])
        let odd = try designation(#"{"streets": [{"street": "Hogenbanweg", "from": 1, "to": 49, "parity": "odd"}]}"#)
        let streets = try designation(#"{"streets": [{"street": "Hogenbanweg", "from": 49, "to": 99}, {"street": "Hogenbanweg", "from": 2, "to": 48, "parity": "even"}]}"#)
        #expect(AreaComparison.shared(streets, odd) == ["Hogenbanweg 49-99"])
        // Two open ranges of one parity share every other number (and were an overflow once).
        let openOdd = try designation(#"{"streets": [{"street": "Hogenbanweg", "parity": "odd"}]}"#)
        #expect(AreaComparison.shared(openOdd, openOdd) == ["Hogenbanweg - odd"])
        // A neighbourhood and a postcode may share; a street limited to 3026 and the postcode 3027 cannot.
        #expect(AreaComparison.shared(try designation(#"{"postcodes": ["3027"]}"#), try designation(#"{"neighbourhoods": ["Delfshaven"]}"#)) == ["3027"])
        let limited = try designation(#"{"streets": [{"street": "Mathenesserdijk", "postcode": "3026"}]}"#)
        #expect(AreaComparison.shared(try designation(#"{"postcodes": ["3027"]}"#), limited).isEmpty)
        #expect(AreaComparison.shared(try designation(#"{"postcodes": ["3026AB"]}"#), limited) == ["3026AB"])
        // An unlimited street may run through any postcode.
        #expect(AreaComparison.shared(try designation(#"{"postcodes": ["3027"]}"#), try designation(#"{"streets": [{"street": "Mathenesserdijk"}]}"#)) == ["3027"])
        let elsewhere = try designation(#"{"postcodes": ["3026AB"]}"#, in: "Schiedam")
        #expect(AreaComparison.shared(elsewhere, before).isEmpty)
        #expect(AreaComparison.outside(elsewhere, before) == ["3026AB"])
    }

    @Test("a part's name reads as words in each language; the message and facts keep the name; other texts stay as written")
    func partWords() throws {
        let areas = try designation(
            #"{"neighbourhoods": ["Bloemhof"], "postcodes": ["3027", "3026AB", "3026AA-3026ZZ"], "streets": [{"street": "Hogenbanweg", "from": "49B", "to": "87D", "parity": "odd"}, {"street": "Mathenesserdijk", "from": 1, "postcode": "3026"}, {"street": "Kerkweg", "to": 51, "parity": "even"}, {"street": "Dorpsweg"}, {"street": "Westweg", "from": 3, "to": 3}, {"street": "Zuidweg", "from": "12 2", "to": "12 9"}], "addresses": [{"postcode": "3311AB", "houseNumber": 1, "houseNumberAddition": "a"}, {"postcode": "3311AB", "houseNumber": 1, "houseNumberAddition": "2"}]}"#)
        let words = AreaPartWords([areas])
        // A number as addition is set apart: 1 with addition 2 is not 12.
        let names = [
            "Bloemhof", "3027", "3026AB", "3026AA-3026ZZ", "Hogenbanweg 49B-87D odd", "Mathenesserdijk 1- in 3026", "Kerkweg -51 even", "Dorpsweg -", "Westweg 3-3",
            "Zuidweg 12 2-12 9", "3311AB 1A", "3311AB 1 2",
        ]
        #expect(AreaComparison.outside(areas, try designation(#"{"neighbourhoods": ["Carnisse"]}"#)) == names)
        #expect(names.map { words.words(for: $0, .nl) } == [
            nil, "postcodegebied 3027", "postcode 3026 AB", "postcodes 3026 AA tot en met 3026 ZZ", "Hogenbanweg 49B tot en met 87D (oneven nummers)",
            "Mathenesserdijk vanaf 1 (binnen postcodegebied 3026)", "Kerkweg tot en met 51 (even nummers)", "Dorpsweg (alle huisnummers)", "Westweg 3",
            "Zuidweg 12 2 tot en met 12 9", "huisnummer 1A (postcode 3311 AB)", "huisnummer 1 2 (postcode 3311 AB)",
        ])
        #expect(names.map { words.words(for: $0, .en) } == [
            nil, "postcode area 3027", "postcode 3026 AB", "postcodes 3026 AA to 3026 ZZ", "Hogenbanweg 49B to 87D (odd numbers)",
            "Mathenesserdijk from 1 (within postcode area 3026)", "Kerkweg up to and including 51 (even numbers)", "Dorpsweg (all house numbers)", "Westweg 3",
            "Zuidweg 12 2 to 12 9", "house number 1A (postcode 3311 AB)", "house number 1 2 (postcode 3311 AB)",
        ])
        #expect(words.words(for: "Hogenbanweg 1-99", .nl) == nil)
    }

    @Test("check-request: the added area of an extension in words in its texts, by its name in its message and facts")
    func addedAreaInWords() throws {
        let previous = #"{"id": "a", "municipality": "Rotterdam", "decisionDate": "2018-12-01", "term": {"from": "2019-01-01", "until": "2022-12-31"}, "extends": null, "region": {"name": "R", "municipalities": ["Rotterdam"]}, "areas": {"streets": [{"street": "Hogenbanweg", "from": 1, "to": 47}]}, "categories": ["rental"], "measures": {"art9": {"characteristics": ["teacher"]}}}"#
        let requested = #"{"id": "b", "municipality": "Rotterdam", "term": {"from": "2023-01-01", "until": "2026-12-31"}, "extends": "a", "region": {"name": "R", "municipalities": ["Rotterdam"]}, "areas": {"streets": [{"street": "Hogenbanweg", "from": "49B", "to": "87D", "parity": "odd"}]}, "categories": ["rental"], "measures": {"art9": {"characteristics": ["teacher"]}}}"#
        let text = #"{"id": "r", "kind": "extension", "receivedDate": "2022-09-05", "requested": \#(requested), "previous": [\#(previous)]}"#
        let report = try RequestChecker(law: TestSupport.law).check(try RequestReader(law: TestSupport.law).read(Array(text.utf8)))
        let added = try #require(report.findings.first { $0.code == "REQ-EXT-ADDED-AREA" })
        #expect(added.text.nl.hasPrefix("De verlenging omvat gebied dat niet onder de aanwijzing viel die wordt verlengd: Hogenbanweg 49B tot en met 87D (oneven nummers). "), "\(added.text.nl)")
        #expect(added.text.en.hasPrefix("The extension covers area that the designation being extended did not cover: Hogenbanweg 49B to 87D (odd numbers). "), "\(added.text.en)")
        #expect(added.message.hasPrefix("the extension covers area the designation extended did not: Hogenbanweg 49B-87D odd;"), "\(added.message)")
        #expect(added.facts.first { $0.key == "added" }?.value == .array([.string("Hogenbanweg 49B-87D odd")]))
    }
}
