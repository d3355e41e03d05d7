/// Renders a decision for a desk clerk (`--format text`, interface §10): what the engine decides
/// first, in words ("Hoofdstuk 3 Wbmgp staat niet in de weg aan verlening", "Weigeringsgrond: …"),
/// then one line per reason with a mark and its citation, then voorschriften, priority, defects
/// and what is missing. No code, JSON path or ISO date: labels, dates in words, people by name
/// or by role.
///
/// Marks: ✓ passed or not standing in the way, ✗ an unlifted refusal ground, ↷ a ground set aside
/// by a hardship decision, ! a procedural defect, ? undecided.
public enum TextRenderer {
    /// - Parameters:
    ///   - decision: decided with `peopleByName` when the text may name people.
    ///   - application: the application it decides (names, household positions).
    ///   - engine: the labels and the designations it names.
    public static func render(_ decision: Decision, application: Application, engine: Engine, language: Language) -> String {
        let en = language == .en
        let covering = decision.designations.compactMap { id in engine.designations.first { $0.id == id } }
        let context = TextContext(
            language: language, labels: engine.law.labels, household: application.household, designations: covering, designation: nil,
            peopleByName: true)
        func date(_ d: CalendarDate) -> String { PlainWords.date(d, language) }
        func cite(_ citation: String) -> String { CitationWords.written(citation, language) }
        var lines: [String] = []
        lines.append(header(decision, context))
        lines.append(
            en
                ? "Application \(decision.application), made on \(date(decision.applicationDate)); judged under the law in force on \(date(decision.lawDate))."
                : "Aanvraag \(decision.application), ingediend op \(date(decision.applicationDate)); beoordeeld naar het recht dat gold op \(date(decision.lawDate)).")
        if !covering.isEmpty {
            lines.append((en ? "Designation: " : "Aanwijzing: ") + PlainWords.list(covering.map { context.words(for: $0) }, language) + ".")
        }
        lines.append("")
        for reason in decision.reasons {
            lines.append("\(mark(reason)) \(cite(reason.citation)): \(en ? reason.en : reason.nl)")
            if let lift = reason.lifted {
                lines.append(
                    en
                        ? "  Set aside: on \(date(lift.date)) \(lift.decidedBy) decided under \(cite(lift.citation)) to grant notwithstanding this ground: \(lift.reason)"
                        : "  Buiten toepassing: op \(date(lift.date)) heeft \(lift.decidedBy) op grond van \(cite(lift.citation)) besloten in afwijking van deze weigeringsgrond te verlenen: \(lift.reason)")
            }
        }
        if !decision.conditions.isEmpty {
            lines.append("")
            lines.append(en ? "Conditions (voorschriften) written into the permit:" : "Voorschriften die in de vergunning worden opgenomen:")
            lines += decision.conditions.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        if let priority = decision.priority {
            lines.append("")
            let characteristics = PlainWords.list(priority.characteristics.map { context.words(for: $0) }, language)
            lines.append((en ? "Priority under \(cite(priority.citation)): " : "Voorrang op grond van \(cite(priority.citation)): ") + characteristics + ".")
            for entry in priority.flags.entries {
                let label = context.labels.label(entry.name, in: "priorityFlag")?.text(language) ?? entry.name
                lines.append("- \(PlainWords.capitalised(label)): \(entry.value ? (en ? "yes" : "ja") : (en ? "no" : "nee"))")
            }
        }
        if !decision.defects.isEmpty {
            lines.append("")
            lines.append(en ? "Procedural defects:" : "Gebreken in de procedure:")
            lines += decision.defects.map { "! \(cite($0.citation)): \(en ? $0.en : $0.nl)" }
        }
        if !decision.missingFacts.isEmpty {
            lines.append("")
            lines.append(en ? "Missing:" : "Ontbreekt:")
            lines += decision.missingFacts.map { "- " + PlainWords.capitalised(MissingFactWords.words($0, context)) }
        }
        if !decision.screeningScope.isEmpty {
            lines.append("")
            lines.append(en ? "Police data to request (by the mayor):" : "Op te vragen politiegegevens (door de burgemeester):")
            for request in decision.screeningScope {
                let who = application.household.firstIndex { $0.id == request.person }.map { context.person($0) } ?? request.person
                let behaviours = PlainWords.list(request.behaviours.map { context.words(for: $0) }, language)
                lines.append(
                    en
                        ? "- \(PlainWords.capitalised(who)): from \(date(request.from)) to \(date(request.until)), behaviours \(behaviours)"
                        : "- \(PlainWords.capitalised(who)): van \(date(request.from)) tot en met \(date(request.until)), gedragingen \(behaviours)")
            }
        }
        if let counterfactuals = decision.counterfactuals, !counterfactuals.isEmpty {
            lines.append("")
            lines += fromWhen(counterfactuals, application: application, context: context)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "From when" (interface §11): per ground the date a new application with the same facts
    /// would no longer meet it, or that time alone does not lift it, and what else would.
    static func fromWhen(_ counterfactuals: [Counterfactual], application: Application, context: TextContext) -> [String] {
        let language = context.language
        let en = language == .en
        var lines = [en ? "From when (a new application with the same facts):" : "Vanaf wanneer (een nieuwe aanvraag met dezelfde gegevens):"]
        for c in counterfactuals {
            let who = c.person.flatMap { id in application.household.firstIndex { $0.id == id } }.map { " (\(context.person($0)))" } ?? ""
            let when = c.from.map { en ? "from \(PlainWords.date($0, language))" : "vanaf \(PlainWords.date($0, language))" }
                ?? (en ? "not by the passing of time" : "niet door het verstrijken van tijd")
            lines.append("- \(CitationWords.written(c.citation, language))\(who): \(when). \(en ? c.because.en : c.because.nl)")
            if !c.wouldLift.isEmpty {
                let also = c.from != nil
                lines.append(en ? (also ? "  What else would lift it:" : "  What would lift it:") : (also ? "  Wat dit ook zou wegnemen:" : "  Wat dit wel zou wegnemen:"))
                lines += c.wouldLift.map { "  - " + (en ? $0.en : $0.nl) }
            }
        }
        return lines
    }

    /// What the engine decides, as the first line.
    static func header(_ decision: Decision, _ context: TextContext) -> String {
        let language = context.language
        let en = language == .en
        let grounds = decision.standingGrounds
        let defects: String
        switch decision.defects.count {
        case 0: defects = ""
        case 1: defects = en ? " (with a procedural defect)" : " (met een gebrek in de procedure)"
        default: defects = en ? " (with procedural defects)" : " (met gebreken in de procedure)"
        }
        switch decision.outcome {
        case .granted:
            return (en ? "Chapter 3 of the Wbmgp does not stand in the way of granting the permit" : "Hoofdstuk 3 van de Wbmgp staat niet in de weg aan verlening") + defects
        case .grantedWithConditions:
            return (en ? "Chapter 3 of the Wbmgp does not stand in the way of granting the permit, with conditions"
                : "Hoofdstuk 3 van de Wbmgp staat niet in de weg aan verlening, met voorschriften") + defects
        case .refused:
            var citations: [String] = []
            for ground in grounds where !citations.contains(ground.citation) { citations.append(ground.citation) }
            let list = PlainWords.list(citations.map { CitationWords.written($0, language) }, language)
            let heading = citations.count > 1 ? (en ? "Grounds for refusal: " : "Weigeringsgronden: ") : (en ? "Ground for refusal: " : "Weigeringsgrond: ")
            return heading + list + defects
        case .incomplete:
            let missing = PlainWords.list(missingWords(decision.missingFacts, context), language)
            let verb = decision.missingFacts.count == 1 ? "ontbreekt" : "ontbreken"
            return (en ? "Incomplete: missing " + missing : "Onvolledig: " + missing + " " + verb) + defects
        case .notApplicable:
            return en ? "Not applicable: chapter 3 of the Wbmgp does not apply to this application"
                : "Niet van toepassing: hoofdstuk 3 van de Wbmgp is op deze aanvraag niet van toepassing"
        }
    }

    /// The missing facts in words, those of the dwelling's address named together ("de
    /// volledige postcode en het huisnummer van de woning"), where they stand first, as the
    /// lookup puts them.
    static func missingWords(_ paths: [String], _ context: TextContext) -> [String] {
        let address = paths.prefix { path in AreaMatcher.DwellingFacts.fields.contains { $0.path == path } }
        guard address.count > 1, let together = MissingFactWords.addressWords(Array(address), context) else {
            return paths.map { MissingFactWords.words($0, context) }
        }
        return [together] + paths.dropFirst(address.count).map { MissingFactWords.words($0, context) }
    }

    static func mark(_ reason: Reason) -> String {
        switch reason.result {
        case .unknown, .unreached: return "?"
        case .passed: return "✓"
        case .applied:
            switch reason.effect {
            case "refuse": return reason.lifted == nil ? "✗" : "↷"
            case "defect": return "!"
            default: return "✓"
            }
        }
    }
}
