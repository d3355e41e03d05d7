extension Array {
    /// Whether `other` is this array's storage itself (a copy not changed since): the same
    /// elements, known without comparing them. While one of the two is held, the storage cannot
    /// be freed and reused for other contents, so the same storage is the same elements.
    func sharesStorage(with other: [Element]) -> Bool {
        withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
        }
    }

    /// The elements, moved out with their storage, this array left empty: a copy would share the
    /// storage (the first append to either makes new room, and each copy is counted and released).
    mutating func takeAll() -> [Element] {
        var taken: [Element] = []
        swap(&taken, &self)
        return taken
    }
}
