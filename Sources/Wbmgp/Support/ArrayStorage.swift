extension Array {
    /// Whether `other` is this array's storage itself (a copy not changed since): the same
    /// elements, known without comparing them. While one of the two is held, the storage cannot
    /// be freed and reused for other contents, so the same storage is the same elements.
    func sharesStorage(with other: [Element]) -> Bool {
        withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
        }
    }
}
