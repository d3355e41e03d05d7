import Testing

@testable import Wbmgp

/// A code list written again is copied from what a thread remembers (``ListWords``, issue 16).
/// Whatever the context, the words must be those written afresh: the expected words are worked
/// out here from the labels each context gives, rule's designation first, then the covering
/// designations, then the rules'. Only a designation's own lists are remembered.
@Suite("Code lists remembered in words")
struct ListWordsTests {
    static func label(_ word: String) -> TextLabels.Label { .init(nl: word + " (nl)", en: word + " (en)") }

    static func designation(_ id: String, labels: [String: TextLabels.Label] = [:], lists: [Value] = [], from: String = "2020-01-01") -> Designation {
        let date = TestSupport.date(from)
        return Designation(
            id: id, path: id + ".json", municipality: "Rotterdam", decisionDate: nil, source: nil, from: date, until: date.adding(years: 4),
            extends: nil, regionName: nil, regionMunicipalities: [], areas: Areas(), categories: [], measures: [MeasureSetting(name: "art10", values: lists)],
            codeLabels: labels)
    }

    /// The by-law's list, as a designation holds it; the holder has no labels of its own.
    static let list = Value.list([.text("a"), .text("b"), .text("c")])
    static let unlabelled = Value.list([.text("a"), .text("zz"), .text("b")])
    static let mixed = Value.list([.text("a"), .integer(7), .text("b")])
    static let holder = designation("holder", lists: [list, unlabelled, mixed])
    static let own = designation("own", labels: ["a": label("own a")])
    static let covering = designation("covering", labels: ["a": label("covering a"), "b": label("covering b")])

    /// One table for every context but the changed one: so only the key tells them apart.
    static let rulesLabels: TextLabels = {
        var labels = TextLabels()
        labels.anyDomain = LabelTable(["a": label("rules a"), "b": label("rules b"), "c": label("rules c")])
        return labels
    }()

    static func context(_ language: Language, _ labels: TextLabels, designation: Designation?, designations: [Designation], listWords: ListWords?) -> TextContext {
        TextContext(
            language: language, labels: labels, household: nil, designations: designations, designation: designation, peopleByName: false,
            listWords: listWords)
    }

    /// The list's words as a person reads them: "x, y en z" or "x, y and z".
    static func expected(_ words: [String], _ language: Language) -> String {
        words.dropLast().joined(separator: ", ") + (language == .en ? " and " : " en ") + (words.last ?? "")
    }

    @Test("each context gets its own words: language, the rule's designation, the covering ones, the rules' labels")
    func everyContext() {
        let listWords = ListWords()
        var changed = Self.rulesLabels
        changed.anyDomain.set(Self.label("changed c"), for: "c")
        // The holder is the rule's designation or a covering one in each; pairs differ in one part of the key.
        let contexts: [(TextLabels, Designation?, [Designation], [String])] = [
            (Self.rulesLabels, Self.holder, [], ["rules a", "rules b", "rules c"]),
            (Self.rulesLabels, Self.holder, [Self.holder], ["rules a", "rules b", "rules c"]),
            (Self.rulesLabels, Self.own, [Self.holder], ["own a", "rules b", "rules c"]),
            (Self.rulesLabels, Self.holder, [Self.covering], ["covering a", "covering b", "rules c"]),
            (Self.rulesLabels, Self.holder, [Self.own], ["own a", "rules b", "rules c"]),
            (Self.rulesLabels, Self.own, [Self.covering, Self.holder], ["own a", "covering b", "rules c"]),
            (changed, Self.holder, [], ["rules a", "rules b", "changed c"]),
        ]
        // Twice round, each context in both languages: the second round is written from memory.
        for round in 0..<2 {
            for (labels, designation, designations, words) in contexts {
                for language in [Language.nl, .en] {
                    let text = ValueRendering.text(Self.list, Self.context(language, labels, designation: designation, designations: designations, listWords: listWords))
                    let fresh = ValueRendering.text(Self.list, Self.context(language, labels, designation: designation, designations: designations, listWords: nil))
                    let want = Self.expected(words.map { $0 + (language == .en ? " (en)" : " (nl)") }, language)
                    #expect(text == want, "round \(round), \(language)")
                    #expect(fresh == want)
                }
            }
        }
        // Remembered once for each context and language: the second round found every one.
        #expect(listWords.count == contexts.count * 2)
    }

    @Test("a list with a code no label names, or a value other than a code, is written afresh and not remembered")
    func onlyLabelledCodes() {
        let listWords = ListWords()
        let context = Self.context(.nl, Self.rulesLabels, designation: Self.holder, designations: [], listWords: listWords)
        for _ in 0..<2 {
            #expect(ValueRendering.text(Self.unlabelled, context) == "rules a (nl), zz en rules b (nl)")
            #expect(ValueRendering.text(Self.mixed, context) == "rules a (nl), zeven en rules b (nl)")
        }
        #expect(listWords.count == 0)
    }

    @Test("a list that is no designation's (an applicant's codes) is written afresh and not remembered")
    func onlyDesignationsLists() {
        let listWords = ListWords()
        let applicants = Value.list([.text("c"), .text("b"), .text("a")])
        for designation in [nil, Self.holder] {
            let context = Self.context(.en, Self.rulesLabels, designation: designation, designations: [Self.covering], listWords: listWords)
            for _ in 0..<2 {
                #expect(ValueRendering.text(applicants, context) == Self.expected(["rules c (en)", "covering b (en)", "covering a (en)"], .en))
            }
        }
        #expect(listWords.count == 0)
    }

    @Test("more lists than it keeps: it starts again, and every list still reads right")
    func overflow() {
        let listWords = ListWords()
        let codes = ["a", "b", "c"]
        // Lists of 3 to 3 + n codes, all one designation's, written twice.
        let lists = (0..<(ListWords.capacity + 10)).map { n in (0..<(3 + n)).map { codes[$0 % 3] } }
        let many = Self.designation("many", lists: lists.map { Value.list($0.map { .text($0) }) })
        let values = many.measures[0].values
        let context = Self.context(.en, Self.rulesLabels, designation: many, designations: [], listWords: listWords)
        for _ in 0..<2 {
            for (codes, value) in zip(lists, values) {
                #expect(ValueRendering.text(value, context) == Self.expected(codes.map { "rules \($0) (en)" }, .en))
            }
        }
        #expect(listWords.count > 0 && listWords.count <= ListWords.capacity)
    }

    @Test("the covering designations' ids are remembered in words however few, only when the engine wrote them")
    func designationIds() {
        let listWords = ListWords()
        let a = Self.designation("des-a"), b = Self.designation("des-b", from: "2021-03-15"), stranger = Self.designation("des-c", from: "2019-07-01")
        let engineWords = DesignationWords([a, b], labels: Self.rulesLabels)
        let note = EscapeNote()
        func context(_ set: CoveringSet, _ memory: ListWords?) -> TextContext {
            TextContext(
                language: .nl, labels: Self.rulesLabels, household: nil, designations: set.designations, designation: set.designations.first,
                peopleByName: false, designationWords: engineWords, escapeNote: note, listWords: memory, designationIds: set.idsValue.listElements)
        }
        // Worked out from the designations' municipality and terms (no measure has a label here).
        let words = "de aanwijzing voor Rotterdam van 1 januari 2020 tot en met 1 januari 2024 en "
            + "de aanwijzing voor Rotterdam van 15 maart 2021 tot en met 15 maart 2025"
        let covering = CoveringSet([a, b], measureNames: CoveringSetMeasureTests.measureNames)
        for round in 0..<2 {
            note.found = false
            #expect(ValueRendering.text(covering.idsValue, context(covering, listWords)) == words, "round \(round)")
            #expect(!note.found)
            #expect(listWords.count == 1)
        }
        // An escape noted before the list stays noted, whether it is written from memory or anew.
        for memory in [listWords, ListWords()] {
            note.found = true
            #expect(ValueRendering.text(covering.idsValue, context(covering, memory)) == words)
            #expect(note.found)
        }
        // The same ids in a list of other storage are an applicant's codes: written, not remembered.
        note.found = false
        #expect(ValueRendering.text(.list([.text("des-a"), .text("des-b")]), context(covering, listWords)) == words)
        #expect(listWords.count == 1)
        // A designation the engine did not write (its words unchecked, the escape noted): not remembered.
        let mixed = CoveringSet([a, stranger], measureNames: CoveringSetMeasureTests.measureNames)
        for _ in 0..<2 {
            note.found = false
            #expect(ValueRendering.text(mixed.idsValue, context(mixed, listWords)) == "de aanwijzing voor Rotterdam van 1 januari 2020 tot en met 1 januari 2024 en "
                + "de aanwijzing voor Rotterdam van 1 juli 2019 tot en met 1 juli 2023")
            #expect(note.found)
        }
        #expect(listWords.count == 1)
    }
}
