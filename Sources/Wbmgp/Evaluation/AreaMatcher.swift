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
        /// Without spaces, in upper case: six characters, or the four digits alone.
        let postcode: String?
        let house: HouseNumber?
        /// The facts of the address the application does not give, wholly (a postcode of four
        /// digits alone counts: its letters are not given) (``undecidedFacts(_:_:)``).
        let absent: DwellingFacts

        // Borrowed, and each field read once: taken as its own, the dwelling was copied by every
        // caller (counting each of its names), and a closure reading its addition captured it.
        public init(_ dwelling: borrowing Dwelling) {
            municipality = FoldedName(dwelling.municipality)
            category = dwelling.category
            // A blank field ("" or spaces, as a form exports one left empty) says nothing of the
            // address: absent, so it cannot rule an area out (``undecidedFacts(_:_:)``). Seen in
            // the compared forms, which are made anyway (a scan of its own cost about 230
            // instructions a decision). Each field is assigned once, from a plain value, and its
            // absence noted in the same branch: an optional made and then cleared, or compared
            // with nil afterwards, went through the runtime's generic code for optionals (about
            // 500 instructions).
            var absent: DwellingFacts = []
            if let name = dwelling.neighbourhood, case let folded = FoldedName(name), !folded.isBlank {
                neighbourhood = folded
            } else {
                neighbourhood = nil
                absent.insert(.neighbourhood)
            }
            if let name = dwelling.street, case let folded = FoldedName(name), !folded.isBlank {
                street = folded
            } else {
                street = nil
                absent.insert(.street)
            }
            if let code = dwelling.postcode, case let normalised = AreaMatcher.normalisedPostcode(code), !normalised.isEmpty {
                postcode = normalised
                // Four digits alone (the reader lets nothing else shorter through) are part of the
                // postcode: they decide a designated postcode area, not a full postcode or range.
                if normalised.utf8.count == 4 { absent.insert(.postcode) }
            } else {
                postcode = nil
                absent.insert(.postcode)
            }
            if let number = dwelling.houseNumber {
                house = HouseNumber(number: number, addition: AreaMatcher.normalisedAddition(dwelling.houseNumberAddition))
            } else {
                house = nil
                absent.insert(.houseNumber)
            }
            self.absent = absent
        }
    }

    /// The facts of a dwelling's address that a designation's areas are matched on (interface §5).
    public struct DwellingFacts: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let neighbourhood = DwellingFacts(rawValue: 1)
        public static let postcode = DwellingFacts(rawValue: 2)
        public static let street = DwellingFacts(rawValue: 4)
        public static let houseNumber = DwellingFacts(rawValue: 8)

        /// Each fact with the JSON path of its field in the application, in the order the
        /// dwelling object gives them (interface §3).
        static let fields: [(fact: DwellingFacts, path: String)] = [
            (.postcode, "$.dwelling.postcode"), (.houseNumber, "$.dwelling.houseNumber"), (.street, "$.dwelling.street"),
            (.neighbourhood, "$.dwelling.neighbourhood"),
        ]

        /// The JSON paths of these facts, in the order of ``fields``.
        public var paths: [String] { Self.fields.filter { contains($0.fact) }.map(\.path) }
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

    /// The facts absent from `dwelling` without which it cannot be told whether `designation`,
    /// of the dwelling's municipality, covers it; empty when the facts given decide it (it
    /// covers, or no area of it could). An area entry asks only for what it is matched on: a
    /// neighbourhood for `neighbourhoods`, a postcode for `postcodes`, the street and house
    /// number for a street range (and the postcode for one limited to a postcode), the postcode
    /// and house number for an address; an entry that a fact given already rules out asks for
    /// nothing. So a dwelling without its neighbourhood's name is not taken to lie outside a
    /// designated neighbourhood.
    static func undecidedFacts(_ designation: Designation, _ dwelling: DwellingKey) -> DwellingFacts {
        guard !dwelling.absent.isEmpty, designation.categories.contains(dwelling.category), !coversWithinMunicipality(designation, dwelling) else { return [] }
        var needed: DwellingFacts = []
        if dwelling.neighbourhood == nil, !designation.areas.neighbourhoods.isEmpty { needed.insert(.neighbourhood) }
        // A postcode given whole decides every postcode entry; its four digits alone decide an
        // area, and leave a full postcode or range that starts with them open.
        let partial = dwelling.absent.contains(.postcode) ? dwelling.postcode : nil
        if dwelling.postcode == nil, !designation.areas.postcodes.isEmpty { needed.insert(.postcode) }
        if let partial, designation.areas.postcodes.contains(where: { mayMatch($0, digits: partial) }) { needed.insert(.postcode) }
        for entry in designation.areaKey.streets {
            if let street = dwelling.street, entry.name != street { continue }
            var entryNeeds: DwellingFacts = dwelling.street == nil ? .street : []
            if let house = dwelling.house {
                guard contains(entry.range, house) else { continue }
            } else {
                entryNeeds.insert(.houseNumber)
            }
            if let limit = entry.range.postcode {
                if let partial, !matches(limit, partial) {
                    guard mayMatch(limit, digits: partial) else { continue }
                    entryNeeds.insert(.postcode)
                } else if let postcode = dwelling.postcode {
                    guard matches(limit, postcode) else { continue }
                } else {
                    entryNeeds.insert(.postcode)
                }
            }
            needed.formUnion(entryNeeds)
        }
        for address in designation.areas.addresses {
            var entryNeeds: DwellingFacts = []
            if let partial {
                guard address.postcode.hasPrefix(partial) else { continue }
                entryNeeds.insert(.postcode)
            } else if let postcode = dwelling.postcode {
                guard address.postcode == postcode else { continue }
            } else {
                entryNeeds.insert(.postcode)
            }
            if let house = dwelling.house {
                guard address.houseNumber == house.number, normalisedAddition(address.houseNumberAddition) == house.addition else { continue }
            } else {
                entryNeeds.insert(.houseNumber)
            }
            needed.formUnion(entryNeeds)
        }
        return needed
    }

    /// A name as compared: case and surrounding spaces ignored.
    static func key(_ name: String) -> String {
        let trimmed = name.trimmingSpaces
        return ASCIICase.lowercased(trimmed) ?? trimmed.lowercased()
    }

    static func sameName(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    /// Without spaces (a tab or a no-break space, as a spreadsheet or a copied text gives them,
    /// counts as one), in upper case.
    public static func normalisedPostcode(_ text: String) -> String {
        if let fast = ASCIICase.uppercased(text, droppingSpaces: true) { return fast }
        return String(text.filter { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }).uppercased()
    }

    /// Whether `text` is a postcode (four digits and two letters, spaces and case ignored), its
    /// four digits alone, or blank: looked at in its bytes where they lie, with no string made
    /// (iterated through `utf8`, the check cost about 300 instructions a decision).
    static func isPostcodeOrBlank(_ text: String) -> Bool {
        TextBytes.withUTF8(of: text) { bytes in
            func digit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
            func letter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
            // The two forms almost every postcode has, "3074AB" and "3074 AB", without the loop;
            // anything else (other spacing, the digits alone) through it.
            if bytes.count == 6 || (bytes.count == 7 && bytes[4] == 0x20),
                digit(bytes[0]) && digit(bytes[1]) && digit(bytes[2]) && digit(bytes[3]) && letter(bytes[bytes.count - 2]) && letter(bytes[bytes.count - 1])
            {
                return true
            }
            var count = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                // Spaces, tabs and no-break spaces (C2 A0) are ignored, as the matcher drops them.
                if byte == 0x20 || byte == 0x09 { continue }
                if byte == 0xC2, i < bytes.count, bytes[i] == 0xA0 {
                    i += 1
                    continue
                }
                switch count {
                case 0..<4: guard digit(byte) else { return false }
                case 4, 5: guard letter(byte) else { return false }
                default: return false
                }
                count += 1
            }
            return count == 0 || count == 4 || count == 6
        }
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

    /// Whether some full postcode starting with `digits` (a postcode's four digits alone)
    /// matches `pattern`: a postcode area of those digits does for every one.
    static func mayMatch(_ pattern: PostcodePattern, digits: String) -> Bool {
        switch pattern {
        case .area(let area): return area == digits
        case .exact(let full): return full.hasPrefix(digits)
        case .range(let low, let high): return String(low.prefix(4)) <= digits && digits <= String(high.prefix(4))
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
