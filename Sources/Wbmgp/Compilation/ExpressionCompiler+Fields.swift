extension ExpressionCompiler {
    /// The fields each kind of value offers, with their types (the input schema of interface §3
    /// and §5 as the rules see it).
    static let personFields: [String: (PersonFact, ValueType)] = [
        "id": (.id, .text), "role": (.role, .text), "birthDate": (.birthDate, .date),
        "income": (.income, .list(.text)), "characteristics": (.characteristics, .list(.text)),
        "screening": (.screening, .object(.screening)),
    ]
    static let screeningFields: [String: (PersonFact, ValueType)] = [
        "vog": (.vog, .object(.vog)), "policeRecords": (.policeRecords, .list(.record)),
    ]
    static let vogFields: [String: (PersonFact, ValueType)] = [
        "submitted": (.vogSubmitted, .bool), "status": (.vogStatus, .text), "date": (.vogDate, .date),
    ]
    static let recordFields: [String: (RecordFact, ValueType)] = ["behaviour": (.behaviour, .text), "date": (.date, .date)]
    static let woonverklaringFields: [String: (WoonverklaringFact, ValueType)] = [
        "outcome": (.outcome, .text), "date": (.date, .date), "hearingOffered": (.hearingOffered, .bool),
        "conditions": (.conditions, .list(.text)), "decidedBy": (.decidedBy, .text), "timing": (.timing, .text),
    ]
    static let dwellingFields: [String: (DwellingFact, ValueType)] = [
        "municipality": (.municipality, .text), "postcode": (.postcode, .text), "houseNumber": (.houseNumber, .integer),
        "street": (.street, .text), "neighbourhood": (.neighbourhood, .text), "category": (.category, .text),
    ]
    static let designationFields: [String: (DesignationFact, ValueType)] = [
        "id": (.id, .text), "region": (.region, .list(.text)), "regionName": (.regionName, .text),
        "from": (.from, .date), "until": (.until, .date),
    ]

    static let requestFields: [String: (RequestFact, ValueType)] = [
        "id": (.id, .text), "kind": (.kind, .text), "receivedDate": (.receivedDate, .date), "dispatchDate": (.dispatchDate, .date),
        "ministerDecisionDate": (.ministerDecisionDate, .date), "ministerDecisionDispatchDate": (.ministerDecisionDispatchDate, .date),
        "regionalAlternatives": (.regionalAlternatives, .text),
        "instrumentChoice": (.instrumentChoice, .text), "provincialAdvice": (.provincialAdvice, .text),
        "substantiation": (.substantiation, .object(.substantiation)), "localEvaluation": (.localEvaluation, .object(.localEvaluation)),
    ]
    static let substantiationFields: [String: (RequestFact, ValueType)] = [
        "necessity": (.necessity, .text), "suitability": (.suitability, .text), "subsidiarity": (.subsidiarity, .text),
        "proportionality": (.proportionality, .text),
    ]
    static let localEvaluationFields: [String: (RequestFact, ValueType)] = [
        "date": (.localEvaluationDate, .date), "summary": (.localEvaluationSummary, .text),
        "report": (.localEvaluationReport, .bool), "reportFrom": (.localEvaluationReportFrom, .date),
        "reportUntil": (.localEvaluationReportUntil, .date),
    ]
    static let designationRecordFields: [String: (DesignationRecordFact, ValueType)] = [
        "id": (.id, .text), "municipality": (.municipality, .text), "from": (.from, .date), "until": (.until, .date),
        "extends": (.extends, .text), "listedBefore": (.listedBefore, .designationRecord), "measures": (.measures, .list(.text)),
        "region": (.region, .list(.text)),
        "neighbourhoods": (.neighbourhoods, .list(.text)), "postcodes": (.postcodes, .list(.text)), "streets": (.streets, .list(.text)),
        "addresses": (.addresses, .list(.text)),
    ]

    mutating func compileField(_ base: Syntax.Expression, _ name: Syntax.Name) -> (CompiledExpression, ValueType)? {
        guard let (compiledBase, baseType) = compileTyped(base) else { return nil }
        // The candidates are dictionaries' keys: in name order, so that of equally close names
        // the same one is suggested at every run.
        func unknownField(_ candidates: some Collection<String>, of what: String) -> (CompiledExpression, ValueType)? {
            let written = base.dottedText.map { "\($0).\(name.text)" } ?? name.text
            let hint = Suggestions.boundedClosest(to: name.text, in: candidates.sorted()).map { "; did you mean '\((base.dottedText.map { $0 + "." } ?? "") + $0)'?" } ?? ""
            report(.unknownField, "unknown field '\(written)' of \(what)\(hint)", at: name.range)
            return nil
        }
        switch baseType {
        case .person:
            guard let (fact, type) = ExpressionCompiler.personFields[name.text] else {
                return unknownField(ExpressionCompiler.personFields.keys, of: "a person")
            }
            return (.person(compiledBase, fact), type)
        case .object(.screening), .object(.vog):
            let table = baseType == .object(.screening) ? ExpressionCompiler.screeningFields : ExpressionCompiler.vogFields
            guard case .person(let person, _) = compiledBase, let (fact, type) = table[name.text] else {
                return unknownField(table.keys, of: baseType.description)
            }
            return (.person(person, fact), type)
        case .record:
            guard let (fact, type) = ExpressionCompiler.recordFields[name.text] else {
                return unknownField(ExpressionCompiler.recordFields.keys, of: "a police record")
            }
            return (.record(compiledBase, fact), type)
        case .object(.woonverklaring):
            guard let (fact, type) = ExpressionCompiler.woonverklaringFields[name.text] else {
                return unknownField(ExpressionCompiler.woonverklaringFields.keys, of: "the woonverklaring")
            }
            return (.woonverklaring(fact), type)
        case .object(.dwelling):
            guard let (fact, type) = ExpressionCompiler.dwellingFields[name.text] else {
                return unknownField(ExpressionCompiler.dwellingFields.keys, of: "the dwelling")
            }
            return (.dwelling(fact), type)
        case .object(.designation):
            guard let (fact, type) = ExpressionCompiler.designationFields[name.text] else {
                return unknownField(ExpressionCompiler.designationFields.keys, of: "the designation")
            }
            return (.designation(fact), type)
        case .object(.measure(let measureName)):
            let fields = globals.measureFields[measureName] ?? [:]
            guard let field = fields[name.text] else { return unknownField(fields.keys, of: "measure \(measureName)") }
            return (.measureField(field.slot), field.type)
        case .object(.request), .object(.substantiation), .object(.localEvaluation):
            let table: [String: (RequestFact, ValueType)]
            switch baseType {
            case .object(.request): table = ExpressionCompiler.requestFields
            case .object(.substantiation): table = ExpressionCompiler.substantiationFields
            default: table = ExpressionCompiler.localEvaluationFields
            }
            guard let (fact, type) = table[name.text] else { return unknownField(table.keys, of: baseType.description) }
            return (.request(fact), type)
        case .designationRecord:
            if let (fact, type) = ExpressionCompiler.designationRecordFields[name.text] { return (.designationRecord(compiledBase, fact), type) }
            guard globals.measureFields[name.text] != nil else {
                return unknownField(Array(ExpressionCompiler.designationRecordFields.keys) + globals.measureFields.keys, of: "a designation")
            }
            return (.designationRecord(compiledBase, .measure(name.text)), .object(.recordMeasure(name.text)))
        case .object(.recordMeasure(let measureName)):
            let fields = globals.measureFields[measureName] ?? [:]
            guard case .designationRecord(let designation, _) = compiledBase, let field = fields[name.text] else {
                return unknownField(fields.keys, of: "measure \(measureName)")
            }
            return (.designationRecord(designation, .measureField(measureName, field.slot)), field.type)
        case .span:
            guard name.text == "since" else { return unknownField(["since"], of: "a span") }
            return (.call(.since, [compiledBase]), .date)
        default:
            report(.unknownField, "\(baseType) has no field '\(name.text)'", at: name.range)
            return nil
        }
    }

    mutating func compileCall(_ name: Syntax.Name, _ arguments: [Syntax.Expression], _ range: Range<Int>)
        -> (CompiledExpression, ValueType)?
    {
        if let (definition, file) = globals.definitions[name.text] { return expand(definition, in: file, arguments, range) }
        guard let builtin = Builtin(rawValue: name.text) else {
            let candidates = Builtin.allCases.map(\.rawValue) + globals.definitions.keys.sorted()
            report(.unknownFunction, "unknown function '\(name.text)'\(Suggestions.boundedHint(for: name.text, in: candidates))", at: name.range)
            return nil
        }
        let signature: [ValueType]
        switch builtin {
        case .age: signature = [.person, .date]
        case .residence: signature = [.person, .list(.text), .date]
        case .since: signature = [.span]
        case .count: signature = [.list(.anything)]
        case .intersection: signature = [.list(.anything), .list(.anything)]
        case .length, .trim: signature = [.text]
        case .first, .last: signature = [.list(.anything)]
        case .termEnd, .daysPassedOver, .yearsWithoutEquatedDays: signature = [.date]
        case .areaOutside, .areaShared: signature = [.designationRecord, .designationRecord]
        }
        guard arguments.count == signature.count else {
            report(.wrongArgumentCount, "'\(name.text)' takes \(signature.count) argument(s), found \(arguments.count)", at: range)
            return nil
        }
        var compiled: [CompiledExpression] = []
        var types: [ValueType] = []
        for (argument, expected) in zip(arguments, signature) {
            guard let (c, t) = compileTyped(argument) else { return nil }
            guard t.fits(expected) else {
                report(.typeMismatch, "expected \(expected) as argument of '\(name.text)', found \(t)", at: argument.range)
                return nil
            }
            compiled.append(c)
            types.append(t)
        }
        switch builtin {
        case .age, .count: return (.call(builtin, compiled), .integer)
        case .residence: return (.call(builtin, compiled), .span)
        case .since: return (.call(builtin, compiled), .date)
        case .intersection: return (.call(builtin, compiled), types[0])
        case .length: return (.call(builtin, compiled), .integer)
        case .trim: return (.call(builtin, compiled), .text)
        case .first, .last:
            guard case .list(let element) = types[0] else { return nil }
            return (.call(builtin, compiled), element)
        case .termEnd: return (.call(builtin, compiled), .date)
        case .daysPassedOver: return (.call(builtin, compiled), .list(.text))
        case .yearsWithoutEquatedDays: return (.call(builtin, compiled), .list(.integer))
        case .areaOutside, .areaShared: return (.call(builtin, compiled), .list(.text))
        }
    }

    /// Inlines a `define`, binding its parameters to the compiled arguments.
    ///
    /// The arguments are compiled where the call is; the body in the definition's own file, so
    /// an error in it is reported there (and, through ``definitionDiagnostics``, once). Each
    /// inlining counts a level, which bounds a chain of definitions naming one another.
    mutating func expand(_ definition: Syntax.Definition, in file: SourceFile, _ arguments: [Syntax.Expression], _ range: Range<Int>)
        -> (CompiledExpression, ValueType)?
    {
        guard !expanding.contains(definition.name.text) else {
            report(.recursiveDefinition, "definition '\(definition.name.text)' refers to itself", at: range)
            return nil
        }
        guard arguments.count == definition.parameters.count else {
            report(.wrongArgumentCount, "'\(definition.name.text)' takes \(definition.parameters.count) argument(s), found \(arguments.count)", at: range)
            return nil
        }
        var bound: [String: (Binding, ValueType)] = [:]
        for (parameter, argument) in zip(definition.parameters, arguments) {
            guard let (compiled, type, height, size) = compileInlined(argument) else { return nil }
            bound[parameter.text] = (.inline(compiled, height: height, size: size), type)
        }
        let savedLocals = locals
        let savedSource = source
        locals = bound
        source = file
        expanding.append(definition.name.text)
        defer {
            expanding.removeLast()
            locals = savedLocals
            source = savedSource
        }
        return compileTyped(definition.body)
    }
}

extension Syntax.Expression {
    /// `a.b.c` for a chain of names, for messages.
    var dottedText: String? {
        switch self {
        case .name(let name): return name.text
        case .field(let base, let name): return base.dottedText.map { "\($0).\(name.text)" }
        default: return nil
        }
    }
}
