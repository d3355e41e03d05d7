/// An impact comparison as one self-contained HTML page (`impact --format html`): a bar chart in
/// SVG of the outcomes as is and under each reform (each value of a sweep), then the tables.
/// No script, no external asset: it opens offline and can be attached to a report.
public enum ImpactPage {
    /// Fill colours per outcome, in ``Outcomes/all`` order; each also has a text label in the
    /// legend and the tables, so colour is never the only carrier of meaning.
    static let colours = ["#2e7d32", "#81c784", "#c62828", "#f9a825", "#9e9e9e"]

    public static func render(_ report: ImpactReport) -> String {
        func h(_ text: String) -> String { MarkupText.escaped(text) }
        var page = StackedBarChart.pageHead(title: "Impact of a reform of the Wbmgp rules", language: "en")
        page += "<p>\(report.applications) applications compared under the rules as they are and under"
        if !report.reform.isEmpty { page += " the reform <code>\(h(report.reform))</code>" + (report.sweep == nil ? "" : " with") }
        if let sweep = report.sweep { page += " each value of <code>\(h(sweep))</code>" }
        page += "; lines that could not be read or decided: \(report.errors); log entries redacted: \(report.redacted).</p>\n"
        page += "<p class=\"meta\">Rules as they are: \(h(report.baseDigest))</p>\n"
        page += chart(report)
        for series in report.series {
            let title = series.label.map { "\(report.sweep ?? "value") = \($0)" } ?? "The reform"
            page += "<h2>\(h(title))</h2>\n<p class=\"meta\">Reform rules: \(h(series.digest))</p>\n"
            page += matrix(series.tally.transitions)
            page += groundTable(report, series.tally)
            page += groupTable("By designation", series.tally.byDesignation)
            page += groupTable("By municipality", series.tally.byMunicipality)
        }
        return page + "</body>\n</html>\n"
    }

    /// One stacked bar per column: the law as it is, then each reform; heights are shares of the
    /// applications compared.
    static func chart(_ report: ImpactReport) -> String {
        guard let first = report.series.first, first.tally.applications > 0 else { return "" }
        var columns = [StackedBarChart.Column(label: "as is", counts: Outcomes.all.map { first.tally.transitions.total($0, base: true) })]
        for series in report.series {
            columns.append(StackedBarChart.Column(label: series.label ?? "reform", counts: Outcomes.all.map { series.tally.transitions.total($0, base: false) }))
        }
        let chart = StackedBarChart(
            title: "Outcomes as is and under the reform", series: Outcomes.all.map { ImpactText.words[$0] ?? "" }, colours: colours, scale: .shares)
        return chart.figure(columns)
    }

    static func matrix(_ t: ImpactTally.Transitions) -> String {
        var html = "<table>\n<caption>Outcome as is (rows) and under the reform (columns)</caption>\n<tr><th scope=\"col\">as is \\ reform</th>"
        html += Outcomes.all.map { "<th scope=\"col\">\(ImpactText.words[$0] ?? "")</th>" }.joined() + "<th scope=\"col\">total</th></tr>\n"
        for from in Outcomes.all {
            html += "<tr><th scope=\"row\">\(ImpactText.words[from] ?? "")</th>"
            html += Outcomes.all.map { "<td class=\"n\">\(t.count(from: from, to: $0))</td>" }.joined() + "<td class=\"n\">\(t.total(from, base: true))</td></tr>\n"
        }
        html += "<tr><th scope=\"row\">total</th>" + Outcomes.all.map { "<td class=\"n\">\(t.total($0, base: false))</td>" }.joined() + "<td></td></tr>\n"
        return html + "</table>\n"
    }

    static func groundTable(_ report: ImpactReport, _ tally: ImpactTally) -> String {
        let grounds = report.grounds(tally)
        guard !grounds.isEmpty else { return "<p>No ground refused an application under either.</p>\n" }
        var html = "<table>\n<caption>Applications refused per ground, and refusals lifted by a hardship decision</caption>\n"
        html += "<tr><th scope=\"col\">ground</th><th scope=\"col\">as is</th><th scope=\"col\">reform</th><th scope=\"col\">lifted as is</th><th scope=\"col\">lifted reform</th></tr>\n"
        for g in grounds {
            html += "<tr><th scope=\"row\">\(MarkupText.escaped(g.ground.citation)) (\(MarkupText.escaped(g.ground.rule)))</th><td class=\"n\">\(g.counts.base)</td><td class=\"n\">\(g.counts.reform)</td><td class=\"n\">\(g.counts.baseLifted)</td><td class=\"n\">\(g.counts.reformLifted)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func groupTable(_ title: String, _ byKey: [String: ImpactTally.Transitions]) -> String {
        guard !byKey.isEmpty else { return "" }
        var html = "<table>\n<caption>\(title)</caption>\n<tr><th scope=\"col\"></th><th scope=\"col\">applications</th><th scope=\"col\">changed</th><th scope=\"col\">changes</th></tr>\n"
        for key in byKey.keys.sorted() {
            guard let t = byKey[key] else { continue }
            let total = Outcomes.all.reduce(0) { $0 + t.total($1, base: true) }
            let changes = t.pairs.filter { $0.from != $0.to }.map { "\(ImpactText.words[$0.from] ?? "") → \(ImpactText.words[$0.to] ?? "") \($0.count)" }
            html += "<tr><th scope=\"row\">\(MarkupText.escaped(key))</th><td class=\"n\">\(total)</td><td class=\"n\">\(ImpactText.changedCount(t))</td><td>\(MarkupText.escaped(changes.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
