import Dispatch
import Foundation
import Testing

@testable import Wbmgp

/// Reasons' facts and texts are rendered into one arena per decision, which a thread renders
/// into again once no reason refers to it (``TextArena``, ``DecisionScratch/textArena()``). They
/// must never change after their decision is made: not when the next decision is made, not when
/// only one reason is kept, not when threads decide at once.
@Suite("Reason facts and texts: a decision's stay as made")
struct TextArenaTests {
    /// Every valid decide fixture's application, read in the review role.
    static func applications() throws -> [Application] {
        let reader = ApplicationReader(law: TestSupport.law, role: .review)
        let directory = TestSupport.fixturesDirectory + "/decide/valid"
        var applications: [Application] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasSuffix(".json") {
            if let application = try? reader.read(try TextEscapingTests.application(directory + "/" + name)) { applications.append(application) }
        }
        return applications
    }

    /// Each reason's facts (written as JSON) and texts, copied out at once.
    static func texts(_ decision: Decision) -> [String] {
        decision.reasons.flatMap { [JSONWriter.compact(.object($0.facts)), $0.nl, $0.en] }
    }

    @Test("decisions kept while others are made keep their facts and texts, and the texts are the rules' words")
    func keptDecisionsKeepTheirTexts() throws {
        let engine = try TextEscapingTests.engine()
        let applications = try Self.applications()
        #expect(applications.count > 100)
        var kept: [(index: Int, decision: Decision, texts: [String])] = []
        for (index, application) in applications.enumerated() {
            guard let decision = try? engine.decide(application) else { continue }
            kept.append((index, decision, Self.texts(decision)))
        }
        #expect(kept.count > 100)
        // Made again one by one, each let go before the next: the arena is rendered into again.
        for (index, decision, copied) in kept {
            #expect(Self.texts(decision) == copied, "decision \(decision.application)")
            let again = try engine.decide(applications[index])
            #expect(Self.texts(again) == copied, "decision \(decision.application) made again")
        }
        // Not empty: the fixtures' reasons have texts, a text with words from the rules, and facts.
        #expect(kept.flatMap(\.texts).contains { $0.hasPrefix("Op ") && $0.contains(" valt de huurwoning in ") })
        #expect(kept.flatMap(\.texts).contains { $0.hasPrefix("{\"income\":[") })
    }

    @Test("one reason kept from a decision let go keeps its facts and texts while later decisions are made")
    func oneReasonKeepsItsTexts() throws {
        let engine = try TextEscapingTests.engine()
        let applications = try Self.applications()
        let first = try #require(applications.first)
        var reason = try #require(try engine.decide(first).reasons.first { !$0.facts.isEmpty })
        let facts = reason.facts, nl = reason.nl, en = reason.en
        #expect(!nl.isEmpty && !en.isEmpty)
        for application in applications.dropFirst() { _ = try? engine.decide(application) }
        #expect(reason.facts == facts)
        #expect(reason.nl == nl)
        #expect(reason.en == en)
        // Set again, a text is kept as a String and the rest is unchanged.
        reason.en = "changed"
        #expect(reason.facts == facts)
        #expect(reason.nl == nl)
        #expect(reason.en == "changed")
        reason.facts = []
        #expect(reason.nl == nl)
    }

    @Test("decisions made on several threads at once have the facts and texts of decisions made one by one")
    func threadsKeepTheirTexts() throws {
        let engine = try TextEscapingTests.engine()
        let applications = try Self.applications()
        let expected = applications.map { (try? engine.decide($0)).map(Self.texts) }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            // Each worker makes as many decisions as there are applications, in its own order,
            // keeping every second one to check again at the end.
            var keep: [(index: Int, decision: Decision)] = []
            for step in applications.indices {
                let i = (step * 7 + worker * 31) % applications.count
                guard let decision = try? engine.decide(applications[i]) else { continue }
                if step % 2 == 0 { keep.append((i, decision)) }
                results.note(Self.texts(decision) == expected[i])
            }
            for (i, decision) in keep { results.note(Self.texts(decision) == expected[i]) }
        }
        #expect(results.mismatches == 0)
        // Four workers, each checking most of its decisions once and every second one again.
        #expect(results.checks > applications.count * 4)
    }

    /// Counts of texts compared, from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var checks = 0
        private(set) var mismatches = 0
        func note(_ same: Bool) {
            lock.lock()
            defer { lock.unlock() }
            checks += 1
            if !same { mismatches += 1 }
        }
    }

    /// The reasons' written form, one JSON value each.
    static func writtenReasons(_ decision: Decision) throws -> [JSONValue] {
        let written = try JSONReader.parse(TextEscapingTests.compact(decision))
        guard case .array(let reasons)? = written["reasons"] else { return [] }
        return reasons
    }

    /// The writer takes the arena of a decision's first reason once for all its reasons
    /// (``ReasonContent/forEachParts(of:_:)``); a reason whose parts lie in another arena, or
    /// were set as values, is written its own way.
    @Test("reasons from two decisions' arenas and reasons set as values, written in one list: each as written alone")
    func reasonsOfSeveralArenas() throws {
        let engine = try TextEscapingTests.engine()
        let decisions = try Self.applications().prefix(40).compactMap { try? engine.decide($0) }.filter { $0.reasons.count >= 2 }
        let first = try #require(decisions.first), second = try #require(decisions.dropFirst().first)
        let alone = try Self.writtenReasons(first) + Self.writtenReasons(second)
        #expect(alone.count == first.reasons.count + second.reasons.count)
        // Both decisions are kept, so their reasons lie in two arenas.
        var mixed = first
        mixed.reasons = first.reasons + second.reasons
        #expect(try Self.writtenReasons(mixed) == alone)
        // A reason set as values among them: the one in front, then one in the middle.
        var setFirst = mixed
        let nl = setFirst.reasons[0].nl
        setFirst.reasons[0].nl = nl
        #expect(try Self.writtenReasons(setFirst) == alone)
        var setMiddle = mixed
        setMiddle.reasons[1].en = "changed"
        let written = try Self.writtenReasons(setMiddle)
        #expect(written[0] == alone[0] && Array(written[2...]) == Array(alone[2...]))
        #expect(written[1]["text"]?["en"] == .string("changed"))
    }
}
