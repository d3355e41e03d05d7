/// Facts kept by slot for as long as a stamp lasts, each with the paths of the absent facts noted
/// while computing it: a rule's facts for one person, and the values the same throughout a
/// decision (``ExpressionEvaluator``).
///
/// Clearing takes a new stamp instead of writing each entry (writing `nil` destroyed each old
/// value through `Value`'s outlined code): an entry written under an older stamp is not held.
/// An old entry stays in memory until written over, as a decision's texts stay in the arena
/// (``DecisionScratch``): only in this process, never read again, never stored.
struct FactCache {
    /// The values and the paths each noted, by slot, in two lists: an entry read as one tuple
    /// was copied whole, counting a reference to its value's text or list and to its paths
    /// (most often none), and released them again.
    private var values: [Value] = []
    private var noted: [[String]] = []
    private var stamps: [UInt32] = []
    private var stamp: UInt32 = 1

    /// How many slots there is room for.
    var count: Int { values.count }

    /// Whether a fact is held in `slot` under the current stamp.
    @inline(__always)
    func holds(_ slot: Int) -> Bool {
        slot < values.count && stamps[slot] == stamp
    }

    /// The fact in `slot`, which ``holds(_:)``.
    @inline(__always)
    func value(_ slot: Int) -> Value { values[slot] }

    /// The paths noted while computing the fact in `slot`, which ``holds(_:)``; empty for most.
    @inline(__always)
    func notedPaths(_ slot: Int) -> [String] { noted[slot] }

    /// Whether computing the fact in `slot`, which ``holds(_:)``, noted no path.
    @inline(__always)
    func notedNone(_ slot: Int) -> Bool { noted[slot].isEmpty }

    /// Room for `count` slots; those already there keep what they hold.
    mutating func reserve(_ count: Int) {
        guard values.count < count else { return }
        values.append(contentsOf: repeatElement(.unknown, count: count - values.count))
        noted.append(contentsOf: repeatElement([], count: count - noted.count))
        stamps.append(contentsOf: repeatElement(0, count: count - stamps.count))
    }

    /// Keeps `value`, with the paths it noted, in `slot`, for which there is room.
    @inline(__always)
    mutating func store(_ slot: Int, _ value: Value, missing: [String]) {
        values[slot] = value
        // Most facts note no path, and their slot's list is empty already: nothing to store.
        if !(missing.isEmpty && noted[slot].isEmpty) { noted[slot] = missing }
        stamps[slot] = stamp
    }

    /// Forgets every fact.
    mutating func clear() {
        stamp = Self.advanced(stamp, clearing: &stamps)
    }

    /// The stamp after `stamp`. When the stamps run out (after some four billion clears: a
    /// long-running service clears a rule's facts about fifteen times a decision, so this
    /// happens), every entry's is set back to 0, which no stamp handed out is.
    static func advanced(_ stamp: UInt32, clearing stamps: inout [UInt32]) -> UInt32 {
        guard stamp == .max else { return stamp + 1 }
        stamps.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = 0 } }
        return 1
    }
}
