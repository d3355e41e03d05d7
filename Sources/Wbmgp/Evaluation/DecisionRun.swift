/// The state of deciding one application: rules are applied in order, reasons collected, and the
/// outcome combined at the end (legal spec A6).
struct DecisionRun {
    /// The application, lent by the caller for the run (``Engine``): its fields are read where
    /// they lie. Each field copied here counted a reference, and released it at the end.
    let application: UnsafePointer<Application>
    let lawDate: CalendarDate
    /// The covering designations, with their ids (``CoveringSet``).
    let coveringSet: CoveringSet
    var covering: [Designation] { coveringSet.designations }
    let evaluator: ExpressionEvaluator
    var reasons: [Reason] = []
    var lookupRule: (index: Int, rule: CompiledRule)?
    var reached = false
    var unliftedRefusal = false
    var blockingUnknown = false
    var conditions: [String] = []
    var priority: Priority?
    var defects: [Defect] = []
    var missingFacts: [String] = []
    var scope: [ScreeningRequest] = []
    /// Whether the evaluator's designation and measure are set (``prepare(_:)``): for
    /// ``preparedMeasure``, carried by a covering designation or not. Rules of one measure
    /// follow each other, so most rules find them set already. Three plain fields, not an
    /// optional pair: that was compared and stored through the runtime's generic code.
    var isPrepared = false
    /// The prepared measure's number (``CompiledRule/measureNumber``; -1 for none): compared as
    /// a number at every rule, where names were compared as strings.
    var preparedMeasure = -1
    var preparedCarried = false
    /// Police records some rule relied on; few, so a list kept free of duplicates.
    var usedRecords: [RecordReference] = []
    /// Whether reasons get their facts and texts; a decision that is only counted (`impact`)
    /// needs rule, person, result and lift, nothing a person reads.
    var rendersTexts = true
    /// The grounds met so far, when a counterfactual search will need them (nil otherwise).
    var grounds: [GroundNote]?
    /// The thread's reused evaluator and text arena (``DecisionScratch``).
    let scratch: DecisionScratch
    /// Where this decision's reasons are rendered (``textArena()``); nil until the first.
    var arena: TextArena?
    /// Whether the rules' or the designations' words may need escaping in JSON
    /// (``Engine/ruleWordsNeedEscaping``); when they may, no text is known clean.
    let ruleWordsNeedEscaping: Bool
    /// How values read in texts (labels, people); its language and designation set per text.
    var textContext: TextContext

    /// - Parameters:
    ///   - application: lent for the run; it must stay where it lies until the run ends.
    ///   - writesWords: whether the run renders any text (reasons' texts, or grounds' wordings).
    ///     A run that writes none gets a text context without the household, the designations
    ///     and the words: each was counted at the start of every counted decision and released
    ///     at its end.
    init(
        application: UnsafePointer<Application>, lawDate: CalendarDate, covering set: CoveringSet, monthEnd: MonthEndRule, labels: TextLabels, scratch: DecisionScratch,
        designationWords: DesignationWords? = nil, peopleByName: Bool = false, ruleWordsNeedEscaping: Bool = true, writesWords: Bool = true
    ) {
        self.application = application
        self.lawDate = lawDate
        coveringSet = set
        self.textContext = TextContext(
            language: .nl, labels: labels, household: writesWords ? application.pointee.household : nil, designations: writesWords ? set.designations : [],
            designation: nil, peopleByName: peopleByName, designationWords: writesWords ? designationWords : nil,
            escapeNote: writesWords ? scratch.escapeNote : nil, listWords: writesWords ? scratch.listWords : nil)
        self.scratch = scratch
        self.ruleWordsNeedEscaping = ruleWordsNeedEscaping
        evaluator = scratch.evaluator
        evaluator.begin(application, lawDate: lawDate, designations: set.idsValue, monthEnd: monthEnd)
    }

    /// The version of `rule` that decides. By default the law date's; a rule `dated by` the date
    /// of an act (a woonverklaring's, say: tempus regit actum) takes the version in force on that
    /// date, with that date's parameters. When the date is unknown, or no version is in force on
    /// it, the law date's version stands.
    mutating func version(of rule: CompiledRule, in law: CompiledLaw) -> CompiledRule {
        guard let datedBy = rule.datedBy, prepare(rule) else { return rule }
        // Reading the date decides nothing: what it found missing is not a missing fact.
        let noted = evaluator.missing.count
        defer { evaluator.dropMissing(after: noted) }
        guard case .date(let date) = evaluator.value(of: datedBy), let period = law.period(on: date) else { return rule }
        // Usually the act's date falls in a period that shares this version (the compiler makes
        // one version for all periods that agree): found by identity before ids are compared.
        if law.snapshots[period].rules.contains(where: { $0 === rule }) { return rule }
        return law.snapshots[period].rules.first(where: { $0.id == rule.id }) ?? rule
    }

    /// Loads `rule` into the evaluator with the designation and measure it is under; false when no
    /// covering designation carries that measure.
    mutating func prepare(_ rule: CompiledRule) -> Bool {
        evaluator.load(rule.program)
        if !isPrepared || preparedMeasure != rule.measureNumber {
            var designation: Designation?
            var values: [Value]?
            preparedCarried = true
            if rule.measure != nil {
                // The first covering designation that carries the measure (``CoveringSet/carriers``).
                if let carrier = coveringSet.carrier(ofMeasure: rule.measureNumber) {
                    designation = coveringSet.carriers[carrier].designation
                    values = coveringSet.carriers[carrier].setting.values
                } else {
                    preparedCarried = false
                }
            }
            // The designation is set only when it changes: one designation usually carries
            // the measures of consecutive rules, and each store counted and released it.
            if evaluator.designation !== designation { evaluator.designation = designation }
            evaluator.measureValues = values
            isPrepared = true
            preparedMeasure = rule.measureNumber
        }
        guard preparedCarried else { return false }
        evaluator.resetSlots(rule.slotCount)
        return true
    }

    mutating func apply(_ rule: CompiledRule) {
        if rule.isLookup {
            lookupRule = (reasons.count, rule)
            return
        }
        // Counting needs of a priority, defect or screening rule (``CompiledEffect/decidesOutcome``)
        // only whether it reaches the application (an application reached by no rule is
        // not-applicable, legal spec A6); once one has, such rules are passed over.
        let onlyReach = !rendersTexts && !rule.decidesOutcome
        if onlyReach, reached { return }
        guard prepare(rule) else { return }
        for gate in rule.gates where evaluator.truth(gate) != true { return }
        guard let subject = rule.subject else {
            if onlyReach {
                reached = true
                return
            }
            evaluator.resetCache(rule.slotCount)
            evaluate(rule, person: nil)
            return
        }
        guard let persons = evaluator.value(of: subject).listElements else { return }
        if onlyReach {
            if !persons.isEmpty { reached = true }
            return
        }
        for person in persons {
            evaluator.bind(0, person)
            // Facts are cached per rule and person.
            evaluator.resetCache(rule.slotCount)
            evaluate(rule, person: person)
        }
    }

    mutating func evaluate(_ rule: CompiledRule, person: Value?) {
        reached = true
        guard let condition = rule.condition else { return }
        for list in rule.uses {
            for case .record(let person, let index) in evaluator.value(of: list).listElements ?? [] {
                let reference = RecordReference(person: person, index: index)
                if !usedRecords.contains(reference) { usedRecords.append(reference) }
            }
        }
        evaluator.clearMissing()
        let truth = evaluator.truth(condition)
        let result: RuleResult = truth.map { $0 ? .applied : .passed } ?? .unknown
        // What the condition found missing: the paths noted before the reason is made (its facts
        // and texts may note more). Counted, not copied: a copy would keep the list shared, and
        // the next note would copy it.
        let missingCount = evaluator.missing.count
        var personId: String?
        if case .person(let index) = person { personId = application.pointee.household[index].id }
        // Whether a hardship decision lifts the refusal. A flag, not the `Lift?` itself: that
        // optional was destroyed at every rule through the runtime's generic code for optionals.
        var isLifted = false
        // A counted decision keeps only the reasons its readers look at (``isCounted``). The
        // reason goes into the list at once and is completed there: held in an optional until the
        // end of the rule, it was copied into it and out again, made or not (about 60
        // instructions a rule).
        let keepsReason = rendersTexts || Self.isCounted(rule.effect, result)
        if keepsReason { reasons.append(makeReason(rule, result: result, personId: personId)) }
        switch (rule.effect, result) {
        case (.refuse, .applied):
            if let lifted = lift(for: rule) {
                isLifted = true
                if keepsReason { reasons[reasons.count - 1].lifted = lifted }
            } else {
                unliftedRefusal = true
            }
        case (.refuse, .unknown), (.conditions, .unknown):
            blockingUnknown = true
            for path in evaluator.missing[..<missingCount] where !missingFacts.contains(path) { missingFacts.append(path) }
        case (.conditions(let list, _), .applied):
            for case .text(let text) in evaluator.value(of: list).listElements ?? [] where !conditions.contains(text) {
                conditions.append(text)
            }
        case (.priority(let list, _), .applied):
            var flags = PriorityFlags()
            for flag in rule.flags {
                if case .bool(let value) = evaluator.value(of: flag.value) { flags[flag.name] = value }
            }
            let characteristics = (evaluator.value(of: list).listElements ?? []).compactMap { if case .text(let t) = $0 { t } else { nil } }
            priority = Priority(citation: rule.citation, flagsCitation: rule.flagsCitation, characteristics: characteristics, flags: flags)
        case (.defect(let code, _), .applied):
            defects.append(
                Defect(
                    code: code, citation: rule.citation, person: personId, nl: keepsReason ? reasons[reasons.count - 1].nl : "",
                    en: keepsReason ? reasons[reasons.count - 1].en : ""))
        case (.screen(let from, let until, let behaviours, _), .applied):
            if case .date(let start) = evaluator.value(of: from), case .date(let end) = evaluator.value(of: until), let person = personId {
                let codes = (evaluator.value(of: behaviours).listElements ?? []).compactMap { if case .text(let t) = $0 { t } else { nil } }
                scope.append(ScreeningRequest(person: person, from: start, until: end, behaviours: codes))
            }
        default: break
        }
        if grounds != nil, GroundNote.isGround(rule.effect, result, lifted: isLifted) {
            let note = noteGround(rule, result: result, person: person, missing: Array(evaluator.missing[..<missingCount]))
            grounds?.append(note)
        }
    }

    /// The reasons a decision made for counting keeps (``Engine/decideForCounting(_:)``): the
    /// grounds (``GroundNote/isGround(_:_:lifted:)``) whether lifted or not. `impact` counts the
    /// refusals met, the counterfactual search looks for all; the other reasons (rules passed,
    /// priorities, defects, the lookup) would only be made to be thrown away.
    static func isCounted(_ effect: CompiledEffect, _ result: RuleResult) -> Bool {
        GroundNote.isGround(effect, result, lifted: false)
    }

    /// A ground as the counterfactual search needs it, with the rule's `would lift` texts
    /// rendered now, while the rule's facts for this person are at hand.
    mutating func noteGround(_ rule: CompiledRule, result: RuleResult, person: Value?, missing: [String]) -> GroundNote {
        var wouldLift: [Counterfactual.Wording] = []
        for text in rule.wouldLift where text.result == result && (text.guardExpression.map { evaluator.truth($0) == true } ?? true) {
            wouldLift.append(Counterfactual.Wording(nl: render(text.nl, .nl), en: render(text.en, .en)))
        }
        var index: Int?
        if case .person(let i) = person { index = i }
        return GroundNote(rule: rule, personIndex: index, person: index.map { application.pointee.household[$0].id }, result: result, missing: missing, wouldLift: wouldLift)
    }

    /// The first granted hardship decision whose article is one this rule names as lifting it.
    func lift(for rule: CompiledRule) -> Lift? {
        for lift in rule.lifts {
            let applicationDate = application.pointee.applicationDate, decisionDate = application.pointee.decisionDate
            if let decision = application.pointee.hardship.first(where: {
                $0.article == lift.code && $0.granted && HumanDecisionTiming($0.date, applicationDate: applicationDate, decisionDate: decisionDate) == .inTime
            }) {
                return Lift(by: decision.article, citation: lift.citation, date: decision.date, decidedBy: decision.decidedBy, reason: decision.reason)
            }
        }
        return nil
    }

    mutating func makeReason(_ rule: CompiledRule, result: RuleResult, personId: String?) -> Reason {
        guard rendersTexts else {
            return Reason(
                ruleVersion: rule.validFrom, words: rule.words, result: result, lifted: nil, person: personId,
                content: ReasonContent(nl: "", en: ""))
        }
        // Facts, then texts, written into the arena as the output will hold them.
        let arena = textArena()
        let start = arena.bytes.buffer.count
        arena.bytes.byte(UInt8(ascii: "{"))
        var first = true
        // By index, each field read where it lies: a fact bound whole was copied, counting its name.
        for i in rule.facts.indices {
            if let condition = rule.facts[i].shownWhen, evaluator.truth(condition) != true { continue }
            if !first { arena.bytes.byte(UInt8(ascii: ",")) }
            first = false
            arena.bytes.buffer.append(rule.facts[i].member)
            ValueRendering.appendJSON(evaluator.value(of: rule.facts[i].value), in: textContext.household, to: &arena.bytes)
        }
        arena.bytes.byte(UInt8(ascii: "}"))
        let textStart = arena.bytes.buffer.count
        // Known clean when no word came from elsewhere than checked rules and designations.
        var clean = !ruleWordsNeedEscaping
        var middle = textStart
        if let chosen = reasonIndex(rule.reasons, result: result) {
            render(rule.reasons[chosen].nl, .nl, into: arena, clean: &clean)
            middle = arena.bytes.buffer.count
            render(rule.reasons[chosen].en, .en, into: arena, clean: &clean)
        }
        return Reason(
            ruleVersion: rule.validFrom, words: rule.words, result: result, lifted: nil, person: personId,
            content: ReasonContent(arena, start: start, textStart: textStart, middle: middle, end: arena.bytes.buffer.count),
            escaping: TextEscaping(needsNone: clean))
    }

    /// The first of `reasons` given for `result` whose guard holds. Found by index: a search
    /// yielding each reason would copy it, and a copy counts references to its two templates.
    private func reasonIndex(_ reasons: [CompiledReason], result: RuleResult) -> Int? {
        for i in reasons.indices where reasons[i].result == result {
            if let condition = reasons[i].guardExpression, evaluator.truth(condition) != true { continue }
            return i
        }
        return nil
    }

    /// The arena this decision's reasons are rendered into, taken from the scratch when
    /// the first is rendered.
    mutating func textArena() -> TextArena {
        if let arena { return arena }
        let taken = scratch.textArena()
        arena = taken
        return taken
    }

    /// The text of `template` as a `String` (a ground's `would lift` wording): rendered at the
    /// end of the arena, which is then cut back.
    mutating func render(_ template: Template, _ language: Language) -> String {
        let arena = textArena()
        let start = arena.bytes.buffer.count
        var clean = true
        render(template, language, into: arena, clean: &clean)
        defer { arena.bytes.buffer.truncate(to: start) }
        return arena.bytes.buffer.withUnsafeBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
    }

    /// Appends the text of `template` to `arena`; `clean` becomes false when it may hold a byte
    /// JSON escapes: a literal that does, or a word the engine did not check
    /// (``TextContext/escapeNote``).
    mutating func render(_ template: Template, _ language: Language, into arena: TextArena, clean: inout Bool) {
        textContext.language = language
        // Set at the first text: a decision only counted renders none, and holds no more.
        if textContext.designationIds == nil { textContext.designationIds = coveringSet.idsValue.listElements }
        // Set only when it changes: each assignment released the old value through the runtime's
        // generic code for optionals (about 80 instructions), twice a reason.
        if textContext.designation !== evaluator.designation { textContext.designation = evaluator.designation }
        scratch.escapeNote.found = template.literalsNeedEscaping
        template.appendText(evaluator, textContext, to: &arena.bytes.buffer)
        if scratch.escapeNote.found { clean = false }
    }

    mutating func decision(lawVersion: CalendarDate) -> Decision {
        let outcome: Decision.Outcome
        if covering.isEmpty || !reached {
            outcome = .notApplicable
        } else if unliftedRefusal {
            outcome = .refused
        } else if blockingUnknown {
            outcome = .incomplete
        } else {
            outcome = conditions.isEmpty ? .granted : .grantedWithConditions
        }
        // The lookup's reason is never counted (``isCounted``).
        if let (index, rule) = lookupRule, rendersTexts {
            evaluator.load(rule.program)
            evaluator.designation = covering.first
            evaluator.measureValues = nil
            isPrepared = false
            evaluator.resetSlots(rule.slotCount)
            let result: RuleResult = covering.isEmpty ? .passed : (reached ? .applied : .unreached)
            var reason = makeReason(rule, result: result, personId: nil)
            // The lookup found a designation even when no measure reached the application; only
            // the text differs, the interface's result stays `applied`.
            if result == .unreached { reason.result = .applied }
            // Appended and moved into its place: `insert(_:at:)` went through the array's
            // generic code for replacing a range (about 400 instructions a decision).
            reasons.append(consume reason)
            reasons.withUnsafeMutableBufferPointer { reasons in
                var at = reasons.count - 1
                while at > index {
                    reasons.swapAt(at - 1, at)
                    at -= 1
                }
            }
        }
        let isGrant = outcome == .granted || outcome == .grantedWithConditions
        // The run's lists are moved into the decision (``Array/takeAll()``): the run ends with
        // it, and a copy counted a reference to each list that the run's end released again.
        // Sorted in place, and only when there is an order to make: `sorted()` made a new
        // array, even of none (about 170 instructions a decision).
        if usedRecords.count > 1 { usedRecords.sort() }
        return Decision(
            application: application.pointee.id, applicationDate: application.pointee.applicationDate, decisionDate: application.pointee.decisionDate,
            role: application.pointee.role, outcome: outcome, lawDate: lawDate,
            lawVersion: lawVersion, designations: coveringSet.ids, conditions: isGrant ? conditions.takeAll() : [],
            priority: isGrant && !(priority?.characteristics.isEmpty ?? true) ? priority : nil, reasons: reasons.takeAll(),
            defects: defects.takeAll(), missingFacts: outcome == .incomplete ? missingFacts.takeAll() : [],
            screeningScope: outcome == .incomplete ? scope.takeAll() : [], usedPoliceRecords: usedRecords.takeAll())
    }
}
