/// The monitoring report as one CSV table (RFC 4180, `report --format csv`): one row per group
/// and figure, counts as published ("< 5" below the minimum, "≥ 5" where a count below it could
/// be worked out otherwise). Columns: designation,
/// municipality, period, figure, item, value. Figures: applications, outcome, ground (item: the
/// citation), hardship, defect, missingFact, daysMedian, daysP90.
public enum MonitoringCSV {
    public static let header = "designation,municipality,period,figure,item,value"

    public static func render(_ report: MonitoringReport) -> String {
        var rows = [header]
        func text(_ value: JSONValue) -> String {
            switch value {
            case .integer(let n): return String(n)
            case .string(let s): return s
            default: return ""
            }
        }
        for group in report.publishedGroups {
            let (key, tally) = (group.key, group.details)
            let prefix = [key.designation ?? "", key.municipality ?? "", key.period ?? ""].map(ImpactCSV.field).joined(separator: ",")
            func row(_ figure: String, _ item: String, _ value: String) { rows.append("\(prefix),\(figure),\(ImpactCSV.field(item)),\(ImpactCSV.field(value))") }
            row("applications", "", group.applications.text)
            for (i, outcome) in Outcomes.all.enumerated() { row("outcome", outcome.rawValue, group.outcomes[i].text) }
            for part in group.withheld.sorted() { row("withheld", part.rawValue, "true") }
            for ground in tally.grounds.keys.sorted(by: { ($0.rule, $0.citation) < ($1.rule, $1.citation) }) {
                row("ground", ground.citation, text(report.published(tally.grounds[ground] ?? 0)))
            }
            for article in tally.hardship.keys.sorted() { row("hardship", article, text(report.published(tally.hardship[article] ?? 0))) }
            for code in tally.defects.keys.sorted() { row("defect", code, text(report.published(tally.defects[code] ?? 0))) }
            for fact in tally.missingFacts.keys.sorted() { row("missingFact", fact, text(report.published(tally.missingFacts[fact] ?? 0))) }
            if let days = tally.publishedDays(minimum: report.minimumCount) {
                row("daysMedian", "", String(days.median))
                row("daysP90", "", String(days.p90))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
