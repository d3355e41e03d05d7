/// Every declaration of the rule module, gathered from all files and checked for clashes,
/// missing citations and overlapping validity periods, before any rule is compiled.
struct DeclarationTable {
    struct Located<T> {
        var value: T
        var file: SourceFile
    }

    var versions: [Located<Syntax.Version>] = []
    var parameters: [String: [Located<Syntax.Parameter>]] = [:]
    var sets: [String: [Located<Syntax.CodeList>]] = [:]
    var vocabularies: [String: Located<Syntax.CodeList>] = [:]
    var definitions: [String: Located<Syntax.Definition>] = [:]
    var measures: [String: [Located<Syntax.Measure>]] = [:]
    var ruleOrder: [String] = []
    var rules: [String: [Located<Syntax.Rule>]] = [:]
    var requirementOrder: [String] = []
    var requirements: [String: [Located<Syntax.Requirement>]] = [:]
    var namedDates: [String: Located<Syntax.NamedDate>] = [:]
    var holidayCalendar = HolidayCalendar.none
    var labelSets: [String: Located<Syntax.LabelSet>] = [:]
    var diagnostics: [Diagnostic] = []

    init(files: [Syntax.RuleFile]) {
        // Named dates first: a validity may name a date declared in a later file.
        for file in files {
            for case .namedDate(let date) in file.declarations { addNamedDate(date, in: file.source) }
        }
        for file in files {
            for declaration in file.declarations { add(resolvingDates(in: declaration, file.source), in: file.source) }
        }
        checkNameClashes()
        checkVersioned()
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, in file: SourceFile, at range: Range<Int>) {
        diagnostics.append(file.diagnostic(code, message, at: range.lowerBound))
    }

    /// Reports every name of `names` written before in the same list (a second `fact x` in one
    /// rule): a decision shows facts under their names, so two would make one JSON object carry
    /// a key twice, and a second flag, parameter or field would silently override the first.
    private mutating func reportRepeated(_ names: [Syntax.Name], _ kind: String, in owner: String, _ file: SourceFile) {
        var seen: Set<String> = []
        for name in names where !seen.insert(name.text).inserted {
            report(.duplicateDeclaration, "\(kind) '\(name.text)' is declared twice in \(owner); each name may be declared once", in: file, at: name.range)
        }
    }

    private mutating func add(_ declaration: Syntax.Declaration, in file: SourceFile) {
        switch declaration {
        case .namedDate: break
        case .holiday(let holiday): addHoliday(holiday, in: file)
        case .equatedYear(let year): addEquatedYear(year, in: file)
        case .labels(let set):
            reportRepeated(set.entries.map(\.code), "label", in: "labels '\(set.name.text)'", file)
            if let earlier = labelSets[set.name.text] {
                report(.duplicateDeclaration, "labels '\(set.name.text)' are declared twice (first in \(earlier.file.path))", in: file, at: set.name.range)
            } else {
                labelSets[set.name.text] = Located(value: set, file: file)
            }
        case .version(let version): versions.append(Located(value: version, file: file))
        case .parameter(let parameter): parameters[parameter.name.text, default: []].append(Located(value: parameter, file: file))
        case .codeList(let list) where list.isVocabulary:
            if let earlier = vocabularies[list.name.text] {
                report(.duplicateDeclaration, "code list '\(list.name.text)' is declared twice (first in \(earlier.file.path))", in: file, at: list.name.range)
            } else {
                vocabularies[list.name.text] = Located(value: list, file: file)
            }
        case .codeList(let list): sets[list.name.text, default: []].append(Located(value: list, file: file))
        case .definition(let definition):
            reportRepeated(definition.parameters, "parameter", in: "definition '\(definition.name.text)'", file)
            if let earlier = definitions[definition.name.text] {
                report(.duplicateDeclaration, "definition '\(definition.name.text)' is declared twice (first in \(earlier.file.path))", in: file, at: definition.name.range)
            } else {
                definitions[definition.name.text] = Located(value: definition, file: file)
            }
        case .measure(let measure):
            reportRepeated(measure.fields.map(\.name), "field", in: "measure '\(measure.name.text)'", file)
            measures[measure.name.text, default: []].append(Located(value: measure, file: file))
        case .requirement(let requirement):
            reportRepeated(requirement.factNames, "fact", in: "requirement '\(requirement.code.text)'", file)
            if requirements[requirement.code.text] == nil { requirementOrder.append(requirement.code.text) }
            requirements[requirement.code.text, default: []].append(Located(value: requirement, file: file))
        case .rule(let rule):
            reportRepeated(rule.factNames, "fact", in: "rule '\(rule.id.text)'", file)
            reportRepeated(rule.flagNames, "flag", in: "rule '\(rule.id.text)'", file)
            if rules[rule.id.text] == nil { ruleOrder.append(rule.id.text) }
            rules[rule.id.text, default: []].append(Located(value: rule, file: file))
        }
    }

    /// One name, one kind of thing: a parameter, a set, a code list and a definition may not share a name.
    private mutating func checkNameClashes() {
        var seen: [String: String] = [:]
        func claim(_ name: Syntax.Name, _ kind: String, _ file: SourceFile, _ table: inout DeclarationTable) {
            if let other = seen[name.text], other != kind {
                table.report(.duplicateDeclaration, "'\(name.text)' is declared both as \(other) and as \(kind)", in: file, at: name.range)
            }
            seen[name.text] = kind
        }
        for (_, list) in parameters.sorted(by: { $0.key < $1.key }) { for p in list { claim(p.value.name, "parameter", p.file, &self) } }
        for (_, list) in sets.sorted(by: { $0.key < $1.key }) { for s in list { claim(s.value.name, "set", s.file, &self) } }
        for (_, v) in vocabularies.sorted(by: { $0.key < $1.key }) { claim(v.value.name, "code list", v.file, &self) }
        for (_, d) in definitions.sorted(by: { $0.key < $1.key }) { claim(d.value.name, "definition", d.file, &self) }
    }

    /// Citations, validity periods and overlaps of every dated declaration.
    private mutating func checkVersioned() {
        typealias Entry = (name: Syntax.Name, kind: String, citation: Syntax.Citation?, validity: Syntax.Validity?, file: SourceFile)
        var groups: [[Entry]] = []
        for key in parameters.keys.sorted() {
            groups.append(parameters[key, default: []].map { ($0.value.name, "parameter", $0.value.citation, $0.value.validity, $0.file) })
        }
        for key in sets.keys.sorted() {
            groups.append(sets[key, default: []].map { ($0.value.name, "set", $0.value.citation, $0.value.validity, $0.file) })
        }
        for key in measures.keys.sorted() {
            groups.append(measures[key, default: []].map { ($0.value.name, "measure", $0.value.citation, $0.value.validity, $0.file) })
        }
        for key in ruleOrder {
            groups.append(rules[key, default: []].map { ($0.value.id, "rule", $0.value.citation, $0.value.validity, $0.file) })
        }
        for key in requirementOrder {
            groups.append(requirements[key, default: []].map { ($0.value.code, "requirement", $0.value.citation, $0.value.validity, $0.file) })
        }
        for group in groups {
            for (i, entry) in group.enumerated() {
                if entry.citation == nil || entry.citation?.text.isEmpty == true {
                    report(.missingCitation, "\(entry.kind) '\(entry.name.text)' has no citation; write one after the name, e.g. \"Wbmgp art. N lid M\"", in: entry.file, at: entry.name.range)
                }
                guard let validity = entry.validity else {
                    report(.invalidPeriod, "\(entry.kind) '\(entry.name.text)' has no validity period; add 'from YYYY-MM-DD'", in: entry.file, at: entry.name.range)
                    continue
                }
                if let until = validity.until, until < validity.from {
                    report(.invalidPeriod, "validity of \(entry.kind) '\(entry.name.text)' ends (\(until)) before it starts (\(validity.from))", in: entry.file, at: validity.range)
                }
                // The first overlapping earlier version is named; one error per version, not one
                // per pair (thousands of copies of a parameter would otherwise give millions).
                if let earlier = group[..<i].first(where: { $0.validity.map { $0.overlaps(validity) } ?? false }) {
                    let (line, _) = earlier.file.location(of: earlier.name.range.lowerBound)
                    let code: DiagnosticCode = entry.kind == "rule" || entry.kind == "requirement" ? .duplicateRule : .overlappingValidity
                    report(code, "\(entry.kind) '\(entry.name.text)' is declared again for dates its version at \(earlier.file.path):\(line) already covers; validity periods overlap", in: entry.file, at: validity.range)
                }
            }
        }
    }

    /// Dates on which something changes: every `from`, every day after an `until`, every version.
    var boundaries: [CalendarDate] {
        var dates = Set(versions.map(\.value.date))
        func add(_ validity: Syntax.Validity?) {
            guard let validity else { return }
            dates.insert(validity.from)
            if let until = validity.until { dates.insert(until.adding(days: 1)) }
        }
        parameters.values.joined().forEach { add($0.value.validity) }
        sets.values.joined().forEach { add($0.value.validity) }
        measures.values.joined().forEach { add($0.value.validity) }
        rules.values.joined().forEach { add($0.value.validity) }
        requirements.values.joined().forEach { add($0.value.validity) }
        return dates.sorted()
    }
}
