/// Case mapping of ASCII text on its bytes, for names and postcodes compared once per decision.
/// `String.lowercased()` and `uppercased()` apply full Unicode rules and allocate every time;
/// on ASCII text they are exactly these byte maps. Non-ASCII text returns nil, and the caller
/// falls back to the Unicode mapping.
enum ASCIICase {
    static func lowercased(_ text: String) -> String? {
        map(text, from: UInt8(ascii: "A"), droppingSpaces: false)
    }

    static func uppercased(_ text: String, droppingSpaces: Bool = false) -> String? {
        map(text, from: UInt8(ascii: "a"), droppingSpaces: droppingSpaces)
    }

    /// Flips the case of letters in `from`…`from + 25`; nil when `text` is not ASCII. Returns
    /// `text` itself when nothing changes.
    private static func map(_ text: String, from: UInt8, droppingSpaces: Bool) -> String? {
        var text = text
        var isASCII = true
        var changes = false
        text.withUTF8 { utf8 in
            for byte in utf8 {
                if byte >= 0x80 { isASCII = false }
                if byte &- from < 26 || (droppingSpaces && (byte == 0x20 || byte == 0x09)) { changes = true }
            }
        }
        guard isASCII else { return nil }
        guard changes else { return text }
        return text.withUTF8 { utf8 in
            // Written straight into the new string's storage (inline for up to 15 bytes).
            String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var count = 0
                for byte in utf8 where !(droppingSpaces && (byte == 0x20 || byte == 0x09)) {
                    buffer[count] = byte &- from < 26 ? byte ^ 0x20 : byte
                    count += 1
                }
                return count
            }
        }
    }
}
