/// The monitoring report as one self-contained HTML page a municipality can attach to its
/// extension request (`report --format html`): an SVG chart of the outcomes per period (or per
/// group), then the figures of each group in tables. No script, no external asset. Counts hidden
/// (``MonitoringSuppression``) are neither printed nor drawn.
public enum MonitoringPage {
    public static func render(_ report: MonitoringReport, words: MonitoringWords) -> String {
        let en = words.language == .en
        let k = report.minimumCount
        // Published once: the groups' suppression is a fixpoint over all of them.
        let (total, groups) = report.published
        func h(_ text: String) -> String { MarkupText.escaped(text) }
        func n(_ value: Int) -> String { words.count(value, minimum: k) }
        func date(_ d: CalendarDate?) -> String { d.map { PlainWords.date($0, words.language) } ?? "—" }
        let title = en ? "Monitoring of decisions on housing permits under the Wbmgp" : "Monitoring van de besluiten op huisvestingsvergunningen op grond van de Wbmgp"
        var page = StackedBarChart.pageHead(title: title, language: en ? "en" : "nl")
        page += "<p>" + h(en ? "Figures for the evaluation of the measure (articles 5(5) and 17 of the Wbmgp), from the decision logs below; period counted: \(date(report.first)) to \(date(report.last))."
            : "Cijfers voor de evaluatie van de maatregel (artikelen 5, vijfde lid, en 17 Wbmgp), uit de onderstaande logboeken; getelde periode: \(date(report.first)) tot en met \(date(report.last)).") + "</p>\n"
        page += "<p>" + h(report.legend(en: en, drawn: true)) + "</p>\n"
        page += chart(report, groups, words: words)
        for group in groups {
            let (key, tally) = (group.key, group.details)
            page += "<h2>\(h(words.group(key, by: report.by)))</h2>\n<table>\n"
            func row(_ label: String, _ value: String) { page += "<tr><th scope=\"row\">\(h(label))</th><td class=\"n\">\(h(value))</td></tr>\n" }
            row(en ? "Applications" : "Aanvragen", group.applications.text)
            for (i, outcome) in Outcomes.all.enumerated() { row(PlainWords.capitalised(words.outcome(outcome)), group.outcomes[i].text) }
            if let sentence = words.withheld(group.withheld) { page += "<tr><td colspan=\"2\">\(h(sentence))</td></tr>\n" }
            for ground in tally.grounds.keys.sorted(by: { ($0.rule, $0.citation) < ($1.rule, $1.citation) }) {
                row((en ? "Refused under " : "Geweigerd op grond van ") + words.citation(ground.citation), n(tally.grounds[ground] ?? 0))
            }
            for article in tally.hardship.keys.sorted() { row((en ? "Set aside: " : "Buiten toepassing gelaten: ") + words.hardship(article), n(tally.hardship[article] ?? 0)) }
            for code in tally.defects.keys.sorted() { row(PlainWords.capitalised(words.defect(code)), n(tally.defects[code] ?? 0)) }
            for fact in tally.missingFacts.keys.sorted() { row((en ? "Incomplete for want of " : "Onvolledig door het ontbreken van ") + words.missingFact(fact), n(tally.missingFacts[fact] ?? 0)) }
            if let days = tally.publishedDays(minimum: k) {
                row(en ? "Days to decision, median" : "Dagen tot besluit, mediaan", String(days.median))
                row(en ? "Days to decision, 90th percentile" : "Dagen tot besluit, 90e percentiel", String(days.p90))
            }
            page += "</table>\n"
        }
        page += "<h2>\(en ? "Sources" : "Bronnen")</h2>\n<ul class=\"meta\">\n"
        for log in report.logs {
            page += "<li>\(h(log.path)): \(report.publishedHead(of: log, total: total).map { h($0) } ?? "—"); \(h(report.publishedDecisions(of: log, total: total).text)) \(en ? "decisions" : "beslissingen"), \(log.redacted) \(en ? "without personal data" : "zonder persoonsgegevens")</li>\n"
        }
        for rules in report.rules.sorted() { page += "<li>\(en ? "Rules" : "Regels"): \(h(rules))</li>\n" }
        return page + "</ul>\n</body>\n</html>\n"
    }

    /// Stacked bars of the outcomes: one per period when the report is by period (summed over
    /// the other dimensions), else one per group. A hidden count ("< 5", "≥ 5") is not drawn.
    static func chart(_ report: MonitoringReport, _ groups: [MonitoringReport.PublishedGroup], words: MonitoringWords) -> String {
        let en = words.language == .en
        var columns: [(label: String, counts: [Int])] = []
        if report.by.contains(where: { [.year, .quarter, .month].contains($0) }) {
            // Each period's bar sums its groups' outcomes: a sum holding a count hidden in a
            // group is not drawn (the sum less the group's others would give it), and the bar
            // is hidden as a group's figures are, a total of its own.
            var byPeriod: [String: (counts: [Int], holdsHidden: [Bool])] = [:]
            for group in groups {
                guard let period = group.key.period else { continue }
                var column = byPeriod[period] ?? ([Int](repeating: 0, count: Outcomes.count), [Bool](repeating: false, count: Outcomes.count))
                for i in column.counts.indices {
                    column.counts[i] += group.tally.outcomes[i]
                    if case .exact = group.outcomes[i] { continue }
                    column.holdsHidden[i] = true
                }
                byPeriod[period] = column
            }
            columns = byPeriod.keys.sorted().map { period in
                let column = byPeriod[period] ?? ([], [])
                let shown = MonitoringSuppression.split(total: column.counts.reduce(0, +), counts: column.counts, minimum: report.minimumCount).counts
                return (words.period(period), shown.indices.map { column.holdsHidden[$0] ? 0 : shown[$0].drawn })
            }
        } else {
            // A group's bar as its figures are published: a hidden count is not drawn.
            columns = groups.map { (words.group($0.key, by: report.by), $0.outcomes.map(\.drawn)) }
        }
        let shown = columns.map { StackedBarChart.Column(label: $0.label, counts: $0.counts) }
        let chart = StackedBarChart(
            title: en ? "Outcomes of the decisions" : "Uitkomsten van de beslissingen", series: Outcomes.all.map { words.outcome($0) },
            colours: ImpactPage.colours, scale: .counts)
        return chart.figure(shown)
    }
}
