/// A short byte string as two words: with its length, they say every byte of up to 16 bytes, so
/// two such strings compare with three compares and no loop. Longer strings share the words of
/// their first and last eight bytes and are compared byte by byte when those agree.
///
/// The words are the first and the last eight bytes (overlapping when shorter), or four, or for up
/// to three bytes the first, middle and last. They are read inside the string only, whatever
/// follows it.
struct ByteWords: Equatable {
    let head: UInt64
    let tail: UInt64

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard let start = bytes.baseAddress, count > 0 else {
            (head, tail) = (0, 0)
            return
        }
        let raw = UnsafeRawPointer(start)
        if count >= 8 {
            (head, tail) = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            (head, tail) = (UInt64(raw.loadUnaligned(as: UInt32.self)), UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        } else {
            (head, tail) = (UInt64(start[0]) | UInt64(start[count / 2]) << 8 | UInt64(start[count - 1]) << 16, 0)
        }
    }

    /// Whether `a` and `b`, whose words agree, hold the same bytes: the bytes between the words
    /// are compared (for up to 16 bytes there are none, and callers need not ask).
    @inline(__always)
    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard b.count > 16, let mine = a.baseAddress, let other = b.baseAddress else { return true }
        for i in 8..<(b.count - 8) where mine[i] != other[i] { return false }
        return true
    }
}
