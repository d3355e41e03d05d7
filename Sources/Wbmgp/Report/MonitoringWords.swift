/// The monitoring report's groups and figures in words (text and HTML, interface §10): no
/// codes, JSON paths or ISO dates. Grounds and defects by their article in words, hardship
/// articles and missing facts by the rules' labels, designations by municipality and term,
/// periods as "3e kwartaal 2021" / "juli 2021".
public struct MonitoringWords: Sendable {
    public let language: Language
    let labels: TextLabels
    let designations: [String: Designation]
    /// A defect code's article, from the rules that give it.
    let defectCitations: [String: String]

    public init(language: Language, law: CompiledLaw, designations: [Designation]) {
        self.language = language
        self.labels = law.labels
        var byId: [String: Designation] = [:]
        for designation in designations { byId[designation.id] = designation }
        self.designations = byId
        var citations: [String: String] = [:]
        for snapshot in law.snapshots {
            for rule in snapshot.rules {
                if case .defect(let code, _) = rule.effect, citations[code] == nil { citations[code] = rule.citation }
            }
        }
        defectCitations = citations
    }

    var en: Bool { language == .en }

    public func outcome(_ outcome: Decision.Outcome) -> String {
        switch outcome {
        case .granted: return en ? "not in the way" : "staat niet in de weg"
        case .grantedWithConditions: return en ? "with conditions" : "met voorschriften"
        case .refused: return en ? "refused" : "weigering"
        case .incomplete: return en ? "incomplete" : "onvolledig"
        case .notApplicable: return en ? "not applicable" : "niet van toepassing"
        }
    }

    public func citation(_ citation: String) -> String { CitationWords.written(citation, language) }

    /// A part of a group's breakdown (``MonitoringReport/Detail``).
    public func detail(_ part: MonitoringReport.Detail) -> String {
        switch part {
        case .grounds: return en ? "grounds for refusal" : "weigeringsgronden"
        case .hardship: return en ? "hardship decisions" : "toepassing van de hardheidsclausule"
        case .defects: return en ? "procedural defects" : "gebreken in de procedure"
        case .missingFacts: return en ? "missing facts" : "ontbrekende gegevens"
        case .days: return en ? "days to decision" : "dagen tot besluit"
        }
    }

    /// The sentence that says what a group withholds and why; nil when it withholds nothing.
    public func withheld(_ parts: Set<MonitoringReport.Detail>) -> String? {
        guard !parts.isEmpty else { return nil }
        let list = PlainWords.list(parts.sorted().map(detail), language)
        return en
            ? "Not published, as a hidden count of this group could be worked out from them: \(list)."
            : "Niet gepubliceerd, omdat daaruit een verborgen aantal van deze groep zou zijn af te leiden: \(list)."
    }

    public func hardship(_ article: String) -> String { labels.label(article, in: "hardship")?.text(language) ?? article }

    public func defect(_ code: String) -> String {
        let article = defectCitations[code].map { citation($0) } ?? (en ? "a procedural requirement" : "een procedurevoorschrift")
        return en ? "defect under \(article)" : "gebrek bij \(article)"
    }

    public func missingFact(_ code: String) -> String {
        labels.label(code, in: "missingFact")?.text(language) ?? (en ? "another fact" : "een ander gegeven")
    }

    public func designation(_ id: String?) -> String {
        guard let id else { return en ? "no designation" : "geen aanwijzing" }
        guard let designation = designations[id] else { return en ? "designation \(id)" : "aanwijzing \(id)" }
        let context = TextContext(language: language, labels: labels, household: nil, designations: [designation], designation: nil, peopleByName: false)
        return context.words(for: designation)
    }

    /// "2021", "3e kwartaal 2021" / "Q3 2021", "juli 2021" / "July 2021".
    public func period(_ key: String?) -> String {
        guard let key else { return "" }
        let parts = key.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]) else { return key }
        if parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()) {
            return en ? "Q\(quarter) \(year)" : "\(quarter)e kwartaal \(year)"
        }
        guard let month = Int(parts[1]), (1...12).contains(month) else { return key }
        let name = PlainWords.monthName(month, en ? .en : .nl)
        return "\(name) \(year)"
    }

    /// The group's name: its designation, municipality and period, as given.
    public func group(_ key: MonitoringReport.Key, by: [MonitoringReport.Dimension]) -> String {
        var parts: [String] = []
        if by.contains(.designation) { parts.append(designation(key.designation)) }
        // A decision under no designation has no municipality the report can name.
        if by.contains(.municipality) { parts.append(key.municipality ?? (en ? "no designation" : "zonder aanwijzing")) }
        if key.period != nil { parts.append(period(key.period)) }
        return parts.isEmpty ? (en ? "all decisions" : "alle beslissingen") : PlainWords.capitalised(parts.joined(separator: ", "))
    }

    /// A count as published: "< 5" below the minimum.
    public func count(_ n: Int, minimum: Int) -> String { MonitoringSuppression.single(n, minimum: minimum).text }
}
