/// Positions `0..<count`, each placed by a well-mixed 64-bit word, in a table of at least twice
/// as many places: a position is placed by its word's top bits and found by probing onwards
/// from there. The caller keeps what the positions index (names, identities, words) and says,
/// for each position met, whether it is the one looked for.
///
/// For keys that carry such a word already (a folded name's fold, an object's address
/// multiplied), a lookup costs a few instructions, where a `Set` or `Dictionary` ran the
/// standard library's seeded hash at each (about 150).
struct PlaceTable: Sendable {
    /// For each place, the position placed there plus one; 0 for an empty place.
    private var places: [Int32]
    /// How far a word is shifted for its first place: 64 less the places' bits (at least one).
    private let shift: UInt64

    /// An empty table with room for `capacity` positions.
    init(capacity: Int) {
        var bits: UInt64 = 1
        while (1 << bits) < 2 * capacity { bits += 1 }
        places = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Position `i` placed by `words[i]`; equal words are placed one after another.
    init(words: [UInt64]) {
        self.init(capacity: words.count)
        for (position, word) in words.enumerated() { place(position, by: word) }
    }

    /// Places `position` by `word`, after any placed by an equal word (so a probe meets those
    /// first). At most the capacity's number of positions may be placed.
    mutating func place(_ position: Int, by word: UInt64) {
        let mask = places.count - 1
        var place = Int(truncatingIfNeeded: word &>> shift)
        while places[place] != 0 { place = (place + 1) & mask }
        places[place] = Int32(truncatingIfNeeded: position + 1)
    }

    /// The first position placed by `word` for which `matches` holds, or nil.
    @inline(__always)
    func position(of word: UInt64, where matches: (Int) -> Bool) -> Int? {
        places.withUnsafeBufferPointer { places in
            let mask = places.count - 1
            var place = Int(truncatingIfNeeded: word &>> shift)
            while places[place] != 0 {
                let position = Int(places[place]) - 1
                if matches(position) { return position }
                place = (place + 1) & mask
            }
            return nil
        }
    }
}
