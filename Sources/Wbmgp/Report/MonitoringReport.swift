/// The monitoring report over decision logs (interface §11 `report`; Wbmgp art. 5 lid 5: an
/// extension request includes an evaluation of the measure; art. 17: the national evaluation):
/// figures per group of designation, municipality and/or period, with small counts suppressed.
public struct MonitoringReport: Sendable {
    /// What a group is made of.
    public enum Dimension: String, Sendable, CaseIterable {
        case designation, municipality, year, quarter, month
    }

    public struct Key: Hashable, Sendable, Comparable {
        public var designation: String?
        public var municipality: String?
        public var period: String?

        /// Total, so groups come out in one order at every run: an absent part before any
        /// present one, an empty one included (they are different groups).
        public static func < (a: Key, b: Key) -> Bool {
            func present(_ part: String?) -> Int { part == nil ? 0 : 1 }
            return (present(a.designation), a.designation ?? "", present(a.municipality), a.municipality ?? "", present(a.period), a.period ?? "")
                < (present(b.designation), b.designation ?? "", present(b.municipality), b.municipality ?? "", present(b.period), b.period ?? "")
        }
    }

    /// One log read: its path, its last entry as `seq:hash`, and how many entries it held.
    public struct Log: Sendable {
        public var path: String
        public var head: String?
        /// Its first entry as `seq:hash`: a log that begins with another's first entry holds the
        /// same decisions (a backup, a copy, the file given twice), and is not counted again.
        public var first: String?
        public var decisions = 0
        public var redacted = 0
        public var errors = 0

        public init(path: String) { self.path = path }
    }

    public var by: [Dimension]
    public var from: CalendarDate?
    public var until: CalendarDate?
    /// Counts from 1 to this minus one are shown as "< N" (privacy; the README says why).
    public var minimumCount: Int
    /// A designation's municipality by id, to group decisions by municipality.
    public var municipalities: [String: String]
    public private(set) var groups: [Key: MonitoringTally] = [:]
    public var logs: [Log] = []
    public private(set) var rules: Set<String> = []
    /// The rules digest last counted, so that ``add(_:)`` asks the set only on a change.
    private var lastRules: String?
    /// The first and last date counted (decision date, else application date).
    public private(set) var first: CalendarDate?
    public private(set) var last: CalendarDate?

    public init(by: [Dimension], from: CalendarDate?, until: CalendarDate?, minimumCount: Int, municipalities: [String: String]) {
        self.by = by
        self.from = from
        self.until = until
        self.minimumCount = minimumCount
        self.municipalities = municipalities
    }

    /// Counts `entry` in every group it belongs to; false when its date is outside the period.
    @discardableResult
    public mutating func add(_ entry: MonitoringEntry) -> Bool {
        let date = entry.date
        if let from, date < from { return false }
        if let until, date > until { return false }
        first = first.map { min($0, date) } ?? date
        last = last.map { max($0, date) } ?? date
        // A log's entries nearly all name the same rules: the set is only asked on a change.
        if let rules = entry.rules, rules != lastRules {
            self.rules.insert(rules)
            lastRules = rules
        }
        for key in keys(of: entry) { groups[key, default: MonitoringTally()].add(entry) }
        return true
    }

    /// A report of the same groups, period and settings with nothing counted: what a worker
    /// counts its share of the entries into, to be ``merge(_:)``d.
    public func emptied() -> MonitoringReport {
        MonitoringReport(by: by, from: from, until: until, minimumCount: minimumCount, municipalities: municipalities)
    }

    /// Adds the counts of `other`, a report of the same settings over other entries. Counts add
    /// up whatever the order; the logs are the caller's to keep.
    public mutating func merge(_ other: MonitoringReport) {
        for (key, tally) in other.groups { groups[key, default: MonitoringTally()].merge(tally) }
        rules.formUnion(other.rules)
        if let date = other.first { first = first.map { min($0, date) } ?? date }
        if let date = other.last { last = last.map { max($0, date) } ?? date }
    }

    func keys(of entry: MonitoringEntry) -> [Key] {
        var base = Key()
        let date = entry.date
        for dimension in by {
            switch dimension {
            case .year: base.period = String(date.year)
            case .quarter: base.period = "\(date.year)-Q\((date.month - 1) / 3 + 1)"
            case .month: base.period = "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
            case .municipality: base.municipality = entry.designations.lazy.compactMap { municipalities[$0] }.first
            case .designation: break
            }
        }
        guard by.contains(.designation), !entry.designations.isEmpty else { return [base] }
        // A decision under two designations (art. 8 and art. 9 of one area) counts in each.
        return entry.designations.map { id in
            var key = base
            key.designation = id
            return key
        }
    }

    public var sortedGroups: [(key: Key, tally: MonitoringTally)] {
        groups.keys.sorted().map { ($0, groups[$0] ?? MonitoringTally()) }
    }

    /// A count as published: "< N" from 1 to N − 1 (``MonitoringSuppression/single(_:minimum:)``).
    public func published(_ count: Int) -> JSONValue {
        MonitoringSuppression.single(count, minimum: minimumCount).json
    }

    /// The line that says how small counts are published, in Dutch or English; `drawn`: and
    /// that they are not drawn (the page's chart).
    public func legend(en: Bool, drawn: Bool = false) -> String {
        let k = minimumCount
        if en {
            return "Counts from 1 to \(k - 1) are shown as \"< \(k)\"\(drawn ? " and not drawn" : ""), so that no person can be recognised; a count from which such a count could be worked out is shown as \"≥ \(k)\"\(drawn ? " and not drawn either" : ""), and where that is not enough, a zero as \"< \(k)\" as well. A group of fewer than \(k) applications shows every outcome as \"< \(k)\" and is not broken down further."
        }
        return "Aantallen van 1 tot en met \(k - 1) staan als \"< \(k)\"\(drawn ? " en worden niet getekend" : ""), zodat niemand herkenbaar is; een aantal waaruit zo'n aantal zou zijn af te leiden, staat als \"≥ \(k)\"\(drawn ? " en wordt evenmin getekend" : ""), en waar dat niet genoeg is, staat ook een nul als \"< \(k)\". Een groep van minder dan \(k) aanvragen toont elke uitkomst als \"< \(k)\" en wordt niet verder uitgesplitst."
    }

    /// A group with its applications and outcomes as published.
    public struct PublishedGroup {
        public var key: Key
        public var tally: MonitoringTally
        public var applications: MonitoringSuppression.Shown
        public var outcomes: [MonitoringSuppression.Shown]
        /// A group of fewer applications than the minimum: its grounds, hardship decisions,
        /// defects, missing facts and days are not published. In a group of one, "hardship
        /// art. 10 lid 5: < 5" told that this one person was let in over a negative woonverklaring.
        public var withheld: Bool

        /// What is published of the group's grounds, hardship decisions, defects, missing facts and
        /// days: its tally, or nothing when withheld. Every format reads these from here.
        public var details: MonitoringTally { withheld ? MonitoringTally() : tally }
    }

    /// The groups in order, their counts as published: no count hidden can be worked out from
    /// the rest (``MonitoringSuppression/split(total:counts:minimum:)``). The groups' applications
    /// split the decisions counted (which the logs' lines name), so they are hidden as one
    /// split first; then each group's outcomes split its applications where those are shown.
    public var publishedGroups: [PublishedGroup] {
        let sorted = sortedGroups
        let totals = MonitoringSuppression.split(
            total: sorted.reduce(0) { $0 + $1.tally.applications }, counts: sorted.map(\.tally.applications), minimum: minimumCount
        ).counts
        return sorted.indices.map { i in
            let tally = sorted[i].tally
            var applications = totals[i]
            let outcomes: [MonitoringSuppression.Shown]
            if case .exact = totals[i] {
                let split = MonitoringSuppression.split(total: tally.applications, counts: tally.outcomes, minimum: minimumCount)
                outcomes = split.counts
                // Hidden where nothing else would keep a count from being worked out.
                if case .atLeast = split.total { applications = split.total }
            } else if tally.applications < minimumCount {
                // A small group tells nothing of what it holds: every outcome "< 5", zeros too.
                outcomes = MonitoringSuppression.split(total: tally.applications, counts: tally.outcomes, minimum: minimumCount).counts
            } else {
                // The group's total hidden: each outcome is hidden alone, and at least one is
                // hidden, or the outcomes shown would add up to the total.
                var cells = tally.outcomes.map { MonitoringSuppression.single($0, minimum: minimumCount) }
                let shownWhole = cells.allSatisfy { if case .exact = $0 { true } else { false } }
                if shownWhole, let smallest = tally.outcomes.indices.filter({ tally.outcomes[$0] > 0 }).min(by: { (tally.outcomes[$0], $0) < (tally.outcomes[$1], $1) }) {
                    cells[smallest] = .atLeast(minimumCount)
                }
                outcomes = cells
            }
            return PublishedGroup(key: sorted[i].key, tally: tally, applications: applications, outcomes: outcomes, withheld: tally.applications < minimumCount)
        }
    }

    // MARK: - JSON (interface §11)

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("by", .array(by.map { .string($0.rawValue) })),
            ("minimumCount", .integer(minimumCount)),
            ("from", from.map { .string($0.description) } ?? .null),
            ("until", until.map { .string($0.description) } ?? .null),
            ("period", .sortedObject([("from", first.map { .string($0.description) } ?? .null), ("until", last.map { .string($0.description) } ?? .null)])),
            ("rules", .array(rules.sorted().map { .string($0) })),
            ("logs", .array(logs.map { log in
                .sortedObject([
                    ("path", .string(log.path)), ("head", log.head.map { .string($0) } ?? .null), ("decisions", .integer(log.decisions)),
                    ("redacted", .integer(log.redacted)), ("errors", .integer(log.errors)),
                ])
            })),
        ]
        members.append(("groups", .array(publishedGroups.map(group))))
        return .sortedObject(members)
    }

    func group(_ shown: PublishedGroup) -> JSONValue {
        let key = shown.key
        // A withheld group's details are published as none, and `withheld` says why.
        let tally = shown.details
        var keyMembers: [(String, JSONValue)] = []
        if by.contains(.designation) { keyMembers.append(("designation", key.designation.map { .string($0) } ?? .null)) }
        if by.contains(.municipality) { keyMembers.append(("municipality", key.municipality.map { .string($0) } ?? .null)) }
        if by.contains(where: { [.year, .quarter, .month].contains($0) }) { keyMembers.append(("period", key.period.map { .string($0) } ?? .null)) }
        func counts(_ dictionary: [String: Int]) -> JSONValue { .sortedObject(dictionary.keys.sorted().map { ($0, published(dictionary[$0] ?? 0)) }) }
        let days = tally.publishedDays(minimum: minimumCount)
        return .sortedObject([
            ("key", .sortedObject(keyMembers)),
            ("withheld", .bool(shown.withheld)),
            ("applications", shown.applications.json),
            ("outcomes", .sortedObject(Outcomes.all.enumerated().map { ($1.rawValue, shown.outcomes[$0].json) })),
            ("grounds", .array(tally.grounds.keys.sorted { ($0.rule, $0.citation) < ($1.rule, $1.citation) }.map { ground in
                .sortedObject([("rule", .string(ground.rule)), ("citation", .string(ground.citation)), ("count", published(tally.grounds[ground] ?? 0))])
            })),
            ("hardship", counts(tally.hardship)),
            ("defects", counts(tally.defects)),
            ("missingFacts", counts(tally.missingFacts)),
            ("daysToDecision", .sortedObject([
                ("median", days.map { .integer($0.median) } ?? .null),
                ("p90", days.map { .integer($0.p90) } ?? .null),
            ])),
        ])
    }
}
