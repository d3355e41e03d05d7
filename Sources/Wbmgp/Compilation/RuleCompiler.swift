/// Compiles the rules in force on one date, with that date's parameters and sets as constants.
struct RuleCompiler {
    let table: DeclarationTable
    let date: CalendarDate
    let measures: [String: [MeasureDeclaration]]
    /// ``measures``' names in the order that numbers them (``CompiledRule/measureNumber``).
    let measureNames: [String]
    let globals: ExpressionCompiler.Globals
    var diagnostics: [Diagnostic] = []
    /// Errors in definition bodies, which every rule using the definition meets again; the
    /// ``LawCompiler`` reports each position once.
    var definitionDiagnostics: [Diagnostic] = []
    /// The law's numbering of expressions the same throughout a decision, shared by the rules
    /// of every period (nil: nothing shared).
    let decisionFacts: DecisionFactTable?

    static let resultsRequired: [RuleResult] = [.applied, .passed, .unknown]
    static let lookupResultsRequired: [RuleResult] = [.applied, .passed, .unreached, .unknown]

    init(
        table: DeclarationTable, date: CalendarDate, measures: [String: [MeasureDeclaration]], vocabularies: [String: [String]],
        budget: CompileBudget = CompileBudget(), decisionFacts: DecisionFactTable? = nil
    ) {
        self.decisionFacts = decisionFacts
        self.table = table
        self.date = date
        self.measures = measures
        measureNames = CompiledLaw.measureNames(of: measures)
        var constants: [String: (Value, ValueType)] = [:]
        for (name, versions) in table.parameters {
            if let p = versions.first(where: { $0.value.validity?.contains(date) ?? false }) {
                constants[name] = (LawCompiler.value(of: p.value.value), LawCompiler.type(of: p.value.value))
            }
        }
        for (name, versions) in table.sets {
            if let s = versions.first(where: { $0.value.validity?.contains(date) ?? false }) {
                constants[name] = (.list(s.value.codes.map { .text($0.text) }), .list(.text))
            }
        }
        for (name, codes) in vocabularies where constants[name] == nil {
            constants[name] = (.list(codes.map { .text($0) }), .list(.text))
        }
        var measureFields: [String: [String: (Int, ValueType)]] = [:]
        let order = LawCompiler.fieldOrder(of: measures)
        for (name, versions) in measures {
            for version in versions {
                for field in version.fields {
                    let type: ValueType
                    switch field.kind {
                    case .bool: type = .bool
                    case .code, .oneOf: type = .text
                    case .codes: type = .list(.text)
                    case .days: type = .duration
                    case .labels: continue  // words for people; no rule reads them
                    }
                    measureFields[name, default: [:]][field.name] = (order[name]?.firstIndex(of: field.name) ?? 0, type)
                }
            }
        }
        self.globals = ExpressionCompiler.Globals(
            constants: constants, definitions: table.definitions.mapValues { (definition: $0.value, file: $0.file) }, measureFields: measureFields,
            budget: budget)
    }

    /// The rules in force on this compiler's date; a version compiled for another period is used
    /// again where the parameters and sets it read agree (``CompileCache``).
    mutating func compileRules(cache: CompileCache? = nil) -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        for id in table.ruleOrder {
            guard let versions = table.rules[id], let index = versions.firstIndex(where: { $0.value.validity?.contains(date) ?? false }) else { continue }
            let key = "\(id)#\(index)"
            if let reused = cache?.rule(key, constants: globals.constants) {
                compiled.append(reused)
                continue
            }
            if let (rule, used) = compile(versions[index].value, in: versions[index].file) {
                compiled.append(rule)
                cache?.store(rule, key, used: used, constants: globals.constants)
            }
        }
        return compiled
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, in file: SourceFile, at range: Range<Int>) {
        diagnostics.append(file.diagnostic(code, message, at: range.lowerBound))
    }

    /// Takes over an expression compiler's errors; true when there were none.
    mutating func collect(_ e: ExpressionCompiler, name: String) -> Bool {
        diagnostics += explainMissingNames(e.diagnostics, name: name)
        definitionDiagnostics += explainMissingNames(e.definitionDiagnostics, name: name)
        return e.diagnostics.isEmpty && e.definitionDiagnostics.isEmpty
    }

    /// Names that exist in some period but not on this snapshot's date get a clearer message.
    mutating func explainMissingNames(_ found: [Diagnostic], name ruleName: String) -> [Diagnostic] {
        found.map { diagnostic in
            guard diagnostic.code == .unknownName,
                let name = diagnostic.message.split(separator: "'").dropFirst().first.map(String.init),
                table.parameters[name] != nil || table.sets[name] != nil
            else { return diagnostic }
            var changed = diagnostic
            changed.code = .notInForce
            changed.message = "'\(name)' has no version in force on \(date), where '\(ruleName)' is in force"
            return changed
        }
    }

    mutating func compile(_ rule: Syntax.Rule, in file: SourceFile) -> (CompiledRule, used: Set<String>)? {
        if let measure = rule.measure, measures[measure.text] == nil {
            report(.unknownMeasure, "unknown measure '\(measure.text)'\(Suggestions.boundedHint(for: measure.text, in: measures.keys.sorted()))", in: file, at: measure.range)
            return nil
        }
        var expressions = ExpressionCompiler(globals: globals, source: file, measure: rule.measure?.text)
        expressions.code = CodeBuilder(decisionFacts: decisionFacts)
        var subject: CodeRef?
        if let variable = rule.subjectVariable, let list = rule.subjectList {
            let slot = expressions.newSlot()
            subject = expressions.compileSubject(list).map { expressions.code.emit($0) }
            expressions.locals[variable.text] = (.slot(slot), .person)
        }
        let gates = rule.gates.compactMap { expressions.emit($0, expecting: .bool, "after 'applies when'") }
        var facts: [CompiledFact] = []
        for (i, (name, value)) in rule.facts.enumerated() {
            guard let (uncached, type, height, _) = expressions.compileInlined(value) else { continue }
            let compiled = CompiledExpression.cached(slot: expressions.newSlot(), uncached)
            // Cached: its code is emitted once, so a use adds one node; it still adds its height,
            // as a use evaluated before the fact itself recurses into it.
            expressions.locals[name.text] = (.inline(compiled, height: height + 1, size: 1), type)
            let shownWhen = rule.factGuards[i].flatMap { expressions.emit($0, expecting: .bool, "after 'fact … when'") }
            facts.append(CompiledFact(name: name.text, value: expressions.code.emit(compiled), shownWhen: shownWhen))
        }
        let uses = rule.uses.compactMap { expressions.emit($0, expecting: .list(.record), "after 'uses'") }
        let datedBy = rule.datedBy.flatMap { expressions.emit($0, expecting: .date, "after 'dated by'") }
        let effect = compileEffect(rule, &expressions, file)
        let flags = rule.flags.compactMap { name, value in expressions.emit(value, expecting: .bool, "as a flag").map { (name.text, $0) } }
        var lifts: [(code: String, citation: String)] = []
        let hardshipCodes = globals.constants["hardship"].flatMap { $0.0.listElements } ?? []
        expressions.usedConstants.insert("hardship")
        for (code, citation) in rule.lifts {
            if !hardshipCodes.contains(.text(code.text)) {
                report(.unknownCode, "unknown hardship code '\(code.text)'\(Suggestions.boundedHint(for: code.text, in: hardshipCodes.compactMap { if case .text(let t) = $0 { t } else { nil } }))", in: file, at: code.range)
            }
            lifts.append((code.text, citation.text))
        }
        let reasons = compileReasons(rule, effect, &expressions, file)
        let wouldLift = compileWouldLift(rule, effect, &expressions, file)
        guard collect(expressions, name: rule.id.text), let effect else { return nil }
        return (CompiledRule(
            id: rule.id.text, citation: rule.citation?.text ?? "", validFrom: rule.validity?.from ?? CalendarDate(dayNumber: 0), measure: rule.measure?.text,
            measureNumber: rule.measure.flatMap { measure in measureNames.firstIndex(of: measure.text) } ?? -1, gates: gates, subject: subject,
            effect: effect, flags: flags, flagsCitation: rule.flagCitations.lazy.compactMap { $0?.text }.first, datedBy: datedBy, lifts: lifts, facts: facts, uses: uses, reasons: reasons, wouldLift: wouldLift, slotCount: expressions.slotCount,
            program: expressions.code.finish()), expressions.usedConstants)
    }

    mutating func compileEffect(_ rule: Syntax.Rule, _ e: inout ExpressionCompiler, _ file: SourceFile) -> CompiledEffect? {
        guard let effect = rule.effect else {
            if rule.hasSyntaxErrors { return nil }
            report(.missingEffect, "rule '\(rule.id.text)' has no effect (refuse, conditions, priority, defect, screen or lookup)", in: file, at: rule.id.range)
            return nil
        }
        switch effect {
        case .refuse(let condition):
            return e.emit(condition, expecting: .bool, "after 'refuse when'").map { .refuse(when: $0) }
        case .conditions(let list, let condition):
            guard let l = e.emit(list, expecting: .list(.text), "as conditions"), let c = e.emit(condition, expecting: .bool, "after 'when'") else { return nil }
            return .conditions(l, when: c)
        case .priority(let list, let condition):
            guard let l = e.emit(list, expecting: .list(.text), "as characteristics"), let c = e.emit(condition, expecting: .bool, "after 'when'") else { return nil }
            return .priority(characteristics: l, when: c)
        case .defect(let code, let condition):
            return e.emit(condition, expecting: .bool, "after 'when'").map { .defect(code: code, when: $0) }
        case .screen(let from, let until, let behaviours, let condition):
            guard let f = e.emit(from, expecting: .date, "as the window start"), let u = e.emit(until, expecting: .date, "as the window end"),
                let b = e.emit(behaviours, expecting: .list(.text), "as behaviours"), let c = e.emit(condition, expecting: .bool, "after 'when'")
            else { return nil }
            return .screen(from: f, until: u, behaviours: b, when: c)
        case .lookup:
            if let measure = rule.measure {
                report(.unknownClause, "a lookup rule is not 'under' a measure", in: file, at: measure.range)
            }
            return .lookup
        }
    }
}

extension ExpressionCompiler {
    /// The list of persons a rule is evaluated for (`for each p in LIST`); a single person is a list of one.
    mutating func compileSubject(_ list: Syntax.Expression) -> CompiledExpression? {
        guard let (compiled, element) = compileListOperand(list) else { return nil }
        guard element == .person || element == .anything else {
            report(.typeMismatch, "'for each' needs a list of persons, found a list of \(element)", at: list.range)
            return nil
        }
        return compiled
    }
}
