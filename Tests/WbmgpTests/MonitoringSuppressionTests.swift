import Testing

@testable import Wbmgp

/// Small counts in the monitoring report, worked out by hand: no count hidden as "< 5" can be
/// worked out from the total and the counts shown (the review's example: 9 applications, 6
/// granted, the rest 0: the refusals were 3).
@Suite("The monitoring report hides what could be worked out")
struct MonitoringSuppressionTests {
    typealias S = MonitoringSuppression.Shown

    @Test(
        "a total with its outcomes, as published",
        arguments: [
            // 9 = 6 + 3: the 3 alone hidden was 9 − 6; now 6 is "≥ 5" too (5 + 4 … 8 + 1 fit).
            (9, [6, 0, 3, 0, 0], S.exact(9), [S.atLeast(5), .exact(0), .below(5), .exact(0), .exact(0)]),
            // 6 = 5 + 1: with both hidden only 5 + 1 fits (the audit of 2026-12-06: "≥ 5" with
            // conditions, "< 5" refused, the rest 0, so one refusal); the zeros are hidden too,
            // and then 5 + 1 fits as well as 5 + 0 + 1 or 6 + 0: the total can be shown.
            (6, [5, 1, 0, 0, 0], S.exact(6), [S.atLeast(5), .below(5), .below(5), .below(5), .below(5)]),
            // 10 = 8 + 1 + 1: two hidden summing to 2 can only be 1 and 1; the 8 is hidden too.
            (10, [8, 1, 1, 0, 0], S.exact(10), [S.atLeast(5), .below(5), .below(5), .exact(0), .exact(0)]),
            // 10 = 2 + 3 + 5: two hidden summing to 5 fit as 1 + 4, 2 + 3, 3 + 2, 4 + 1.
            (10, [2, 3, 5, 0, 0], S.exact(10), [S.below(5), .below(5), .exact(5), .exact(0), .exact(0)]),
            // 13 = 4 + 4 + 5: two hidden summing to 8 can only be 4 and 4; the 5 is hidden too.
            (13, [4, 4, 5, 0, 0], S.exact(13), [S.below(5), .below(5), .atLeast(5), .exact(0), .exact(0)]),
            // 12 = 7 + 5: nothing small, nothing hidden.
            (12, [7, 5, 0, 0, 0], S.exact(12), [S.exact(7), .exact(5), .exact(0), .exact(0), .exact(0)]),
            // 3 applications: the total itself is small; its parts are hidden with it, zeros too
            // ("< 5" granted beside four zeros said that all were granted).
            (3, [3, 0, 0, 0, 0], S.below(5), [S.below(5), .below(5), .below(5), .below(5), .below(5)]),
            // 11 = 6 + 5: nothing to hide; 0 shown as 0.
            (11, [0, 6, 0, 5, 0], S.exact(11), [S.exact(0), .exact(6), .exact(0), .exact(5), .exact(0)]),
        ])
    func split(_ total: Int, _ counts: [Int], _ expectedTotal: S, _ expected: [S]) {
        let (shown, parts) = MonitoringSuppression.split(total: total, counts: counts, minimum: 5)
        #expect(shown == expectedTotal)
        #expect(parts == expected)
    }

    @Test("every split of 5 to 11 applications into five outcomes leaves each hidden count more than one value")
    func nothingWorkedOut() {
        // Brute force: for each split, every set of counts that fits what is published.
        func splits(_ total: Int, _ cells: Int) -> [[Int]] {
            cells == 1 ? [[total]] : (0...total).flatMap { first in splits(total - first, cells - 1).map { [first] + $0 } }
        }
        // The keenest reader: a "< 5" is 1 to 4 when the group shows a zero (zeros were not
        // hidden), else 0 to 4.
        func fits(_ shown: S, _ count: Int, zerosShown: Bool) -> Bool {
            switch shown {
            case .exact(let n): return count == n
            case .below(let k): return count >= (zerosShown ? 1 : 0) && count < k
            case .atLeast(let k): return count >= k
            }
        }
        let byTotal = (0...16).map { splits($0, 5) }
        for total in 5...11 {
            for counts in byTotal[total] {
                let (shownTotal, shown) = MonitoringSuppression.split(total: total, counts: counts, minimum: 5)
                let hidden = shown.contains { if case .exact = $0 { false } else { true } }
                guard hidden else { continue }
                // The totals the reader cannot rule out, and the splits that fit.
                // A total shown as "≥ 5" is taken up to 16: more only widens what fits.
                let zerosShown = shown.contains(.exact(0))
                let totals = (1...16).filter { fits(shownTotal, $0, zerosShown: true) }
                let fitting = totals.flatMap { t in byTotal[t].filter { candidate in zip(candidate, shown).allSatisfy { fits($1, $0, zerosShown: zerosShown) } } }
                for i in counts.indices where shown[i] != .exact(counts[i]) {
                    #expect(Set(fitting.map { $0[i] }).count > 1, "\(counts): count \(i) can be worked out")
                }
            }
        }
    }

    @Test("the groups' applications split the decisions counted: one small group beside the others hides the smallest other's total, whose outcomes are then hidden alone")
    func groupsSplitTheDecisions() throws {
        var report = MonitoringReport(by: [.designation], from: nil, until: nil, minimumCount: 5, municipalities: [:])
        func add(_ designation: String, _ outcome: Decision.Outcome, _ times: Int) {
            for _ in 0..<times {
                let entry = MonitoringEntry(
                    applicationDate: TestSupport.date("2020-06-01"), decisionDate: nil, outcome: outcome, designations: [designation], grounds: [], hardship: [],
                    defects: [], missingFacts: [], rules: nil)
                _ = report.add(entry)
            }
        }
        // a: 9 (7 granted, 2 refused); b: 3 granted; c: 12 (6 granted, 6 refused). Shown alone, 3
        // would be 24 less 9 and 12: so a's 9, the smallest other, is "≥ 5" as well.
        add("a", .granted, 7)
        add("a", .refused, 2)
        add("b", .granted, 3)
        add("c", .granted, 6)
        add("c", .refused, 6)
        let groups = report.publishedGroups
        #expect(groups.map(\.key.designation) == ["a", "b", "c"])
        #expect(groups.map(\.applications) == [.atLeast(5), .below(5), .exact(12)])
        let granted = Outcomes.index(.granted), refused = Outcomes.index(.refused)
        // a's total hidden: every outcome of it hidden too ("≥ 5" granted, "< 5" the rest, zeros
        // too), or 7 granted shown beside a refusal "< 5" would bound a's total from below.
        #expect(groups[0].outcomes[granted] == .atLeast(5) && groups[0].outcomes[refused] == .below(5))
        #expect(groups[0].outcomes[Outcomes.index(.incomplete)] == .below(5))
        #expect(groups[2].outcomes[granted] == .exact(6) && groups[2].outcomes[refused] == .exact(6))
        // b, under five: every outcome "< 5", zeros too, and nothing broken down further.
        #expect(groups[1].outcomes == Array(repeating: .below(5), count: Outcomes.count) && groups[1].withheld == Set(MonitoringReport.Detail.allCases))
        // a's total hidden: nothing of its breakdown; c shows all its counts: everything.
        #expect(groups[0].withheld == Set(MonitoringReport.Detail.allCases) && groups[2].withheld.isEmpty)
        // A group whose total is hidden while all its outcomes could be shown: one of them is
        // hidden too, or they would add up to it (q 3; r 6 not applicable; s 10: q alone small,
        // so r's total is "≥ 5", and so is its one outcome).
        var second = MonitoringReport(by: [.designation], from: nil, until: nil, minimumCount: 5, municipalities: [:])
        for (designation, outcome, times) in [("q", Decision.Outcome.granted, 3), ("r", .notApplicable, 6), ("s", .granted, 10)] {
            for _ in 0..<times {
                _ = second.add(MonitoringEntry(
                    applicationDate: TestSupport.date("2020-06-01"), decisionDate: nil, outcome: outcome, designations: [designation], grounds: [], hardship: [],
                    defects: [], missingFacts: [], rules: nil))
            }
        }
        let r = second.publishedGroups[1]
        #expect(r.applications == .atLeast(5) && r.outcomes[Outcomes.index(.notApplicable)] == .atLeast(5))
        let text = MonitoringText.render(report, words: MonitoringWords(language: .nl, law: TestSupport.law, designations: []))
        #expect(text.contains("Aanvragen: ≥ 5") && text.contains("Aanvragen: < 5") && text.contains("Aanvragen: 12"), "\(text)")
    }

    @Test("the decisions counted and the groups' totals give no hidden count back (the review of 2026-12-06, worked by hand)")
    func totalsAcrossGroups() {
        func report(_ entries: [(year: String, outcome: Decision.Outcome, times: Int)]) -> MonitoringReport {
            var report = MonitoringReport(by: [.year], from: nil, until: nil, minimumCount: 5, municipalities: [:])
            for (year, outcome, times) in entries {
                for _ in 0..<times {
                    _ = report.add(MonitoringEntry(
                        applicationDate: TestSupport.date("\(year)-06-01"), decisionDate: nil, outcome: outcome, designations: [], grounds: [], hardship: [],
                        defects: [], missingFacts: [], rules: nil))
                }
            }
            return report
        }
        let granted = Outcomes.index(.granted)
        let below = Array(repeating: S.below(5), count: Outcomes.count)
        // 6 decisions: 5 granted in 2019, 1 in 2020. Shown "≥ 5" and "< 5" beside a total of 6,
        // the two could only be 5 and 1: the total is hidden as well, and the logs' counts with it.
        let six = report([("2019", .granted, 5), ("2020", .granted, 1)])
        #expect(six.publishedTotal == .atLeast(5))
        #expect(six.publishedGroups.map(\.applications) == [.atLeast(5), .below(5)])
        var sixLog = MonitoringReport.Log(path: "decisions.log")
        sixLog.decisions = 6
        #expect(six.publishedDecisions(of: sixLog, total: six.publishedTotal) == .atLeast(5))
        // Nor does the log's head tell it by its sequence number: only the hash is given.
        sixLog.head = "6:sha256:abc"
        #expect(six.publishedHead(of: sixLog, total: six.publishedTotal) == "sha256:abc")
        #expect(report([("2019", .granted, 6)]).publishedHead(of: sixLog, total: .exact(6)) == "6:sha256:abc")
        // 7 decisions: 2019 holds 5 granted and 1 refused, 2020 one. 2019's total hidden, its
        // outcomes all hidden too: "≥ 5" granted beside "< 5" for the rest (zeros included), so
        // 2019 may be 5 or 6 and 2020 1 or 2; the refusal is not told.
        let seven = report([("2019", .granted, 5), ("2019", .refused, 1), ("2020", .granted, 1)])
        #expect(seven.publishedTotal == .exact(7))
        let groups = seven.publishedGroups
        #expect(groups.map(\.applications) == [.atLeast(5), .below(5)])
        var expected2019 = below
        expected2019[granted] = .atLeast(5)
        #expect(groups[0].outcomes == expected2019 && groups[1].outcomes == below)
        #expect(groups.allSatisfy { $0.withheld == Set(MonitoringReport.Detail.allCases) })
    }

    @Test("a group shown whole withholds its grounds where its refusals are hidden, and its missing facts where its incomplete decisions are")
    func groundsBoundTheRefusals() {
        // 6 applications: 5 granted, 1 refused on art. 8 lid 1. Shown: "≥ 5" granted, the rest
        // "< 5" (zeros too); a ground listed "< 5" would say that the one hidden "< 5" that is
        // not zero is the refusal: the grounds are withheld, and the missing facts (the
        // incomplete decisions are hidden as well); hardship decisions, defects and days are not.
        var report = MonitoringReport(by: [], from: nil, until: nil, minimumCount: 5, municipalities: [:])
        let ground = ImpactTally.Ground(rule: "art8.income", citation: "Wbmgp art. 8 lid 1")
        for i in 0..<6 {
            _ = report.add(MonitoringEntry(
                applicationDate: TestSupport.date("2020-06-01"), decisionDate: nil, outcome: i == 0 ? .refused : .granted, designations: [],
                grounds: i == 0 ? [ground] : [], hardship: [], defects: [], missingFacts: [], rules: nil))
        }
        let group = report.publishedGroups[0]
        #expect(group.applications == .exact(6))
        #expect(group.withheld == [.grounds, .missingFacts])
        #expect(group.details.grounds.isEmpty && group.tally.grounds[ground] == 1)
        #expect(!JSONWriter.compact(report.json).contains("art8.income"))
        #expect(JSONWriter.compact(report.json).contains("\"withheld\":[\"grounds\",\"missingFacts\"]"))
    }
}
