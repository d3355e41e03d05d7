extension RuleCompiler {
    /// The requirements in force on this compiler's date. A version already compiled for another
    /// period is used again when every parameter and set it read has the same value here: the
    /// law has nine periods, and compiling each requirement with its texts nine times was most of
    /// start-up.
    mutating func compileRequirements(cache: CompileCache? = nil) -> [CompiledRequirement] {
        var compiled: [CompiledRequirement] = []
        for code in table.requirementOrder {
            guard let versions = table.requirements[code], let index = versions.firstIndex(where: { $0.value.validity?.contains(date) ?? false })
            else { continue }
            let located = versions[index]
            let key = "\(code)#\(index)"
            if let reused = cache?.requirement(key, constants: globals.constants) {
                compiled.append(reused)
                continue
            }
            if let (requirement, used) = compile(located.value, in: located.file) {
                compiled.append(requirement)
                cache?.store(requirement, key, used: used, constants: globals.constants)
            }
        }
        return compiled
    }

    /// Compiles one requirement version: gates, the failure condition, facts and message templates,
    /// in the request's name space (`request`, `requested`, `previous`, `measuresInForce`).
    mutating func compile(_ requirement: Syntax.Requirement, in file: SourceFile) -> (CompiledRequirement, used: Set<String>)? {
        var e = ExpressionCompiler(globals: globals, source: file, measure: nil)
        e.subject = .request
        let severityNames = CompiledRequirement.Severity.allCases.map(\.rawValue)
        guard let severityName = requirement.severity, let severity = CompiledRequirement.Severity(rawValue: severityName.text) else {
            report(.unknownCode, "requirement '\(requirement.code.text)' needs a severity after its citation: \(severityNames.joined(separator: ", "))",
                   in: file, at: requirement.severity?.range ?? requirement.code.range)
            return nil
        }
        var lawDates: [CompiledRequirement.LawDate] = []
        for datedBy in requirement.datedBy {
            guard let chosen = CompiledRequirement.LawDate(rawValue: datedBy.text) else {
                let names = CompiledRequirement.LawDate.allCases.map(\.rawValue)
                report(.unknownName, "unknown law date '\(datedBy.text)'\(Suggestions.boundedHint(for: datedBy.text, in: names)); expected \(names.joined(separator: ", "))", in: file, at: datedBy.range)
                return nil
            }
            if !lawDates.contains(chosen) { lawDates.append(chosen) }
        }
        if lawDates.isEmpty { lawDates = [.termStart] }
        let gates = requirement.gates.compactMap { e.emit($0, expecting: .bool, "after 'applies when'") }
        var facts: [CompiledFact] = []
        for (i, name) in requirement.factNames.enumerated() {
            guard let (compiled, type, height, size) = e.compileInlined(requirement.factValues[i]) else { continue }
            // Not cached: every use inlines (and emits) the whole tree again.
            e.locals[name.text] = (.inline(compiled, height: height, size: size), type)
            let shownWhen = requirement.factGuards[i].flatMap { e.emit($0, expecting: .bool, "after 'fact … when'") }
            facts.append(CompiledFact(name: name.text, value: e.code.emit(compiled), shownWhen: shownWhen))
        }
        let fails = requirement.failsWhen.flatMap { e.emit($0, expecting: .bool, "after 'fails when'") }
        var messages: [(guardExpression: CodeRef?, text: Template)] = []
        for message in requirement.messages {
            let guardExpression = message.guardExpression.flatMap { e.emit($0, expecting: .bool, "after 'message when'") }
            messages.append((guardExpression, template(message.text, at: message.range, &e) ?? Template(segments: [])))
        }
        var texts: [CompiledRequirement.Text] = []
        for text in requirement.texts {
            let guardExpression = text.guardExpression.flatMap { e.emit($0, expecting: .bool, "after 'text when'") }
            texts.append(
                CompiledRequirement.Text(
                    guardExpression: guardExpression, nl: template(text.nl, at: text.nlRange, &e) ?? Template(segments: []),
                    en: template(text.en, at: text.enRange, &e) ?? Template(segments: [])))
        }
        let compiledCleanly = collect(e, name: requirement.code.text)
        if !requirement.hasSyntaxErrors {
            if requirement.failsWhen == nil {
                report(.missingEffect, "requirement '\(requirement.code.text)' has no 'fails when' condition", in: file, at: requirement.code.range)
            }
            if requirement.pathText == nil {
                report(.missingEffect, "requirement '\(requirement.code.text)' has no 'path' naming the part of the request it checks", in: file, at: requirement.code.range)
            }
            if !requirement.messages.contains(where: { $0.guardExpression == nil }) {
                report(.missingReason, "requirement '\(requirement.code.text)' has no message without 'when' (the fallback)", in: file, at: requirement.code.range)
            }
            if !requirement.texts.contains(where: { $0.guardExpression == nil }) {
                report(.missingReason, "requirement '\(requirement.code.text)' has no text without 'when' (text nl \"…\" en \"…\": the finding for people)", in: file, at: requirement.code.range)
            }
        }
        guard compiledCleanly, let fails, let path = requirement.pathText else { return nil }
        return (CompiledRequirement(
            code: requirement.code.text, citation: requirement.citation?.text ?? "", severity: severity, lawDates: lawDates,
            checksDesignations: requirement.checksDesignations, gates: gates, failsWhen: fails, path: path, facts: facts,
            messages: messages, texts: texts, slotCount: e.slotCount, program: e.code.finish()), e.usedConstants)
    }
}
