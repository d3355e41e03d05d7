/// Reads designation files (interface §5), checking each against the measures the rules declare.
///
/// Problems are ``Diagnostic``s naming the file and JSON path; a file with an error is left out
/// and the others are still read, so one run reports every broken file.
public struct DesignationReader {
    let law: CompiledLaw

    public init(law: CompiledLaw) { self.law = law }

    static let topLevelFields = DesignationShapes.designation.names

    /// Reads every file, then checks the set as a whole (duplicate ids, `extends`, static conflicts).
    public func read(files: [(path: String, text: String)]) -> ([Designation], [Diagnostic]) {
        var designations: [Designation] = []
        var diagnostics: [Diagnostic] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            do {
                designations.append(try read(path: file.path, bytes: Array(file.text.utf8)))
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics += DesignationSetChecks.check(designations)
        diagnostics += DesignationChainChecks.check(designations, law: law)
        return (designations, diagnostics)
    }

    func read(path: String, bytes: [UInt8]) throws(Diagnostic) -> Designation {
        // The input limits hold for designation files too: they are read at every start.
        do {
            try InputLimits.checkDocument(bytes.count)
        } catch {
            throw Diagnostic(code: DesignationReader.code(for: error.code), message: error.message, path: path, jsonPath: error.path)
        }
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            if let jsonPath = error.limitPath {
                throw Diagnostic(code: DesignationReader.code(for: "E-LIMIT"), message: error.message, path: path, jsonPath: jsonPath)
            }
            throw Diagnostic(code: .designationJSON, message: "invalid JSON: \(error.message)", path: path, line: error.line, column: error.column)
        }
        do {
            return try readDesignation(value, path: path)
        } catch {
            throw Diagnostic(code: DesignationReader.code(for: error.code), message: error.message, path: path, jsonPath: error.path)
        }
    }

    static func code(for inputCode: String) -> DiagnosticCode {
        switch inputCode {
        case "E-FIELD": return .designationField
        case "E-TERM": return .designationTerm
        case "E-NOT-IN-FORCE": return .designationMeasureNotInForce
        default: return .designationValue
        }
    }

    /// Reads one designation object found at JSON path `base` (`$` for a designation file,
    /// `$.requested` in a request). `lenient` reads the structure only: the legal checks (term
    /// length, measures in force, codes, required fields) are then left to the request checks.
    func readDesignation(_ value: JSONValue, path: String, base: String = "$", lenient: Bool = false) throws(InputError) -> Designation {
        let root = try ObjectReader(value, path: base)
        try root.allowOnly(DesignationReader.topLevelFields)
        guard let termValue = root.value("term") else { throw root.missing("term", "an object with 'from' and 'until'") }
        let term = try ObjectReader(termValue, path: root.pathOf("term"))
        try term.allowOnly(DesignationShapes.term.names)
        let from = try term.requiredDate("from")
        let until = try term.requiredDate("until")
        if !lenient { try checkTerm(from: from, until: until) }
        // The region is where art. 8 counts residence (art. 1: *regio*); every designation names one.
        guard let regionValue = root.value("region") else { throw root.missing("region", "an object with 'name' and 'municipalities'") }
        let region = try ObjectReader(regionValue, path: root.pathOf("region"))
        try region.allowOnly(DesignationShapes.region.names)
        let regionName = try region.string("name")
        let regionWanted = "a non-empty array of the region's municipalities"
        guard let regionMunicipalities = try region.strings("municipalities") else { throw region.missing("municipalities", regionWanted) }
        guard !regionMunicipalities.isEmpty else { throw region.empty("municipalities", regionWanted) }
        guard let areasValue = root.value("areas") else { throw root.missing("areas", "an object naming neighbourhoods, postcodes, streets or addresses") }
        let areas = try AreaReader.read(areasValue, path: root.pathOf("areas"))
        let categoriesWanted = "a non-empty array of dwelling categories"
        guard let categories = try root.strings("categories") else { throw root.missing("categories", categoriesWanted) }
        guard !categories.isEmpty else { throw root.empty("categories", categoriesWanted) }
        guard let measuresValue = root.value("measures") else { throw root.missing("measures", "an object with at least one measure") }
        var codeLabels: [String: TextLabels.Label] = [:]
        let measures = try readMeasures(measuresValue, termStart: from, path: root.pathOf("measures"), lenient: lenient, labels: &codeLabels)
        return Designation(
            id: try root.requiredString("id"), path: path, municipality: try root.requiredString("municipality"),
            decisionDate: try root.date("decisionDate"), source: try root.string("source"), from: from, until: until,
            extends: try root.string("extends"), regionName: regionName, regionMunicipalities: regionMunicipalities,
            areas: areas, categories: categories, measures: measures, codeLabels: codeLabels, citations: try readCitations(root))
    }

    /// `byLaw` and `publication` (interface §5), for letters.
    func readCitations(_ root: ObjectReader<JSONValue>) throws(InputError) -> Designation.Citations {
        var citations = Designation.Citations()
        if let value = root.value("byLaw") {
            let byLaw = try ObjectReader(value, path: root.pathOf("byLaw"))
            try byLaw.allowOnly(DesignationShapes.byLaw.names)
            citations.byLawTitle = try byLaw.requiredString("title")
            if let articles = byLaw.value("articles") {
                let object = try ObjectReader(articles, path: byLaw.pathOf("articles"))
                for member in object.members {
                    guard let article = try object.string(member.key) else { continue }
                    citations.byLawArticles[member.key] = article
                }
            }
        }
        if let value = root.value("publication") {
            let publication = try ObjectReader(value, path: root.pathOf("publication"))
            try publication.allowOnly(DesignationShapes.publication.names)
            citations.publicationReference = try publication.requiredString("reference")
            citations.publicationDate = try publication.date("date")
        }
        return citations
    }

    /// A term runs `from` through `until`; at most the statutory maximum (interface §9).
    func checkTerm(from: CalendarDate, until: CalendarDate) throws(InputError) {
        guard until >= from else {
            throw InputError(code: "E-TERM", path: "$.term.until", message: "the term ends (\(until)) before it starts (\(from))")
        }
        if case .duration(let maximum) = law.parameter("maximumTerm", on: from) {
            let latest = from.adding(maximum, monthEnd: law.monthEnd).adding(days: -1)
            if until > latest {
                throw InputError(
                    code: "E-TERM", path: "$.term.until",
                    message: "a term from \(from) may run at most \(maximum.shortText(language: .en)), so until \(latest) at the latest; found \(until)")
            }
        }
    }

    func readMeasures(_ value: JSONValue, termStart: CalendarDate, path base: String, lenient: Bool, labels: inout [String: TextLabels.Label]) throws(InputError) -> [MeasureSetting] {
        let object = try ObjectReader(value, path: base)
        let known = law.measures.keys.sorted()
        try object.allowOnly(known)
        guard lenient || !object.members.isEmpty else {
            throw InputError(code: "E-VALUE", path: base, message: "a designation needs at least one measure (\(known.joined(separator: ", ")))")
        }
        var settings: [MeasureSetting] = []
        for member in object.members.sorted(by: { $0.key < $1.key }) {
            let path = object.pathOf(member.key)
            if lenient, let declaration = law.measures[member.key]?.max(by: { $0.from < $1.from }) {
                settings.append(MeasureSetting(name: member.key, values: try readFields(member.value, declaration, path: path, lenient: true, labels: &labels)))
                continue
            }
            guard let declaration = law.measure(member.key, on: termStart) else {
                let first = law.measures[member.key]?.map(\.from).min()
                let citation = law.measures[member.key]?.first?.citation ?? ""
                throw InputError(
                    code: "E-NOT-IN-FORCE", path: path,
                    message: "measure \(member.key) is not in force on \(termStart), the start of the term\(first.map { "; it exists from \($0) (\(citation))" } ?? "")")
            }
            settings.append(MeasureSetting(name: member.key, values: try readFields(member.value, declaration, path: path, lenient: false, labels: &labels)))
        }
        return settings
    }

    /// The measure's field values in declaration order; the words of its `labels` fields go to `labels`.
    func readFields(_ value: JSONValue, _ declaration: MeasureDeclaration, path: String, lenient: Bool, labels: inout [String: TextLabels.Label]) throws(InputError) -> [Value] {
        let object = try ObjectReader(value, path: path)
        try object.allowOnly(declaration.fields.map(\.name))
        var values: [String: Value] = [:]
        for field in declaration.fields {
            guard object.value(field.name) != nil else {
                if field.isRequired, !lenient { throw object.missing(field.name, "a value for \(declaration.name)") }
                values[field.name] = field.defaultValue ?? .unknown
                continue
            }
            switch field.kind {
            case .bool:
                values[field.name] = .bool(try object.bool(field.name) ?? false)
            case .code where lenient, .oneOf where lenient:
                values[field.name] = .text(try object.string(field.name) ?? "")
            case .code(let vocabulary):
                values[field.name] = .text(try object.code(field.name, in: law.vocabularies[vocabulary] ?? [], "\(vocabulary) code") ?? "")
            case .oneOf(let options):
                values[field.name] = .text(try object.code(field.name, in: options, "value of \(field.name)") ?? "")
            case .days:
                let days = try object.integer(field.name) ?? 0
                guard (0...MeasureDeclaration.Field.maximumDays).contains(days) else {
                    throw InputError(
                        code: "E-VALUE", path: object.pathOf(field.name),
                        message: "expected a whole number of days from 0 to \(MeasureDeclaration.Field.maximumDays), found \(days)")
                }
                values[field.name] = .duration(CalendarPeriod(days: days))
            case .labels:
                guard let entries = object.value(field.name) else { continue }
                let table = try ObjectReader(entries, path: object.pathOf(field.name))
                for member in table.members {
                    let words = try ObjectReader(member.value, path: table.pathOf(member.key))
                    try words.allowOnly(DesignationShapes.words.names)
                    labels[member.key] = TextLabels.Label(nl: try words.requiredString("nl"), en: try words.requiredString("en"))
                }
                values[field.name] = .unknown
            case .codes(let vocabulary):
                let codes = try object.strings(field.name) ?? []
                if let vocabulary, !lenient {
                    let allowed = law.vocabularies[vocabulary] ?? []
                    for (i, code) in codes.enumerated() {
                        try CodeCheck.check(code, in: allowed, "\(vocabulary) code", at: "\(object.pathOf(field.name))[\(i)]")
                    }
                }
                values[field.name] = .list(codes.map { .text($0) })
            }
        }
        for field in declaration.fields where !lenient {
            guard let (other, required) = field.requiredWhen, values[other] == .text(required) else { continue }
            switch values[field.name] {
            case .none, .unknown?, .list([])?:
                throw InputError(
                    code: "E-MISSING", path: object.pathOf(field.name),
                    message: "'\(field.name)' is required and may not be empty when \(other) is \(required)")
            default: break
            }
        }
        return (law.measureFieldOrder[declaration.name] ?? []).map { values[$0] ?? .unknown }
    }
}
