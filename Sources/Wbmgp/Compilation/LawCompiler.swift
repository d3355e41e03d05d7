/// Compiles the rule files of a module into a ``CompiledLaw``: parse every file, gather and
/// check declarations, then compile the rules in force in each period with that period's
/// parameters folded in.
public enum LawCompiler {
    /// The names of the input vocabularies the application reader relies on.
    public static let requiredVocabularies = ["income", "behaviour", "hardship"]

    /// Compiles rule files given as (path, text); all diagnostics of the run are returned together.
    ///
    /// - Returns: the compiled law, or nil when any diagnostic is an error.
    ///
    /// - Parameter overrides: parameters and sets replaced in every version (`impact --set`).
    public static func compile(files: [(path: String, text: String)], overrides: [LawOverride] = []) -> (CompiledLaw?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsed: [Syntax.RuleFile] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let (syntax, found) = Parser.parse(SourceFile(path: file.path, text: file.text))
            parsed.append(syntax)
            diagnostics += found
        }
        var table = DeclarationTable(files: parsed)
        diagnostics += table.diagnostics
        for override in overrides { diagnostics += table.apply(override) }

        var vocabularies: [String: [String]] = [:]
        for (name, list) in table.vocabularies { vocabularies[name] = list.value.codes.map(\.text) }
        for name in requiredVocabularies where vocabularies[name] == nil {
            diagnostics.append(
                Diagnostic(code: .missingDeclaration, message: "the rules declare no code list '\(name)'; the application reader needs it (codes \(name) = …)", path: files.first?.path ?? "Rules"))
        }
        let (measures, measureDiagnostics) = compileMeasures(table, vocabularies)
        diagnostics += measureDiagnostics
        let (labels, labelDiagnostics) = LabelCompiler.compile(table, vocabularies: vocabularies, measures: measures.keys.sorted())
        diagnostics += labelDiagnostics

        var snapshots: [LawSnapshot] = []
        let boundaries = table.boundaries
        let budget = CompileBudget()
        let cache = CompileCache()
        let decisionFacts = DecisionFactTable()
        // An error inside a definition is met again by every rule (and period) that uses it,
        // with messages that may differ by user; it is reported once, at its position.
        var definitionErrorsSeen = Set<String>()
        for (i, from) in boundaries.enumerated() {
            let until = i + 1 < boundaries.count ? boundaries[i + 1].adding(days: -1) : nil
            var compiler = RuleCompiler(
                table: table, date: from, measures: measures, vocabularies: vocabularies, budget: budget, decisionFacts: decisionFacts)
            let rules = compiler.compileRules(cache: cache)
            let requirements = compiler.compileRequirements(cache: cache)
            diagnostics += compiler.diagnostics
            diagnostics += compiler.definitionDiagnostics.filter { d in
                definitionErrorsSeen.insert("\(d.code.rawValue) \(d.path):\(d.line ?? 0):\(d.column ?? 0)").inserted
            }
            snapshots.append(LawSnapshot(from: from, until: until, rules: rules, requirements: requirements))
        }
        if table.versions.isEmpty {
            diagnostics.append(Diagnostic(code: .missingDeclaration, message: "the rules declare no law version (version YYYY-MM-DD \"title\")", path: files.first?.path ?? "Rules"))
        }

        // In the order of their places (file, line, column; stable): in the order found, the
        // errors a typo caused further down (a placeholder of a fact it broke) came before the
        // typo's own.
        diagnostics = deduplicated(diagnostics).enumerated().sorted { a, b in
            (a.element.path, a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.path, b.element.line ?? 0, b.element.column ?? 0, b.offset)
        }.map(\.element)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        var parameters: [String: [DatedValue]] = [:]
        for (name, versions) in table.parameters {
            parameters[name] = versions.compactMap { p in
                p.value.validity.map { DatedValue(from: $0.from, until: $0.until, value: value(of: p.value.value)) }
            }
        }
        var law = CompiledLaw(
            snapshots: snapshots, vocabularies: vocabularies, measures: measures, parameters: parameters,
            measureFieldOrder: fieldOrder(of: measures),
            versions: table.versions.map(\.value.date).sorted(), ruleCount: table.ruleOrder.count,
            ruleVersionCount: table.rules.values.map(\.count).reduce(0, +), ruleIds: table.ruleOrder,
            requirementCodes: table.requirementOrder)
        for (name, list) in table.vocabularies {
            if let citation = list.value.citation { law.vocabularyCitations[name] = citation.text }
        }
        law.holidays = table.holidayCalendar
        law.labels = labels
        if let located = table.vocabularies["monthEnd"] {
            let codes = located.value.codes
            if codes.count == 1, let rule = MonthEndRule(rawValue: codes[0].text) {
                law.monthEnd = rule
            } else {
                diagnostics.append(
                    located.file.diagnostic(
                        .unknownCode, "'monthEnd' names one rule: \(MonthEndRule.allCases.map(\.rawValue).joined(separator: " or "))",
                        at: located.value.name.range.lowerBound))
                return (nil, diagnostics)
            }
        }
        return (law, diagnostics)
    }

    /// The union of each measure's field names over its versions, oldest version first.
    static func fieldOrder(of measures: [String: [MeasureDeclaration]]) -> [String: [String]] {
        measures.mapValues { versions in
            var names: [String] = []
            for version in versions.sorted(by: { $0.from < $1.from }) {
                for field in version.fields where !names.contains(field.name) { names.append(field.name) }
            }
            return names
        }
    }

    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }

    static func compileMeasures(_ table: DeclarationTable, _ vocabularies: [String: [String]]) -> ([String: [MeasureDeclaration]], [Diagnostic]) {
        var result: [String: [MeasureDeclaration]] = [:]
        var diagnostics: [Diagnostic] = []
        // In name order: the diagnostics come out in the order they are found.
        for name in table.measures.keys.sorted() {
            for located in table.measures[name] ?? [] {
                let measure = located.value
                var fields: [MeasureDeclaration.Field] = []
                for field in measure.fields {
                    let kind: MeasureDeclaration.Field.Kind
                    switch field.type {
                    case .bool: kind = .bool
                    case .codes(nil): kind = .codes(vocabulary: nil)
                    case .code(let list), .codes(.some(let list)):
                        if vocabularies[list.text] == nil {
                            diagnostics.append(
                                located.file.diagnostic(
                                    .unknownName, "unknown code list '\(list.text)'\(Suggestions.boundedHint(for: list.text, in: vocabularies.keys.sorted()))",
                                    at: list.range.lowerBound))
                        }
                        if case .code = field.type { kind = .code(vocabulary: list.text) } else { kind = .codes(vocabulary: list.text) }
                    case .oneOf(let options): kind = .oneOf(options.map(\.text))
                    case .days: kind = .days
                    case .labels: kind = .labels
                    }
                    fields.append(
                        MeasureDeclaration.Field(
                            name: field.name.text, kind: kind, defaultValue: field.defaultValue.map(value(of:)), isRequired: field.isRequired,
                            requiredWhen: field.requiredWhen.map { ($0.field.text, $0.value.text) }))
                }
                guard let validity = measure.validity else { continue }
                result[name, default: []].append(
                    MeasureDeclaration(name: name, citation: measure.citation?.text ?? "", from: validity.from, until: validity.until, fields: fields))
            }
        }
        return (result, diagnostics)
    }

    static func value(of literal: Syntax.Literal) -> Value {
        switch literal {
        case .integer(let v): return .integer(v)
        case .duration(let p): return .duration(p)
        case .date(let d): return .date(d)
        case .bool(let b): return .bool(b)
        case .text(let t): return .text(t)
        }
    }

    static func type(of literal: Syntax.Literal) -> ValueType {
        switch literal {
        case .integer: return .integer
        case .duration: return .duration
        case .date: return .date
        case .bool: return .bool
        case .text: return .text
        }
    }
}
