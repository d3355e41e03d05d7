/// A value a letter template reads: text, a flag, a list, or an object with named fields.
public indirect enum LetterValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([LetterValue])
    case object([String: LetterValue])

    /// `{{#if}}`: a true flag, a non-empty text or list, any object.
    var holds: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    func field(_ name: String) -> LetterValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

/// The shape of the values a template may read, for `rules check`: each name's kind, and for
/// lists and objects the fields of their items.
public indirect enum LetterShape: Sendable {
    case text, flag
    case list(LetterShape)
    case object([String: LetterShape])
}

extension LetterTemplate {
    /// Every name the template reads that the shape does not have, as a diagnostic at its place.
    public func check(against shape: [String: LetterShape]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // At most 200, as for rule files: a template of a million wrong names is one problem.
        var reported = 0
        func add(_ message: String, _ code: DiagnosticCode, at offset: Int) {
            reported += 1
            guard reported <= 200 else { return }
            diagnostics.append(source.diagnostic(code, message, at: offset))
        }
        func resolve(_ name: Name, _ scope: [String: LetterShape]) -> LetterShape? {
            guard var current = scope[name.path[0]] else { return nil }
            for part in name.path.dropFirst() {
                guard case .object(let fields) = current, let next = fields[part] else { return nil }
                current = next
            }
            return current
        }
        func unknown(_ name: Name, _ scope: [String: LetterShape]) {
            guard reported < 200 else {
                reported += 1
                return
            }
            let hint = Suggestions.boundedHint(for: name.dotted, in: scope.keys.sorted())
            add("unknown name '\(name.dotted)' in the letter template\(hint)", .unknownPlaceholder, at: name.offset)
        }
        func walk(_ nodes: [Node], _ scope: [String: LetterShape]) {
            for node in nodes {
                switch node {
                case .text: break
                case .value(let name):
                    switch resolve(name, scope) {
                    case nil: unknown(name, scope)
                    case .text?, .flag?: break
                    case .list?, .object?:
                        add("'\(name.dotted)' is a list or object; write it with '{{#each}}' or name a field", .typeMismatch, at: name.offset)
                    }
                case .conditional(let name, _, let then, let otherwise):
                    if resolve(name, scope) == nil { unknown(name, scope) }
                    walk(then, scope)
                    walk(otherwise, scope)
                case .each(let name, let variable, let body):
                    guard let shape = resolve(name, scope) else {
                        unknown(name, scope)
                        continue
                    }
                    guard case .list(let item) = shape else {
                        add("'\(name.dotted)' is not a list; '{{#each}}' needs one", .typeMismatch, at: name.offset)
                        continue
                    }
                    var inner = scope
                    inner[variable] = item
                    walk(body, inner)
                }
            }
        }
        walk(nodes, shape)
        if reported > 200 {
            diagnostics.append(source.diagnostic(.unknownPlaceholder, "\(reported - 200) more problems in this template are not shown", at: 0))
        }
        return diagnostics
    }

    /// The most template nodes one letter may visit, and the most bytes it may hold: sections
    /// over lists nested in each other multiply, and no template may keep a decision busy or fill
    /// the memory. A real letter visits a few hundred nodes.
    public static let maximumSteps = 1_000_000
    public static let maximumBytes = 8 << 20

    /// The letter for `model`: values HTML-escaped; a name with no value renders empty. Nil when
    /// the template would render past ``maximumSteps`` or ``maximumBytes``.
    public func render(_ model: [String: LetterValue]) -> String? {
        var out = ""
        var steps = 0
        func lookup(_ name: Name, _ scope: [String: LetterValue]) -> LetterValue? {
            guard var current = scope[name.path[0]] else { return nil }
            for part in name.path.dropFirst() {
                guard let next = current.field(part) else { return nil }
                current = next
            }
            return current
        }
        func walk(_ nodes: [Node], _ scope: [String: LetterValue]) -> Bool {
            for node in nodes {
                steps += 1
                guard steps <= LetterTemplate.maximumSteps, out.utf8.count <= LetterTemplate.maximumBytes else { return false }
                switch node {
                case .text(let text): out += text
                case .value(let name):
                    if case .text(let text)? = lookup(name, scope) { out += MarkupText.escaped(text) }
                case .conditional(let name, let negated, let then, let otherwise):
                    let holds = lookup(name, scope)?.holds ?? false
                    guard walk(holds != negated ? then : otherwise, scope) else { return false }
                case .each(let name, let variable, let body):
                    guard case .list(let items)? = lookup(name, scope) else { continue }
                    var inner = scope
                    for item in items {
                        inner[variable] = item
                        guard walk(body, inner) else { return false }
                    }
                }
            }
            return true
        }
        return walk(nodes, model) ? out : nil
    }
}
