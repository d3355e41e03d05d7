/// Postcode patterns as intervals of normalised postcodes, indexed so that "does any pattern
/// overlap this one?" costs O(log n) instead of a scan: the set checks compare designations that
/// may list tens of thousands of postcodes, and a pairwise scan of two such lists is quadratic.
///
/// The entries are sorted by their low end, with the running maximum of their high ends: some
/// entry overlaps [lo, hi] exactly when, among the entries whose low end is at most `hi`, the
/// highest high end reaches `lo`.
struct PostcodeIntervals {
    private var lows: [String] = []
    /// For each sorted position, the highest high end so far and the pattern's index holding it.
    private var reach: [(high: String, index: Int)] = []

    init(_ patterns: [PostcodePattern]) {
        let entries = patterns.enumerated().map { (bounds: DesignationSetChecks.bounds($0.element), index: $0.offset) }
            .sorted { $0.bounds.0 != $1.bounds.0 ? $0.bounds.0 < $1.bounds.0 : $0.index < $1.index }
        lows = entries.map(\.bounds.0)
        for entry in entries {
            if let last = reach.last, last.high >= entry.bounds.1 {
                reach.append(last)
            } else {
                reach.append((entry.bounds.1, entry.index))
            }
        }
    }

    /// The index of a pattern overlapping [low, high], or nil when none does.
    func overlapping(_ low: String, _ high: String) -> Int? {
        // The number of entries whose low end is at most `high`.
        var lower = 0
        var upper = lows.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if lows[middle] <= high { lower = middle + 1 } else { upper = middle }
        }
        guard lower > 0, reach[lower - 1].high >= low else { return nil }
        return reach[lower - 1].index
    }
}
