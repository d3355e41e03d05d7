/// The small template language of the letters in `Rules/letters/` (docs/letters.md): text with
/// `{{name}}` (a value, HTML-escaped), `{{#if name}}…{{else}}…{{/if}}`, `{{#unless name}}…{{/unless}}`,
/// `{{#each name as item}}…{{/each}}`, `{{! comment }}` and `{{> file}}` (another file of the
/// letters folder, such as the shared stylesheet, copied in as written). Nothing else: no
/// expressions, so a municipality edits wording and layout, never logic.
///
/// Parsing never fails: problems are diagnostics at file:line:column, and the parse ends with
/// what could be read. Names are checked against a ``LetterTemplate/Schema`` before use.
public struct LetterTemplate: Sendable {
    public indirect enum Node: Sendable {
        case text(String)
        case value(Name)
        case conditional(Name, negated: Bool, then: [Node], otherwise: [Node])
        case each(Name, as: String, body: [Node])
    }

    /// A dotted name with its byte offset in the file.
    public struct Name: Sendable {
        public var path: [String]
        public var offset: Int
        public var dotted: String { path.joined(separator: ".") }
    }

    public let nodes: [Node]
    public let source: SourceFile

    /// The deepest nesting of sections a template may have: far beyond any letter, and a bound on
    /// the recursion of rendering.
    public static let maximumNesting = 32

    /// - Parameter include: the text of a file of the letters folder for `{{> file}}`; nil when
    ///   there is no such file (a diagnostic at the tag).
    public static func parse(_ source: SourceFile, include: @escaping (String) -> String? = { _ in nil }) -> (LetterTemplate, [Diagnostic]) {
        var parser = TemplateParser(source: source)
        parser.include = include
        let nodes = parser.parseAll()
        return (LetterTemplate(nodes: nodes, source: source), parser.diagnostics)
    }
}

/// The parser of ``LetterTemplate``: one pass over the bytes, sections on a stack.
struct TemplateParser {
    let source: SourceFile
    let bytes: [UInt8]
    var position = 0
    var diagnostics: [Diagnostic] = []
    var include: (String) -> String? = { _ in nil }

    init(source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    mutating func report(_ message: String, at offset: Int) {
        guard diagnostics.count < 200 else { return }
        diagnostics.append(source.diagnostic(.unknownPlaceholder, message, at: offset))
    }

    /// A section being read: its opening tag and the nodes so far.
    struct Open {
        var keyword: String
        var name: LetterTemplate.Name
        var variable: String
        var then: [LetterTemplate.Node] = []
        var otherwise: [LetterTemplate.Node] = []
        /// After `{{else}}`: nodes go to `otherwise`.
        var inElse = false
    }

    mutating func parseAll() -> [LetterTemplate.Node] {
        var stack: [Open] = []
        var top: [LetterTemplate.Node] = []
        func append(_ node: LetterTemplate.Node, _ stack: inout [Open], _ top: inout [LetterTemplate.Node]) {
            guard !stack.isEmpty else {
                top.append(node)
                return
            }
            // Appended in place: a copy of the array per node would make a long section quadratic.
            let last = stack.count - 1
            if stack[last].inElse { stack[last].otherwise.append(node) } else { stack[last].then.append(node) }
        }
        var text: [UInt8] = []
        while position < bytes.count {
            guard bytes[position] == 0x7B, position + 1 < bytes.count, bytes[position + 1] == 0x7B else {
                text.append(bytes[position])
                position += 1
                continue
            }
            if !text.isEmpty {
                append(.text(String(decoding: text, as: UTF8.self)), &stack, &top)
                text.removeAll()
            }
            let tagStart = position
            guard let close = findClose(from: position + 2) else {
                report("'{{' is not closed with '}}'", at: tagStart)
                position = bytes.count
                break
            }
            let inner = Substring(String(decoding: bytes[(position + 2)..<close], as: UTF8.self)).trimmingCharacters(in: " ")
            position = close + 2
            if inner.hasPrefix("!") { continue }
            let words = inner.split(separator: " ").map(String.init)
            guard let first = words.first else {
                report("an empty '{{ }}'; write a name", at: tagStart)
                continue
            }
            switch first {
            case ">":
                // `{{> file}}`: the file's text as written, not parsed (a stylesheet holds braces).
                guard words.count == 2, words[1].utf8.allSatisfy({ isIdentifier(String(UnicodeScalar($0))) || $0 == 0x2E || $0 == 0x2D }),
                    !words[1].hasPrefix(".")
                else {
                    report("expected '{{> file}}' naming a file of the letters folder", at: tagStart)
                    continue
                }
                guard let text = include(words[1]) else {
                    report("no file '\(words[1])' in the letters folder for '{{> \(words[1])}}'", at: tagStart)
                    continue
                }
                append(.text(text), &stack, &top)
            case "#if", "#unless":
                guard words.count == 2, let name = name(words[1], at: tagStart) else {
                    report("expected '{{\(first) name}}'", at: tagStart)
                    continue
                }
                guard stack.count < LetterTemplate.maximumNesting else {
                    report("sections nest deeper than \(LetterTemplate.maximumNesting) levels", at: tagStart)
                    continue
                }
                stack.append(Open(keyword: first, name: name, variable: ""))
            case "#each":
                guard words.count == 4, words[2] == "as", let name = name(words[1], at: tagStart), isIdentifier(words[3]) else {
                    report("expected '{{#each name as item}}'", at: tagStart)
                    continue
                }
                guard stack.count < LetterTemplate.maximumNesting else {
                    report("sections nest deeper than \(LetterTemplate.maximumNesting) levels", at: tagStart)
                    continue
                }
                stack.append(Open(keyword: first, name: name, variable: words[3]))
            case "else":
                guard let open = stack.last, open.keyword == "#if", !open.inElse else {
                    report("'{{else}}' outside an '{{#if}}' section (or a second one)", at: tagStart)
                    continue
                }
                stack[stack.count - 1].inElse = true
            case "/if", "/unless", "/each":
                guard let open = stack.popLast() else {
                    report("'{{\(first)}}' closes no section", at: tagStart)
                    continue
                }
                guard open.keyword == "#" + first.dropFirst() else {
                    report("'{{\(first)}}' closes '{{\(open.keyword) \(open.name.dotted)}}'", at: tagStart)
                    stack.append(open)
                    continue
                }
                let node: LetterTemplate.Node
                if open.keyword == "#each" {
                    node = .each(open.name, as: open.variable, body: open.then)
                } else {
                    node = .conditional(open.name, negated: open.keyword == "#unless", then: open.then, otherwise: open.otherwise)
                }
                append(node, &stack, &top)
            default:
                guard words.count == 1, let name = name(first, at: tagStart) else {
                    report("expected a name in '{{ }}', found '\(inner.prefix(40))'", at: tagStart)
                    continue
                }
                append(.value(name), &stack, &top)
            }
        }
        if !text.isEmpty { append(.text(String(decoding: text, as: UTF8.self)), &stack, &top) }
        for open in stack.reversed() {
            report("'{{\(open.keyword) \(open.name.dotted)}}' is not closed", at: open.name.offset)
        }
        return top
    }

    func findClose(from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0x7D, bytes[i + 1] == 0x7D { return i }
            if bytes[i] == 0x0A { return nil }  // a tag stays on one line
            i += 1
        }
        return nil
    }

    func isIdentifier(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    mutating func name(_ word: String, at offset: Int) -> LetterTemplate.Name? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(isIdentifier) else { return nil }
        return LetterTemplate.Name(path: parts, offset: offset)
    }
}
