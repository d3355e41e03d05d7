/// The monitoring figures of one group of decisions (interface §11 `report`): counts only, and
/// the days from application to decision as a histogram, so memory depends on the number of
/// groups and distinct day counts, never on the number of decisions.
public struct MonitoringTally: Sendable, Equatable {
    public var applications = 0
    public var outcomes = [Int](repeating: 0, count: Outcomes.count)
    public var grounds: [ImpactTally.Ground: Int] = [:]
    public var hardship: [String: Int] = [:]
    public var defects: [String: Int] = [:]
    public var missingFacts: [String: Int] = [:]
    /// Decisions per number of days from application to decision (where a decision date is known).
    public var days: [Int: Int] = [:]

    public init() {}

    public mutating func add(_ entry: MonitoringEntry) {
        applications += 1
        outcomes[Outcomes.index(entry.outcome)] += 1
        for ground in entry.grounds { grounds[ground, default: 0] += 1 }
        for article in entry.hardship { hardship[article, default: 0] += 1 }
        for code in entry.defects { defects[code, default: 0] += 1 }
        for fact in entry.missingFacts { missingFacts[fact, default: 0] += 1 }
        if let decided = entry.decisionDate { days[decided.dayNumber - entry.applicationDate.dayNumber, default: 0] += 1 }
    }

    public mutating func merge(_ other: MonitoringTally) {
        applications += other.applications
        for i in outcomes.indices { outcomes[i] += other.outcomes[i] }
        grounds.merge(other.grounds, uniquingKeysWith: +)
        hardship.merge(other.hardship, uniquingKeysWith: +)
        defects.merge(other.defects, uniquingKeysWith: +)
        missingFacts.merge(other.missingFacts, uniquingKeysWith: +)
        days.merge(other.days, uniquingKeysWith: +)
    }

    /// The median and 90th percentile of the days to decision as published: only where at least
    /// `minimum` decisions of the group have a decision date. On fewer, a percentile is one
    /// person's time to a decision (on two, the median and the 90th percentile are the two
    /// times), however many decisions the group holds. One answer for every format.
    public func publishedDays(minimum: Int) -> (median: Int, p90: Int)? {
        guard days.values.reduce(0, +) >= minimum, let median = daysPercentile(50), let p90 = daysPercentile(90) else { return nil }
        return (median, p90)
    }

    /// The p-th percentile of the days to decision by nearest rank (the smallest number of days
    /// that at least p % of the decisions took no longer than); nil without decision dates.
    public func daysPercentile(_ p: Int) -> Int? {
        let total = days.values.reduce(0, +)
        guard total > 0 else { return nil }
        let rank = max(1, (p * total + 99) / 100)
        var seen = 0
        for day in days.keys.sorted() {
            seen += days[day] ?? 0
            if seen >= rank { return day }
        }
        return days.keys.max()
    }
}
