/// How a group's applications and outcome counts are published so that no hidden count can be
/// worked out from the others. The outcomes split the applications: with the total shown, one
/// outcome shown as "< 5" and the rest as numbers, the hidden one was the total less the rest
/// (9 applications, 6 granted and nothing else: 3 refused). So more is hidden until the hidden
/// counts could be more than one set of numbers: the smallest count shown is shown as "≥ 5"
/// instead (it is at least the minimum, or it would be hidden already), one after another; and
/// where nothing else is left to hide, the total is shown as "≥ 5".
///
/// Where even with every count above zero hidden the hidden ones fit one set of numbers only
/// (6 applications, "≥ 5" with conditions and "< 5" refused: 5 and 1), the zeros are hidden too:
/// "< 5" is then any of 0 to 4, and the refusal could as well be a grant. A group below the
/// minimum shows every outcome as "< 5", zeros too: "< 5" granted beside four zeros said that
/// everyone in it was granted.
///
/// The grounds, hardship decisions, defects and missing facts bound the outcomes (every refusal
/// has a ground): a group with any count hidden does not publish them (``MonitoringReport``).
public enum MonitoringSuppression {
    /// A count as published.
    public enum Shown: Equatable, Sendable {
        case exact(Int)
        /// From 1 to the minimum less one, or a zero hidden with them: "< 5".
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

    /// A count hidden whatever it is: "≥ k" from the minimum, else "< k" (a zero too).
    public static func hidden(_ count: Int, minimum k: Int) -> Shown {
        count >= k ? .atLeast(k) : .below(k)
    }

    /// The total and the counts that split it, as published; the counts at `hidden` are hidden
    /// from the start (groups whose own figures hide their total).
    public static func split(total: Int, counts: [Int], minimum k: Int, hidden: Set<Int> = []) -> (total: Shown, counts: [Shown]) {
        var shown = counts.indices.map { i in hidden.contains(i) ? Self.hidden(counts[i], minimum: k) : single(counts[i], minimum: k) }
        // A hidden total: every part hidden, zeros too (what a small group holds is not told).
        guard total >= k else { return (single(total, minimum: k), hidingZeros(counts, shown, minimum: k)) }
        while isWorkedOut(counts, shown, minimum: k) {
            let candidates = counts.indices.filter { counts[$0] > 0 && shown[$0] == .exact(counts[$0]) }
            guard let next = candidates.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else {
                // Every count above zero hidden, and still one set fits: the zeros go too.
                shown = hidingZeros(counts, shown, minimum: k)
                return (isWorkedOut(counts, shown, minimum: k) ? .atLeast(k) : .exact(total), shown)
            }
            shown[next] = .atLeast(k)
        }
        return (.exact(total), shown)
    }

    /// `shown` with every zero count shown as "< k" as well.
    static func hidingZeros(_ counts: [Int], _ shown: [Shown], minimum k: Int) -> [Shown] {
        counts.indices.map { counts[$0] == 0 && k > 1 ? .below(k) : shown[$0] }
    }

    /// Whether the hidden counts are the only numbers that fit the total shown: the sum of the
    /// hidden is the total less the counts shown; each "< k" is 1 to k − 1 (0 to k − 1 where a
    /// zero is hidden too: the reader cannot tell it from the others), each "≥ k" k or more;
    /// one set fits only when there is one hidden count, or their sum is the least (or, with
    /// no "≥ k", the most) that they can make. Shifting one between two hidden counts fits as
    /// well in every other case.
    static func isWorkedOut(_ counts: [Int], _ shown: [Shown], minimum k: Int) -> Bool {
        var below = 0, atLeast = 0, sum = 0
        var zerosHidden = false
        for i in counts.indices {
            switch shown[i] {
            case .exact: continue
            case .below: below += 1
            case .atLeast: atLeast += 1
            }
            if counts[i] == 0 { zerosHidden = true }
            sum += counts[i]
        }
        let hidden = below + atLeast
        if hidden == 0 { return false }
        if hidden == 1 { return true }
        let least = (zerosHidden ? 0 : below) + atLeast * k
        return sum == least || (atLeast == 0 && sum == below * (k - 1))
    }
}
