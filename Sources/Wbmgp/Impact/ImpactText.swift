/// An impact comparison as a plain-text table for an analyst's terminal (`impact`, the default
/// format): outcomes as is (rows) against the reform (columns), the grounds under both, and
/// the changes per designation and per municipality.
public enum ImpactText {
    static let words: [Decision.Outcome: String] = [
        .granted: "granted", .grantedWithConditions: "with conditions", .refused: "refused", .incomplete: "incomplete",
        .notApplicable: "not applicable",
    ]

    public static func render(_ report: ImpactReport) -> String {
        var lines: [String] = []
        lines.append("impact: \(report.applications) applications compared, \(report.errors) not readable or not decidable, \(report.redacted) redacted")
        lines.append("law as it is: rules \(report.baseDigest), designations \(report.baseDesignationsDigest)")
        lines.append("reform: \(report.reform)")
        for series in report.series {
            lines.append("")
            if let label = series.label, let sweep = report.sweep { lines.append("== \(sweep) = \(label) ==") }
            lines.append("reform rules: \(series.digest), designations \(series.designationsDigest)")
            lines.append("")
            lines += matrix(series.tally.transitions)
            let changed = changedCount(series.tally.transitions)
            lines.append("changed: \(changed) of \(series.tally.applications)")
            lines.append("")
            lines += groundTable(report, series.tally)
            lines += groups("by designation", series.tally.byDesignation)
            lines += groups("by municipality", series.tally.byMunicipality)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func changedCount(_ t: ImpactTally.Transitions) -> Int {
        t.pairs.filter { $0.from != $0.to }.reduce(0) { $0 + $1.count }
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        right ? TextColumns.right(text, width) : TextColumns.left(text, width)
    }

    /// Rows: the outcome as is; columns: under the reform; a total per row and column.
    static func matrix(_ t: ImpactTally.Transitions) -> [String] {
        let width = 16
        var lines = [pad("as is \\ reform", width) + Outcomes.all.map { pad(words[$0] ?? "", width, right: true) }.joined() + pad("total", 10, right: true)]
        for from in Outcomes.all {
            let cells = Outcomes.all.map { pad(String(t.count(from: from, to: $0)), width, right: true) }.joined()
            lines.append(pad(words[from] ?? "", width) + cells + pad(String(t.total(from, base: true)), 10, right: true))
        }
        lines.append(pad("total", width) + Outcomes.all.map { pad(String(t.total($0, base: false)), width, right: true) }.joined())
        return lines
    }

    static func groundTable(_ report: ImpactReport, _ tally: ImpactTally) -> [String] {
        let grounds = report.grounds(tally)
        guard !grounds.isEmpty else { return ["grounds: none refused under either"] }
        var lines = ["ground" + String(repeating: " ", count: 44) + pad("as is", 9, right: true) + pad("reform", 9, right: true)
            + pad("lifted as is", 14, right: true) + pad("lifted reform", 15, right: true)]
        for g in grounds {
            let name = pad("\(g.ground.rule) (\(g.ground.citation))", 50)
            lines.append(name + pad(String(g.counts.base), 9, right: true) + pad(String(g.counts.reform), 9, right: true)
                + pad(String(g.counts.baseLifted), 14, right: true) + pad(String(g.counts.reformLifted), 15, right: true))
        }
        return lines
    }

    /// Per group: how many changed, and each changed pair.
    static func groups(_ title: String, _ byKey: [String: ImpactTally.Transitions]) -> [String] {
        guard !byKey.isEmpty else { return [] }
        var lines = ["", title + ":"]
        for key in byKey.keys.sorted() {
            guard let t = byKey[key] else { continue }
            let total = Outcomes.all.reduce(0) { $0 + t.total($1, base: true) }
            let changes = t.pairs.filter { $0.from != $0.to }.map { "\(words[$0.from] ?? "") → \(words[$0.to] ?? "") \($0.count)" }
            lines.append("  \(key): \(changedCount(t)) of \(total) changed" + (changes.isEmpty ? "" : ": " + changes.joined(separator: ", ")))
        }
        return lines
    }
}
