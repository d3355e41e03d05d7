/// The monitoring report as text for people (`report`, the default format), in Dutch or
/// English: what was read, then per group its figures in words.
public enum MonitoringText {
    public static func render(_ report: MonitoringReport, words: MonitoringWords) -> String {
        let en = words.language == .en
        let k = report.minimumCount
        func n(_ value: Int) -> String { words.count(value, minimum: k) }
        func date(_ d: CalendarDate?) -> String { d.map { PlainWords.date($0, words.language) } ?? "—" }
        var lines = [en ? "Monitoring of decisions on housing permits (Wbmgp arts. 5(5) and 17)" : "Monitoring van de besluiten op huisvestingsvergunningen (artikelen 5, vijfde lid, en 17 Wbmgp)"]
        let (total, groups) = report.published
        for log in report.logs {
            let decisions = report.publishedDecisions(of: log, total: total).text
            let head = report.publishedHead(of: log, total: total).map { en ? ", last entry \($0)" : ", laatste regel \($0)" } ?? ""
            lines.append(
                en ? "Log \(log.path)\(head): \(decisions) decisions, of which \(log.redacted) with personal data removed; \(log.errors) unreadable lines."
                    : "Logboek \(log.path)\(head): \(decisions) beslissingen, waarvan \(log.redacted) zonder persoonsgegevens; \(log.errors) onleesbare regels.")
        }
        lines.append(en ? "Period counted: \(date(report.first)) to \(date(report.last))." : "Getelde periode: \(date(report.first)) tot en met \(date(report.last)).")
        lines.append((en ? "Rules: " : "Regels: ") + (report.rules.isEmpty ? "—" : report.rules.sorted().joined(separator: ", ")))
        lines.append(report.legend(en: en))
        for group in groups {
            let (key, tally) = (group.key, group.details)
            lines.append("")
            lines.append(words.group(key, by: report.by))
            lines.append((en ? "  Applications: " : "  Aanvragen: ") + group.applications.text)
            lines.append((en ? "  Outcome: " : "  Uitkomst: ") + Outcomes.all.enumerated().map { "\(words.outcome($1)) \(group.outcomes[$0].text)" }.joined(separator: ", "))
            if let sentence = words.withheld(group.withheld) { lines.append("  " + sentence) }
            let grounds = tally.grounds.sorted { ($0.key.rule, $0.key.citation) < ($1.key.rule, $1.key.citation) }
            if !grounds.isEmpty {
                lines.append((en ? "  Grounds for refusal: " : "  Weigeringsgronden: ") + grounds.map { "\(words.citation($0.key.citation)) \(n($0.value))" }.joined(separator: "; "))
            }
            if !tally.hardship.isEmpty {
                lines.append((en ? "  Set aside by a hardship decision: " : "  Buiten toepassing gelaten (hardheidsclausule): ")
                    + tally.hardship.keys.sorted().map { "\(words.hardship($0)) \(n(tally.hardship[$0] ?? 0))" }.joined(separator: "; "))
            }
            if !tally.defects.isEmpty {
                lines.append((en ? "  Procedural defects: " : "  Gebreken in de procedure: ") + tally.defects.keys.sorted().map { "\(words.defect($0)) \(n(tally.defects[$0] ?? 0))" }.joined(separator: "; "))
            }
            if !tally.missingFacts.isEmpty {
                lines.append((en ? "  Incomplete for want of: " : "  Onvolledig door het ontbreken van: ")
                    + tally.missingFacts.keys.sorted().map { "\(words.missingFact($0)) \(n(tally.missingFacts[$0] ?? 0))" }.joined(separator: "; "))
            }
            if let days = tally.publishedDays(minimum: k) {
                lines.append(en ? "  Days from application to decision: median \(days.median), 90th percentile \(days.p90)" : "  Dagen van aanvraag tot besluit: mediaan \(days.median), 90e percentiel \(days.p90)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
