/// The state of deciding one application: rules are applied in order, reasons collected, and the
/// outcome combined at the end (legal spec A6).
///
/// One run for each thread's scratch (``DecisionScratch``), begun for each decision
/// (``begin(application:lawDate:covering:monthEnd:labels:designationWords:peopleByName:ruleWordsNeedEscaping:writesWords:)``)
/// and ended after it (``end()``), not made and destroyed: a run made anew counted a reference
/// to each of the thread's and the engine's objects it holds (the evaluator, the labels, the
/// designations' words, the notes and lists of the texts) and released each again (about 400
/// instructions of an evaluation without texts, 760 of a decision with them). What a decision
/// put in it is let go at its end: no application, person or reason is kept from one decision
/// to the next.
final class DecisionRun {
    /// The application, lent by the caller for the run (``Engine``): its fields are read where
    /// they lie. Each field copied here counted a reference, and released it at the end. Between
    /// decisions an empty application (``noApplication``), never one a decision lent.
    @exclusivity(unchecked) private(set) var application: UnsafePointer<Application>
    @exclusivity(unchecked) private(set) var lawDate = CalendarDate(dayNumber: 0)
    /// The covering designations, with their ids (``CoveringSet``).
    @exclusivity(unchecked) private(set) var coveringSet = CoveringSet.none
    var covering: [Designation] { coveringSet.designations }
    let evaluator: ExpressionEvaluator
    @exclusivity(unchecked) var reasons: [Reason] = []
    @exclusivity(unchecked) var lookupRule: (index: Int, rule: CompiledRule)?
    @exclusivity(unchecked) var reached = false
    @exclusivity(unchecked) var unliftedRefusal = false
    @exclusivity(unchecked) var blockingUnknown = false
    @exclusivity(unchecked) var conditions: [String] = []
    @exclusivity(unchecked) var priority: Priority?
    @exclusivity(unchecked) var defects: [Defect] = []
    @exclusivity(unchecked) var missingFacts: [String] = []
    @exclusivity(unchecked) var scope: [ScreeningRequest] = []
    /// Whether the evaluator's designation and measure are set (``prepare(_:)``): for
    /// ``preparedMeasure``, carried by a covering designation or not. Rules of one measure
    /// follow each other, so most rules find them set already. Three plain fields, not an
    /// optional pair: that was compared and stored through the runtime's generic code.
    @exclusivity(unchecked) var isPrepared = false
    /// The prepared measure's number (``CompiledRule/measureNumber``; -1 for none): compared as
    /// a number at every rule, where names were compared as strings.
    @exclusivity(unchecked) var preparedMeasure = -1
    @exclusivity(unchecked) var preparedCarried = false
    /// Police records some rule relied on; few, so a list kept free of duplicates.
    @exclusivity(unchecked) var usedRecords: [RecordReference] = []
    /// Whether reasons get their facts and texts; a decision that is only counted (`impact`)
    /// needs rule, person, result and lift, nothing a person reads.
    @exclusivity(unchecked) var rendersTexts = true
    /// The grounds met so far, when a counterfactual search will need them (nil otherwise).
    @exclusivity(unchecked) var grounds: [GroundNote]?
    /// What the text being rendered wrote unchecked (the scratch's: ``TextContext/escapeNote``).
    let escapeNote: EscapeNote
    /// Where reasons' facts and texts are rendered (``textArena()``), kept from one decision to the
    /// next unless a reason of an earlier decision still refers to it.
    private var arena = TextArena()
    /// Whether this decision has taken ``arena`` (emptied) yet.
    @exclusivity(unchecked) private var arenaTaken = false
    /// Whether the rules' or the designations' words may need escaping in JSON
    /// (``Engine/ruleWordsNeedEscaping``); when they may, no text is known clean.
    @exclusivity(unchecked) private(set) var ruleWordsNeedEscaping = true
    /// How values read in texts (labels, people); its language and designation set per text.
    @exclusivity(unchecked) var textContext: TextContext

    /// A run for a thread's scratch, with its evaluator, notes and lists of words.
    init(evaluator: ExpressionEvaluator, escapeNote: EscapeNote, listWords: ListWords) {
        self.evaluator = evaluator
        self.escapeNote = escapeNote
        application = DecisionRun.noApplication
        textContext = TextContext(
            language: .nl, labels: TextLabels(), household: nil, designations: [], designation: nil, peopleByName: false, designationWords: nil,
            escapeNote: escapeNote, listWords: listWords)
    }

    /// Begins deciding `application`.
    ///
    /// - Parameters:
    ///   - application: lent for the run; it must stay where it lies until ``end()``.
    ///   - undetermined: what the dwelling's lookup left open (``UndeterminedCover``); nil when
    ///     it decided.
    ///   - writesWords: whether the run renders any text (reasons' texts, or grounds' wordings).
    ///     A run that writes none is given neither the household nor the designations for its
    ///     texts: each was counted at the start of every counted decision and released at its end.
    func begin(
        application: UnsafePointer<Application>, lawDate: CalendarDate, covering set: CoveringSet, undetermined: UndeterminedCover? = nil, monthEnd: MonthEndRule,
        labels: TextLabels, designationWords: DesignationWords?, peopleByName: Bool, ruleWordsNeedEscaping: Bool, writesWords: Bool
    ) {
        self.application = application
        self.lawDate = lawDate
        // Each reference stored only when it changes: most decisions of a thread have the
        // engine, and many the covering set, of the one before.
        if coveringSet !== set { coveringSet = set }
        if !textContext.labels.sharesStorage(with: labels) { textContext.labels = labels }
        if textContext.designationWords !== designationWords { textContext.designationWords = designationWords }
        if let undetermined { evaluator.undetermined = undetermined }
        textContext.namesAddressFacts = undetermined != nil
        if writesWords {
            textContext.household = application.pointee.household
            // The lookup's text names the designations it could not decide too.
            textContext.designations = undetermined.map { set.designations + $0.designations } ?? set.designations
        }
        textContext.peopleByName = peopleByName
        self.ruleWordsNeedEscaping = ruleWordsNeedEscaping
        evaluator.begin(application, lawDate: lawDate, designations: set.idsValue, monthEnd: monthEnd)
    }

    /// Ends the decision: what it put in the run is let go (the application, its household, the
    /// grounds, conditions, priority and screening scope a decision did not take), and the run
    /// is as ``begin`` expects it. The lists keep their room; the arena its bytes until the next
    /// decision renders over them (the decision refers to them).
    func end() {
        application = DecisionRun.noApplication
        evaluator.end()
        if !evaluator.undetermined.isNone { evaluator.undetermined = .none }
        if textContext.household != nil { textContext.household = nil }
        if !textContext.designations.isEmpty { textContext.designations = [] }
        if textContext.designationIds != nil { textContext.designationIds = nil }
        if !reasons.isEmpty { reasons.removeAll(keepingCapacity: true) }
        if case .some = lookupRule { lookupRule = nil }
        reached = false
        unliftedRefusal = false
        blockingUnknown = false
        if !conditions.isEmpty { conditions.removeAll(keepingCapacity: true) }
        if case .some = priority { priority = nil }
        if !defects.isEmpty { defects.removeAll(keepingCapacity: true) }
        if !missingFacts.isEmpty { missingFacts.removeAll(keepingCapacity: true) }
        if !scope.isEmpty { scope.removeAll(keepingCapacity: true) }
        if !usedRecords.isEmpty { usedRecords.removeAll(keepingCapacity: true) }
        isPrepared = false
        preparedMeasure = -1
        preparedCarried = false
        rendersTexts = true
        if case .some = grounds { grounds = nil }
        arenaTaken = false
    }

    /// What ``application`` points to between decisions: an application of nobody.
    // Unsafe: never written after it is made, and only read.
    nonisolated(unsafe) private static let noApplication: UnsafePointer<Application> = {
        let empty = UnsafeMutablePointer<Application>.allocate(capacity: 1)
        empty.initialize(
            to: Application(
                id: "", kind: .newTenancy, applicationDate: CalendarDate(dayNumber: 0), decisionDate: nil,
                dwelling: Dwelling(municipality: "", postcode: nil, houseNumber: nil, houseNumberAddition: nil, street: nil, neighbourhood: nil, category: ""),
                household: [], woonverklaring: nil, hardship: [], applicantIndex: 0, role: .desk))
        return UnsafePointer(empty)
    }()

    /// The version of `rule` that decides. By default the law date's; a rule `dated by` the date
    /// of an act (a woonverklaring's, say: tempus regit actum) takes the version in force on that
    /// date, with that date's parameters. When the date is unknown, or no version is in force on
    /// it, the law date's version stands.
    func version(of rule: CompiledRule, in law: CompiledLaw) -> CompiledRule {
        guard let datedBy = rule.datedBy, prepare(rule) else { return rule }
        // Reading the date decides nothing: what it found missing is not a missing fact.
        let noted = evaluator.missing.count
        defer { evaluator.dropMissing(after: noted) }
        guard case .date(let date) = evaluator.value(of: datedBy), let period = law.period(on: date) else { return rule }
        // Usually the act's date falls in a period that shares this version (the compiler makes
        // one version for all periods that agree): found by identity before ids are compared.
        if law.snapshots[period].rules.contains(where: { $0 === rule }) { return rule }
        let other = law.snapshots[period].rules.first(where: { $0.id == rule.id }) ?? rule
        // A version of another period may need more slots than this period's rules.
        evaluator.reserveSlots(other.slotCount)
        return other
    }

    /// Loads `rule` into the evaluator with the designation and measure it is under; false when no
    /// covering designation carries that measure.
    func prepare(_ rule: CompiledRule) -> Bool {
        evaluator.load(rule.program)
        if !isPrepared || preparedMeasure != rule.measureNumber {
            var designation: Designation?
            var fields = UnsafeBufferPointer<Value>(start: nil, count: 0)
            preparedCarried = true
            if rule.measure != nil {
                // The first covering designation that carries the measure (``CoveringSet/carriers``).
                if let carrier = coveringSet.carrier(ofMeasure: rule.measureNumber) {
                    designation = coveringSet.carriers[carrier].designation
                    fields = coveringSet.measureFields(ofCarrier: carrier)
                } else {
                    preparedCarried = false
                }
            }
            // The designation is set only when it changes: one designation usually carries
            // the measures of consecutive rules, and each store counted and released it.
            if evaluator.designation !== designation { evaluator.designation = designation }
            // Lent: the run holds ``coveringSet`` until the next decision begins.
            evaluator.measureFields = fields
            isPrepared = true
            preparedMeasure = rule.measureNumber
        }
        guard preparedCarried else { return false }
        evaluator.resetSlots()
        return true
    }

    func apply(_ rule: CompiledRule) {
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
            evaluator.resetCache()
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
            evaluator.resetCache()
            evaluate(rule, person: person)
        }
    }

    func evaluate(_ rule: CompiledRule, person: Value?) {
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
            let characteristics = evaluator.value(of: list).listTexts
            priority = Priority(citation: rule.citation, flagsCitation: rule.flagsCitation, characteristics: characteristics, flags: flags)
        case (.defect(let code, _), .applied):
            defects.append(
                Defect(
                    code: code, citation: rule.citation, person: personId, nl: keepsReason ? reasons[reasons.count - 1].nl : "",
                    en: keepsReason ? reasons[reasons.count - 1].en : ""))
        case (.screen(let from, let until, let behaviours, _), .applied):
            if case .date(let start) = evaluator.value(of: from), case .date(let end) = evaluator.value(of: until), let person = personId {
                let codes = evaluator.value(of: behaviours).listTexts
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
    func noteGround(_ rule: CompiledRule, result: RuleResult, person: Value?, missing: [String]) -> GroundNote {
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
            if let decision = HumanDecisionTiming.liftingDecision(
                under: lift.code, in: application.pointee.hardship, applicationDate: application.pointee.applicationDate,
                decisionDate: application.pointee.decisionDate)
            {
                return Lift(by: decision.article, citation: lift.citation, date: decision.date, decidedBy: decision.decidedBy, reason: decision.reason)
            }
        }
        return nil
    }

    func makeReason(_ rule: CompiledRule, result: RuleResult, personId: String?) -> Reason {
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
        // The household read once a reason: each read of the run's field counted a reference.
        let household = textContext.household
        // The rule's facts and reasons gone through where they lie in its arrays (the rule is
        // held by the caller): a fact's name and a reason's templates read by index from the
        // arrays counted a reference to each, and released it, at every reason.
        rule.facts.withUnsafeBufferPointer { facts in
            for i in facts.indices {
                if let condition = facts[i].shownWhen, evaluator.truth(condition) != true { continue }
                if !first { arena.bytes.byte(UInt8(ascii: ",")) }
                first = false
                arena.bytes.buffer.append(facts[i].member.bytes)
                ValueRendering.appendJSON(evaluator.value(of: facts[i].value), in: household, to: &arena.bytes)
            }
        }
        arena.bytes.byte(UInt8(ascii: "}"))
        let textStart = arena.bytes.buffer.count
        // Known clean when no word came from elsewhere than checked rules and designations.
        var clean = !ruleWordsNeedEscaping
        var middle = textStart
        rule.reasons.withUnsafeBufferPointer { reasons in
            guard let chosen = reasonIndex(reasons, result: result), let reason = reasons.baseAddress.map({ $0 + chosen }),
                let nl = reason.pointer(to: \.nl), let en = reason.pointer(to: \.en)
            else { return }
            render(nl, .nl, into: arena, clean: &clean)
            middle = arena.bytes.buffer.count
            render(en, .en, into: arena, clean: &clean)
        }
        return Reason(
            ruleVersion: rule.validFrom, words: rule.words, result: result, lifted: nil, person: personId,
            content: ReasonContent(arena, start: start, textStart: textStart, middle: middle, end: arena.bytes.buffer.count),
            escaping: TextEscaping(needsNone: clean))
    }

    /// The first of `reasons` given for `result` whose guard holds. Found by index: a search
    /// yielding each reason would copy it, and a copy counts references to its two templates.
    private func reasonIndex(_ reasons: UnsafeBufferPointer<CompiledReason>, result: RuleResult) -> Int? {
        for i in reasons.indices where reasons[i].result == result {
            if let condition = reasons[i].guardExpression, evaluator.truth(condition) != true { continue }
            return i
        }
        return nil
    }

    /// The arena this decision's reasons are rendered into, taken when the first is rendered:
    /// the run's own, emptied, unless a reason of an earlier decision still refers to it; then a
    /// new one, kept from then on.
    func textArena() -> TextArena {
        if !arenaTaken {
            if isKnownUniquelyReferenced(&arena) {
                arena.bytes.buffer.removeAll()
            } else {
                arena = TextArena()
            }
            arenaTaken = true
        }
        return arena
    }

    /// The text of `template` as a `String` (a ground's `would lift` wording): rendered at the
    /// end of the arena, which is then cut back.
    func render(_ template: Template, _ language: Language) -> String {
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
    func render(_ template: Template, _ language: Language, into arena: TextArena, clean: inout Bool) {
        withUnsafePointer(to: template) { render($0, language, into: arena, clean: &clean) }
    }

    /// ``render(_:_:into:clean:)`` of a template lent where it lies (a reason's, in its rule).
    private func render(_ template: UnsafePointer<Template>, _ language: Language, into arena: TextArena, clean: inout Bool) {
        textContext.language = language
        // Set at the first text: a decision only counted renders none, and holds no more.
        if textContext.designationIds == nil { textContext.designationIds = coveringSet.idsValue.listElements }
        // Set only when it changes: each assignment released the old value through the runtime's
        // generic code for optionals (about 80 instructions), twice a reason.
        if textContext.designation !== evaluator.designation { textContext.designation = evaluator.designation }
        escapeNote.found = template.pointee.literalsNeedEscaping
        // Lent in place: passed as a value, the context (a field of this run) was copied at every
        // text, counting each of its references.
        Template.appendText(template, evaluator, &textContext, to: &arena.bytes.buffer)
        if escapeNote.found { clean = false }
    }

    func decision(lawVersion: CalendarDate) -> Decision {
        let outcome: Decision.Outcome
        // A refusal under a covering designation stands whatever the lookup left open (rules
        // are only applied under a covering designation, so there is none without one); else a
        // lookup left open by facts that matter (``UndeterminedCover/matters``) leaves the
        // decision incomplete, covering designations or none.
        let lookupOpen = evaluator.undetermined.matters
        if unliftedRefusal {
            outcome = .refused
        } else if lookupOpen {
            outcome = .incomplete
        } else if covering.isEmpty || !reached {
            outcome = .notApplicable
        } else if blockingUnknown {
            outcome = .incomplete
        } else {
            outcome = conditions.isEmpty ? .granted : .grantedWithConditions
        }
        // The lookup's reason is never counted (``isCounted``).
        if let (index, rule) = lookupRule, rendersTexts {
            evaluator.load(rule.program)
            evaluator.designation = covering.first
            evaluator.measureFields = UnsafeBufferPointer(start: nil, count: 0)
            isPrepared = false
            evaluator.resetSlots()
            let result: RuleResult = lookupOpen ? .unknown : covering.isEmpty ? .passed : (reached ? .applied : .unreached)
            var reason = makeReason(rule, result: result, personId: nil)
            // The lookup found a designation even when no measure reached the application; only
            // the text differs, the interface's result stays `applied`.
            if result == .unreached { reason.result = .applied }
            // Appended and moved into its place, the reasons after it moved up by one in one
            // move of their bytes (a reason is moved as its bytes, counting no reference):
            // `insert(_:at:)` went through the array's generic code for replacing a range (about
            // 400 instructions a decision), and swapping it down one place at a time copied each
            // later reason three times (about 350).
            reasons.append(consume reason)
            reasons.withUnsafeMutableBufferPointer { reasons in
                guard let first = reasons.baseAddress, index < reasons.count - 1 else { return }
                let last = reasons.count - 1
                let made = (first + last).move()
                (first + index + 1).moveInitialize(from: first + index, count: last - index)
                (first + index).initialize(to: made)
            }
        }
        let isGrant = outcome == .granted || outcome == .grantedWithConditions
        // The run's lists are moved into the decision (``Array/takeAll()``): the run ends with
        // it, and a copy counted a reference to each list that the run's end released again.
        // Sorted in place, and only when there is an order to make: `sorted()` made a new
        // array, even of none (about 170 instructions a decision).
        if usedRecords.count > 1 { usedRecords.sort() }
        // The address facts the lookup needs come first among the missing facts: without them
        // it is not known which measures apply at all.
        if lookupOpen, outcome == .incomplete {
            missingFacts.insert(contentsOf: evaluator.undetermined.facts.paths.filter { !missingFacts.contains($0) }, at: 0)
        }
        return Decision(
            application: application.pointee.id, applicationDate: application.pointee.applicationDate, decisionDate: application.pointee.decisionDate,
            role: application.pointee.role, outcome: outcome, lawDate: lawDate,
            lawVersion: lawVersion, designations: coveringSet.ids, conditions: isGrant ? conditions.takeAll() : [],
            priority: isGrant && !(priority?.characteristics.isEmpty ?? true) ? priority : nil, reasons: reasons.takeAll(),
            defects: defects.takeAll(), missingFacts: outcome == .incomplete ? missingFacts.takeAll() : [],
            screeningScope: outcome == .incomplete ? scope.takeAll() : [], usedPoliceRecords: usedRecords.takeAll())
    }
}
