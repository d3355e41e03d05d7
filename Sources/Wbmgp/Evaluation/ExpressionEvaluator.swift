/// Evaluates compiled expressions against one application (rules) or one designation request
/// (requirements) with three-valued logic: an absent fact is `unknown`, and the JSON path of every
/// absent fact read is noted in ``missing``.
///
/// A class, so handing it around never copies the application it holds.
final class ExpressionEvaluator {
    /// The application being decided; nil when a request is checked.
    let application: Application?
    /// The request being checked; nil when an application is decided.
    var request: RequestSubject?
    let lawDate: CalendarDate
    let designationIds: [String]
    var designation: Designation?
    var measure: MeasureSetting?
    var slots: [Value] = []
    /// JSON paths of absent facts read since the last reset.
    var missing: [String] = []
    /// Values of cached facts, by slot, with the absent facts noted while computing them.
    var cache: [(value: Value, missing: [String])?] = []

    /// The household and the covering designations as list values, made once per decision
    /// rather than at every read.
    let householdValue: Value
    let designationsValue: Value

    init(application: Application?, lawDate: CalendarDate, designationIds: [String]) {
        self.application = application
        self.lawDate = lawDate
        self.designationIds = designationIds
        householdValue = application.map { .list($0.household.indices.map { .person($0) }) } ?? .unknown
        designationsValue = .list(designationIds.map { .text($0) })
    }

    /// Clears the locals and the fact cache for a rule with `slotCount` slots, keeping the
    /// buffers' capacity (no allocation per rule).
    func resetSlots(_ slotCount: Int) {
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(.unknown, count: slotCount))
        resetCache(slotCount)
    }

    /// Clears the fact cache (per rule and person), keeping its capacity.
    func resetCache(_ slotCount: Int) {
        cache.removeAll(keepingCapacity: true)
        cache.append(contentsOf: repeatElement(nil, count: slotCount))
    }

    func note(_ path: String) -> Value {
        if !missing.contains(path) { missing.append(path) }
        return .unknown
    }

    /// Evaluates a condition to true, false or nil (unknown).
    func truth(_ expression: CompiledExpression) -> Bool? {
        if case .bool(let flag) = value(of: expression) { return flag }
        return nil
    }

    func value(of expression: CompiledExpression) -> Value {
        switch expression {
        case .constant(let value): return value
        case .local(let slot): return slot < slots.count ? slots[slot] : .unknown
        case .context(let fact): return context(fact)
        case .person(let base, let fact):
            guard case .person(let index) = value(of: base) else { return .unknown }
            return personFact(index, fact)
        case .record(let base, let fact):
            guard case .record(let person, let index) = value(of: base),
                let record = application?.household[person].screening?.policeRecords?[index]
            else { return .unknown }
            return fact == .behaviour ? .text(record.behaviour) : .date(record.date)
        case .woonverklaring(let fact): return woonverklaringFact(fact)
        case .dwelling(let fact): return dwellingFact(fact)
        case .designation(let fact): return designationFact(fact)
        case .request(let fact): return requestFact(fact)
        case .designationRecord(let base, let fact):
            guard case .designation(let index) = value(of: base) else { return .unknown }
            return designationRecordFact(index, fact)
        case .measureField(let index):
            guard let values = measure?.values, index < values.count else { return .unknown }
            return values[index]
        case .not(let inner):
            guard let flag = truth(inner) else { return .unknown }
            return .bool(!flag)
        case .and(let left, let right):
            let l = truth(left)
            if l == false { return .bool(false) }
            let r = truth(right)
            if r == false { return .bool(false) }
            return l == true && r == true ? .bool(true) : .unknown
        case .or(let left, let right):
            let l = truth(left)
            if l == true { return .bool(true) }
            let r = truth(right)
            if r == true { return .bool(true) }
            return l == false && r == false ? .bool(false) : .unknown
        case .compare(let comparison, let left, let right):
            return compare(comparison, value(of: left), value(of: right))
        case .member(let element, let list):
            let e = value(of: element)
            guard !e.isUnknown, let elements = value(of: list).listElements else { return .unknown }
            return .bool(elements.contains(e))
        case .intersects(let left, let right):
            guard let a = value(of: left).listElements, let b = value(of: right).listElements else { return .unknown }
            return .bool(a.contains { b.contains($0) })
        case .isAbsent(let inner, let negated):
            let saved = missing
            let absent = value(of: inner).isUnknown
            missing = saved
            return .bool(absent != negated)
        case .add(let left, let right), .subtract(let left, let right):
            let sign: Int
            if case .add = expression { sign = 1 } else { sign = -1 }
            switch (value(of: left), value(of: right)) {
            case (.date(let date), .duration(let period)): return .date(sign > 0 ? date.adding(period) : date.subtracting(period))
            case (.integer(let a), .integer(let b)): return .integer(a + sign * b)
            case (.list(let a), .list(let b)) where sign > 0: return .list(a + b)
            default: return .unknown
            }
        case .conditional(let condition, let yes, let no):
            guard let flag = truth(condition) else { return .unknown }
            return value(of: flag ? yes : no)
        case .filter(let slot, let list, let condition):
            guard let elements = value(of: list).listElements else { return .unknown }
            var kept: [Value] = []
            kept.reserveCapacity(elements.count)
            for element in elements {
                bind(slot, element)
                guard let keep = truth(condition) else { return .unknown }
                if keep { kept.append(element) }
            }
            return .list(kept)
        case .quantifier(let all, let slot, let list, let body):
            guard let elements = value(of: list).listElements else { return .unknown }
            var sawUnknown = false
            for element in elements {
                bind(slot, element)
                switch truth(body) {
                case .some(let flag) where flag != all: return .bool(!all)
                case .none: sawUnknown = true
                default: break
                }
            }
            return sawUnknown ? .unknown : .bool(all)
        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                let v = value(of: element)
                if v.isUnknown { return .unknown }
                values.append(v)
            }
            return .list(values)
        case .call(let builtin, let arguments): return call(builtin, arguments)
        case .cached(let slot, let inner):
            if slot < cache.count, let hit = cache[slot] {
                for path in hit.missing where !missing.contains(path) { missing.append(path) }
                return hit.value
            }
            let before = missing
            missing = []
            let result = value(of: inner)
            let noted = missing
            missing = before
            for path in noted where !missing.contains(path) { missing.append(path) }
            if slot < cache.count { cache[slot] = (result, noted) }
            return result
        }
    }

    func bind(_ slot: Int, _ value: Value) {
        while slots.count <= slot { slots.append(.unknown) }
        slots[slot] = value
    }

    func compare(_ comparison: Comparison, _ a: Value, _ b: Value) -> Value {
        if a.isUnknown || b.isUnknown { return .unknown }
        switch comparison {
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        default: break
        }
        let order: Int
        switch (a, b) {
        case (.integer(let x), .integer(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.span(let from, let to), .duration(let period)):
            // A span is at least `period` long when it starts on or before its end minus the period (interface §9).
            let threshold = to.subtracting(period)
            order = from <= threshold ? (from == threshold ? 0 : 1) : -1
        default: return .unknown
        }
        switch comparison {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        case .greaterOrEqual: return .bool(order >= 0)
        case .equal, .notEqual: return .unknown
        }
    }
}
