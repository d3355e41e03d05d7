/// A growable byte buffer whose appends are a capacity check and a copy.
///
/// `Array<UInt8>.append(contentsOf:)` goes through the generic sequence machinery and costs
/// about a hundred instructions even for a two-byte piece; output is written in thousands of
/// such pieces per decision.
///
/// Noncopyable: a buffer is owned by one variable and its memory by the buffer, so an append
/// tests nothing but the room left. (A storage copied on write tested that it was not shared on
/// every append, a call into the runtime each time.) Lend it with `borrowing` or `inout`.
public struct ByteBuffer: ~Copyable, @unchecked Sendable {
    // Unchecked: the memory is reachable only through this one noncopyable owner.
    private var base: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 0) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, as an array (a copy).
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        let end = room(1)
        end.pointee = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ pointer: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        let end = room(count)
        if count <= 32 { ByteBuffer.copyShort(from: pointer, to: end, count: count) } else { end.update(from: pointer, count: count) }
        self.count += count
    }

    /// Copies 1…32 bytes with a few loads and stores that may overlap. Most pieces of output
    /// are that short (a member name, a word, a date), and a call to `memcpy` costs several
    /// times as much for them.
    @inline(__always)
    static func copyShort(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if count >= 16 {
            // The first sixteen bytes and the last sixteen, overlapping below 32.
            let a = from.loadUnaligned(as: UInt64.self), b = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = from.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            let d = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: a, as: UInt64.self)
            to.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            to.storeBytes(of: c, toByteOffset: count - 16, as: UInt64.self)
            to.storeBytes(of: d, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 8 {
            let a = from.loadUnaligned(as: UInt64.self), b = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: a, as: UInt64.self)
            to.storeBytes(of: b, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let a = from.loadUnaligned(as: UInt32.self), b = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: a, as: UInt32.self)
            to.storeBytes(of: b, toByteOffset: count - 4, as: UInt32.self)
        } else {
            // One to three bytes: the first, the middle and the last (some the same).
            target[0] = source[0]
            target[count >> 1] = source[count >> 1]
            target[count - 1] = source[count - 1]
        }
    }

    @inline(__always)
    public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        if let base = buffer.baseAddress { append(base, count: buffer.count) }
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    @inline(__always)
    public mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// The bytes written so far decoded as UTF-8 (invalid sequences repaired).
    public var string: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether the bytes written so far end with `suffix`.
    public func endsWith(_ suffix: [UInt8]) -> Bool {
        // A plain loop: `zip(…).allSatisfy` is generic code the optimiser does not always specialise.
        withUnsafeBytes { bytes in
            let offset = bytes.count - suffix.count
            guard offset >= 0 else { return false }
            for i in suffix.indices where bytes[offset + i] != suffix[i] { return false }
            return true
        }
    }

    /// Overwrites the byte at `index`, which must be below ``count``.
    public mutating func setByte(_ byte: UInt8, at index: Int) {
        guard index >= 0, index < count else { return }
        base[index] = byte
    }

    /// Keeps only the first `count` bytes.
    public mutating func truncate(to count: Int) {
        guard count >= 0, count < self.count else { return }
        self.count = count
    }

    public mutating func removeAll() {
        count = 0
    }

    /// Lets `body` write up to `maximum` bytes where the next bytes go, and keeps as many as it
    /// says it wrote (at most `maximum`): a short piece made of several parts (a date in words)
    /// is written with one check for room instead of one a part.
    @inline(__always)
    public mutating func appendInPlace(upTo maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let end = room(maximum)
        count += min(max(body(end), 0), maximum)
    }

    /// Makes room for `capacity` bytes in all, if there is less.
    public mutating func reserve(_ capacity: Int) {
        if capacity > self.capacity { grow(toAtLeast: capacity) }
    }

    /// Where the next `extra` bytes go, after making the buffer large enough.
    @inline(__always)
    private mutating func room(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > capacity { grow(toAtLeast: count + extra) }
        return base + count
    }

    @inline(never)
    private mutating func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
