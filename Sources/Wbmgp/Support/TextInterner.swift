/// Hands out one `String` for each text it has been given the bytes of, so that a reader meeting
/// the same few texts on line after line (a log's designation ids, its rules digest) makes each
/// once instead of allocating a copy per line.
///
/// Small and linear on purpose: it keeps at most ``capacity`` texts, compared by their bytes, and
/// past that makes strings as usual. One per thread (it is a value; nothing is shared).
struct TextInterner {
    static let capacity = 32
    private var texts: [String] = []

    /// The text of `bytes` (UTF-8, already checked by the caller): the one made before when
    /// there is one.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for text in texts where Self.holds(text, bytes) { return text }
        let text = String(decoding: bytes, as: UTF8.self)
        if texts.count < Self.capacity { texts.append(text) }
        return text
    }

    private static func holds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { ByteMatch.equal($0, bytes) }
    }
}
