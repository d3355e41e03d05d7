/// The checks across the members of a list, shared by the full and the fast reader so both find
/// the same first offender, and both stay linear (or n log n) however long the list.
///
/// Each takes a `work` counter: the comparisons, hash probes and sort comparisons it made. The
/// readers pass a throwaway; the tests read it at n and 4n to show the growth is not quadratic.
extension ApplicationReader {
    /// Lists up to this long are checked pairwise: for the one to four members or periods of a
    /// real application that costs less than a set or a sort, and the answer is the same.
    static let pairwiseUpTo = 8

    /// The index of the first member whose id repeats an earlier member's, or nil.
    static func firstRepeatedId(_ household: [Person], pairwiseUpTo: Int = ApplicationReader.pairwiseUpTo, work: inout Int) -> Int? {
        if household.count <= pairwiseUpTo {
            // By index: iterating the members would copy each one (a handful of reference counts).
            for i in household.indices {
                for j in 0..<i {
                    work += 1
                    if household[j].id == household[i].id { return i }
                }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: household.count)
        for i in household.indices {
            work += 1
            if !seen.insert(household[i].id).inserted { return i }
        }
        return nil
    }

    static func firstRepeatedId(_ household: [Person]) -> Int? {
        var work = 0
        return firstRepeatedId(household, work: &work)
    }

    /// The first period (in the given order) that overlaps an earlier one, and the first earlier
    /// one it overlaps; nil when no two overlap. Every period must have `until` ≥ `from`.
    ///
    /// A pairwise check would be quadratic. Instead the periods are sorted by start, and taken
    /// from last to first while being unlinked from that sorted order: when period `i` is taken,
    /// its neighbours in the list are the periods before it that start nearest before and after
    /// it. If the periods before `i` do not overlap one another, `i` overlaps one of them exactly
    /// when it overlaps one of those two, since disjoint periods sorted by start also end in
    /// that order. So the lowest `i` found this way is the first that overlaps an earlier
    /// period; one scan then names the first earlier period it overlaps.
    ///
    /// - Complexity: O(n log n) for the sort, O(n) for the rest.
    static func firstOverlap(
        _ periods: [ResidencePeriod], pairwiseUpTo: Int = ApplicationReader.pairwiseUpTo, work: inout Int
    ) -> (index: Int, earlier: Int)? {
        let count = periods.count
        // Below two periods nothing can overlap (and the linked list below needs two ends).
        if count < 2 || count <= pairwiseUpTo {
            for i in periods.indices {
                for j in 0..<i {
                    work += 1
                    if overlap(periods[j], periods[i]) { return (i, j) }
                }
            }
            return nil
        }
        let starts = periods.map(\.from.dayNumber)
        // Sorted by start, then by position: among periods with the same start the earlier comes first.
        var order = Array(0..<count)
        order.sort { a, b in
            work += 1
            return starts[a] != starts[b] ? starts[a] < starts[b] : a < b
        }
        var rank = [Int](repeating: 0, count: count)
        for (r, i) in order.enumerated() { rank[i] = r }
        // A doubly linked list over the ranks; -1 ends it.
        var previous = Array(-1..<(count - 1))
        var next = Array(1...count)
        next[count - 1] = -1
        var first: Int?
        for i in stride(from: count - 1, through: 0, by: -1) {
            let r = rank[i]
            let p = previous[r], n = next[r]
            work += 1
            if (p >= 0 && overlap(periods[order[p]], periods[i])) || (n >= 0 && overlap(periods[order[n]], periods[i])) { first = i }
            if p >= 0 { next[p] = n }
            if n >= 0 { previous[n] = p }
        }
        guard let i = first else { return nil }
        for j in 0..<i {
            work += 1
            if overlap(periods[j], periods[i]) { return (i, j) }
        }
        return nil  // not reached: a neighbour of `i` before it overlapped it
    }

    static func firstOverlap(_ periods: [ResidencePeriod]) -> (index: Int, earlier: Int)? {
        var work = 0
        return firstOverlap(periods, work: &work)
    }

    /// Whether two periods share a day; an ongoing period (`until` nil) runs forever.
    static func overlap(_ a: ResidencePeriod, _ b: ResidencePeriod) -> Bool {
        let aEnd = a.until?.dayNumber ?? Int.max
        let bEnd = b.until?.dayNumber ?? Int.max
        return a.from.dayNumber <= bEnd && b.from.dayNumber <= aEnd
    }
}
