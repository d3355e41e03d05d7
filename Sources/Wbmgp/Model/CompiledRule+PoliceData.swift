extension CompiledRule {
    /// Whether the rule's result can depend on police records: some expression that decides
    /// whether it applies, its effect, its flags, facts or reason choice reads a person's
    /// `policeRecords`. (`uses` only marks the records a decision record keeps; it decides nothing.)
    ///
    /// A decision log holds no police records (interface §6), so a replay of a logged decision
    /// cannot re-check these rules; it re-checks every other and says which were not.
    public var resultReadsPoliceData: Bool {
        var roots = gates + flags.map(\.value) + facts.flatMap { [$0.value] + ($0.shownWhen.map { [$0] } ?? []) }
        if let subject { roots.append(subject) }
        if let datedBy { roots.append(datedBy) }
        roots += reasons.compactMap(\.guardExpression)
        switch effect {
        case .refuse(let when), .defect(_, let when): roots.append(when)
        case .conditions(let list, let when), .priority(let list, let when): roots += [list, when]
        case .screen(let from, let until, let behaviours, let when): roots += [from, until, behaviours, when]
        case .lookup: break
        }
        return program.reachesPoliceRecords(from: roots)
    }
}

extension ExpressionCode {
    /// Whether a node reachable from `roots` reads a person's police records.
    func reachesPoliceRecords(from roots: [CodeRef]) -> Bool {
        var stack = roots.map { Int($0.index) }
        var seen = Set<Int>()
        while let index = stack.popLast() {
            guard index >= 0, index < count, seen.insert(index).inserted else { continue }
            switch nodes[index] {
            case .person(let base, let fact):
                if fact == .policeRecords { return true }
                stack.append(Int(base))
            case .record(let base, _), .designationRecord(let base, _), .not(let base), .isAbsent(let base, _), .cached(_, let base),
                .shared(_, let base):
                stack.append(Int(base))
            case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .member(let a, let b), .intersects(let a, let b),
                .add(let a, let b), .subtract(let a, let b), .filter(_, let a, let b), .quantifier(_, _, let a, let b):
                stack += [Int(a), Int(b)]
            case .conditional(let a, let b, let c):
                stack += [Int(a), Int(b), Int(c)]
            case .list(let first, let count), .call(_, let first, let count):
                stack += operands[Int(first)..<Int(first + count)].map(Int.init)
            case .constant, .local, .context, .woonverklaring, .dwelling, .designation, .measureField, .request:
                break
            }
        }
        return false
    }
}
