/// One designation's areas against another's, part by part, as far as can be seen statically:
/// what `check-request` warns about (legal spec A7: area an extension adds; a new designation of
/// an area designated before). Parts are named as the requirements name them
/// (``ExpressionEvaluator/describe(_:)-(StreetRange)``).
///
/// A part is *within* the other designation when one of its parts holds all of it: a
/// neighbourhood of the same name, a postcode pattern that contains it, a range of the same street
/// that contains it (numbers, parity and postcode limit), a single address by itself or by a
/// postcode. A part *shares* with the other designation when some dwelling could lie in both:
/// parts of one kind when they visibly overlap; parts of different kinds (a neighbourhood and a
/// street, a postcode and a street without a postcode limit) whenever nothing shows they do not,
/// as a neighbourhood's streets and postcodes are not known here (a warning rather given once
/// too often than missed).
/// Designations of different municipalities share nothing: a dwelling lies in one.
enum AreaComparison {
    /// The parts of `a`'s areas that no part of `b` holds, in `a`'s order.
    static func outside(_ a: Designation, _ b: Designation) -> [String] {
        parts(of: a) { part in sameMunicipality(a, b) && holds(b.areas, part) }.filter { !$0.matched }.map(\.name)
    }

    /// The parts of `a`'s areas that some part of `b` shares a dwelling with, in `a`'s order.
    static func shared(_ a: Designation, _ b: Designation) -> [String] {
        guard sameMunicipality(a, b) else { return [] }
        return parts(of: a) { part in shares(b.areas, part) }.filter(\.matched).map(\.name)
    }

    enum Part {
        case neighbourhood(String), postcode(PostcodePattern), street(StreetRange), address(Address)
    }

    static func sameMunicipality(_ a: Designation, _ b: Designation) -> Bool { AreaMatcher.sameName(a.municipality, b.municipality) }

    static func parts(of designation: Designation, _ test: (Part) -> Bool) -> [(name: String, matched: Bool)] {
        let areas = designation.areas
        return areas.neighbourhoods.map { ($0, test(.neighbourhood($0))) }
            + areas.postcodes.map { (DesignationSetChecks.describe($0), test(.postcode($0))) }
            + areas.streets.map { (ExpressionEvaluator.describe($0), test(.street($0))) }
            + areas.addresses.map { (ExpressionEvaluator.describe($0), test(.address($0))) }
    }

    static func holds(_ areas: Areas, _ part: Part) -> Bool {
        switch part {
        case .neighbourhood(let name): return areas.neighbourhoods.contains { AreaMatcher.sameName($0, name) }
        case .postcode(let pattern): return areas.postcodes.contains { contains($0, pattern) }
        case .street(let range):
            if let limit = range.postcode, areas.postcodes.contains(where: { contains($0, limit) }) { return true }
            return areas.streets.contains { AreaMatcher.sameName($0.street, range.street) && contains($0, range) }
        case .address(let address):
            return areas.addresses.contains { DesignationSetChecks.addressKey($0) == DesignationSetChecks.addressKey(address) }
                || areas.postcodes.contains { AreaMatcher.matches($0, address.postcode) }
        }
    }

    static func shares(_ areas: Areas, _ part: Part) -> Bool {
        switch part {
        case .neighbourhood:
            // Where a neighbourhood lies in postcodes and streets is not known here.
            return holds(areas, part) || !areas.postcodes.isEmpty || !areas.streets.isEmpty || !areas.addresses.isEmpty
        case .postcode(let pattern):
            return !areas.neighbourhoods.isEmpty
                || areas.postcodes.contains { DesignationSetChecks.postcodesOverlap($0, pattern) }
                || areas.addresses.contains { AreaMatcher.matches(pattern, $0.postcode) }
                || areas.streets.contains { $0.postcode.map { DesignationSetChecks.postcodesOverlap($0, pattern) } ?? true }
        case .street(let range):
            if !areas.neighbourhoods.isEmpty || !areas.addresses.isEmpty { return true }
            if areas.postcodes.contains(where: { postcode in range.postcode.map { DesignationSetChecks.postcodesOverlap(postcode, $0) } ?? true }) {
                return true
            }
            return areas.streets.contains { AreaMatcher.sameName($0.street, range.street) && DesignationSetChecks.streetRangesOverlap($0, range) }
        case .address(let address):
            // An address names no street: a street range may hold it unless its postcode limit does not.
            return holds(areas, part) || !areas.neighbourhoods.isEmpty
                || areas.streets.contains { $0.postcode.map { AreaMatcher.matches($0, address.postcode) } ?? true }
        }
    }

    /// Whether every postcode `inner` matches, `outer` matches too.
    static func contains(_ outer: PostcodePattern, _ inner: PostcodePattern) -> Bool {
        let (low, high) = DesignationSetChecks.bounds(outer)
        let (innerLow, innerHigh) = DesignationSetChecks.bounds(inner)
        return low <= innerLow && innerHigh <= high
    }

    /// Whether every dwelling of `inner` (same street) lies in `outer`: its numbers, parity and
    /// postcode limit.
    static func contains(_ outer: StreetRange, _ inner: StreetRange) -> Bool {
        if let from = outer.from { guard let innerFrom = inner.from, from <= innerFrom else { return false } }
        if let to = outer.to { guard let innerTo = inner.to, innerTo <= to else { return false } }
        guard outer.parity == .all || outer.parity == inner.parity else { return false }
        guard let limit = outer.postcode else { return true }
        guard let innerLimit = inner.postcode else { return false }
        return contains(limit, innerLimit)
    }
}
