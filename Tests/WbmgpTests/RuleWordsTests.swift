import Testing

@testable import Wbmgp

/// A rule's words and the JSON the writer copies for every reason of the rule (step 127 keeps
/// the JSON in memory of the object's own, read through pointers).
@Suite("A rule's words as JSON")
struct RuleWordsTests {
    @Test("head and tail are the JSON of the citation, effect and id, escaped once")
    func json() {
        let words = RuleWords(id: "art8.income", citation: "Wbmgp art. 8 lid 1", effect: "refuse")
        #expect(Array(words.head) == Array(#"{"citation":"Wbmgp art. 8 lid 1","effect":"refuse","facts":"#.utf8))
        #expect(Array(words.tail) == Array(#","rule":"art8.income","text":"#.utf8))
        let quoted = RuleWords(id: "a\"b", citation: "c\\d", effect: "e\nf")
        #expect(Array(quoted.head) == Array(#"{"citation":"c\\d","effect":"e\nf","facts":"#.utf8))
        #expect(Array(quoted.tail) == Array(#","rule":"a\"b","text":"#.utf8))
    }

    @Test("a reason whose rule is set gets words of its own, and both are written as they say")
    func setWords() throws {
        let law = TestSupport.law
        let rule = try #require(law.snapshots.last?.rules.first { $0.id == "art8.income" })
        var reason = Reason(ruleVersion: rule.validFrom, words: rule.words, result: .passed, lifted: nil, person: nil, content: ReasonContent(nl: "n", en: "e"))
        reason.rule = "renamed"
        #expect(Array(reason.words.tail) == Array(#","rule":"renamed","text":"#.utf8))
        #expect(Array(rule.words.tail) == Array(#","rule":"art8.income","text":"#.utf8))
        #expect(reason.citation == rule.citation)
        #expect(RuleWords(id: "x", citation: "y", effect: "z") == RuleWords(id: "x", citation: "y", effect: "z"))
        #expect(RuleWords(id: "x", citation: "y", effect: "z") != RuleWords(id: "x", citation: "y", effect: "w"))
    }
}
