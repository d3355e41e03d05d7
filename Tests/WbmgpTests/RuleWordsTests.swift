import Testing

@testable import Wbmgp

/// A rule's words and its facts' names, and the JSON copied for every reason of the rule (steps
/// 127 and 129 keep it in memory of its own, read through pointers).
@Suite("A rule's words and fact names as JSON")
struct RuleWordsTests {
    @Test("head and tail are the JSON of the citation, effect and id, escaped once")
    func json() {
        // The bytes are read while the words are held, as a reason holds them.
        let words = RuleWords(id: "art8.income", citation: "Wbmgp art. 8 lid 1", effect: "refuse")
        withExtendedLifetime(words) {
            #expect(Array(words.head) == Array(#"{"citation":"Wbmgp art. 8 lid 1","effect":"refuse","facts":"#.utf8))
            #expect(Array(words.tail) == Array(#","rule":"art8.income","text":"#.utf8))
        }
        let quoted = RuleWords(id: "a\"b", citation: "c\\d", effect: "e\nf")
        withExtendedLifetime(quoted) {
            #expect(Array(quoted.head) == Array(#"{"citation":"c\\d","effect":"e\nf","facts":"#.utf8))
            #expect(Array(quoted.tail) == Array(#","rule":"a\"b","text":"#.utf8))
        }
    }

    @Test("a reason whose rule is set gets words of its own, and both are written as they say")
    func setWords() throws {
        let law = TestSupport.law
        let rule = try #require(law.snapshots.last?.rules.first { $0.id == "art8.income" })
        var reason = Reason(ruleVersion: rule.validFrom, words: rule.words, result: .passed, lifted: nil, person: nil, content: ReasonContent(nl: "n", en: "e"))
        reason.rule = "renamed"
        withExtendedLifetime(reason) { #expect(Array(reason.words.tail) == Array(#","rule":"renamed","text":"#.utf8)) }
        #expect(Array(rule.words.tail) == Array(#","rule":"art8.income","text":"#.utf8))
        #expect(reason.citation == rule.citation)
        #expect(RuleWords(id: "x", citation: "y", effect: "z") == RuleWords(id: "x", citation: "y", effect: "z"))
        #expect(RuleWords(id: "x", citation: "y", effect: "z") != RuleWords(id: "x", citation: "y", effect: "w"))
    }

    @Test("a fact's name is the start of a JSON member, escaped once, and follows a new name")
    func factName() {
        // Read while held, as a rule holds its facts' names.
        var fact = CompiledFact(name: "residence", value: CodeRef(index: 0), shownWhen: nil)
        withExtendedLifetime(fact.member) { #expect(Array(fact.member.bytes) == Array(#""residence":"#.utf8)) }
        fact.name = "a\"b"
        withExtendedLifetime(fact.member) { #expect(Array(fact.member.bytes) == Array(#""a\"b":"#.utf8)) }
        let none = FixedBytes([]), three = FixedBytes([1, 2, 3])
        withExtendedLifetime((none, three)) {
            #expect(Array(none.bytes) == [])
            #expect(Array(three.bytes) == [1, 2, 3])
        }
    }
}
