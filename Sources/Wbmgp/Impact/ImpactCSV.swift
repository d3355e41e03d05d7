/// An impact comparison as one CSV table (RFC 4180, `impact --format csv`): a row per
/// transition (overall, per designation, per municipality) and per ground, so a spreadsheet can
/// filter on `table`. Columns: value (of a sweep; empty otherwise), table, group, from, to,
/// count, rule, citation, base, reform, baseLifted, reformLifted.
public enum ImpactCSV {
    public static let header = "value,table,group,from,to,count,rule,citation,base,reform,baseLifted,reformLifted"

    public static func render(_ report: ImpactReport) -> String {
        var rows = [header]
        for series in report.series {
            let value = field(series.label ?? "")
            func transitions(_ table: String, _ group: String, _ t: ImpactTally.Transitions) {
                for pair in t.pairs {
                    rows.append("\(value),\(table),\(field(group)),\(pair.from.rawValue),\(pair.to.rawValue),\(pair.count),,,,,,")
                }
            }
            transitions("transitions", "", series.tally.transitions)
            for id in series.tally.byDesignation.keys.sorted() { transitions("designation", id, series.tally.byDesignation[id] ?? .init()) }
            for name in series.tally.byMunicipality.keys.sorted() { transitions("municipality", name, series.tally.byMunicipality[name] ?? .init()) }
            for g in report.grounds(series.tally) {
                rows.append(
                    "\(value),ground,,,,,\(field(g.ground.rule)),\(field(g.ground.citation)),\(g.counts.base),\(g.counts.reform),\(g.counts.baseLifted),\(g.counts.reformLifted)")
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line end; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
