/// Decides whether a dwelling lies in a designation's areas (interface §5).
///
/// Names compare case-insensitively with surrounding spaces ignored; postcodes compare without
/// spaces in upper case; house numbers by number first, then addition (none sorts first).
public enum AreaMatcher {
    public static func covers(_ designation: Designation, _ dwelling: Dwelling) -> Bool {
        guard sameName(designation.municipality, dwelling.municipality), designation.categories.contains(dwelling.category) else {
            return false
        }
        let areas = designation.areas
        if let neighbourhood = dwelling.neighbourhood, areas.neighbourhoods.contains(where: { sameName($0, neighbourhood) }) {
            return true
        }
        if let postcode = dwelling.postcode.map(normalisedPostcode) {
            for pattern in areas.postcodes where matches(pattern, postcode) { return true }
        }
        if let number = dwelling.houseNumber {
            let house = HouseNumber(number: number, addition: normalisedAddition(dwelling.houseNumberAddition))
            if let street = dwelling.street {
                for range in areas.streets where sameName(range.street, street) && contains(range, house) { return true }
            }
            if let postcode = dwelling.postcode.map(normalisedPostcode) {
                for address in areas.addresses
                where address.postcode == postcode && address.houseNumber == number
                    && normalisedAddition(address.houseNumberAddition) == house.addition
                {
                    return true
                }
            }
        }
        return false
    }

    static func sameName(_ a: String, _ b: String) -> Bool {
        a.trimmingSpaces.lowercased() == b.trimmingSpaces.lowercased()
    }

    public static func normalisedPostcode(_ text: String) -> String {
        String(text.filter { $0 != " " }).uppercased()
    }

    static func normalisedAddition(_ text: String?) -> String {
        (text ?? "").trimmingSpaces.uppercased()
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
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
