/// How a group's applications and outcome counts are published so that no hidden count can be
/// worked out from the others. The outcomes split the applications: with the total shown, one
/// outcome shown as "< 5" and the rest as numbers, the hidden one was the total less the rest
/// (9 applications, 6 granted and nothing else: 3 refused). So more is hidden until the hidden
/// counts could be more than one set of numbers: the smallest count shown is shown as "≥ 5"
/// instead (it is at least the minimum, or it would be hidden already), one after another; and
/// where nothing else is left to hide, the total is shown as "≥ 5".
///
/// The grounds, hardship decisions, defects and missing facts do not split a total shown (an
/// application may have several or none), so a count of them is hidden alone.
public enum MonitoringSuppression {
    /// A count as published.
    public enum Shown: Equatable, Sendable {
        case exact(Int)
        /// From 1 to the minimum less one: "< 5".
        case below(Int)
        /// The minimum or more, hidden so that a count below it cannot be worked out: "≥ 5".
        case atLeast(Int)

        public var json: JSONValue {
            switch self {
            case .exact(let n): return .integer(n)
            case .below(let k): return .string("< \(k)")
            case .atLeast(let k): return .string("≥ \(k)")
            }
        }

        public var text: String {
            switch self {
            case .exact(let n): return String(n)
            case .below(let k): return "< \(k)"
            case .atLeast(let k): return "≥ \(k)"
            }
        }

        /// The count drawn in a chart: only an exact one.
        public var drawn: Int {
            if case .exact(let n) = self { return n }
            return 0
        }
    }

    /// A single count: "< k" from 1 to k − 1.
    public static func single(_ count: Int, minimum k: Int) -> Shown {
        count > 0 && count < k ? .below(k) : .exact(count)
    }

    /// The total and the counts that split it, as published.
    public static func split(total: Int, counts: [Int], minimum k: Int) -> (total: Shown, counts: [Shown]) {
        var shown = counts.map { single($0, minimum: k) }
        // A hidden total hides its parts' sum: each hidden part may be any of 1 to k − 1.
        guard total >= k else { return (single(total, minimum: k), shown) }
        while isWorkedOut(counts, shown, minimum: k) {
            let candidates = counts.indices.filter { counts[$0] > 0 && shown[$0] == .exact(counts[$0]) }
            guard let next = candidates.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else {
                return (.atLeast(k), shown)
            }
            shown[next] = .atLeast(k)
        }
        return (.exact(total), shown)
    }

    /// Whether the hidden counts are the only numbers that fit the total shown: the sum of the
    /// hidden is the total less the counts shown; each "< k" is 1 to k − 1, each "≥ k" k or more;
    /// one set fits only when there is one hidden count, or their sum is the least (or, with no
    /// "≥ k", the most) that they can make. Shifting one between two hidden counts fits as well
    /// in every other case.
    static func isWorkedOut(_ counts: [Int], _ shown: [Shown], minimum k: Int) -> Bool {
        var below = 0, atLeast = 0, sum = 0
        for i in counts.indices {
            switch shown[i] {
            case .exact: continue
            case .below: below += 1
            case .atLeast: atLeast += 1
            }
            sum += counts[i]
        }
        let hidden = below + atLeast
        if hidden == 0 { return false }
        if hidden == 1 || k <= 2 && atLeast == 0 { return true }
        if atLeast == 0 { return sum == below || sum == below * (k - 1) }
        return sum == below + atLeast * k
    }
}
