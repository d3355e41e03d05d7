/// Splits rule-file text into tokens, recording a diagnostic for anything it cannot read.
///
/// `#` starts a comment to the end of the line. Whitespace and newlines only separate tokens.
/// A `-` belongs to a word when a letter or digit follows it directly and it follows one
/// (`self-employment`); written with spaces (`a - b`) it is the minus operator.
public struct Lexer {
    private let source: SourceFile
    private var index = 0
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceFile) { self.source = source }

    public static func tokens(of source: SourceFile) -> ([Token], [Diagnostic]) {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return (tokens, lexer.diagnostics)
    }

    private var bytes: [UInt8] { source.bytes }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The most lexical errors reported per file; past it one more says the rest are not shown,
    /// so a binary or garbled file gives a short list rather than one error per byte.
    static let maximumDiagnostics = 200

    private mutating func report(_ code: DiagnosticCode, _ message: String, at offset: Int) {
        guard diagnostics.count < Lexer.maximumDiagnostics else { return }
        diagnostics.append(source.diagnostic(code, message, at: offset))
        if diagnostics.count == Lexer.maximumDiagnostics {
            diagnostics.append(
                source.diagnostic(.unexpectedCharacter, "too many unreadable characters; later ones in this file are not reported", at: offset))
        }
    }

    mutating func next() -> Token {
        // A loop, not a recursive call per unreadable character: a file of many of them must
        // not deepen the stack.
        while true {
            skipTrivia()
            guard index < bytes.count else { return Token(kind: .endOfFile, range: index..<index) }
            let start = index
            let byte = bytes[index]
            if Lexer.isDigit(byte) { return number(from: start) }
            if letterLength(at: index) > 0 { return word(from: start) }
            if byte == UInt8(ascii: "\"") { return string(from: start) }
            if let length = symbolLength(at: index) {
                index += length
                return Token(kind: .symbol(String(decoding: bytes[start..<index], as: UTF8.self)), range: start..<index)
            }
            skipUnreadable(from: start)
        }
    }

    /// The length of the operator or punctuation at `offset`, or nil when none starts there.
    private func symbolLength(at offset: Int) -> Int? {
        if offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "="),
            [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!")].contains(bytes[offset])
        {
            return 2
        }
        return Lexer.singles.contains(bytes[offset]) ? 1 : nil
    }

    private static let singles: Set<UInt8> = Set("=<>+-()[]{},:.".utf8)

    /// Skips a run of characters that cannot start a token, with one diagnostic for the run.
    private mutating func skipUnreadable(from start: Int) {
        var count = 0
        repeat {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            count += 1
        } while index < bytes.count && !startsToken(at: index)
        // A control character is written as its code point: echoed as it is, a NUL or an escape
        // sequence was invisible on a terminal, or acted on it.
        let shown = String(decoding: bytes[start..<min(index, start + 40)], as: UTF8.self).unicodeScalars.map { scalar -> String in
            guard scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) else { return String(scalar) }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
        let text = index - start > 40 ? shown + "…" : shown
        report(.unexpectedCharacter, count == 1 ? "unexpected character '\(text)'" : "unexpected characters '\(text)'", at: start)
    }

    /// Whether the byte at `offset` is white space or a comment, or starts a token.
    private func startsToken(at offset: Int) -> Bool {
        let b = bytes[offset]
        if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "#"), UInt8(ascii: "\"")].contains(b) || Lexer.isDigit(b) { return true }
        return letterLength(at: offset) > 0 || symbolLength(at: offset) != nil
    }

    private mutating func skipTrivia() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            default: return
            }
        }
    }

    private mutating func number(from start: Int) -> Token {
        while index < bytes.count, Lexer.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            // A '-' continues the token only in the date shape DDDD-DD-DD.
            if bytes[index] == UInt8(ascii: "-"), !(index - start == 4 || index - start == 7) { break }
            index += 1
        }
        let text = bytes[start..<index]
        if text.contains(UInt8(ascii: "-")) {
            if let date = CalendarDate(bytes: text) { return Token(kind: .date(date), range: start..<index) }
            report(.invalidDate, "'\(String(decoding: text, as: UTF8.self))' is not a calendar date; expected YYYY-MM-DD", at: start)
            // Go on with the nearest real day, so one bad date gives one diagnostic.
            return Token(kind: .date(Lexer.nearestDate(text)), range: start..<index)
        }
        guard let value = Int(String(decoding: text, as: UTF8.self)) else {
            let digits = text.count > 24 ? String(decoding: text.prefix(24), as: UTF8.self) + "…" : String(decoding: text, as: UTF8.self)
            report(.numberOutOfRange, "number '\(digits)' is too large; a whole number is at most \(Int.max)", at: start)
            // Zero stands in, so the one diagnostic is not followed by a duration-range error.
            return Token(kind: .integer(0), range: start..<index)
        }
        return Token(kind: .integer(value), range: start..<index)
    }

    static func nearestDate(_ text: ArraySlice<UInt8>) -> CalendarDate {
        let parts = String(decoding: text, as: UTF8.self).split(separator: "-").map { Int($0) ?? 1 }
        let year = min(max(parts.first ?? 2000, 1), 9999)
        let month = min(max(parts.count > 1 ? parts[1] : 1, 1), 12)
        let day = min(max(parts.count > 2 ? parts[2] : 1, 1), CalendarDate.daysIn(month: month, year: year))
        return CalendarDate(year: year, month: month, day: day) ?? CalendarDate(dayNumber: 0)
    }

    /// The length in bytes of the letter starting at `offset`, or 0 when no letter starts there.
    /// ASCII letters and `_` are letters; beyond ASCII, any alphabetic scalar (é, ë) is.
    private func letterLength(at offset: Int) -> Int {
        let b = bytes[offset]
        if b < 0x80 { return Lexer.isLetter(b) ? 1 : 0 }
        var length = 1
        while offset + length < bytes.count, length < 4, bytes[offset + length] & 0xC0 == 0x80 { length += 1 }
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self),
            let scalar = text.unicodeScalars.first, scalar.properties.isAlphabetic
        else { return 0 }
        return length
    }

    private mutating func word(from start: Int) -> Token {
        while index < bytes.count {
            let b = bytes[index]
            let letter = letterLength(at: index)
            if letter > 0 || Lexer.isDigit(b) {
                index += max(letter, 1)
            } else if b == UInt8(ascii: "-"), index + 1 < bytes.count,
                letterLength(at: index + 1) > 0 || Lexer.isDigit(bytes[index + 1])
            {
                index += 1
            } else {
                break
            }
        }
        return Token(kind: .identifier(String(decoding: bytes[start..<index], as: UTF8.self)), range: start..<index)
    }

    private mutating func string(from start: Int) -> Token {
        index += 1
        // Most strings hold no escape: found whole, they are made from their bytes at once
        // (appending byte by byte was 7 % of start-up; step 107).
        let first = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[first..<index], as: UTF8.self)
                index += 1
                return Token(kind: .string(text), range: start..<index)
            }
            if b == 0x0A || b == UInt8(ascii: "\\") { break }
            index += 1
        }
        var content = Array(bytes[first..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return Token(kind: .string(String(decoding: content, as: UTF8.self)), range: start..<index)
            }
            if b == 0x0A { break }
            if b == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let escaped = bytes[index + 1]
                content.append(escaped == UInt8(ascii: "n") ? 0x0A : escaped)
                index += 2
                continue
            }
            content.append(b)
            index += 1
        }
        report(.unterminatedString, "unterminated string; expected '\"' before the end of the line", at: start)
        return Token(kind: .string(String(decoding: content, as: UTF8.self)), range: start..<index)
    }
}
