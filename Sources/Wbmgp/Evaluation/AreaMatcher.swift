/// Decides whether a dwelling lies in a designation's areas (interface §5).
///
/// Names compare case-insensitively with surrounding spaces ignored; postcodes compare without
/// spaces in upper case; house numbers by number first, then addition (none sorts first).
public enum AreaMatcher {
    /// A dwelling's address in the compared forms, made once per decision (names folded, not
    /// copied: ``FoldedName``).
    public struct DwellingKey: Sendable {
        let municipality: FoldedName
        let category: String
        let neighbourhood: FoldedName?
        let street: FoldedName?
        let postcode: String?
        let house: HouseNumber?

        // Borrowed, and each field read once: taken as its own, the dwelling was copied by every
        // caller (counting each of its names), and a closure reading its addition captured it.
        public init(_ dwelling: borrowing Dwelling) {
            municipality = FoldedName(dwelling.municipality)
            category = dwelling.category
            neighbourhood = dwelling.neighbourhood.map(FoldedName.init)
            street = dwelling.street.map(FoldedName.init)
            postcode = dwelling.postcode.map(AreaMatcher.normalisedPostcode)
            if let number = dwelling.houseNumber {
                house = HouseNumber(number: number, addition: AreaMatcher.normalisedAddition(dwelling.houseNumberAddition))
            } else {
                house = nil
            }
        }
    }

    /// The same areas in compared forms, made once when a designation is loaded.
    public struct AreaKey: Sendable {
        var municipality: FoldedName
        var neighbourhoods: FoldedNameTable<Void>
        var streets: [(name: FoldedName, range: StreetRange)]

        init(municipality: String, areas: Areas) {
            self.municipality = FoldedName(municipality)
            neighbourhoods = FoldedNameTable(names: areas.neighbourhoods.map(FoldedName.init))
            streets = areas.streets.map { (FoldedName($0.street), $0) }
        }
    }

    public static func covers(_ designation: Designation, _ dwelling: Dwelling) -> Bool {
        covers(designation, DwellingKey(dwelling))
    }

    public static func covers(_ designation: Designation, _ dwelling: DwellingKey) -> Bool {
        designation.areaKey.municipality == dwelling.municipality && coversWithinMunicipality(designation, dwelling)
    }

    /// ``covers(_:_:)`` for a designation of the dwelling's own municipality, as the engine
    /// groups them (``MunicipalityDesignations``): the names were found equal when the group was
    /// looked up, and comparing them again, for each designation of the group at every
    /// decision, compared a long name's bytes each time.
    static func coversWithinMunicipality(_ designation: Designation, _ dwelling: DwellingKey) -> Bool {
        // The designation's fields read where they lie: its area key and areas bound to locals
        // were copied, counting each of their lists, for every designation of the municipality
        // at every decision.
        guard designation.categories.contains(dwelling.category) else { return false }
        if let neighbourhood = dwelling.neighbourhood, designation.areaKey.neighbourhoods.contains(neighbourhood) { return true }
        if let postcode = dwelling.postcode {
            for pattern in designation.areas.postcodes where matches(pattern, postcode) { return true }
        }
        if let house = dwelling.house {
            if let street = dwelling.street {
                for entry in designation.areaKey.streets where entry.name == street && contains(entry.range, house) {
                    // A range limited to a postcode covers a dwelling whose postcode is given and
                    // lies in it; without a postcode the dwelling is not shown to be inside.
                    guard let limit = entry.range.postcode else { return true }
                    if let postcode = dwelling.postcode, matches(limit, postcode) { return true }
                }
            }
            if let postcode = dwelling.postcode {
                for address in designation.areas.addresses
                where address.postcode == postcode && address.houseNumber == house.number
                    && normalisedAddition(address.houseNumberAddition) == house.addition
                {
                    return true
                }
            }
        }
        return false
    }

    /// A name as compared: case and surrounding spaces ignored.
    static func key(_ name: String) -> String {
        let trimmed = name.trimmingSpaces
        return ASCIICase.lowercased(trimmed) ?? trimmed.lowercased()
    }

    static func sameName(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    public static func normalisedPostcode(_ text: String) -> String {
        if let fast = ASCIICase.uppercased(text, droppingSpaces: true) { return fast }
        return String(text.filter { $0 != " " }).uppercased()
    }

    static func normalisedAddition(_ text: String?) -> String {
        let trimmed = (text ?? "").trimmingSpaces
        return ASCIICase.uppercased(trimmed) ?? trimmed.uppercased()
    }

    static func matches(_ pattern: PostcodePattern, _ postcode: String) -> Bool {
        switch pattern {
        case .area(let digits): return postcode.hasPrefix(digits)
        case .exact(let full): return postcode == full
        case .range(let low, let high): return postcode.count == 6 && low <= postcode && postcode <= high
        }
    }

    static func contains(_ range: StreetRange, _ house: HouseNumber) -> Bool {
        if let from = range.from, house < from { return false }
        if let to = range.to, to < house { return false }
        switch range.parity {
        case .all: return true
        case .odd: return house.number % 2 == 1
        case .even: return house.number % 2 == 0
        }
    }
}

extension String {
    /// Without leading and trailing spaces (U+0020), working on UTF-8 bytes.
    var trimmingSpaces: String {
        let bytes = utf8
        guard bytes.first == 0x20 || bytes.last == 0x20 else { return self }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == 0x20 { end = bytes.index(before: end) }
        return String(self[start..<end])
    }
}
