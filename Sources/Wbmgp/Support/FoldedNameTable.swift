/// Folded names (``FoldedName``), each with an element, found by their fold: the fold is
/// already a well-mixed word, so it places a name in a ``PlaceTable`` with no further hashing.
///
/// A `Set` or `Dictionary` of folded names ran the standard library's seeded hash over the fold
/// at every lookup, about 150 instructions. Lookups are many (a dwelling's municipality among
/// the designations', its neighbourhood among a designation's, each registration's municipality
/// among a region's), the tables few and made once.
struct FoldedNameTable<Element: Sendable>: Sendable {
    private let names: [FoldedName]
    private let elements: [Element]
    private let places: PlaceTable

    /// The names with their elements; of equal names only the first is kept.
    init(_ entries: [(name: FoldedName, element: Element)]) {
        var names: [FoldedName] = [], elements: [Element] = []
        var places = PlaceTable(capacity: entries.count)
        for entry in entries where places.position(of: entry.name.fold, where: { names[$0] == entry.name }) == nil {
            names.append(entry.name)
            elements.append(entry.element)
            places.place(names.count - 1, by: entry.name.fold)
        }
        (self.names, self.elements, self.places) = (names, elements, places)
    }

    /// The position of `name` among the names kept, or nil.
    @inline(__always)
    private func position(of name: FoldedName) -> Int? {
        places.position(of: name.fold) { names[$0] == name }
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
