/// Comparing raw bytes in place, for scanners that find a candidate place with `memchr` and
/// only there compare a key.
enum ByteMatch {
    /// Whether `key` is written at `base + offset` (the caller has checked that it fits).
    @inline(__always)
    static func matches(_ base: UnsafePointer<UInt8>, at offset: Int, _ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { equal(UnsafeBufferPointer(start: base + offset, count: $0.count), $0) }
    }

    /// Whether two byte ranges hold the same bytes.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            guard a[index] == b[index] else { return false }
            index += 1
        }
        return true
    }

    /// Whether `bytes` are the UTF-8 of `literal`.
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        equal(bytes, UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
