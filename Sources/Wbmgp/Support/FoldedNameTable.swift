/// Folded names (``FoldedName``), each with an element, found by their fold: a table of
/// positions with at least twice as many places as names, a name placed by the top bits of its
/// fold and probed onwards from there.
///
/// A `Set` or `Dictionary` of folded names ran the standard library's seeded hash over the fold
/// at every lookup, about 150 instructions; the fold is already a well-mixed word, so its top
/// bits place a name with none. Lookups are many (a dwelling's municipality among the
/// designations', its neighbourhood among a designation's, each registration's municipality
/// among a region's), the tables few and made once.
struct FoldedNameTable<Element: Sendable>: Sendable {
    private let names: [FoldedName]
    private let elements: [Element]
    /// For each place, the position of the name placed there plus one; 0 for an empty place.
    private let places: [Int32]
    /// How far a fold is shifted for its first place: 64 less the places' bits (at least one).
    private let shift: UInt64

    /// The names with their elements; of equal names only the first is kept.
    init(_ entries: [(name: FoldedName, element: Element)]) {
        var bits: UInt64 = 1
        while (1 << bits) < 2 * entries.count { bits += 1 }
        var places = [Int32](repeating: 0, count: 1 << bits)
        var names: [FoldedName] = []
        var elements: [Element] = []
        names.reserveCapacity(entries.count)
        elements.reserveCapacity(entries.count)
        let mask = places.count - 1
        for entry in entries {
            var place = Int(truncatingIfNeeded: entry.name.fold &>> (64 - bits))
            var repeated = false
            while places[place] != 0 {
                if names[Int(places[place]) - 1] == entry.name {
                    repeated = true
                    break
                }
                place = (place + 1) & mask
            }
            if repeated { continue }
            names.append(entry.name)
            elements.append(entry.element)
            places[place] = Int32(truncatingIfNeeded: names.count)
        }
        self.names = names
        self.elements = elements
        self.places = places
        shift = 64 - bits
    }

    /// The position of `name` among the names kept, or nil.
    @inline(__always)
    private func position(of name: FoldedName) -> Int? {
        places.withUnsafeBufferPointer { places in
            let mask = places.count - 1
            var place = Int(truncatingIfNeeded: name.fold &>> shift)
            while places[place] != 0 {
                let position = Int(places[place]) - 1
                if names[position] == name { return position }
                place = (place + 1) & mask
            }
            return nil
        }
    }

    subscript(name: FoldedName) -> Element? {
        position(of: name).map { elements[$0] }
    }

    func contains(_ name: FoldedName) -> Bool { position(of: name) != nil }

    /// The names kept, in the order given.
    var keys: [FoldedName] { names }
    var isEmpty: Bool { names.isEmpty }
}

extension FoldedNameTable where Element == Void {
    /// A set of names.
    init(names: [FoldedName]) {
        self.init(names.map { (name: $0, element: ()) })
    }
}
