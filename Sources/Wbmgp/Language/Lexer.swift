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

    private mutating func report(_ code: DiagnosticCode, _ message: String, at offset: Int) {
        let (line, column) = source.location(of: offset)
        diagnostics.append(
            Diagnostic(code: code, message: message, path: source.path, line: line, column: column, excerpt: source.lineText(line)))
    }

    mutating func next() -> Token {
        skipTrivia()
        guard index < bytes.count else { return Token(kind: .endOfFile, range: index..<index) }
        let start = index
        let byte = bytes[index]
        if Lexer.isDigit(byte) { return number(from: start) }
        if letterLength(at: index) > 0 { return word(from: start) }
        if byte == UInt8(ascii: "\"") { return string(from: start) }
        let two = index + 1 < bytes.count ? String(decoding: bytes[index...index + 1], as: UTF8.self) : ""
        if ["<=", ">=", "!="].contains(two) {
            index += 2
            return Token(kind: .symbol(two), range: start..<index)
        }
        let singles: Set<UInt8> = Set("=<>+-()[]{},:.".utf8)
        if singles.contains(byte) {
            index += 1
            return Token(kind: .symbol(String(UnicodeScalar(byte))), range: start..<index)
        }
        index += 1
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        report(.unexpectedCharacter, "unexpected character '\(String(decoding: bytes[start..<index], as: UTF8.self))'", at: start)
        return next()
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
        return Token(kind: .integer(Int(String(decoding: text, as: UTF8.self)) ?? 0), range: start..<index)
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
        var content: [UInt8] = []
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
