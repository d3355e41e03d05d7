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
            return "Counts from 1 to \(k - 1) are shown as \"< \(k)\"\(drawn ? " and not drawn" : ""), so that no person can be recognised; a count from which such a count could be worked out is shown as \"≥ \(k)\"\(drawn ? " and not drawn either" : ""), and where that is not enough, a zero as \"< \(k)\" as well. A group of fewer than \(k) applications shows every outcome as \"< \(k)\"; what a group does not publish is said with it."
        }
        return "Aantallen van 1 tot en met \(k - 1) staan als \"< \(k)\"\(drawn ? " en worden niet getekend" : ""), zodat niemand herkenbaar is; een aantal waaruit zo'n aantal zou zijn af te leiden, staat als \"≥ \(k)\"\(drawn ? " en wordt evenmin getekend" : ""), en waar dat niet genoeg is, staat ook een nul als \"< \(k)\". Een groep van minder dan \(k) aanvragen toont elke uitkomst als \"< \(k)\"; wat een groep niet publiceert, staat erbij."
    }

    /// A group with its applications and outcomes as published.
    public struct PublishedGroup {
        public var key: Key
        public var tally: MonitoringTally
        public var applications: MonitoringSuppression.Shown
        public var outcomes: [MonitoringSuppression.Shown]
        /// The parts of the group's breakdown not published (``Detail``).
        public var withheld: Set<Detail>

        /// What is published of the group's grounds, hardship decisions, defects, missing facts and
        /// days: its tally without the parts withheld. Every format reads these from here.
        public var details: MonitoringTally {
            var shown = tally
            if withheld.contains(.grounds) { shown.grounds = [:] }
            if withheld.contains(.hardship) { shown.hardship = [:] }
            if withheld.contains(.defects) { shown.defects = [:] }
            if withheld.contains(.missingFacts) { shown.missingFacts = [:] }
            if withheld.contains(.days) { shown.days = [:] }
            return shown
        }
    }

    /// A part of a group's breakdown beside its outcomes.
    public enum Detail: String, Sendable, CaseIterable, Comparable {
        case grounds, hardship, defects, missingFacts, days

        public static func < (a: Detail, b: Detail) -> Bool { allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0 }

        /// What a group withholds of its breakdown. Where its total is hidden (every group of
        /// fewer applications than the minimum among them), everything: in a group of one,
        /// "hardship art. 10 lid 5: < 5" told that this one person was let in over a negative
        /// woonverklaring. Else the grounds where its refusals are hidden, and the missing facts
        /// where its incomplete decisions are: every refusal has a ground and every incomplete
        /// decision a missing fact, so they bound those counts ("refused ≥ 5" beside its one
        /// ground counted 5 is exactly 5). Hardship decisions and defects go with any outcome.
        static func withheld(applications: MonitoringSuppression.Shown, outcomes: [MonitoringSuppression.Shown]) -> Set<Detail> {
            guard case .exact = applications else { return Set(allCases) }
            var withheld = Set<Detail>()
            if case .exact = outcomes[Outcomes.index(.refused)] {} else { withheld.insert(.grounds) }
            if case .exact = outcomes[Outcomes.index(.incomplete)] {} else { withheld.insert(.missingFacts) }
            return withheld
        }
    }

    /// The groups in order, their counts as published: no count hidden can be worked out from
    /// the rest (``MonitoringSuppression/split(total:counts:minimum:)``). The groups' applications
    /// split the decisions counted (which the logs' lines name), so they are hidden as one
    /// split first; then each group's outcomes split its applications where those are shown.
    public var publishedGroups: [PublishedGroup] { published.groups }

    /// The decisions counted (what the logs' counts add up to), as published: hidden when the
    /// groups' applications could otherwise be worked out from it.
    public var publishedTotal: MonitoringSuppression.Shown { published.total }

    /// A log's head as published: `seq:hash`, or only its hash where the decisions counted are
    /// hidden (the sequence number counts the log's entries, and so would tell their number).
    public func publishedHead(of log: Log, total: MonitoringSuppression.Shown) -> String? {
        guard let head = log.head else { return nil }
        if case .exact = total { return head }
        return head.firstIndex(of: ":").map { String(head[head.index(after: $0)...]) } ?? head
    }

    /// A log's decisions as published: exact where the decisions counted are, else hidden
    /// ("< 5" or "≥ 5"), as together they add up to that total.
    public func publishedDecisions(of log: Log, total: MonitoringSuppression.Shown) -> MonitoringSuppression.Shown {
        if case .exact = total { return .exact(log.decisions) }
        return MonitoringSuppression.hidden(log.decisions, minimum: minimumCount)
    }

    /// The groups and the decisions counted, as published. A group whose own outcomes force its
    /// total to be hidden enters the split across groups as hidden, and that split is made
    /// again, until nothing more is hidden: the total less the groups shown would otherwise give
    /// it back (the review of 2026-12-06).
    public var published: (total: MonitoringSuppression.Shown, groups: [PublishedGroup]) {
        let sorted = sortedGroups
        let k = minimumCount
        let sizes = sorted.map(\.tally.applications)
        var forced = Set<Int>()
        while true {
            let across = MonitoringSuppression.split(total: sizes.reduce(0, +), counts: sizes, minimum: k, hidden: forced)
            var groups: [PublishedGroup] = []
            var more = Set<Int>()
            for i in sorted.indices {
                let tally = sorted[i].tally
                var applications = across.counts[i]
                let outcomes: [MonitoringSuppression.Shown]
                if case .exact = applications {
                    let split = MonitoringSuppression.split(total: tally.applications, counts: tally.outcomes, minimum: k)
                    outcomes = split.counts
                    if case .exact = split.total {} else {
                        applications = split.total
                        more.insert(i)
                    }
                } else {
                    // The group's total hidden (every small group's among them): every outcome is
                    // hidden, zeros as "< 5" too. Outcomes shown beside it bounded the total that
                    // the other groups and the decisions counted leave for it, and the two
                    // together gave counts back (2019 "≥ 5" with 5 granted and a refusal "< 5",
                    // 2020 "< 5", 7 decisions: one refusal, and one application in 2020).
                    outcomes = tally.outcomes.map { MonitoringSuppression.hidden($0, minimum: k) }
                }
                groups.append(PublishedGroup(
                    key: sorted[i].key, tally: tally, applications: applications, outcomes: outcomes,
                    withheld: Detail.withheld(applications: applications, outcomes: outcomes)))
            }
            if more.isSubset(of: forced) { return (across.total, groups) }
            forced.formUnion(more)
        }
    }

    // MARK: - JSON (interface §11)

    public var json: JSONValue {
        let (total, groups) = published
        var members: [(String, JSONValue)] = [
            ("by", .array(by.map { .string($0.rawValue) })),
            ("minimumCount", .integer(minimumCount)),
            ("from", from.map { .string($0.description) } ?? .null),
            ("until", until.map { .string($0.description) } ?? .null),
            ("period", .sortedObject([("from", first.map { .string($0.description) } ?? .null), ("until", last.map { .string($0.description) } ?? .null)])),
            ("rules", .array(rules.sorted().map { .string($0) })),
            ("logs", .array(logs.map { log in
                .sortedObject([
                    ("path", .string(log.path)), ("head", publishedHead(of: log, total: total).map { .string($0) } ?? .null), ("decisions", publishedDecisions(of: log, total: total).json),
                    ("redacted", .integer(log.redacted)), ("errors", .integer(log.errors)),
                ])
            })),
        ]
        members.append(("groups", .array(groups.map(group))))
        return .sortedObject(members)
    }

    func group(_ shown: PublishedGroup) -> JSONValue {
        let key = shown.key
        // The parts withheld are published as none, and `withheld` names them.
        let tally = shown.details
        var keyMembers: [(String, JSONValue)] = []
        if by.contains(.designation) { keyMembers.append(("designation", key.designation.map { .string($0) } ?? .null)) }
        if by.contains(.municipality) { keyMembers.append(("municipality", key.municipality.map { .string($0) } ?? .null)) }
        if by.contains(where: { [.year, .quarter, .month].contains($0) }) { keyMembers.append(("period", key.period.map { .string($0) } ?? .null)) }
        func counts(_ dictionary: [String: Int]) -> JSONValue { .sortedObject(dictionary.keys.sorted().map { ($0, published(dictionary[$0] ?? 0)) }) }
        let days = tally.publishedDays(minimum: minimumCount)
        return .sortedObject([
            ("key", .sortedObject(keyMembers)),
            ("withheld", .array(shown.withheld.sorted().map { .string($0.rawValue) })),
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
