/// A name as the area matcher compares names (interface §5, ``AreaMatcher/key(_:)``): case and
/// surrounding spaces ignored. Two folded names are equal, and hash alike, exactly when their
/// keys are equal.
///
/// An ASCII name (nearly every municipality, neighbourhood and street) is kept as written, with
/// the range inside its spaces, and its letters are folded eight bytes at a time: once, into a
/// word that sums them up (``fold``), and again only to confirm an equal one. No lowered copy is
/// made, where `key(_:)` made one per name per decision (and a name of more than 15 bytes, such
/// as "Capelle aan den IJssel", was allocated for it); a set or dictionary hashes the one word.
/// Any other name is keyed once, by Unicode's lower case, when it is folded.
///
/// Why folding ASCII letters on the fly agrees with the key: for ASCII text the key is exactly
/// the ASCII lower case of the trimmed text; for other text it is already in lower case, which
/// the ASCII folding leaves as it is.
struct FoldedName: Hashable, Sendable {
    /// The name as written (ASCII), or its key (any other text).
    private let text: String
    /// The bytes of `text` compared: inside the surrounding spaces.
    private let start: Int
    private let end: Int
    /// The folded bytes and their count mixed into one word: equal names have equal folds
    /// (``FoldedNameTable`` places a name by it).
    let fold: UInt64
    /// The first sixteen folded bytes (zero past the end): all of a name of up to sixteen bytes,
    /// which then compares without its bytes being read again.
    private let words: (UInt64, UInt64)

    init(_ name: String) {
        // One pass over the bytes inside the spaces, eight at a time: whether all are ASCII, and
        // their fold.
        let (ascii, first, last, folded) = FoldedName.withBytes(of: name) { bytes in
            var lo = 0, hi = bytes.count
            while lo < hi, bytes[lo] == 0x20 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
            let folded = FoldedName.fold(bytes, from: lo, to: hi)
            return (folded.high & 0x8080_8080_8080_8080 == 0, lo, hi, folded)
        }
        if ascii {
            (text, start, end, fold, words) = (name, first, last, folded.mixed, folded.words)
        } else {
            let key = AreaMatcher.key(name)
            let count = key.utf8.count
            (text, start, end) = (key, 0, count)
            let keyFolded = FoldedName.withBytes(of: key) { FoldedName.fold($0, from: 0, to: count) }
            (fold, words) = (keyFolded.mixed, keyFolded.words)
        }
    }

    /// The bytes `start..<end` or-ed together (their high bits say whether all are ASCII),
    /// folded and mixed into one word with their count, and the first two folded words.
    @inline(__always)
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (high: UInt64, mixed: UInt64, words: (UInt64, UInt64)) {
        var high: UInt64 = 0
        var mixed = UInt64(truncatingIfNeeded: end - start)
        var words: (UInt64, UInt64) = (0, 0)
        var at = start
        while at < end {
            let word = FoldedName.word(bytes, at, start: start, end: end)
            let folded = FoldedName.folded(word)
            if at == start { words.0 = folded } else if at == start + 8 { words.1 = folded }
            high |= word
            mixed = (mixed ^ folded) &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 29
            at += 8
        }
        return (high, mixed, words)
    }

    /// Whether the name is empty or spaces only (no byte is compared).
    var isBlank: Bool { start == end }

    /// The name's key as a string (what ``AreaMatcher/key(_:)`` gives), for messages and tests.
    var key: String {
        FoldedName.withBytes(of: text) { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]).map { FoldedName.fold($0) }, as: UTF8.self)
        }
    }

    static func == (a: FoldedName, b: FoldedName) -> Bool {
        let count = a.end - a.start
        guard a.fold == b.fold, count == b.end - b.start, a.words == b.words else { return false }
        if count <= 16 { return true }
        return a.withCompared { mine in
            b.withCompared { other in
                var at = 0
                while at < count {
                    let a = FoldedName.word(mine, at, start: 0, end: count), b = FoldedName.word(other, at, start: 0, end: count)
                    if FoldedName.folded(a) != FoldedName.folded(b) { return false }
                    at += 8
                }
                return true
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fold)
    }

    /// The compared bytes of the name, lent.
    @inline(__always)
    private func withCompared<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        FoldedName.withBytes(of: text) { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// A string's UTF-8 bytes, lent without a copy where the string keeps them contiguous (every
    /// native string does), else from a copy.
    @inline(__always)
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Up to eight bytes of `start..<end` from `at`, the bytes past `end` zero. Read as one word
    /// where the range allows, the last one overlapping the one before and shifted into place.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, start: Int, end: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if at + 8 <= end { return UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) }
        if end - start >= 8 {
            let last = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)
            return last >> (8 * UInt64(8 - (end - at)))
        }
        var tail: UInt64 = 0
        for i in at..<end { tail |= UInt64(base[i]) << (8 * UInt64(i - at)) }
        return tail
    }

    /// A word with its ASCII capitals made small.
    @inline(__always)
    private static func folded(_ word: UInt64) -> UInt64 {
        // Per byte, on its low seven bits (no carry crosses into the next byte): the top bit of
        // `low + 0x3F` is set from "A" on, that of `low + 0x25` from past "Z"; a byte with its
        // own top bit set (part of a longer UTF-8 sequence) is left alone.
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
        return word | capitals >> 2
    }

    /// One byte folded as ``folded(_:)`` folds each.
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
