/// What a letter says, built from a decision and nothing else (interface §10; docs/letters.md):
/// the same reasons as the JSON and the text output, never a second logic. Police records and
/// their *duiding* never reach it: the reasons of rules that read them are left out, and
/// `hasScreeningNote` lets the template say that the mayor weighed them.
public enum LetterModel {
    /// The names a template may read, and their kinds: `rules check` checks templates against it.
    public static let shape: [String: LetterShape] = {
        let cited: LetterShape = .list(.object(["citation": .text, "text": .text]))
        var shape: [String: LetterShape] = [:]
        for name in [
            "municipality", "college", "letterDate", "lawDate", "reference", "applicationDate", "dwelling", "designation", "publication", "byLaw",
            "byLawArticles", "breachCitation", "priorityCitation", "priorityCharacteristics", "completionTerm",
            "completionCitation", "suspensionCitation", "objectionPeriod", "objectionCitation", "contentsCitation", "startCitation",
            "injunctionCitation", "liftedBy", "salutationName",
        ] { shape[name] = .text }
        for name in [
            "isDraft", "isSimulation", "hasDefect", "hasAddressee", "hasPublication", "hasByLaw", "isGranted", "hasConditions", "isRefused", "isIncomplete", "toApplicant",
            "internalNote", "isNotApplicable", "hasScreeningNote", "hasPriority", "isCourtesyTranslation", "hasConsiderations",
            "hasFromWhen", "lookupOpen", "severalDesignations", "oneCondition",
        ] { shape[name] = .flag }
        shape["addressee"] = .object(["name": .text, "street": .text, "postcode": .text, "city": .text])
        shape["grounds"] = cited
        shape["considerations"] = cited
        shape["lifted"] = .list(.object(["groundCitation": .text, "citation": .text, "decidedBy": .text, "date": .text, "reason": .text]))
        shape["hardshipRefused"] = shape["lifted"]
        shape["conditions"] = .list(.object(["number": .text, "text": .text]))
        shape["priorityFlags"] = .list(.text)
        shape["missingForApplicant"] = .list(.text)
        shape["missingForAuthorities"] = .list(.text)
        shape["fromWhen"] = .list(.object(["citation": .text, "when": .text, "because": .text, "wouldLift": .list(.text)]))
        return shape
    }()

    /// The model of the letter for `decision` (decided with `peopleByName`), in `language`.
    public static func build(_ decision: Decision, application: Application, engine: Engine, language: Language) -> [String: LetterValue] {
        let en = language == .en
        let law = engine.law
        let covering = decision.designations.compactMap { id in engine.designations.first { $0.id == id } }
        let context = TextContext(
            language: language, labels: law.labels, household: application.household, designations: covering, designation: nil, peopleByName: true)
        func text(_ value: String) -> LetterValue { .text(value) }
        func cite(_ citation: String) -> String { CitationWords.written(citation, language) }
        func label(_ code: String) -> String { law.labels.label(code, in: "letterCitation")?.text(language) ?? "" }
        func period(_ name: String) -> String {
            guard case .duration(let period)? = law.parameter(name, on: decision.lawDate) else { return "" }
            return PlainWords.period(period, language, spelled: true)
        }
        let municipality = covering.first?.municipality ?? application.dwelling.municipality
        // Decided under the law of another day than its own (`--law-date`, a what-if): not a
        // besluit, so undated and marked as such, whatever its decision date.
        let isSimulation = decision.lawDate != Engine.lawDate(of: application)
        // A defect in the procedure before the decision (the woonverklaring given without the
        // hearing art. 10b lid 6 requires, or negative without a usable record, lid 4) is for
        // the mayor to mend first: the letter is marked and undated, not sent as it stands.
        let hasDefect = !decision.defects.isEmpty
        var model: [String: LetterValue] = [
            "municipality": text(municipality),
            "college": text(en ? "the Board of Mayor and Aldermen of \(municipality)" : "het college van burgemeester en wethouders van \(municipality)"),
            "isDraft": .flag(decision.decisionDate == nil || isSimulation || hasDefect),
            "isSimulation": .flag(isSimulation),
            "hasDefect": .flag(hasDefect),
            "lawDate": text(PlainWords.date(decision.lawDate, language)),
            "letterDate": text(isSimulation || hasDefect ? "" : decision.decisionDate.map { PlainWords.date($0, language) } ?? ""),
            "reference": text(decision.application),
            "applicationDate": text(PlainWords.date(decision.applicationDate, language)),
            "dwelling": text(dwellingWords(application.dwelling)),
            // Empty without a covering designation (a lookup left open by the address): a list of
            // none reads "geen", which a template would take for a designation.
            "designation": text(covering.isEmpty ? "" : PlainWords.list(covering.map { context.words(for: $0) }, language)),
            // Whether a designation might cover the dwelling but the address does not say
            // (``UndeterminedCover``): the request to complete says what that fact decides.
            // Only in a request to complete, whose list of facts the sentence points to.
            // "Voor de woning gelden de aanwijzing … en de aanwijzing …".
            "severalDesignations": .flag(covering.count > 1),
            // "het volgende voorschrift" / "de volgende voorschriften".
            "oneCondition": .flag(decision.conditions.count == 1),
            "lookupOpen": .flag(decision.outcome == .incomplete && decision.reasons.contains { $0.effect == "lookup" && $0.result == .unknown }),
            "isCourtesyTranslation": .flag(en),
            "objectionPeriod": text(period("objectionPeriod")), "completionTerm": text(period("completionTerm")),
            "objectionCitation": text(label("objectionPeriod")), "startCitation": text(label("objectionStart")),
            "contentsCitation": text(label("objectionContents")), "injunctionCitation": text(label("injunction")),
            "completionCitation": text(label("completion")), "suspensionCitation": text(label("suspension")),
            "breachCitation": text(label("breach")),
        ]
        // The addressee: the applicant, or in a joining application the (first) joiner.
        let addresseeIndex = application.kind == .joining
            ? (application.household.firstIndex { $0.role == .joining } ?? application.applicantIndex) : application.applicantIndex
        let addressee = application.household[addresseeIndex]
        // A line of the address block starts with a capital: "De heer J. de Vries", "Van Dam".
        var address: [String: LetterValue] = ["name": text(PlainWords.capitalised(addressee.name ?? context.person(addresseeIndex)))]
        if let postal = addressee.address {
            address["street"] = text("\(postal.street) \(postal.houseNumber)\(postal.houseNumberAddition.map { " " + $0 } ?? "")")
            address["postcode"] = text(postal.postcode)
            address["city"] = text(postal.city)
        }
        model["addressee"] = .object(address)
        // "Geachte Jan de Vries," where the name is known (its gender is not: "heer" or
        // "mevrouw" would be a guess); "Geachte heer, mevrouw," where it is not.
        model["salutationName"] = text(addressee.name.map { salutation($0, language) } ?? "")
        model["hasAddressee"] = .flag(addressee.name != nil || addressee.address != nil)

        let citations = covering.map(\.citations)
        let publications = citations.compactMap { c in
            c.publicationReference.map { reference in
                c.publicationDate.map { en ? "\(reference) of \(PlainWords.date($0, language))" : "\(reference) van \(PlainWords.date($0, language))" } ?? reference
            }
        }
        // Designations decided together share their publication: named once.
        var seen = Set<String>()
        let distinct = publications.filter { seen.insert($0).inserted }
        model["publication"] = text(PlainWords.list(distinct, language))
        model["hasPublication"] = .flag(!publications.isEmpty)
        let byLaws = Array(Set(citations.compactMap(\.byLawTitle))).sorted()
        model["byLaw"] = text(PlainWords.list(byLaws, language))
        model["hasByLaw"] = .flag(!byLaws.isEmpty)
        let measures = Set(decision.reasons.compactMap { reason in law.measureOfRule(reason.rule) })
        let articles = citations.flatMap { c in measures.sorted().compactMap { c.byLawArticles[$0] } }
        model["byLawArticles"] = text(PlainWords.list(Array(Set(articles)).sorted(), language))

        // Outcome.
        let outcome = decision.outcome
        model["isGranted"] = .flag(outcome == .granted || outcome == .grantedWithConditions)
        model["hasConditions"] = .flag(!decision.conditions.isEmpty)
        model["isRefused"] = .flag(outcome == .refused)
        model["isNotApplicable"] = .flag(outcome == .notApplicable)
        model["isIncomplete"] = .flag(outcome == .incomplete)
        let (byApplicant, byAuthorities) = MissingFactWords.split(decision.missingFacts)
        model["missingForApplicant"] = .list(byApplicant.map { .text(MissingFactWords.words($0, context)) })
        model["missingForAuthorities"] = .list(byAuthorities.map { .text(MissingFactWords.words($0, context)) })
        model["toApplicant"] = .flag(outcome == .incomplete && !byApplicant.isEmpty)
        model["internalNote"] = .flag(outcome == .incomplete && byApplicant.isEmpty)

        // Grounds and considerations, from the reasons; never a reason that read police data.
        let readsPolice = law.rulesReadingPoliceData
        func reasonText(_ reason: Reason) -> String { en ? reason.en : reason.nl }
        // The refusal grounds no hardship decision lifted: the dictum's grounds, the rules whose
        // passing is left out of a refusal, and the grounds a refused hardship decision concerns.
        let standingGrounds = decision.standingGrounds
        model["grounds"] = .list(standingGrounds.map {
            .object(["citation": text(cite($0.citation)), "text": text(reasonText($0))])
        })
        // "From when" (interface §11): per ground, when a new application would no longer meet it.
        let fromWhen = decision.counterfactuals ?? []
        model["hasFromWhen"] = .flag(!fromWhen.isEmpty)
        model["fromWhen"] = .list(fromWhen.map { c in
            let when = c.from.map { en ? "From \(PlainWords.date($0, language))." : "Vanaf \(PlainWords.date($0, language))." }
                ?? (en ? "Not by the passing of time." : "Niet door het verstrijken van tijd.")
            return .object([
                "citation": text(cite(c.citation)), "when": text(when), "because": text(en ? c.because.en : c.because.nl),
                "wouldLift": .list(c.wouldLift.map { text(en ? $0.en : $0.nl) }),
            ])
        })
        // The grounds stand in the dictum already; the considerations hold the rest. In a refusal,
        // what concerns a grant (its conditions, its priority) and a refusing rule's passing for
        // one person while it refuses another ("article 10 does not stand in the way: she
        // submitted a VOG") would read as contradicting the dictum: they are left out. When
        // chapter 3 does not apply, the designation lookup says why.
        let refusing = Set(standingGrounds.map(\.rule))
        let considered = decision.reasons.filter { reason in
            guard reason.effect != "lookup" || outcome == .notApplicable, reason.effect != "screen", !readsPolice.contains(reason.rule) else { return false }
            if outcome == .refused, reason.effect == "conditions" || reason.effect == "priority" || (reason.result == .passed && refusing.contains(reason.rule)) {
                return false
            }
            return reason.result == .passed || (reason.result == .applied && !(reason.effect == "refuse" && reason.lifted == nil))
                || (reason.effect == "lookup" && reason.result == .unreached)
        }
        model["considerations"] = .list(considered.map { .object(["citation": text(cite($0.citation)), "text": text(reasonText($0))]) })
        let weighed = decision.reasons.contains { readsPolice.contains($0.rule) }
        model["hasScreeningNote"] = .flag(weighed)
        model["lifted"] = .list(decision.reasons.compactMap { reason in
            reason.lifted.map { lift in
                .object([
                    "groundCitation": text(cite(reason.citation)), "citation": text(cite(lift.citation)), "decidedBy": text(lift.decidedBy),
                    "date": text(PlainWords.date(lift.date, language)), "reason": text(lift.reason),
                ])
            }
        })
        // A hardship decision that refused to set aside a ground the refusal rests on is part of
        // its reasons (Awb 3:46): the applicant asked for it, and the grounds alone read as if no
        // one had (the review of the letters of 2026-12-05). Only one that can concern this
        // application (dated in time, as a lifting one must be), under a clause of that ground.
        // Each decision named once for a ground (two members refused on one ground share it).
        var refusedHardship: [LetterValue] = []
        var named = Set<String>()
        let lawPeriod = law.period(on: decision.lawDate)
        for reason in standingGrounds {
            guard let lawPeriod, let rule = law.snapshots[lawPeriod].rules.first(where: { $0.id == reason.rule }) else { continue }
            for clause in rule.lifts {
                for (index, hardship) in application.hardship.enumerated()
                where hardship.article == clause.code && !hardship.granted && HumanDecisionTiming(hardship.date, in: application) == .inTime
                    && named.insert("\(index) \(reason.citation)").inserted
                {
                    refusedHardship.append(.object([
                        "groundCitation": text(cite(reason.citation)), "citation": text(cite(clause.citation)), "decidedBy": text(hardship.decidedBy),
                        "date": text(PlainWords.date(hardship.date, language)), "reason": text(hardship.reason),
                    ]))
                }
            }
        }
        model["hardshipRefused"] = .list(refusedHardship)
        // The hardship clauses a grant rests on, named in its dictum: a refusal ground they set
        // aside stands in the overwegingen, and the dictum says the grant applies them.
        var liftCitations: [String] = []
        for reason in decision.reasons { if let lift = reason.lifted, !liftCitations.contains(lift.citation) { liftCitations.append(lift.citation) } }
        model["liftedBy"] = text(liftCitations.isEmpty ? "" : PlainWords.list(liftCitations.map(cite), language))
        model["conditions"] = .list(decision.conditions.enumerated().map { .object(["number": text(String($0.offset + 1)), "text": text($0.element)]) })
        if let priority = decision.priority {
            model["hasPriority"] = .flag(true)
            model["priorityCitation"] = text(cite(priority.citation))
            model["priorityCharacteristics"] = text(PlainWords.list(priority.characteristics.map { context.words(for: $0) }, language))
            model["priorityFlags"] = .list(priority.flags.entries.filter(\.value).map { .text(law.labels.label($0.name, in: "priorityFlag")?.text(language) ?? $0.name) })
        } else {
            model["hasPriority"] = .flag(false)
            model["priorityFlags"] = .list([])
        }
        // Whether the considerations have anything to say (a refusal's grounds stand in the dictum).
        // (A grant's conditions need no term of their own: the rule that gave them is among the
        // considerations, since the template's own paragraph on them went.)
        model["hasConsiderations"] = .flag(
            !considered.isEmpty || weighed || decision.reasons.contains { $0.lifted != nil } || decision.priority != nil)
        return model
    }

    /// The addressee's name as a salutation reads it: written for the address block ("de heer
    /// A. El Amrani", "mevr. S. Jansen", "de heer en mevrouw Jansen"), each title takes its
    /// salutation form, and after a title only the surname stands, its first particle capitalised
    /// as it is where nothing precedes it ("Geachte heer El Amrani,", "Geachte mevrouw Jansen,",
    /// "Geachte heer De Vries,", "Geachte heer en mevrouw Jansen,"; in English "Mr", "Ms",
    /// "and"): initials go, and first names where a particle shows where the surname starts. A
    /// name without a title stays as written (whom it greets is not guessed). Empty (so
    /// "Geachte heer, mevrouw,") when no name is left beside the titles.
    static func salutation(_ name: String, _ language: Language) -> String {
        // Any run of spaces, tabs or no-break spaces is one space.
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map(String.init)
        let titles: [String: (nl: String, en: String)] = [
            "heer": ("heer", "Mr"), "dhr.": ("heer", "Mr"), "dhr": ("heer", "Mr"), "mevrouw": ("mevrouw", "Ms"), "mevr.": ("mevrouw", "Ms"),
            "mevr": ("mevrouw", "Ms"), "mw.": ("mevrouw", "Ms"), "mw": ("mevrouw", "Ms"),
        ]
        var out: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i].lowercased()
            // "de heer": the article goes with the title.
            if word == "de", i + 1 < words.count, words[i + 1].lowercased() == "heer" {
                i += 1
                continue
            }
            if let title = titles[word] {
                out.append(language == .en ? title.en : title.nl)
            } else if word == "en", !out.isEmpty {
                out.append(language == .en ? "and" : "en")
            } else {
                break
            }
            i += 1
        }
        let rest = Array(words[i...])
        guard !rest.isEmpty else { return "" }
        // A name with no title before it, or with more titles after one ("de heer J. en mevrouw
        // S. Jansen"), is greeted as written.
        guard !out.isEmpty, !rest.contains(where: { titles[$0.lowercased()] != nil || $0.lowercased() == "en" }) else {
            return (out + rest.map { titles[$0.lowercased()].map { language == .en ? $0.en : $0.nl } ?? ($0.lowercased() == "en" ? (language == .en ? "and" : "en") : $0) })
                .joined(separator: " ")
        }
        return (out + surname(rest)).joined(separator: " ")
    }

    /// The surname of a name written after a title: without its initials ("J.", "J.P."), and
    /// from its first particle on where one follows first names ("Sanne de Vries"), that
    /// particle capitalised ("De Vries"); as written where nothing shows where it starts.
    static func surname(_ words: [String]) -> [String] {
        let particles: Set<String> = ["van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij", "uit", "onder", "voor", "over", "von", "zu", "du", "des", "da", "la", "le", "d'", "l'"]
        func isInitial(_ word: String) -> Bool {
            word.hasSuffix(".") && word.dropLast().split(separator: ".").allSatisfy { $0.count == 1 && $0.first?.isLetter == true }
        }
        var start = 0
        while start < words.count - 1, isInitial(words[start]) { start += 1 }
        if start == 0, let particle = words.indices.dropFirst().first(where: { particles.contains(words[$0]) }) { start = particle }
        var surname = Array(words[start...])
        if start > 0, let first = surname.first?.first { surname[0] = first.uppercased() + surname[0].dropFirst() }
        return surname
    }

    static func dwellingWords(_ dwelling: Dwelling) -> String {
        // Blank fields are absent, as the lookup reads them.
        let given = { (text: String?) -> String? in text.map { $0.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 } }
        // The postcode as a letter writes it, whatever its spacing and case: "3026 AB".
        let postcode = given(dwelling.postcode).map { AreaPartWords.spaced(AreaMatcher.normalisedPostcode($0)) }
        let place = [postcode, given(dwelling.municipality)].compactMap { $0 }.joined(separator: " ")
        // Without a street ("de woning Rotterdam", "de woning 101, Rotterdam" read as a name or a
        // number): "de woning in Rotterdam", "the dwelling in Rotterdam" (one word in both).
        guard let street = given(dwelling.street) else { return "in " + place }
        var address = street
        if let number = dwelling.houseNumber { address += " " + String(number) + (given(dwelling.houseNumberAddition).map { " " + $0 } ?? "") }
        return [address, place].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension CompiledLaw {
    /// The ids of the rules of which some version reads police data (``CompiledRule/resultReadsPoliceData``).
    var rulesReadingPoliceData: Set<String> {
        var ids = Set<String>()
        for snapshot in snapshots { for rule in snapshot.rules where rule.resultReadsPoliceData { ids.insert(rule.id) } }
        return ids
    }

    /// The measure a rule is `under`, if any.
    func measureOfRule(_ id: String) -> String? {
        for snapshot in snapshots { if let rule = snapshot.rules.first(where: { $0.id == id }) { return rule.measure } }
        return nil
    }
}
