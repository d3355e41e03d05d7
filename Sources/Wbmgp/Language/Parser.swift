/// A hand-written LL(1) recursive-descent parser for rule files.
///
/// It never throws: it records diagnostics and resynchronises at the next declaration keyword,
/// so one typo gives one diagnostic and the rest of the file is still checked. Each `parseX`
/// function documents its grammar production (the full grammar is in docs/rule-language.md).
public struct Parser {
    static let declarationKeywords: Set<String> = ["version", "parameter", "set", "codes", "define", "measure", "rule", "requirement"]
    static let clauseKeywords: Set<String> = [
        "under", "applies", "for", "refuse", "conditions", "priority", "defect", "screen", "lookup",
        "flag", "lifted", "fact", "reason", "uses",
    ]
    static let requirementClauseKeywords: Set<String> = ["applies", "fails", "path", "fact", "message", "dated", "checks"]

    let source: SourceFile
    let tokens: [Token]
    var position = 0
    public private(set) var diagnostics: [Diagnostic]

    public init(source: SourceFile) {
        self.source = source
        let (tokens, diagnostics) = Lexer.tokens(of: source)
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// Parses a whole file.
    public static func parse(_ source: SourceFile) -> (Syntax.RuleFile, [Diagnostic]) {
        var parser = Parser(source: source)
        let file = parser.parseRuleFile()
        return (file, parser.diagnostics)
    }

    // MARK: - Token vocabulary

    var current: Token { tokens[position] }
    var previousEnd: Int { position > 0 ? tokens[position - 1].range.upperBound : 0 }

    func at(_ word: String) -> Bool { current.word == word }
    func atSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() -> Token {
        let token = current
        if !atEnd { position += 1 }
        return token
    }

    mutating func consume(_ word: String) -> Bool {
        guard at(word) else { return false }
        position += 1
        return true
    }

    mutating func consumeSymbol(_ symbol: String) -> Bool {
        guard atSymbol(symbol) else { return false }
        position += 1
        return true
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at range: Range<Int>) {
        let (line, column) = source.location(of: range.lowerBound)
        diagnostics.append(
            Diagnostic(code: code, message: message, path: source.path, line: line, column: column, excerpt: source.lineText(line)))
    }

    /// Records "expected X <context>, found Y" at the current token; returns false.
    @discardableResult
    mutating func expected(_ what: String, _ context: String) -> Bool {
        report(.expectedToken, "expected \(what) \(context), found \(current.display)", at: current.range)
        return false
    }

    mutating func expectWord(_ word: String, _ context: String) -> Bool {
        consume(word) || expected("'\(word)'", context)
    }

    mutating func expectSymbol(_ symbol: String, _ context: String) -> Bool {
        consumeSymbol(symbol) || expected("'\(symbol)'", context)
    }

    mutating func expectName(_ context: String) -> Syntax.Name? {
        guard let word = current.word else {
            expected("a name", context)
            return nil
        }
        let token = advance()
        return Syntax.Name(text: word, range: token.range)
    }

    mutating func expectString(_ context: String) -> (String, Range<Int>)? {
        guard case .string(let text) = current.kind else {
            expected("a quoted text", context)
            return nil
        }
        let token = advance()
        return (text, token.range)
    }

    mutating func expectDate(_ context: String) -> CalendarDate? {
        guard case .date(let date) = current.kind else {
            expected("a date (YYYY-MM-DD)", context)
            return nil
        }
        position += 1
        return date
    }

    /// Skips to the next token that starts a declaration.
    mutating func synchronise() {
        while !atEnd, !(current.word.map { Parser.declarationKeywords.contains($0) } ?? false) { position += 1 }
    }

    /// Skips to the next clause or declaration keyword.
    mutating func synchroniseClause() {
        position += 1
        while !atEnd, !(current.word.map {
            Parser.declarationKeywords.contains($0) || Parser.clauseKeywords.contains($0) || Parser.requirementClauseKeywords.contains($0)
        } ?? false) {
            position += 1
        }
    }
}
