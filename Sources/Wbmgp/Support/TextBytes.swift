/// Small helpers for building UTF-8 text in a ``ByteBuffer``, used where texts are rendered per
/// decision and an intermediate `String` per piece would dominate the cost.
enum TextBytes {
    /// Appends the decimal digits of `number` (with a minus sign when negative).
    static func appendInteger(_ number: Int, to bytes: inout ByteBuffer) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        if magnitude < 10 {
            bytes.append(48 + UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = 48 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - count), count: count)
        }
    }

    /// Appends the UTF-8 of `text`, copying straight from its storage.
    static func appendString(_ text: String, to bytes: inout ByteBuffer) {
        withUTF8(of: text) { bytes.append($0) }
    }

    /// Calls `body` with the UTF-8 of `text`: native strings lend their bytes in place; only
    /// others are made contiguous first.
    static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}
