import Testing

@testable import Wbmgp

/// Which expressions a decision computes once for all its rules (``DecisionFactTable``): those
/// that read only the application, the law date and the covering designations, and do some work.
@Suite struct DecisionFactTableTests {
    /// `[m in household where age(m, applicationDate) >= 16]`, the shape of art. 10's `screened`,
    /// with `m` in `slot`.
    static func screened(slot: Int = 3) -> CompiledExpression {
        .filter(
            slot: slot, .context(.household),
            .compare(.greaterOrEqual, .call(.age, [.local(slot), .context(.applicationDate)]), .constant(.integer(16))))
    }

    @Test("a filter binding its own local, a count of it, a call on the application's facts qualify")
    func qualifying() {
        #expect(DecisionFactTable.qualifies(Self.screened()))
        #expect(DecisionFactTable.qualifies(.compare(.greater, .call(.count, [Self.screened()]), .constant(.integer(0)))))
        #expect(DecisionFactTable.qualifies(.call(.age, [.context(.applicant), .context(.lawDate)])))
        #expect(DecisionFactTable.qualifies(.quantifier(all: true, slot: 1, .context(.household), .isAbsent(.person(.local(1), .income), negated: true))))
    }

    @Test("a rule's person, measure, designation or own fact, or no work, do not qualify")
    func notQualifying() {
        // A local bound outside the expression: the rule's subject `p`.
        #expect(!DecisionFactTable.qualifies(.call(.age, [.local(0), .context(.applicationDate)])))
        // A filter whose condition reads a local bound outside it.
        #expect(!DecisionFactTable.qualifies(.filter(slot: 2, .context(.household), .compare(.equal, .local(2), .local(0)))))
        #expect(!DecisionFactTable.qualifies(.call(.count, [.measureField(0)])))
        #expect(!DecisionFactTable.qualifies(.compare(.equal, .designation(.id), .call(.first, [.context(.designations)]))))
        #expect(!DecisionFactTable.qualifies(.call(.count, [.cached(slot: 1, Self.screened())])))
        // No filter, quantifier or call: cheaper to compute than to look up.
        #expect(!DecisionFactTable.qualifies(.compare(.equal, .context(.kind), .constant(.text("new-tenancy")))))
    }

    @Test("equal expressions get one number, in any rule; others their own")
    func numbering() {
        let table = DecisionFactTable()
        let first = table.slot(for: Self.screened())
        #expect(table.slot(for: Self.screened()) == first)
        #expect(table.slot(for: Self.screened(slot: 4)) != first)
        #expect(table.count == 2)
    }

    @Test("the shipped police-data rules share who is screened")
    func shippedRulesShare() throws {
        // Each rule of art. 10b under the police-data route asks `count(screened) > 0`: one
        // shared node each, all with the same number.
        let rules = try #require(TestSupport.law.snapshots.last).rules.filter { $0.id.hasPrefix("art10b.") && $0.id != "art10b.scope" }
        #expect(rules.count >= 3)
        var common: Set<Int32>?
        for rule in rules {
            let code = rule.program
            let shared = (0..<code.count).compactMap { i -> Int32? in if case .shared(let slot, _) = code.nodes[i] { slot } else { nil } }
            #expect(!shared.isEmpty, "\(rule.id) shares nothing")
            common = common.map { $0.intersection(shared) } ?? Set(shared)
        }
        #expect(common?.isEmpty == false, "the rules share no number")
    }
}
