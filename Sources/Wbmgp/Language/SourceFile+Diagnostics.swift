extension SourceFile {
    /// The longest line a diagnostic quotes. A longer one (minified or binary input) is not
    /// quoted, so many diagnostics on one huge line cost no more than their messages.
    static let maximumExcerpt = 1_000

    /// An error at byte `offset` of this file, with line, column and the line as excerpt.
    ///
    /// Every reporter of rule-file errors (lexer, parser, declaration table, compilers) builds
    /// its diagnostics here, so each one names the file whose bytes `offset` counts.
    func diagnostic(_ code: DiagnosticCode, _ message: String, at offset: Int) -> Diagnostic {
        let (line, column) = location(of: offset)
        return Diagnostic(
            code: code, message: message, path: path, line: line, column: column,
            excerpt: excerpt(line: line, startingAt: offset - (column - 1)))
    }

    /// The text of `line` (which starts at byte `start`), or nil when it is longer than
    /// ``maximumExcerpt``; looks at no more than that many bytes.
    private func excerpt(line: Int, startingAt start: Int) -> String? {
        var end = max(start, 0)
        while end < bytes.count, bytes[end] != 0x0A {
            end += 1
            if end - start > SourceFile.maximumExcerpt { return nil }
        }
        return lineText(line)
    }
}
