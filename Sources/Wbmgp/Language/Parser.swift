/// A hand-written LL(1) recursive-descent parser for rule files.
///
/// It never throws: it records diagnostics and resynchronises at the next declaration keyword,
/// so one typo gives one diagnostic and the rest of the file is still checked. Each `parseX`
/// function documents its grammar production (the full grammar is in docs/rule-language.md).
public struct Parser {
    static let declarationKeywords: Set<String> = [
        "version", "parameter", "set", "codes", "define", "measure", "rule", "requirement", "date", "holiday", "equated", "labels",
    ]
    static let clauseKeywords: Set<String> = [
        "under", "dated", "applies", "for", "refuse", "conditions", "priority", "defect", "screen", "lookup",
        "flag", "lifted", "fact", "reason", "uses", "would",
    ]
    static let requirementClauseKeywords: Set<String> = ["applies", "fails", "path", "fact", "message", "text", "dated", "checks"]

    /// How deeply an expression may nest: parentheses, `if`, lists, calls, `[… where …]`, each
    /// `not`, `any`/`every`, each `.field` and each `+`/`-` count a level. The parser recurses
    /// once per level, so the bound keeps its stack (and that of every later walk over the tree:
    /// compiler, code builder, evaluator) small, whatever the file holds.
    public static let maximumNesting = 256
    /// The most syntax errors reported per file (see ``Lexer/maximumDiagnostics``).
    static let maximumDiagnostics = 200

    let source: SourceFile
    let tokens: [Token]
    var position = 0
    /// The nesting level of the expression being parsed (see ``maximumNesting``).
    var depth = 0
    public private(set) var diagnostics: [Diagnostic]
    private var syntaxErrors = 0

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

    var current: Token { token(at: position) }
    var previousEnd: Int { position > 0 ? token(at: position - 1).range.upperBound : 0 }

    /// The token at `index`, or the end-of-file token at or past the end: whatever a clause
    /// skips, no position indexes out of range (a file may end after any keyword).
    func token(at index: Int) -> Token {
        if tokens.indices.contains(index) { return tokens[index] }
        return tokens.last ?? Token(kind: .endOfFile, range: source.bytes.count..<source.bytes.count)
    }

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
        syntaxErrors += 1
        guard syntaxErrors <= Parser.maximumDiagnostics else { return }
        diagnostics.append(source.diagnostic(code, message, at: range.lowerBound))
        if syntaxErrors == Parser.maximumDiagnostics {
            diagnostics.append(source.diagnostic(code, "too many syntax errors; later ones in this file are not reported", at: range.lowerBound))
        }
    }

    /// Enters one more level of expression nesting; past ``maximumNesting`` reports it at the
    /// current token and returns false, and the caller gives up on the expression (the clause
    /// then resynchronises, so the rest of the file is still checked).
    mutating func enterNesting() -> Bool {
        guard depth < Parser.maximumNesting else {
            report(.nestingTooDeep, "expression nests deeper than \(Parser.maximumNesting) levels", at: current.range)
            return false
        }
        depth += 1
        return true
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
        while !atEnd, !atDeclarationKeyword { position += 1 }
    }

    /// Whether the current word starts a declaration: a keyword right after `.` is a field name
    /// (`r.date`), not the `date` declaration.
    var atDeclarationKeyword: Bool {
        guard let word = current.word, Parser.declarationKeywords.contains(word) else { return false }
        return position == 0 || token(at: position - 1).kind != .symbol(".")
    }

    /// Skips to the next clause or declaration keyword.
    mutating func synchroniseClause() {
        if !atEnd { position += 1 }
        while !atEnd, !atDeclarationKeyword, !(current.word.map {
            Parser.clauseKeywords.contains($0) || Parser.requirementClauseKeywords.contains($0)
        } ?? false) {
            position += 1
        }
    }
}
