/// Checks across designation files: unique ids, `extends` naming a designation, and two
/// designations with the same measure covering the same dwelling on the same day (as far as can
/// be seen without a dwelling: same neighbourhood, nested postcodes, overlapping street ranges,
/// same address). A conflict is reported, never resolved silently.
enum DesignationSetChecks {
    static func check(_ designations: [Designation]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byId: [String: Designation] = [:]
        for designation in designations {
            if let other = byId[designation.id] {
                diagnostics.append(Diagnostic(code: .designationDuplicate, message: "designation id '\(designation.id)' is also used by \(other.path)", path: designation.path, jsonPath: "$.id"))
            }
            byId[designation.id] = designation
        }
        for designation in designations {
            if let extends = designation.extends, byId[extends] == nil {
                diagnostics.append(
                    Diagnostic(code: .designationExtends, message: "'extends' names '\(extends)', which is not a designation here\(Suggestions.hint(for: extends, in: byId.keys.sorted()))", path: designation.path, jsonPath: "$.extends"))
            }
        }
        for (i, a) in designations.enumerated() {
            for b in designations[(i + 1)...] {
                guard a.from <= b.until, b.from <= a.until, AreaMatcher.sameName(a.municipality, b.municipality),
                    a.categories.contains(where: b.categories.contains)
                else { continue }
                let shared = a.measures.map(\.name).filter { name in b.measures.contains { $0.name == name } }
                guard !shared.isEmpty, let place = overlap(a.areas, b.areas) else { continue }
                diagnostics.append(
                    Diagnostic(
                        code: .designationConflict,
                        message: "designations '\(a.id)' and '\(b.id)' both carry measure \(shared.joined(separator: ", ")) for \(place) from \(max(a.from, b.from)) to \(min(a.until, b.until)); only one may apply",
                        path: b.path, jsonPath: "$.areas"))
            }
        }
        return diagnostics
    }

    /// Lists whose pairwise comparison stays below this many pairs are compared pairwise, which
    /// names the first overlapping pattern of `b`; longer ones through an index.
    static let pairwiseLimit = 4_096

    /// A description of a place both area sets cover, or nil when none is visible statically.
    ///
    /// - Complexity: O((n + m) log m) for lists of n and m entries, but for ranges of one street
    ///   name, which are compared pairwise within that name.
    static func overlap(_ a: Areas, _ b: Areas) -> String? {
        let neighbourhoods = Set(b.neighbourhoods.map(AreaMatcher.key))
        for n in a.neighbourhoods where neighbourhoods.contains(AreaMatcher.key(n)) { return "neighbourhood \(n)" }
        if let place = postcodeOverlap(a.postcodes, b.postcodes) { return place }
        let streets = Dictionary(grouping: b.streets) { AreaMatcher.key($0.street) }
        for s in a.streets {
            for t in streets[AreaMatcher.key(s.street)] ?? [] where streetRangesOverlap(s, t) { return "street \(s.street)" }
        }
        let addresses = Set(b.addresses.map(addressKey))
        let bPostcodes = PostcodeIntervals(b.postcodes)
        for x in a.addresses {
            if addresses.contains(addressKey(x)) || covered(x.postcode, by: b.postcodes, bPostcodes) { return "address \(x.postcode) \(x.houseNumber)" }
        }
        let aPostcodes = PostcodeIntervals(a.postcodes)
        for y in b.addresses where covered(y.postcode, by: a.postcodes, aPostcodes) { return "address \(y.postcode) \(y.houseNumber)" }
        return nil
    }

    /// The first postcode of `a` that overlaps one of `b`, described with it.
    static func postcodeOverlap(_ a: [PostcodePattern], _ b: [PostcodePattern]) -> String? {
        if a.count * b.count <= pairwiseLimit {
            for p in a {
                for q in b where postcodesOverlap(p, q) { return "postcodes \(describe(p)) and \(describe(q))" }
            }
            return nil
        }
        let index = PostcodeIntervals(b)
        for p in a {
            let (low, high) = bounds(p)
            if let q = index.overlapping(low, high) { return "postcodes \(describe(p)) and \(describe(b[q]))" }
        }
        return nil
    }

    /// Whether a pattern of `patterns` matches `postcode` (``AreaMatcher/matches(_:_:)``), found
    /// through the index; a postcode the interval form does not settle is checked against each.
    static func covered(_ postcode: String, by patterns: [PostcodePattern], _ index: PostcodeIntervals) -> Bool {
        if let found = index.overlapping(postcode, postcode), AreaMatcher.matches(patterns[found], postcode) { return true }
        // A well-formed six-character postcode lies in a pattern's interval exactly when the
        // pattern matches it; only an odd one (a designation is read, not trusted) needs the scan.
        guard postcode.utf8.count != 6 else { return false }
        return patterns.contains { AreaMatcher.matches($0, postcode) }
    }

    /// A single address as the set checks compare it: postcode, number, normalised addition.
    static func addressKey(_ address: Address) -> String {
        "\(address.postcode) \(address.houseNumber) \(AreaMatcher.normalisedAddition(address.houseNumberAddition))"
    }

    static func bounds(_ p: PostcodePattern) -> (String, String) {
        switch p {
        case .area(let digits): return (digits + "AA", digits + "ZZ")
        case .exact(let code): return (code, code)
        case .range(let low, let high): return (low, high)
        }
    }

    static func postcodesOverlap(_ p: PostcodePattern, _ q: PostcodePattern) -> Bool {
        let (a, b) = bounds(p)
        let (c, d) = bounds(q)
        return a <= d && c <= b
    }

    static func describe(_ p: PostcodePattern) -> String {
        switch p {
        case .area(let digits): return digits
        case .exact(let code): return code
        case .range(let low, let high): return "\(low)-\(high)"
        }
    }

    static func streetRangesOverlap(_ s: StreetRange, _ t: StreetRange) -> Bool {
        // Ranges limited to postcodes that share none cover different dwellings.
        if let p = s.postcode, let q = t.postcode, !postcodesOverlap(p, q) { return false }
        let low = max(s.from ?? HouseNumber(number: Int.min, addition: ""), t.from ?? HouseNumber(number: Int.min, addition: ""))
        let high = min(s.to ?? HouseNumber(number: Int.max, addition: ""), t.to ?? HouseNumber(number: Int.max, addition: ""))
        guard low <= high else { return false }
        if s.parity == .all || t.parity == .all || s.parity == t.parity {
            // Different parities never share a number; the same parity shares one when the span
            // holds two numbers or more (compared, not subtracted: an open end is Int.min or
            // Int.max, and their difference overflows), or its one number has that parity.
            return s.parity == .all || t.parity == .all || high.number > low.number || (low.number % 2 == 1) == (s.parity == .odd)
        }
        return false
    }
}
