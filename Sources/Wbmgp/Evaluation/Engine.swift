/// Decides applications under a compiled law and a set of designations.
///
/// ```swift
/// let engine = Engine(law: law, designations: designations)
/// let decision = try engine.decide(application)
/// ```
public struct Engine: Sendable {
    public let law: CompiledLaw
    public let designations: [Designation]
    /// The designations by compared municipality name, each list in ``designations`` order: a
    /// dwelling is only ever covered by designations of its own municipality. Each list comes
    /// with the sets a dwelling is usually covered by (``MunicipalityDesignations``).
    private let designationsByMunicipality: FoldedNameTable<MunicipalityDesignations>
    /// The designations in words, for reason texts.
    let designationWords: DesignationWords
    /// Whether a word a text can take from the rules or the designations (a label, a
    /// designation's words) holds a byte JSON escapes: checked once here, so a reason text is
    /// known clean or not when rendered (``TextEscaping``).
    let ruleWordsNeedEscaping: Bool

    public init(law: CompiledLaw, designations: [Designation]) {
        self.law = law
        self.designations = designations.sorted { $0.id < $1.id }
        let measureNames = law.measureNames
        designationsByMunicipality = FoldedNameTable(
            Dictionary(grouping: self.designations) { $0.areaKey.municipality }.map {
                (name: $0.key, element: MunicipalityDesignations($0.value, measureNames: measureNames))
            })
        designationWords = DesignationWords(self.designations, labels: law.labels)
        ruleWordsNeedEscaping = designationWords.needEscaping || self.designations.contains(where: \.textsNeedEscaping)
            || law.labels.domains.values.contains { $0.values.contains(where: \.needsEscaping) }
            || law.labels.anyDomain.allLabels.contains(where: \.needsEscaping)
    }

    /// The law date (interface §3): the override, else the decision date, else the application date.
    public static func lawDate(of application: Application, override: CalendarDate? = nil) -> CalendarDate {
        override ?? application.decisionDate ?? application.applicationDate
    }

    /// The designations in force on `date` whose areas and categories cover the dwelling.
    public func covering(_ dwelling: Dwelling, on date: CalendarDate) -> [Designation] {
        covering(AreaMatcher.DwellingKey(dwelling), on: date).designations
    }

    /// The designations in force on `date` that might cover the dwelling, but cannot be shown to
    /// without a fact of its address it leaves out, and the JSON paths of those facts
    /// (``UndeterminedCover``); both empty when the facts given decide every designation.
    public func undetermined(_ dwelling: Dwelling, on date: CalendarDate) -> (designations: [Designation], missingFacts: [String]) {
        let key = AreaMatcher.DwellingKey(dwelling)
        guard let open = designationsByMunicipality[key.municipality]?.undetermined(key, on: date) else { return ([], []) }
        return (open.designations, open.facts.paths)
    }

    /// The designations in force on `date` that cover the dwelling of `key` (``CoveringSet``).
    func covering(_ key: AreaMatcher.DwellingKey, on date: CalendarDate) -> CoveringSet {
        designationsByMunicipality[key.municipality]?.covering(key, on: date) ?? CoveringSet.none
    }

    /// Decides one application.
    ///
    /// - Throws: ``InputError`` `E-LAW-DATE` when no law is in force on the law date, and
    ///   `E-DESIGNATION-CONFLICT` when two covering designations carry the same measure. A refusal
    ///   is a decision, never thrown.
    /// - Complexity: O(rules × household) plus a linear scan of the designations; with
    ///   `counterfactuals`, once more per candidate date of a refused or incomplete decision.
    ///
    /// - Parameters:
    ///   - peopleByName: texts name people by their `name` where given (text output and
    ///     letters); JSON decisions never do (interface §4).
    ///   - counterfactuals: find "from when" for each ground (interface §11); the decision's
    ///     ``Decision/counterfactuals`` is then non-nil.
    public func decide(_ application: Application, lawDate override: CalendarDate? = nil, peopleByName: Bool = false, counterfactuals: Bool = false) throws(InputError) -> Decision {
        try decide(application, lawDate: override, peopleByName: peopleByName, counterfactuals: counterfactuals, reasonsInto: [])
    }

    /// ``decide(_:lawDate:peopleByName:counterfactuals:)`` with the decision's reasons written into
    /// `reasons`, an empty array whose room a batch worker keeps (``LineSpares``).
    func decide(_ application: Application, lawDate override: CalendarDate? = nil, peopleByName: Bool = false, counterfactuals: Bool = false, reasonsInto reasons: consuming [Reason]) throws(InputError) -> Decision {
        var given: [Reason]? = consume reasons
        // The key made from the application as a value: from a pointer its dwelling was copied.
        let dwelling = AreaMatcher.DwellingKey(application.dwelling)
        return try withUnsafePointer(to: application) { (lent) throws(InputError) in
            try decide(
                lent: lent, dwelling: dwelling, lawDate: override, peopleByName: peopleByName, counterfactuals: counterfactuals,
                reasonsInto: given.take() ?? [])
        }
    }

    /// ``decide(_:lawDate:peopleByName:counterfactuals:reasonsInto:)`` for an application lent
    /// where it lies for the decision (a batch line read ahead, ``ReadAhead``): passed on as a
    /// value from there, it was copied, a reference counted for each of its strings and arrays.
    ///
    /// - Parameter dwelling: the key of the application's dwelling, made where the application
    ///   is a value (or where it was read).
    func decide(
        lent application: UnsafePointer<Application>, dwelling: borrowing AreaMatcher.DwellingKey, lawDate override: CalendarDate? = nil, peopleByName: Bool = false,
        counterfactuals: Bool = false, reasonsInto reasons: consuming [Reason]
    ) throws(InputError) -> Decision {
        // Bound with `let`, the decision is moved out; a `var` was copied out and then destroyed.
        let (decided, grounds) = try evaluate(
            lent: application, lawDate: override, peopleByName: peopleByName, notingGrounds: counterfactuals, dwelling: dwelling, reasonsInto: consume reasons)
        guard counterfactuals else { return decided }
        var decision = decided
        let needed = decision.outcome == .refused || decision.outcome == .incomplete
        decision.counterfactuals = needed ? CounterfactualSearch(engine: self, application: application.pointee, peopleByName: peopleByName).counterfactuals(for: grounds) : []
        return decision
    }

    /// One application decided for counting (`impact`, the counterfactual search): outcome and
    /// designations as ``decide(_:lawDate:peopleByName:counterfactuals:)`` gives them, but of
    /// the reasons only the grounds (a refusal met, lifted or not; a refusal or conditions rule
    /// left undecided), each with rule, citation, person, result and lift, and no facts, no texts
    /// and no missing facts, so nothing is rendered and no path is made. The rules that can only
    /// give a priority, a defect or a screening scope are not applied (only whether they reach
    /// the application is asked), so those, and the police records they use, are left out too.
    public func decideForCounting(_ application: Application) throws(InputError) -> Decision {
        var none: [Reason] = []
        return try decideForCounting(application, dwelling: AreaMatcher.DwellingKey(application.dwelling), recycling: &none)
    }

    /// ``decideForCounting(_:)`` for a caller that counts many: `spare` is the reasons of its
    /// decision before (``Decision/reasons``), emptied here and given to this decision, so that
    /// no decision allocates a list of its own (with its freeing, about 100 instructions of
    /// 9,000). It is left empty; when another decision still shares it, this one gets a list of
    /// its own.
    public func decideForCounting(_ application: Application, recycling spare: inout [Reason]) throws(InputError) -> Decision {
        try decideForCounting(application, dwelling: AreaMatcher.DwellingKey(application.dwelling), recycling: &spare)
    }

    /// ``decideForCounting(_:)`` as if `open`, designations the dwelling's address leaves open
    /// on its law date (``undetermined(_:on:)``), covered it too: nil when no such decision can
    /// be made (one of them carries a measure a covering one carries, or no law is in force).
    /// The counterfactual search asks both ways.
    func decideForCounting(_ application: Application, asIfCovered open: [Designation]) -> Decision? {
        let lawDate = Engine.lawDate(of: application)
        guard let period = law.period(on: lawDate), let version = law.lawVersion(on: lawDate),
            let assumed = covering(covering(application.dwelling, on: lawDate), andAlso: open)
        else { return nil }
        return withUnsafePointer(to: application) { lent in
            run(lent, lawDate: lawDate, period: period, version: version, covering: assumed, undetermined: nil, peopleByName: false, notingGrounds: false, texts: false, reasonsInto: []).0
        }
    }

    /// The set of `covering` and `open` together, as if the open ones covered the dwelling too;
    /// nil when two of them carry one measure (a designation conflict).
    private func covering(_ covering: [Designation], andAlso open: [Designation]) -> CoveringSet? {
        let assumed = CoveringSet(covering + open, measureNames: law.measureNames)
        return assumed.conflict == nil ? assumed : nil
    }

    /// The same, with the dwelling's address already in compared form: `impact` decides each
    /// application under two rule sets and normalises the address once for both.
    func decideForCounting(_ application: Application, dwelling: AreaMatcher.DwellingKey, recycling spare: inout [Reason]) throws(InputError) -> Decision {
        spare.removeAll(keepingCapacity: true)
        return try evaluate(application, lawDate: nil, peopleByName: false, notingGrounds: false, texts: false, dwelling: dwelling, reasonsInto: spare.takeAll()).0
    }

    /// One decision, with its grounds noted for a counterfactual search when `notingGrounds`.
    func evaluate(
        _ application: Application, lawDate override: CalendarDate?, peopleByName: Bool, notingGrounds: Bool, texts: Bool = true,
        dwelling: AreaMatcher.DwellingKey? = nil, reasonsInto given: consuming [Reason] = []
    ) throws(InputError) -> (Decision, [GroundNote]) {
        // Without a key from the caller, made here from the application as a value and passed
        // back in: the caller's key is read where it lies (`dwelling ?? key` copied it, counting
        // each name).
        guard let dwelling else {
            return try evaluate(
                application, lawDate: override, peopleByName: peopleByName, notingGrounds: notingGrounds, texts: texts,
                dwelling: AreaMatcher.DwellingKey(application.dwelling), reasonsInto: consume given)
        }
        var reasons: [Reason]? = consume given
        return try withUnsafePointer(to: application) { (lent) throws(InputError) in
            try evaluate(
                lent: lent, lawDate: override, peopleByName: peopleByName, notingGrounds: notingGrounds, texts: texts, dwelling: dwelling,
                reasonsInto: reasons.take() ?? [])
        }
    }

    /// ``evaluate(_:lawDate:peopleByName:notingGrounds:texts:dwelling:reasonsInto:)`` of an
    /// application lent where it lies: the run reads it there, and it must stay there until this
    /// returns. Its dwelling's key is made by the caller (from a pointer, the dwelling was copied).
    func evaluate(
        lent application: UnsafePointer<Application>, lawDate override: CalendarDate?, peopleByName: Bool, notingGrounds: Bool, texts: Bool = true,
        dwelling: borrowing AreaMatcher.DwellingKey, reasonsInto given: consuming [Reason] = []
    ) throws(InputError) -> (Decision, [GroundNote]) {
        let lawDate = Engine.lawDate(of: application.pointee, override: override)
        guard let period = law.period(on: lawDate), let version = law.lawVersion(on: lawDate) else {
            throw InputError(
                code: "E-LAW-DATE", path: override == nil ? (application.pointee.decisionDate == nil ? "$.applicationDate" : "$.decisionDate") : "$",
                message: "no version of the law is in force on the law date \(lawDate); the rules start on \(law.versions.first?.description ?? "?")",
                applicationId: application.pointee.id)
        }
        let covering = self.covering(dwelling, on: lawDate)
        if let conflict = covering.conflict {
            throw InputError(
                code: "E-DESIGNATION-CONFLICT", path: "$.dwelling",
                message: "designations '\(conflict.earlier)' and '\(conflict.later)' both carry measure \(conflict.measure) for this dwelling on the law date; the conflict must be resolved in the designation files",
                applicationId: application.pointee.id)
        }
        // Only a dwelling that leaves a fact of its address out can leave the lookup open.
        guard !dwelling.absent.isEmpty, let open = designationsByMunicipality[dwelling.municipality]?.undetermined(dwelling, on: lawDate) else {
            return run(
                application, lawDate: lawDate, period: period, version: version, covering: covering, undetermined: nil, peopleByName: peopleByName,
                notingGrounds: notingGrounds, texts: texts, reasonsInto: consume given)
        }
        // Whether the facts left out matter: decided as if the open designations covered the
        // dwelling too, and as if none did. Where both are final and say the same (outcome,
        // conditions, priority, the refusal grounds and the defects: a joining application no
        // measure of theirs reaches, a priority the applicant has no characteristic for), the
        // absent fact decides nothing (interface §3: a fact is missing only where a rule needs
        // it), and the decision without them stands, its lookup naming what it could not tell.
        // Otherwise the lookup is open and the decision incomplete (unless a refusal stands).
        // An incomplete decision always asks for the address too: asked later, the applicant
        // would be asked again, and a police request the open designation needs left out.
        // Compared with their texts, whatever the caller asked for: a decision made only for
        // counting skips the rules that can only give a priority.
        let decided = run(
            application, lawDate: lawDate, period: period, version: version, covering: covering, undetermined: UndeterminedCover(open, matters: false),
            peopleByName: peopleByName, notingGrounds: notingGrounds, texts: true, reasonsInto: consume given)
        var matters = true
        var asIfCovered: Decision?
        if let assumed = self.covering(covering.designations, andAlso: open.designations) {
            let (other, _) = run(
                application, lawDate: lawDate, period: period, version: version, covering: assumed, undetermined: nil, peopleByName: peopleByName,
                notingGrounds: false, texts: true, reasonsInto: [])
            matters = decided.0.outcome == .incomplete || !Engine.sayTheSame(other, decided.0)
            asIfCovered = other
        }
        if !matters, texts {
            guard let asIfCovered else { return decided }
            var (decision, notes) = decided
            decision.reasons = Engine.reasons(decision.reasons, withUnknownsOf: asIfCovered.reasons)
            return (decision, notes)
        }
        return run(
            application, lawDate: lawDate, period: period, version: version, covering: covering, undetermined: UndeterminedCover(open, matters: matters),
            peopleByName: peopleByName, notingGrounds: notingGrounds, texts: texts, reasonsInto: [])
    }

    /// `reasons` with the priority reasons of `asIfCovered` that could not be decided (`unknown`)
    /// and have no reason of their rule and person in `reasons`, each after the reason it follows
    /// there. Where an open designation changes nothing the decision says, the priority it would
    /// leave open is still said: a priority under a measure of it that unknown characteristics
    /// leave open (the second review's N3) was lost with the run that found it. Only a
    /// priority: a refusing rule left unknown by a designation that changes nothing (a refusal
    /// stands on another ground either way) would read as a fact still missing, under a
    /// designation the decision does not list.
    static func reasons(_ reasons: [Reason], withUnknownsOf asIfCovered: [Reason]) -> [Reason] {
        func sameRule(_ a: Reason, _ b: Reason) -> Bool { a.rule == b.rule && a.person == b.person }
        var merged = reasons
        // Where the next reason not in `merged` goes: after the last one found there.
        var next = 0
        for reason in asIfCovered {
            if let found = merged.firstIndex(where: { sameRule($0, reason) }) {
                next = found + 1
            } else if reason.result == .unknown, reason.effect == CompiledEffect.priorityName {
                merged.insert(reason, at: next)
                next += 1
            }
        }
        return merged
    }

    /// Whether two decisions of one application say the same to the applicant: outcome,
    /// conditions, priority, the refusal grounds that stand and the defects.
    static func sayTheSame(_ a: Decision, _ b: Decision) -> Bool {
        func grounds(_ d: Decision) -> [String] { d.standingGrounds.map { $0.rule + "@" + ($0.person ?? "") } }
        return a.outcome == b.outcome && a.conditions == b.conditions && a.priority == b.priority && grounds(a) == grounds(b)
            && a.defects.map(\.code) == b.defects.map(\.code)
    }

    /// One run of the rules over `application` under `covering` (the body of
    /// ``evaluate(lent:lawDate:peopleByName:notingGrounds:texts:dwelling:reasonsInto:)``).
    private func run(
        _ application: UnsafePointer<Application>, lawDate: CalendarDate, period: Int, version: CalendarDate, covering: CoveringSet, undetermined: UndeterminedCover?,
        peopleByName: Bool, notingGrounds: Bool, texts: Bool, reasonsInto given: consuming [Reason]
    ) -> (Decision, [GroundNote]) {
        // The run reads the application where it lies, lent for the run only: the scratch lets go
        // of it (`finish`) before this returns.
        let scratch = DecisionScratch.take()
        defer { scratch.finish() }
        let run = scratch.run
        run.begin(
            application: application, lawDate: lawDate, covering: covering, undetermined: undetermined, monthEnd: law.monthEnd, labels: law.labels,
            designationWords: designationWords, peopleByName: peopleByName, ruleWordsNeedEscaping: ruleWordsNeedEscaping,
            writesWords: texts || notingGrounds)
        if notingGrounds { run.grounds = [] }
        run.rendersTexts = texts
        // The missing facts are written in a decision with texts and searched by the grounds.
        run.evaluator.notesMissing = texts || notingGrounds
        // A counted decision keeps few reasons (``DecisionRun/isCounted(_:_:)``): no room made for all.
        // Moved into the run, not copied: a copy would share the room, and the first append would
        // make new room after all.
        run.reasons = consume given
        if texts { run.reasons.reserveCapacity(law.snapshots[period].rules.count + application.pointee.household.count) }
        run.evaluator.reserveSlots(law.snapshots[period].maximumSlotCount)
        // Each rule lent by the snapshot, which the law (held by this engine) keeps alive; the
        // list gone through where it lies (iterated as an array, it was counted and released).
        law.snapshots[period].lentRules.withUnsafeBufferPointer { rules in
            for lent in rules {
                lent._withUnsafeGuaranteedRef { rule in
                    // Only a rule dated by an act can change version; the others are applied as they
                    // are (passed through `version(of:in:)`, each was returned, and counted, once more).
                    if rule.datedBy == nil { run.apply(rule) } else { run.apply(run.version(of: rule, in: law)) }
                }
            }
        }
        return (run.decision(lawVersion: version), run.grounds ?? [])
    }

    /// The designations of the dwelling's municipality whose areas and categories cover it on
    /// any date, or might where its address leaves a fact out (``AreaMatcher/undecidedFacts(_:_:)``):
    /// the terms a counterfactual search looks across.
    func coveringOnAnyDate(_ dwelling: Dwelling) -> [Designation] {
        guard let candidates = designationsByMunicipality[FoldedName(dwelling.municipality)] else { return [] }
        let key = AreaMatcher.DwellingKey(dwelling)
        return candidates.designations.filter { AreaMatcher.coversWithinMunicipality($0, key) || !AreaMatcher.undecidedFacts($0, key).isEmpty }
    }
}
