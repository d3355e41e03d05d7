/// Facts kept by slot for as long as a stamp lasts, each with the paths of the absent facts noted
/// while computing it: a rule's facts for one person, and the values the same throughout a
/// decision (``ExpressionEvaluator``).
///
/// Clearing takes a new stamp instead of writing each entry (writing `nil` destroyed each old
/// value through `Value`'s outlined code): an entry written under an older stamp is not held.
/// An old entry stays in memory until written over, as a decision's texts stay in the arena
/// (``DecisionScratch``): only in this process, never read again, never stored.
struct FactCache {
    /// The values by slot, and where the paths each noted lie in ``paths`` (a start and a
    /// count, a count of 0 for most): an entry read as one tuple was copied whole, counting a
    /// reference to its value's text or list, and a list of paths of its own was an allocation
    /// for every fact that noted one.
    private var values: [Value] = []
    private var notedStarts: [Int32] = []
    private var notedCounts: [Int32] = []
    /// The paths noted by the facts stored under the current stamp, one fact's after another;
    /// emptied (its room kept) when the stamp changes.
    private var paths: [String] = []
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
    func notedPaths(_ slot: Int) -> ArraySlice<String> {
        let start = Int(notedStarts[slot])
        return paths[start..<start + Int(notedCounts[slot])]
    }

    /// Whether computing the fact in `slot`, which ``holds(_:)``, noted no path.
    @inline(__always)
    func notedNone(_ slot: Int) -> Bool { notedCounts[slot] == 0 }

    /// Room for `count` slots; those already there keep what they hold.
    mutating func reserve(_ count: Int) {
        guard values.count < count else { return }
        values.append(contentsOf: repeatElement(.unknown, count: count - values.count))
        notedStarts.append(contentsOf: repeatElement(0, count: count - notedStarts.count))
        notedCounts.append(contentsOf: repeatElement(0, count: count - notedCounts.count))
        stamps.append(contentsOf: repeatElement(0, count: count - stamps.count))
    }

    /// Keeps `value` in `slot`, for which there is room, as having noted no path.
    @inline(__always)
    mutating func store(_ slot: Int, _ value: Value) {
        values[slot] = value
        notedCounts[slot] = 0
        stamps[slot] = stamp
    }

    /// Keeps the paths the fact just stored in `slot` noted (called only when there are some:
    /// the slice of the evaluator's list counted a reference to it).
    mutating func note(_ slot: Int, _ noted: ArraySlice<String>) {
        notedStarts[slot] = Int32(truncatingIfNeeded: paths.count)
        notedCounts[slot] = Int32(truncatingIfNeeded: noted.count)
        paths.append(contentsOf: noted)
    }

    /// Forgets every fact.
    @inline(__always)
    mutating func clear() {
        stamp = Self.advanced(stamp, clearing: &stamps)
        if !paths.isEmpty { forgetPaths() }
    }

    /// Empties ``paths``, keeping its room: out of ``clear()``'s way, which most rules' facts
    /// reach with none noted.
    @inline(never)
    private mutating func forgetPaths() {
        paths.removeAll(keepingCapacity: true)
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
