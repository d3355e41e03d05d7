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

    /// A description of a place both area sets cover, or nil when none is visible statically.
    static func overlap(_ a: Areas, _ b: Areas) -> String? {
        for n in a.neighbourhoods where b.neighbourhoods.contains(where: { AreaMatcher.sameName($0, n) }) { return "neighbourhood \(n)" }
        for p in a.postcodes {
            for q in b.postcodes where postcodesOverlap(p, q) { return "postcodes \(describe(p)) and \(describe(q))" }
        }
        for s in a.streets {
            for t in b.streets where AreaMatcher.sameName(s.street, t.street) && streetRangesOverlap(s, t) { return "street \(s.street)" }
        }
        for x in a.addresses {
            for y in b.addresses where x.postcode == y.postcode && x.houseNumber == y.houseNumber
                && AreaMatcher.normalisedAddition(x.houseNumberAddition) == AreaMatcher.normalisedAddition(y.houseNumberAddition)
            {
                return "address \(x.postcode) \(x.houseNumber)"
            }
            for p in b.postcodes where AreaMatcher.matches(p, x.postcode) { return "address \(x.postcode) \(x.houseNumber)" }
        }
        for y in b.addresses {
            for p in a.postcodes where AreaMatcher.matches(p, y.postcode) { return "address \(y.postcode) \(y.houseNumber)" }
        }
        return nil
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
        let low = max(s.from ?? HouseNumber(number: Int.min, addition: ""), t.from ?? HouseNumber(number: Int.min, addition: ""))
        let high = min(s.to ?? HouseNumber(number: Int.max, addition: ""), t.to ?? HouseNumber(number: Int.max, addition: ""))
        guard low <= high else { return false }
        if s.parity == .all || t.parity == .all || s.parity == t.parity {
            // Different parities never share a number; the same parity shares one when the span holds it.
            return s.parity == .all || t.parity == .all || high.number - low.number >= 1 || (low.number % 2 == 1) == (s.parity == .odd)
        }
        return false
    }
}
