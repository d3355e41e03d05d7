/// Evaluates compiled expressions against one application (rules) or one designation request
/// (requirements) with three-valued logic: an absent fact is `unknown`, and the JSON path of every
/// absent fact read is noted in ``missing``.
///
/// A class, so handing it around never copies the application it holds. Its mutable state is
/// marked `@exclusivity(unchecked)`: it is read and written on every step of evaluation, the
/// run-time access checks cost about 3 % of a decision, and one evaluator belongs to one decision
/// on one thread, with no overlapping access. (To check: remove the attribute and run
/// `swift test`, whose debug build then traps on any overlapping access; it passes.)
final class ExpressionEvaluator {
    /// The application being decided, lent by the caller for the decision (``begin(_:lawDate:designations:monthEnd:)``,
    /// cleared by ``end()``), its fields read where they lie; nil when a request is checked. A
    /// copy held here counted a reference to each of the application's strings and arrays at
    /// the start of every decision, and released them at its end.
    @exclusivity(unchecked) private(set) var application: UnsafePointer<Application>?
    /// The request being checked; nil when an application is decided.
    @exclusivity(unchecked) var request: RequestSubject?
    @exclusivity(unchecked) private(set) var lawDate: CalendarDate
    @exclusivity(unchecked) var designation: Designation?
    /// The field values of the measure the rule is under (``MeasureSetting/values``), lent where
    /// they lie in the covering set (``CoveringSet/measureFields(ofCarrier:)``), which the
    /// decision's run holds; empty under no measure.
    @exclusivity(unchecked) var measureFields = UnsafeBufferPointer<Value>(start: nil, count: 0)
    /// The locals (a rule's subject, a filter's or quantifier's element), by slot; a slot holds
    /// a value only when its stamp in ``slotStamps`` is ``slotStamp``.
    @exclusivity(unchecked) private var slots: [Value] = []
    /// The stamp each slot of ``slots`` was bound under, and the current one. A reset takes a
    /// new stamp instead of storing `.unknown` in each slot: clearing them one by one destroyed
    /// each old value through `Value`'s outlined code, about 300 instructions a rule.
    @exclusivity(unchecked) private var slotStamps: [UInt32] = []
    @exclusivity(unchecked) private var slotStamp: UInt32 = 1
    /// The nodes and side tables of the code being evaluated (``load(_:)``), read without
    /// bounds checks: every ``CodeRef`` and operand was emitted into this code by the compiler.
    /// Pointers only, no reference to the code: its owner (a rule of the law, a requirement)
    /// keeps it while it is evaluated, and a code is always loaded before it is read.
    @exclusivity(unchecked) private var nodes = UnsafePointer(ExpressionCode.empty.nodeStorage.base)
    @exclusivity(unchecked) private var constants = UnsafePointer(ExpressionCode.empty.constantStorage.base)
    @exclusivity(unchecked) private var operands = UnsafePointer(ExpressionCode.empty.operandStorage.base)
    @exclusivity(unchecked) private var recordFacts = UnsafePointer(ExpressionCode.empty.recordFactStorage.base)
    @exclusivity(unchecked) private var constantLists = UnsafePointer(ExpressionCode.empty.constantListStorage.base)
    @exclusivity(unchecked) private var constantElements = UnsafePointer(ExpressionCode.empty.constantElementStorage.base)
    /// JSON paths of absent facts read since the last reset.
    @exclusivity(unchecked) private(set) var missing: [String] = []
    /// Where in ``missing`` the paths of the cached fact being computed begin (0 outside one):
    /// within it a path is noted once, and the fact's cache entry keeps what it noted. One list
    /// with marks, not a fresh list per cached fact and a copy per `absent` test (the copy kept
    /// the list shared, so the next note copied it again): each of those allocated.
    @exclusivity(unchecked) private var missingScope = 0
    /// Whether absent facts' paths are noted in ``missing``: not for a decision made only for
    /// counting, whose missing facts nobody reads (building each path was a twentieth of it).
    @exclusivity(unchecked) var notesMissing = true
    /// Values of cached facts (a rule's, for one person), by slot, with the absent facts noted
    /// while computing them; cleared at each rule and person.
    @exclusivity(unchecked) private var cache = FactCache()

    /// Values the same wherever they are read in one decision (``CodeNode/shared(slot:_:)``,
    /// numbered by the law's ``DecisionFactTable``), with the absent facts noted while computing
    /// them; cleared at each decision (``begin(_:lawDate:designations:monthEnd:)``).
    @exclusivity(unchecked) private var shared = FactCache()

    /// Each member's income and characteristics as list values (two per member, in household
    /// order), made at the first read in a decision; cleared by ``begin(_:lawDate:designations:monthEnd:)``.
    @exclusivity(unchecked) var memberLists: [Value?] = []
    /// For each household position, the list of its member's police records as positions
    /// (``recordList(person:count:)``) and how many it holds: kept from one decision to the
    /// next, as positions are no datum of anyone's.
    @exclusivity(unchecked) var recordLists: [Value] = []
    @exclusivity(unchecked) var recordListCounts: [Int] = []

    /// The JSON paths of household members' facts ("$.household[0].income"), made at their first
    /// note and kept for the evaluator's life (``memberPath(_:_:)``).
    @exclusivity(unchecked) private var memberPaths: [String?] = []

    /// The household as a list value for each household size met so far (index: the size).
    @exclusivity(unchecked) private var householdValues: [Value] = []

    /// Lists of one household member, by the member's index (``personList(_:)``), made at their
    /// first use and kept for the evaluator's life: such a list names a position in the
    /// household, not anyone's data.
    @exclusivity(unchecked) private var personLists: [Value] = []

    /// The household and the covering designations' ids as list values, made once per decision
    /// rather than at every read (the household's kept for the next decision when it has as
    /// many members; the ids' made with their ``CoveringSet``).
    @exclusivity(unchecked) private(set) var householdValue: Value
    @exclusivity(unchecked) private(set) var designationsValue: Value

    /// What the dwelling's lookup left open (``ContextFact/undeterminedDesignations``):
    /// ``UndeterminedCover/none`` for a lookup that decided, as almost every one does. Set by
    /// the decision's run.
    @exclusivity(unchecked) var undetermined = UndeterminedCover.none

    /// How whole years and months are added (``CompiledLaw/monthEnd``): ages, windows, thresholds.
    @exclusivity(unchecked) private(set) var monthEnd: MonthEndRule
    /// The holidays of `termEnd` (``CompiledLaw/holidays``); none unless the caller sets them.
    @exclusivity(unchecked) var holidays: HolidayCalendar = .none

    init(lawDate: CalendarDate, designationIds: [String], monthEnd: MonthEndRule = .lastDayOfMonth) {
        self.monthEnd = monthEnd
        self.lawDate = lawDate
        householdValue = .unknown
        designationsValue = .list(designationIds.map { .text($0) })
    }

    /// Makes this evaluator (a thread's ``DecisionScratch``) one for deciding `application`: what
    /// the last decision left is cleared or replaced, and the buffers keep their capacity.
    ///
    /// - Parameter application: lent for the decision: it must stay where it lies until ``end()``.
    func begin(_ application: UnsafePointer<Application>, lawDate: CalendarDate, designations: Value, monthEnd: MonthEndRule) {
        let members = application.pointee.household.count
        if householdValue.listElements?.count != members {
            // One list per household size, kept: consecutive applications differ in size.
            while householdValues.count <= members { householdValues.append(.list((0..<householdValues.count).map { .person($0) })) }
            householdValue = householdValues[members]
        }
        designationsValue = designations
        self.application = application
        self.lawDate = lawDate
        self.monthEnd = monthEnd
        // Each set only when it is not already clear: a decision leaves the request and the
        // holidays unset, and storing the empty value anew copied it in (about 150 instructions).
        if request != nil { request = nil }
        if !holidays.isNone { holidays = .none }
        designation = nil
        measureFields = UnsafeBufferPointer(start: nil, count: 0)
        shared.clear()
        clearMissing()
        notesMissing = true
        // Cleared in place (the slots past this household are never read).
        memberLists.withUnsafeMutableBufferPointer { lists in
            // Only those set: writing nil over nil went through `Value`'s outlined code too.
            for i in lists.indices { if case .some = lists[i] { lists[i] = nil } }
        }
        if memberLists.count < members * 2 { memberLists.append(contentsOf: repeatElement(nil, count: members * 2 - memberLists.count)) }
    }

    /// Lets go of the application lent to ``begin(_:lawDate:designations:monthEnd:)``.
    func end() {
        application = nil
    }

    /// Sizes the locals and the fact cache for rules of up to `slotCount` slots, in one
    /// allocation each, before the first rule. A slot past the room made is still safe: a local
    /// bound there grows the locals (``bind(_:_:)``), one read before is unknown, and a fact
    /// there is computed each time, not cached.
    func reserveSlots(_ slotCount: Int) {
        // Asked once a decision, and almost always answered by this one comparison: looking at
        // the locals' and the cache's arrays counted a reference to each.
        guard slotCount > slotRoom else { return }
        if slots.count < slotCount {
            slots = Array(repeating: .unknown, count: slotCount)
            slotStamps = Array(repeating: 0, count: slotCount)
        }
        cache.reserve(slotCount)
        slotRoom = slotCount
    }

    /// The slots ``reserveSlots(_:)`` has made room for, in the locals and the fact cache alike.
    @exclusivity(unchecked) private var slotRoom = 0

    /// Clears the locals and the fact cache for the next rule, whose room ``reserveSlots(_:)``
    /// made (once a decision, for the most slots a rule of its period needs: made at every
    /// rule, and again for each person, the check cost about 110 instructions of an evaluation
    /// without texts). The buffers only ever grow, and nothing in them is touched: a new stamp
    /// makes every entry written before read as cleared (``slotStamp``).
    func resetSlots() {
        slotStamp = FactCache.advanced(slotStamp, clearing: &slotStamps)
        cache.clear()
    }

    /// Clears the fact cache (per rule and person).
    func resetCache() {
        cache.clear()
    }

    /// An absent fact: `unknown`, with its JSON path noted in ``missing`` when paths are noted
    /// (the path is only made then).
    func note(_ path: @autoclosure () -> String) -> Value {
        guard notesMissing else { return .unknown }
        let path = path()
        if !isNoted(path) { missing.append(path) }
        return .unknown
    }

    /// A household member's fact, by the path a missing fact is noted under.
    enum MemberField: Int, CaseIterable {
        case income, characteristics, residence, screening, vog, vogDate, policeRecords

        var suffix: String {
            switch self {
            case .income: return ".income"
            case .characteristics: return ".characteristics"
            case .residence: return ".residence"
            case .screening: return ".screening"
            case .vog: return ".screening.vog"
            case .vogDate: return ".screening.vog.date"
            case .policeRecords: return ".screening.policeRecords"
            }
        }
    }

    /// The JSON path of member `index`'s `field`, made once for the evaluator: a path is the
    /// document's shape, never its content. Written anew at each note, it was a string of more
    /// than fifteen bytes, allocated, and its index written digit by digit, every time.
    func memberPath(_ index: Int, _ field: MemberField) -> String {
        let slot = index * MemberField.allCases.count + field.rawValue
        if slot < memberPaths.count, let made = memberPaths[slot] { return made }
        let path = "$.household[\(index)]" + field.suffix
        if slot >= memberPaths.count { memberPaths.append(contentsOf: repeatElement(nil, count: slot + 1 - memberPaths.count)) }
        memberPaths[slot] = path
        return path
    }

    /// Whether `path` is already noted in the current scope of ``missing``.
    private func isNoted(_ path: String) -> Bool {
        missing[missingScope...].contains(path)
    }

    /// Forgets every noted path (a new rule, a new decision).
    func clearMissing() {
        // Most rules note none: emptying an empty list still went through the array's generic
        // code for replacing a range (about 90 instructions).
        if !missing.isEmpty { missing.removeAll(keepingCapacity: true) }
        missingScope = 0
    }

    /// Forgets the paths noted since ``missing`` held `count` (what a read that decides nothing
    /// found missing).
    func dropMissing(after count: Int) {
        if count < missing.count { missing.removeSubrange(count...) }
    }

    /// Keeps of the paths noted from `mark` on (a cached fact's, in their order) those the
    /// enclosing scope had not noted before `mark`.
    private func mergeMissing(from mark: Int) {
        var kept = mark
        for i in mark..<missing.count where !missing[missingScope..<mark].contains(missing[i]) {
            if kept != i { missing[kept] = missing[i] }
            kept += 1
        }
        dropMissing(after: kept)
    }

    /// Makes `code` the code that ``CodeRef``s refer to (the rule's or requirement's), which
    /// the caller keeps alive while it is evaluated.
    func load(_ code: ExpressionCode) {
        nodes = UnsafePointer(code.nodeStorage.base)
        constants = UnsafePointer(code.constantStorage.base)
        operands = UnsafePointer(code.operandStorage.base)
        recordFacts = UnsafePointer(code.recordFactStorage.base)
        constantLists = UnsafePointer(code.constantListStorage.base)
        constantElements = UnsafePointer(code.constantElementStorage.base)
    }

    /// The elements of the constant `index` where they lie, if it is a list (``ConstantList``).
    @inline(__always)
    private func constantList(_ index: Int32) -> UnsafeBufferPointer<Value>? {
        let list = constantLists[Int(index)]
        guard list.count >= 0 else { return nil }
        return UnsafeBufferPointer(start: constantElements + Int(list.start), count: Int(list.count))
    }

    /// Where the value of `node` lies, when it is read without being evaluated: a constant of the
    /// code, or a field of the measure. nil for any other node, and for a field the measure does
    /// not have (unknown, as ``value(at:)`` gives it). A value read where it lies is not copied:
    /// a copy counted a reference to its text or list, and its end released it.
    @inline(__always)
    private func place(of node: Int32) -> UnsafePointer<Value>? {
        switch nodes[Int(node)] {
        case .constant(let index): return constants + Int(index)
        case .measureField(let index):
            guard Int(index) < measureFields.count, let base = measureFields.baseAddress else { return nil }
            return base + Int(index)
        default: return nil
        }
    }

    /// Calls `body` with the value of `node` where it lies (``place(of:)``), or else evaluated
    /// into a local. Either stays put while `body` runs, whatever it evaluates.
    @inline(__always)
    private func withPlace<Result>(of node: Int32, _ body: (UnsafePointer<Value>) -> Result) -> Result {
        if let place = place(of: node) { return body(place) }
        return withUnsafePointer(to: value(at: node)) { body($0) }
    }

    /// The list of one household member, `[person(index)]`.
    private func personList(_ index: Int) -> Value {
        while personLists.count <= index { personLists.append(.list([.person(personLists.count)])) }
        return personLists[index]
    }

    /// Evaluates a condition to true, false or nil (unknown).
    func truth(_ expression: CodeRef) -> Bool? {
        truth(at: expression.index)
    }

    func value(of expression: CodeRef) -> Value {
        value(at: expression.index)
    }

    /// The conditions (`not`, `and`, `or`, comparisons, `in`, `intersects`, quantifiers and
    /// absence tests) are evaluated here to a plain true, false or nil: made a ``Value`` at
    /// each level and taken apart again by the level above, every gate and condition of a rule
    /// went through the value's copy and destruction. Any other node is a value that may be a flag.
    private func truth(at node: Int32) -> Bool? {
        switch nodes[Int(node)] {
        case .not(let inner):
            guard let flag = truth(at: inner) else { return nil }
            return !flag
        case .and(let left, let right): return junction(left, right, settledBy: false)
        case .or(let left, let right): return junction(left, right, settledBy: true)
        // A constant operand (a code, a list of codes: the usual right side) is compared where it
        // lies in the code, a list's elements where ``ExpressionCode`` lays them out: a copy
        // counted a reference to its text or list, and released it.
        // A measure's field (`measure.instrument = "vog"`) is read where it lies too (``place(of:)``).
        case .compare(let comparison, let left, let right):
            return withPlace(of: left) { l in withPlace(of: right) { r in compare(comparison, l, r) } }
        case .member(let element, let list):
            let e = value(at: element)
            guard !e.isUnknown else { return nil }
            if case .constant(let index) = nodes[Int(list)] { return constantList(index).map { Self.contains($0, e) } }
            return withPlace(of: list) { Self.membership(e, in: $0) }
        case .intersects(let left, let right):
            if case .constant(let index) = nodes[Int(right)] { return Self.intersection(value(at: left), constantList(index)) }
            let l = value(at: left)
            return withPlace(of: right) { r in
                guard case .list(let elements) = r.pointee else { return nil }
                return elements.withUnsafeBufferPointer { Self.intersection(l, $0) }
            }
        case .isAbsent(let inner, let negated):
            // Testing for absence finds nothing missing: the paths it noted are dropped.
            let mark = missing.count
            let absent = value(at: inner).isUnknown
            dropMissing(after: mark)
            return absent != negated
        case .quantifier(let all, let slot, let list, let body):
            guard let elements = value(at: list).listElements else { return nil }
            var sawUnknown = false
            for element in elements {
                bind(Int(slot), element)
                switch truth(at: body) {
                case .some(let flag) where flag != all: return !all
                case .none: sawUnknown = true
                default: break
                }
            }
            return sawUnknown ? nil : all
        default:
            if case .bool(let flag) = value(at: node) { return flag }
            return nil
        }
    }

    /// `and` (settled by false) and `or` (settled by true), three-valued: either side that is
    /// `settling` settles it, left first (the right is not evaluated then); both the other way
    /// give the other value; anything else is unknown.
    @inline(__always)
    private func junction(_ left: Int32, _ right: Int32, settledBy settling: Bool) -> Bool? {
        let l = truth(at: left)
        if l == settling { return settling }
        let r = truth(at: right)
        if r == settling { return settling }
        return l == !settling && r == !settling ? !settling : nil
    }

    /// Recursive, one call per level of the code: the compiler bounds every expression, with its
    /// inlined definitions and facts, at ``Parser/maximumNesting`` levels, so the stack stays small.
    private func value(at node: Int32) -> Value {
        switch nodes[Int(node)] {
        case .constant(let index): return constants[Int(index)]
        case .local(let slot): return Int(slot) < slots.count && slotStamps[Int(slot)] == slotStamp ? slots[Int(slot)] : .unknown
        case .context(let fact): return context(fact)
        case .person(let base, let fact):
            guard case .person(let index) = value(at: base) else { return .unknown }
            return personFact(index, fact)
        case .record(let base, let fact):
            guard case .record(let person, let index) = value(at: base),
                let record = application?.pointee.household[person].screening?.policeRecords?[index]
            else { return .unknown }
            return fact == .behaviour ? .text(record.behaviour) : .date(record.date)
        case .woonverklaring(let fact): return woonverklaringFact(fact)
        case .dwelling(let fact): return dwellingFact(fact)
        case .designation(let fact): return designationFact(fact)
        case .request(let fact): return requestFact(fact)
        case .designationRecord(let base, let fact):
            guard case .designation(let index) = value(at: base) else { return .unknown }
            return designationRecordFact(index, recordFacts[Int(fact)])
        case .measureField:
            return place(of: node)?.pointee ?? .unknown
        case .not, .and, .or, .compare, .member, .intersects, .isAbsent, .quantifier:
            guard let flag = truth(at: node) else { return .unknown }
            return .bool(flag)
        case .add(let left, let right): return arithmetic(value(at: left), value(at: right), sign: 1)
        case .subtract(let left, let right): return arithmetic(value(at: left), value(at: right), sign: -1)
        case .conditional(let condition, let yes, let no):
            guard let flag = truth(at: condition) else { return .unknown }
            return value(at: flag ? yes : no)
        case .filter(let slot, let list, let condition):
            guard let elements = value(at: list).listElements,
                let kept = Self.kept(
                    elements,
                    { i in
                        bind(Int(slot), elements[i])
                        return truth(at: condition)
                    })
            else { return .unknown }
            return .list(kept)
        case .list(let first, let count):
            var values: [Value] = []
            for i in Int(first)..<Int(first + count) {
                let v = value(at: operands[i])
                if v.isUnknown { return .unknown }
                // A person where the rules ask for a list (`for each p in applicant`) is a list
                // of one, the same for every application: kept, not made (an allocation at every
                // rule); room for the others is made once the first is known not to be that.
                if count == 1, case .person(let index) = v { return personList(index) }
                if values.isEmpty { values.reserveCapacity(Int(count)) }
                values.append(v)
            }
            return .list(values)
        case .call(let builtin, let first, let count):
            // At most three arguments: evaluated into locals, no array per call.
            let start = Int(first)
            let values = Arguments(
                count > 0 ? value(at: operands[start]) : .unknown,
                count > 1 ? value(at: operands[start + 1]) : .unknown,
                count > 2 ? value(at: operands[start + 2]) : .unknown)
            return call(builtin, values)
        case .cached(let slot32, let inner):
            let slot = Int(slot32)
            if cache.holds(slot) {
                if !cache.notedNone(slot) { noteAgain(cache.notedPaths(slot)) }
                return cache.value(slot)
            }
            let (result, mark) = valueInOwnScope(inner)
            // Room is made for a rule's slots before it runs.
            if slot < cache.count {
                cache.store(slot, result)
                if mark < missing.count { cache.note(slot, missing[mark...]) }
            }
            endOwnScope(mark)
            return result
        case .shared(let slot32, let inner):
            let slot = Int(slot32)
            if shared.holds(slot) {
                if !shared.notedNone(slot) { noteAgain(shared.notedPaths(slot)) }
                return shared.value(slot)
            }
            let (result, mark) = valueInOwnScope(inner)
            // The law's numbers are many; room is made as they are met.
            shared.reserve(slot + 1)
            shared.store(slot, result)
            if mark < missing.count { shared.note(slot, missing[mark...]) }
            endOwnScope(mark)
            return result
        }
    }

    /// The elements `keep` holds for (given each one's index), in order; nil as soon as it gives
    /// nil (unknown). They are copied out only once one is dropped: a list kept whole is given
    /// back itself and one that keeps none is the empty list, so neither allocates (most filters
    /// of a decision keep every member of a household, or none; an intersection, its first list).
    @inline(__always)
    static func kept(_ elements: [Value], _ keep: (Int) -> Bool?) -> [Value]? {
        var kept: [Value]?
        for i in elements.indices {
            guard let holds = keep(i) else { return nil }
            if holds {
                kept?.append(elements[i])
            } else if kept == nil {
                kept = Array(elements[..<i])
            }
        }
        return kept ?? elements
    }

    /// The value of `inner`, with the paths it noted in a scope of their own at the end of
    /// ``missing``, from `mark` on: what a cache entry keeps, whatever was noted before. The
    /// caller stores them, then ends the scope (``endOwnScope(_:)``).
    private func valueInOwnScope(_ inner: Int32) -> (Value, mark: Int) {
        let outer = missingScope
        let mark = missing.count
        missingScope = mark
        let result = value(at: inner)
        missingScope = outer
        return (result, mark)
    }

    /// Of the paths a cached fact noted from `mark` on, those the enclosing scope had not
    /// noted stay noted.
    @inline(__always)
    private func endOwnScope(_ mark: Int) {
        if mark < missing.count { mergeMissing(from: mark) }
    }

    /// Notes again what a cached value noted when it was computed, as computing it again would.
    private func noteAgain(_ paths: ArraySlice<String>) {
        for path in paths where !isNoted(path) { missing.append(path) }
    }

    /// `+` and `-`: a date moved by a duration, integers, or (for `+`) two lists joined. Neither
    /// traps: integers and dates saturate at their bounds (``CalendarDate/yearRange``).
    private func arithmetic(_ left: Value, _ right: Value, sign: Int) -> Value {
        switch (left, right) {
        case (.date(let date), .duration(let period)):
            return .date(sign > 0 ? date.adding(period, monthEnd: monthEnd) : date.subtracting(period, monthEnd: monthEnd))
        case (.integer(let a), .integer(let b)):
            // Saturating: a sum past Int's range (rules may name any whole number) stays at the
            // bound instead of trapping in the middle of a decision.
            let (result, overflow) = sign > 0 ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
            guard overflow else { return .integer(result) }
            return .integer((sign > 0) == (b > 0) ? Int.max : Int.min)
        case (.list(let a), .list(let b)) where sign > 0: return .list(a + b)
        default: return .unknown
        }
    }

    func bind(_ slot: Int, _ value: Value) {
        while slots.count <= slot {
            slots.append(.unknown)
            slotStamps.append(0)
        }
        slots[slot] = value
        slotStamps[slot] = slotStamp
    }
}
