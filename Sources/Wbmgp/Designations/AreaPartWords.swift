/// The parts of designations' areas in words for a person (interface §10), in each language.
///
/// A requirement's facts and technical message name a part compactly, the same in every
/// language ("Hogenbanweg 49B-87D odd", "3026AA-3026ZZ"; ``ExpressionEvaluator/describe(_:)-(StreetRange)``),
/// and `check-request`'s texts quoted that name inside Dutch sentences. A text now writes it as
/// "Hogenbanweg 49B tot en met 87D (oneven nummers)" or "Hogenbanweg 49B to 87D (odd numbers)".
/// Only the names of the parts of the designations given are mapped, so a free text that looks
/// like one stays as written; a neighbourhood is its own name in both.
struct AreaPartWords: Sendable {
    struct Words: Sendable, Hashable {
        var nl: String
        var en: String
    }

    private var byName: [String: Words] = [:]

    init(_ designations: [Designation]) {
        for designation in designations {
            for pattern in designation.areas.postcodes { byName[DesignationSetChecks.describe(pattern)] = Self.words(pattern) }
            for range in designation.areas.streets { byName[ExpressionEvaluator.describe(range)] = Self.words(range) }
            for address in designation.areas.addresses { byName[ExpressionEvaluator.describe(address)] = Self.words(address) }
        }
    }

    /// The words for the part named `name`, nil when no part of the designations has that name.
    func words(for name: String, _ language: Language) -> String? {
        byName[name].map { language == .en ? $0.en : $0.nl }
    }

    /// "3026AB" as it is written for a person: "3026 AB".
    static func spaced(_ postcode: String) -> String {
        postcode.utf8.count == 6 ? "\(postcode.prefix(4)) \(postcode.suffix(2))" : postcode
    }

    static func words(_ pattern: PostcodePattern) -> Words {
        switch pattern {
        case .area(let digits): return Words(nl: "postcodegebied \(digits)", en: "postcode area \(digits)")
        case .exact(let code): return Words(nl: "postcode \(spaced(code))", en: "postcode \(spaced(code))")
        case .range(let low, let high):
            return Words(nl: "postcodes \(spaced(low)) tot en met \(spaced(high))", en: "postcodes \(spaced(low)) to \(spaced(high))")
        }
    }

    /// A street and its numbers; the parity and a postcode limit in brackets, so that a list of
    /// parts keeps its commas for the list.
    static func words(_ range: StreetRange) -> Words {
        func number(_ house: HouseNumber) -> String { Self.number(house.number, house.addition) }
        var named: Words
        switch (range.from, range.to) {
        case (let from?, let to?) where from == to: named = Words(nl: "\(range.street) \(number(from))", en: "\(range.street) \(number(from))")
        case (let from?, let to?):
            named = Words(nl: "\(range.street) \(number(from)) tot en met \(number(to))", en: "\(range.street) \(number(from)) to \(number(to))")
        case (let from?, nil): named = Words(nl: "\(range.street) vanaf \(number(from))", en: "\(range.street) from \(number(from))")
        case (nil, let to?): named = Words(nl: "\(range.street) tot en met \(number(to))", en: "\(range.street) up to and including \(number(to))")
        // The whole street, said so: a bare name read as a neighbourhood's.
        case (nil, nil): named = Words(nl: range.street, en: range.street)
        }
        var notes: [Words] = []
        switch range.parity {
        case .odd: notes.append(Words(nl: "oneven nummers", en: "odd numbers"))
        case .even: notes.append(Words(nl: "even nummers", en: "even numbers"))
        // The whole street, said so: a bare name read as a neighbourhood's.
        case .all where range.from == nil && range.to == nil: notes.append(Words(nl: "alle huisnummers", en: "all house numbers"))
        case .all: break
        }
        if let limit = range.postcode {
            let within = words(limit)
            notes.append(Words(nl: "binnen \(within.nl)", en: "within \(within.en)"))
        }
        guard !notes.isEmpty else { return named }
        named.nl += " (" + notes.map(\.nl).joined(separator: ", ") + ")"
        named.en += " (" + notes.map(\.en).joined(separator: ", ") + ")"
        return named
    }

    static func words(_ address: Address) -> Words {
        let number = Self.number(address.houseNumber, AreaMatcher.normalisedAddition(address.houseNumberAddition))
        return Words(nl: "huisnummer \(number) (postcode \(spaced(address.postcode)))", en: "house number \(number) (postcode \(spaced(address.postcode)))")
    }

    /// A house number with its addition: "49B", and "12 2" where the addition is a number too
    /// (written together, 12 with addition 2 read as 122).
    static func number(_ number: Int, _ addition: String) -> String {
        guard let first = addition.utf8.first else { return String(number) }
        return first >= 0x30 && first <= 0x39 ? "\(number) \(addition)" : "\(number)\(addition)"
    }
}
