import Testing

@testable import Wbmgp

/// The fast paths must not change a byte: the tree a decision record is logged from against the
/// bytes the writer writes, the pretty layout against the general writer's, on thousands of
/// generated decisions that reach every outcome.
@Suite("Byte-identical fast paths")
struct EncoderTests {
    @Test("a decision read back as a tree (what the log splits and writes) writes the same bytes again (3,000 generated decisions)")
    func encoderMatchesReference() throws {
        let (module, diagnostics) = RuleModule.load(rules: TestSupport.rulesDirectory)
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        var generator = ApplicationGenerator(law: loaded.law, designations: loaded.designations, seed: 7)
        let service = DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), role: .review)
        var outcomes = Set<String>()
        for i in 0..<3000 {
            let line = Array(generator.next(index: i).utf8)
            let application = try service.reader.read(line)
            let decision = try service.engine.decide(application)
            outcomes.insert(decision.outcome.rawValue)
            let input = i % 3 == 0 ? ApplicationWriter.json(application, keeping: decision.usedPoliceRecords) : nil
            var fast = JSONBytes()
            DecisionWriter.compact(decision, engine: service.engineInfo, input: input, into: &fast)
            let tree = DecisionWriter.json(decision, engine: service.engineInfo, input: input)
            #expect(tree["outcome"] == .string(decision.outcome.rawValue))
            let reference = JSONWriter.compactBytes(tree)
            #expect(fast.bytes == reference, "application \(i)")
            if fast.bytes != reference { break }
        }
        #expect(outcomes == Set(Decision.Outcome.allCases.map(\.rawValue)), "the generator reaches every outcome")
    }

    @Test("the pretty decision laid out from the encoder's bytes is what JSONWriter.pretty writes of the tree: 3,000 generated decisions, every valid fixture, with and without input")
    func prettyFromEncoder() throws {
        let (module, diagnostics) = RuleModule.load(rules: TestSupport.rulesDirectory)
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        var generator = ApplicationGenerator(law: loaded.law, designations: loaded.designations, seed: 9)
        let service = DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), role: .review)
        var documents: [(String, DecisionService, [UInt8])] = (0..<3000).map { ("generated \($0)", service, Array(generator.next(index: $0).utf8)) }
        for fixture in DecideFixture.all("valid") {
            let fixtureService = DecisionService(
                engine: try fixture.engine(), engineInfo: .init(version: "test", rules: "sha256:r", designations: "sha256:d"), lawDate: fixture.lawDate,
                role: fixture.role)
            documents.append((fixture.name, fixtureService, Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)))
        }
        // Texts with every escape the writer makes, quotes and backslashes included.
        documents.append(("escapes", service, Array(#"{"id":"a\"b\\c\n\u0001é","applicationDate":"2021-06-15","dwelling":{"municipality":"Rotterdam","category":"rental"},"household":[{"id":"p\"1","role":"applicant","birthDate":"1990-01-01","name":"{[,:]}"}]}"#.utf8)))
        var checked = 0
        for (name, service, bytes) in documents {
            for withInput in [false, true] {
                guard let reference = try? service.decideJSON(bytes, withInput: withInput) else { continue }
                let pretty = try service.decidePretty(bytes, withInput: withInput)
                #expect(pretty == Array((JSONWriter.pretty(reference) + "\n").utf8), "\(name), input: \(withInput)")
                checked += 1
            }
        }
        #expect(checked > 6000)
    }

    @Test("a batch line through the service equals the reference, error records included")
    func batchLine() throws {
        let (module, _) = RuleModule.load(rules: TestSupport.rulesDirectory)
        let loaded = try #require(module)
        let service = DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), record: true, role: .review)
        let good = Array(try String(contentsOfFile: TestSupport.fixturesDirectory + "/examples/rotterdam-carnisse-2021.json", encoding: .utf8).utf8)
        let (line, error, _) = service.decideLine(good, number: 1)
        #expect(error == nil)
        #expect(line == JSONWriter.compact(try service.decideJSON(good, withInput: true)))
        let (bad, badError, _) = service.decideLine(Array("{\"id\": 3}".utf8), number: 9)
        #expect(badError?.code == "E-TYPE")
        #expect(bad.hasPrefix("{\"error\":{\"code\":\"E-TYPE\""))
    }

    @Test("workers with replicas of the module share no object and write the same bytes as one worker")
    func replicas() throws {
        let (module, diagnostics) = RuleModule.load(rules: TestSupport.rulesDirectory)
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        let replica = loaded.replica()
        #expect(replica.rulesDigest == loaded.rulesDigest && replica.designationsDigest == loaded.designationsDigest)
        #expect(replica.designations.count == loaded.designations.count)
        #expect(zip(replica.designations, loaded.designations).allSatisfy { $0 !== $1 && $0.id == $1.id })
        let rules = loaded.law.snapshots.flatMap(\.rules), replicaRules = replica.law.snapshots.flatMap(\.rules)
        #expect(rules.count == replicaRules.count && zip(rules, replicaRules).allSatisfy { $0 !== $1 && $0.id == $1.id })

        var generator = ApplicationGenerator(law: loaded.law, designations: loaded.designations, seed: 11)
        var lines = (0..<600).map { Array(generator.next(index: $0).utf8) }
        lines[17] = Array("{\"id\": 3}".utf8)  // an error record keeps its place
        let info = loaded.engineInfo(version: "test")
        let one = BatchDecider(service: DecisionService(engine: loaded.engine, engineInfo: info, role: .review), jobs: 1).decide(lines[...])
        let two = BatchDecider(services: [loaded, replica].map { DecisionService(engine: $0.engine, engineInfo: info, role: .review) }).decide(lines[...])
        #expect(one.flatMap(\.bytes) == two.flatMap(\.bytes))
        #expect(two.flatMap(\.errors).count == 1)
    }

    @Test("the engine gives a reason's facts in the order they are written; facts set in another order are still written in name order")
    func factsInNameOrder() throws {
        var generated = try Generated(seed: 11)
        let service = generated.service
        var reordered = 0
        for i in 0..<500 {
            var decision = try generated.decision(i)
            for reason in decision.reasons {
                let names = reason.facts.map(\.key)
                #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(reason.rule) in application \(i)")
            }
            var written = JSONBytes()
            DecisionWriter.compact(decision, engine: service.engineInfo, into: &written)
            // The same reasons with their facts the other way round: the same bytes.
            for r in decision.reasons.indices where decision.reasons[r].facts.count > 1 {
                decision.reasons[r].facts.reverse()
                reordered += 1
            }
            var again = JSONBytes()
            DecisionWriter.compact(decision, engine: service.engineInfo, into: &again)
            #expect(again.bytes == written.bytes, "application \(i)")
        }
        #expect(reordered > 100)
    }

    @Test("a reason's rule words are shared with its rule and copied as the rule wrote them, and written as set once changed; every result is written as its code")
    func ruleWordsCopiedUntilChanged() throws {
        var generated = try Generated(seed: 23)
        let service = generated.service
        let rules = service.engine.law.snapshots.flatMap(\.rules)
        for i in 0..<300 {
            var decision = try generated.decision(i)
            var copied = JSONBytes()
            DecisionWriter.compact(decision, engine: service.engineInfo, into: &copied)
            // Set to the same words, the reasons get words of their own, written anew: the same bytes.
            for r in decision.reasons.indices {
                let given = decision.reasons[r].words
                #expect(rules.contains { $0.words === given }, "a reason's words are its rule's")
                // Each word on its own makes new words, equal in value when unchanged.
                var reason = decision.reasons[r]
                reason.citation = decision.reasons[r].citation
                #expect(reason.words !== given && reason.words == given && reason == decision.reasons[r])
                reason = decision.reasons[r]
                reason.effect = decision.reasons[r].effect
                #expect(reason.words !== given && reason.words == given)
                reason = decision.reasons[r]
                reason.rule = decision.reasons[r].rule
                #expect(reason.words !== given && reason.words == given)
                decision.reasons[r].rule = decision.reasons[r].rule
                decision.reasons[r].citation = decision.reasons[r].citation
                decision.reasons[r].effect = decision.reasons[r].effect
                #expect(decision.reasons[r].words !== given)
            }
        var escaped = JSONBytes()
            DecisionWriter.compact(decision, engine: service.engineInfo, into: &escaped)
            #expect(escaped.bytes == copied.bytes, "application \(i)")
        }
        // Words changed after the engine gave them are written as changed, escaped: each on its own.
        var next = 300
        var decision = try generated.decision(next)
        while decision.reasons.count < RuleResult.allCases.count, next < 400 {
            next += 1
            decision = try generated.decision(next)
        }
        try #require(decision.reasons.count >= RuleResult.allCases.count)
        decision.reasons[0].citation = "Wbmgp \"art. 8\" lid 1"
        decision.reasons[1].effect = "refuse\\now"
        decision.reasons[2].rule = "a8-\u{1}"
        for (r, result) in RuleResult.allCases.enumerated() where r < decision.reasons.count { decision.reasons[r].result = result }
        var written = JSONBytes()
        DecisionWriter.compact(decision, engine: service.engineInfo, into: &written)
        guard case .array(let reasons)? = try JSONReader.parse(written.bytes)["reasons"] else {
            Issue.record("the decision has no reasons array")
            return
        }
        #expect(reasons[0]["citation"] == .string("Wbmgp \"art. 8\" lid 1"))
        #expect(reasons[1]["effect"] == .string("refuse\\now"))
        #expect(reasons[2]["rule"] == .string("a8-\u{1}"))
        for (r, result) in RuleResult.allCases.enumerated() where r < reasons.count {
            #expect(reasons[r]["result"] == .string(result.rawValue))
        }
    }

    /// A review-role service on the shipped rules, deciding generated applications.
    private struct Generated {
        let service: DecisionService
        var generator: ApplicationGenerator

        init(seed: UInt64) throws {
            let (module, _) = RuleModule.load(rules: TestSupport.rulesDirectory)
            let loaded = try #require(module)
            generator = ApplicationGenerator(law: loaded.law, designations: loaded.designations, seed: seed)
            service = DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), role: .review)
        }

        /// The decision on the generated application number `index`.
        mutating func decision(_ index: Int) throws -> Decision {
            try service.engine.decide(try service.reader.read(Array(generator.next(index: index).utf8)))
        }
    }
}
