/// The counts of one comparison of the law as it is with a reform over a population (interface
/// §11 `impact`): outcome transitions overall, per designation and per municipality, and per
/// ground how many applications it refused, and how many of those refusals a hardship decision
/// lifted, under each. Only counts: no decision, text or id is kept, so memory does not grow
/// with the population.
public struct ImpactTally: Sendable {
    /// Outcome pairs as a flat table: `from * outcomes + to`.
    public struct Transitions: Sendable, Equatable {
        public private(set) var counts = [Int](repeating: 0, count: Outcomes.count * Outcomes.count)

        mutating func add(_ from: Decision.Outcome, _ to: Decision.Outcome, _ n: Int = 1) {
            counts[Outcomes.index(from) * Outcomes.count + Outcomes.index(to)] += n
        }

        mutating func merge(_ other: Transitions) {
            for i in counts.indices { counts[i] += other.counts[i] }
        }

        /// Every non-zero pair, in the outcomes' order (interface §4): unchanged ones included.
        public var pairs: [(from: Decision.Outcome, to: Decision.Outcome, count: Int)] {
            var pairs: [(Decision.Outcome, Decision.Outcome, Int)] = []
            for (i, from) in Outcomes.all.enumerated() {
                for (j, to) in Outcomes.all.enumerated() where counts[i * Outcomes.count + j] > 0 {
                    pairs.append((from, to, counts[i * Outcomes.count + j]))
                }
            }
            return pairs
        }

        public func count(from: Decision.Outcome, to: Decision.Outcome) -> Int {
            counts[Outcomes.index(from) * Outcomes.count + Outcomes.index(to)]
        }

        /// How many applications have `outcome` on one side (`base` true: under the law as it is).
        public func total(_ outcome: Decision.Outcome, base: Bool) -> Int {
            let k = Outcomes.index(outcome)
            return (0..<Outcomes.count).reduce(0) { $0 + (base ? counts[k * Outcomes.count + $1] : counts[$1 * Outcomes.count + k]) }
        }
    }

    /// One ground: a rule and the citation it refused under.
    public struct Ground: Hashable, Sendable {
        public var rule: String
        public var citation: String
    }

    public struct GroundCounts: Sendable, Equatable {
        public var base = 0, reform = 0, baseLifted = 0, reformLifted = 0

        /// One application: refused on this ground (else lifted), under the reform or the law as it is.
        mutating func add(refused: Bool, underReform: Bool) {
            switch (refused, underReform) {
            case (true, false): base += 1
            case (true, true): reform += 1
            case (false, false): baseLifted += 1
            case (false, true): reformLifted += 1
            }
        }
    }

    /// Applications compared (decided under both).
    public var applications = 0
    public var transitions = Transitions()
    public var grounds: [Ground: GroundCounts] = [:]
    public var byDesignation: [String: Transitions] = [:]
    public var byMunicipality: [String: Transitions] = [:]

    public init() {}

    /// Counts one application decided under both laws. `municipality` is the name it is counted
    /// under (its covering designation's, else the dwelling's as written).
    public mutating func add(base: Decision, reform: Decision, municipality: String) {
        applications += 1
        transitions.add(base.outcome, reform.outcome)
        byMunicipality[municipality, default: Transitions()].add(base.outcome, reform.outcome)
        // Each designation once: few cover one dwelling, so a look back beats building a set.
        for (i, id) in base.designations.enumerated() where !base.designations[..<i].contains(id) {
            byDesignation[id, default: Transitions()].add(base.outcome, reform.outcome)
        }
        for (i, id) in reform.designations.enumerated() where !base.designations.contains(id) && !reform.designations[..<i].contains(id) {
            byDesignation[id, default: Transitions()].add(base.outcome, reform.outcome)
        }
        count(base, underReform: false)
        count(reform, underReform: true)
    }

    /// Each ground once per application, however many members it refused; a ground is lifted
    /// in an application when a hardship decision set it aside for some member.
    private mutating func count(_ decision: Decision, underReform: Bool) {
        var standing: [Ground] = [], setAside: [Ground] = []
        // By index: iterating the reasons would copy each one (a dozen reference counts).
        for i in decision.reasons.indices where decision.reasons[i].result == .applied && decision.reasons[i].effect == "refuse" {
            let ground = Ground(rule: decision.reasons[i].rule, citation: decision.reasons[i].citation)
            if decision.reasons[i].lifted == nil {
                if !standing.contains(ground) { standing.append(ground) }
            } else if !setAside.contains(ground) {
                setAside.append(ground)
            }
        }
        // A plain flag, not key paths: a key path literal is looked up again at every call.
        for ground in standing { grounds[ground, default: GroundCounts()].add(refused: true, underReform: underReform) }
        for ground in setAside { grounds[ground, default: GroundCounts()].add(refused: false, underReform: underReform) }
    }

    public mutating func merge(_ other: ImpactTally) {
        applications += other.applications
        transitions.merge(other.transitions)
        for (ground, counts) in other.grounds {
            var mine = grounds[ground, default: GroundCounts()]
            mine.base += counts.base
            mine.reform += counts.reform
            mine.baseLifted += counts.baseLifted
            mine.reformLifted += counts.reformLifted
            grounds[ground] = mine
        }
        for (id, t) in other.byDesignation { byDesignation[id, default: Transitions()].merge(t) }
        for (name, t) in other.byMunicipality { byMunicipality[name, default: Transitions()].merge(t) }
    }
}

/// The outcomes in the interface's order, with their positions, for the tables.
public enum Outcomes {
    public static let all: [Decision.Outcome] = [.granted, .grantedWithConditions, .refused, .incomplete, .notApplicable]
    public static let count = all.count

    static func index(_ outcome: Decision.Outcome) -> Int {
        switch outcome {
        case .granted: return 0
        case .grantedWithConditions: return 1
        case .refused: return 2
        case .incomplete: return 3
        case .notApplicable: return 4
        }
    }
}
