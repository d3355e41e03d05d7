/// A lexical token of the rule language, with its byte range in the source file.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A word: letters, digits, `_`, and `-` between letters or digits (`self-employment`).
        case identifier(String)
        case string(String)
        case integer(Int)
        case date(CalendarDate)
        case symbol(String)
        case endOfFile
    }

    public var kind: Kind
    public var range: Range<Int>

    /// The identifier's text, if this token is one.
    public var word: String? {
        if case .identifier(let text) = kind { return text }
        return nil
    }

    /// A short form for messages: `'rule'`, `string`, `end of file`.
    public var display: String {
        switch kind {
        case .identifier(let text): return "'\(text)'"
        case .string: return "string"
        case .integer(let value): return "'\(value)'"
        case .date(let date): return "'\(date)'"
        case .symbol(let text): return "'\(text)'"
        case .endOfFile: return "end of file"
        }
    }
}
