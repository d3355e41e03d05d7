extension RuleCompiler {
    /// Compiles the reason texts of a rule and checks that every result it can have has a text in
    /// both languages without a guard (the fallback).
    mutating func compileReasons(_ rule: Syntax.Rule, _ effect: CompiledEffect?, _ e: inout ExpressionCompiler, _ file: SourceFile)
        -> [CompiledReason]
    {
        var reasons: [CompiledReason] = []
        let allowed: [RuleResult]
        if case .lookup = effect { allowed = RuleCompiler.lookupResultsRequired } else { allowed = RuleCompiler.resultsRequired }
        for text in rule.reasons {
            guard let result = RuleResult(rawValue: text.result.text), allowed.contains(result) else {
                let names = allowed.map(\.rawValue)
                report(.unknownClause, "unknown result '\(text.result.text)' for a reason\(Suggestions.boundedHint(for: text.result.text, in: names)); expected \(names.joined(separator: ", "))", in: file, at: text.result.range)
                continue
            }
            let guardExpression = text.guardExpression.flatMap { e.emit($0, expecting: .bool, "after 'reason \(result.rawValue) when'") }
            // A text with a bad placeholder still counts as written: its diagnostic is enough.
            let nl = template(text.nl, at: text.nlRange, &e) ?? Template(segments: [])
            let en = template(text.en, at: text.enRange, &e) ?? Template(segments: [])
            reasons.append(CompiledReason(result: result, guardExpression: guardExpression, nl: nl, en: en))
        }
        if rule.hasSyntaxErrors { return reasons }
        for result in allowed where !reasons.contains(where: { $0.result == result && $0.guardExpression == nil }) {
            report(.missingReason, "rule '\(rule.id.text)' has no reason text for result '\(result.rawValue)' (reason \(result.rawValue) nl \"…\" en \"…\")", in: file, at: rule.id.range)
        }
        return reasons
    }

    /// Compiles the `would lift` texts of a rule (interface §11): only a refusal (`applied`) or an
    /// undecided refusal or conditions rule (`unknown`) is a ground a counterfactual explains.
    mutating func compileWouldLift(_ rule: Syntax.Rule, _ effect: CompiledEffect?, _ e: inout ExpressionCompiler, _ file: SourceFile) -> [CompiledReason] {
        let allowed: [RuleResult]
        switch effect {
        case .refuse?: allowed = [.applied, .unknown]
        case .conditions?: allowed = [.unknown]
        default: allowed = []
        }
        var texts: [CompiledReason] = []
        for text in rule.wouldLift {
            guard let result = RuleResult(rawValue: text.result.text), allowed.contains(result) else {
                let names = allowed.map(\.rawValue)
                let expected = names.isEmpty ? "a rule with effect 'refuse' or 'conditions'" : names.joined(separator: " or ")
                report(.unknownClause, "'would lift \(text.result.text)' explains no ground of rule '\(rule.id.text)'; expected \(expected)", in: file, at: text.result.range)
                continue
            }
            let guardExpression = text.guardExpression.flatMap { e.emit($0, expecting: .bool, "after 'would lift \(result.rawValue) when'") }
            let nl = template(text.nl, at: text.nlRange, &e) ?? Template(segments: [])
            let en = template(text.en, at: text.enRange, &e) ?? Template(segments: [])
            texts.append(CompiledReason(result: result, guardExpression: guardExpression, nl: nl, en: en))
        }
        return texts
    }

    /// Splits `text` at `{name}` placeholders; each name is resolved like a name in an expression
    /// (a fact, a parameter, the rule's person variable, `dwelling.neighbourhood`, …).
    func template(_ text: String, at range: Range<Int>, _ e: inout ExpressionCompiler) -> Template? {
        var segments: [Template.Segment] = []
        var literal: [UInt8] = []
        var ok = true
        // Scanned as UTF-8 bytes (braces are ASCII): Character-wise search was a third of
        // start-up, and searching the string's UTF-8 view about six times an array's (step 107).
        let bytes = Array(text.utf8)
        var position = 0
        while let open = bytes[position...].firstIndex(of: UInt8(ascii: "{")) {
            literal += bytes[position..<open]
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                e.report(.unknownPlaceholder, "unclosed '{' in reason text", at: range)
                return nil
            }
            let name = Substring(String(decoding: bytes[(open + 1)..<close], as: UTF8.self)).trimmingCharacters(in: " ")
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = []
            // Split as UTF-8 bytes: `split` by Character cost about 5,800 instructions a name,
            // 6 % of start-up (step 109).
            let parts = name.utf8.split(separator: UInt8(ascii: ".")).map { Syntax.Name(text: String(decoding: $0, as: UTF8.self), range: range) }
            if parts.count > Parser.maximumNesting {
                // Each part nests the expression built below one level deeper (as in the parser).
                e.report(.nestingTooDeep, "placeholder {\(name.prefix(40))…} nests deeper than \(Parser.maximumNesting) levels", at: range)
                ok = false
            } else if let first = parts.first {
                var expression = Syntax.Expression.name(first)
                for part in parts.dropFirst() { expression = .field(expression, part) }
                let before = e.diagnostics.count
                if let compiled = e.emit(expression) {
                    segments.append(.value(compiled))
                } else {
                    ok = false
                    for i in before..<e.diagnostics.count {
                        e.diagnostics[i].code = .unknownPlaceholder
                        e.diagnostics[i].message = "in placeholder {\(name)}: " + e.diagnostics[i].message
                    }
                }
            } else {
                e.report(.unknownPlaceholder, "empty placeholder {} in reason text", at: range)
                ok = false
            }
            position = close + 1
        }
        literal += bytes[position...]
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return ok ? Template(segments: segments) : nil
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
