/// An impact comparison as one self-contained HTML page (`impact --format html`): a bar chart in
/// SVG of the outcomes as is and under each reform (each value of a sweep), then the tables.
/// No script, no external asset: it opens offline and can be attached to a report.
public enum ImpactPage {
    /// Fill colours per outcome, in ``Outcomes/all`` order; each also has a text label in the
    /// legend and the tables, so colour is never the only carrier of meaning.
    static let colours = ["#2e7d32", "#81c784", "#c62828", "#f9a825", "#9e9e9e"]

    public static func render(_ report: ImpactReport) -> String {
        func h(_ text: String) -> String { MarkupText.escaped(text) }
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Impact of a reform of the Wbmgp rules</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 60rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            .meta { color: #555; font-size: 0.85rem; word-break: break-all; }
            .legend span { display: inline-block; margin-right: 1rem; font-size: 0.9rem; }
            .legend i { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
            </style>
            </head>
            <body>
            <h1>Impact of a reform of the Wbmgp rules</h1>

            """
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
        var columns: [(label: String, counts: [Int])] = [("as is", Outcomes.all.map { first.tally.transitions.total($0, base: true) })]
        for series in report.series {
            columns.append((series.label ?? "reform", Outcomes.all.map { series.tally.transitions.total($0, base: false) }))
        }
        let barWidth = 48, gap = 24, height = 240, top = 10, left = 44
        let width = left + columns.count * (barWidth + gap) + gap
        var svg = "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"\(width)\" height=\"\(height + top + 40)\" viewBox=\"0 0 \(width) \(height + top + 40)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"chart-title\">Outcomes as is and under the reform</title>\n"
        let description = columns.map { column in
            "\(column.label): " + zip(Outcomes.all, column.counts).map { "\(ImpactText.words[$0.0] ?? "") \($0.1)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        svg += "<desc id=\"chart-desc\">\(MarkupText.escaped(description))</desc>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let y = top + height - height * tick / 100
            svg += "<line x1=\"\(left - 4)\" x2=\"\(width - gap / 2)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(tick)%</text>\n"
        }
        for (i, column) in columns.enumerated() {
            let total = max(1, column.counts.reduce(0, +))
            let x = left + gap / 2 + i * (barWidth + gap)
            var y = top + height
            for (k, count) in column.counts.enumerated() where count > 0 {
                let bar = max(1, height * count / total)
                y -= bar
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(bar)\" fill=\"\(colours[k])\"><title>\(MarkupText.escaped(column.label)): \(ImpactText.words[Outcomes.all[k]] ?? "") \(count)</title></rect>\n"
            }
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 18)\" font-size=\"12\" text-anchor=\"middle\">\(MarkupText.escaped(column.label))</text>\n"
        }
        svg += "</svg>\n"
        let legend = Outcomes.all.enumerated().map { "<span><i style=\"background:\(colours[$0.offset])\"></i>\(ImpactText.words[$0.element] ?? "")</span>" }.joined()
        return "<figure>\n" + svg + "<figcaption class=\"legend\">\(legend)</figcaption>\n</figure>\n"
    }

    static func matrix(_ t: ImpactTally.Transitions) -> String {
        var html = "<table>\n<caption>Outcome as is (rows) and under the reform (columns)</caption>\n<tr><th scope=\"col\">as is \\ reform</th>"
        html += Outcomes.all.map { "<th scope=\"col\">\(ImpactText.words[$0] ?? "")</th>" }.joined() + "<th scope=\"col\">total</th></tr>\n"
        for from in Outcomes.all {
            html += "<tr><th scope=\"row\">\(ImpactText.words[from] ?? "")</th>"
            html += Outcomes.all.map { "<td>\(t.count(from: from, to: $0))</td>" }.joined() + "<td>\(t.total(from, base: true))</td></tr>\n"
        }
        html += "<tr><th scope=\"row\">total</th>" + Outcomes.all.map { "<td>\(t.total($0, base: false))</td>" }.joined() + "<td></td></tr>\n"
        return html + "</table>\n"
    }

    static func groundTable(_ report: ImpactReport, _ tally: ImpactTally) -> String {
        let grounds = report.grounds(tally)
        guard !grounds.isEmpty else { return "<p>No ground refused an application under either.</p>\n" }
        var html = "<table>\n<caption>Applications refused per ground, and refusals lifted by a hardship decision</caption>\n"
        html += "<tr><th scope=\"col\">ground</th><th scope=\"col\">as is</th><th scope=\"col\">reform</th><th scope=\"col\">lifted as is</th><th scope=\"col\">lifted reform</th></tr>\n"
        for g in grounds {
            html += "<tr><th scope=\"row\">\(MarkupText.escaped(g.ground.citation)) (\(MarkupText.escaped(g.ground.rule)))</th><td>\(g.counts.base)</td><td>\(g.counts.reform)</td><td>\(g.counts.baseLifted)</td><td>\(g.counts.reformLifted)</td></tr>\n"
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
            html += "<tr><th scope=\"row\">\(MarkupText.escaped(key))</th><td>\(total)</td><td>\(ImpactText.changedCount(t))</td><td style=\"text-align:left\">\(MarkupText.escaped(changes.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
