/// Facts kept by slot for as long as a stamp lasts, each with the paths of the absent facts noted
/// while computing it: a rule's facts for one person, and the values the same throughout a
/// decision (``ExpressionEvaluator``).
///
/// Clearing takes a new stamp instead of writing each entry (writing `nil` destroyed each old
/// value through `Value`'s outlined code): an entry written under an older stamp is not held.
/// An old entry stays in memory until written over, as a decision's texts stay in the arena
/// (``DecisionScratch``): only in this process, never read again, never stored.
struct FactCache {
    private var entries: [(value: Value, missing: [String])?] = []
    private var stamps: [UInt32] = []
    private var stamp: UInt32 = 1

    /// How many slots there is room for.
    var count: Int { entries.count }

    /// The fact in `slot`, if one is held under the current stamp.
    @inline(__always)
    func entry(_ slot: Int) -> (value: Value, missing: [String])? {
        guard slot < entries.count, stamps[slot] == stamp else { return nil }
        return entries[slot]
    }

    /// Room for `count` slots; those already there keep what they hold.
    mutating func reserve(_ count: Int) {
        guard entries.count < count else { return }
        entries.append(contentsOf: repeatElement(nil, count: count - entries.count))
        stamps.append(contentsOf: repeatElement(0, count: count - stamps.count))
    }

    /// Keeps `value`, with the paths it noted, in `slot`, for which there is room.
    @inline(__always)
    mutating func store(_ slot: Int, _ value: Value, missing: [String]) {
        entries[slot] = (value, missing)
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
