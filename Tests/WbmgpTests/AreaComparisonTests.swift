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
}
