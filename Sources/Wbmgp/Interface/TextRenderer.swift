/// Renders a decision for a desk clerk (`--format text`): outcome first, then one line per
/// reason with its citation and a ✓/✗ mark, then conditions, priority, defects and what is missing.
public enum TextRenderer {
    public static func render(_ decision: Decision, language: Language) -> String {
        let en = language == .en
        var lines: [String] = []
        lines.append("\(en ? "Application" : "Aanvraag") \(decision.application) (\(decision.applicationDate)): \(outcomeText(decision.outcome, en))")
        lines.append("\(en ? "Law date" : "Peildatum") \(decision.lawDate), \(en ? "law version of" : "wetsversie van") \(decision.lawVersion)")
        if !decision.designations.isEmpty {
            lines.append("\(en ? "Designations" : "Aanwijzingen"): \(decision.designations.joined(separator: ", "))")
        }
        lines.append("")
        for reason in decision.reasons {
            let mark: String
            switch reason.result {
            case .applied: mark = reason.effect == "refuse" && reason.lifted == nil ? "✗" : "✓"
            case .passed: mark = "✓"
            case .unknown, .unreached: mark = "?"
            }
            let who = reason.person.map { " [\($0)]" } ?? ""
            lines.append("\(mark) \(reason.citation)\(who): \(en ? reason.en : reason.nl)")
            if let lift = reason.lifted {
                lines.append("  \(en ? "lifted under" : "opgeheven op grond van") \(lift.citation): \(lift.decidedBy), \(lift.date): \(lift.reason)")
            }
        }
        if !decision.conditions.isEmpty {
            lines.append("")
            lines.append(en ? "Conditions copied into the permit:" : "Voorschriften in de vergunning:")
            lines += decision.conditions.map { "- \($0)" }
        }
        if let priority = decision.priority {
            lines.append("")
            let urgent = priority.flags["aboveUrgent"].map { $0 ? (en ? "yes" : "ja") : (en ? "no" : "nee") } ?? "-"
            let ties = priority.flags["aboveLocalTies"].map { $0 ? (en ? "yes" : "ja") : (en ? "no" : "nee") } ?? "-"
            lines.append("\(en ? "Priority" : "Voorrang") (\(priority.citation)): \(priority.characteristics.joined(separator: ", ")); \(en ? "above urgent" : "boven urgenten"): \(urgent); \(en ? "above local ties" : "boven lokale binding"): \(ties)")
        }
        if !decision.defects.isEmpty {
            lines.append("")
            lines.append(en ? "Procedural defects:" : "Gebreken in de procedure:")
            lines += decision.defects.map { "! \($0.citation): \(en ? $0.en : $0.nl)" }
        }
        if !decision.missingFacts.isEmpty {
            lines.append("")
            lines.append(en ? "Missing facts:" : "Ontbrekende gegevens:")
            lines += decision.missingFacts.map { "- \($0)" }
        }
        if !decision.screeningScope.isEmpty {
            lines.append("")
            lines.append(en ? "Police data to request:" : "Op te vragen politiegegevens:")
            lines += decision.screeningScope.map { "- \($0.person): \($0.from) – \($0.until), \(en ? "behaviours" : "gedragingen") \($0.behaviours.joined(separator: ", "))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func outcomeText(_ outcome: Decision.Outcome, _ en: Bool) -> String {
        switch outcome {
        case .granted: return en ? "GRANTED (chapter 3 does not stand in the way)" : "VERLEEND (hoofdstuk 3 staat niet in de weg)"
        case .grantedWithConditions: return en ? "GRANTED WITH CONDITIONS" : "VERLEEND MET VOORSCHRIFTEN"
        case .refused: return en ? "REFUSED" : "GEWEIGERD"
        case .notApplicable: return en ? "NOT APPLICABLE (no designation reaches this application)" : "NIET VAN TOEPASSING (geen aanwijzing van toepassing)"
        case .incomplete: return en ? "INCOMPLETE (facts missing)" : "ONVOLLEDIG (gegevens ontbreken)"
        }
    }
}
