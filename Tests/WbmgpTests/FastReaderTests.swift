import Testing

@testable import Wbmgp

/// The fast application reader may only ever agree with the full reader: same application when
/// it succeeds, and a refusal (so the full reader reports the error) whenever the full reader fails.
@Suite("Fast application reader agrees with the full reader")
struct FastReaderTests {
    /// The reviewer reads everything, police records included; the desk is checked by fixture.
    let reader = ApplicationReader(law: TestSupport.law, role: .review)

    func check(_ bytes: [UInt8], _ label: String, role: Role = .review, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let reader = role == .review ? reader : ApplicationReader(law: TestSupport.law, role: role)
        let fast = reader.fast.read(bytes)
        let full = try? reader.readFully(bytes)
        if let fast { #expect(full == fast, "\(label): fast path read something the full reader reads differently", sourceLocation: sourceLocation) }
        if full == nil { #expect(fast == nil, "\(label): fast path accepted what the full reader rejects", sourceLocation: sourceLocation) }
        return fast != nil
    }

    @Test("every valid fixture takes the fast path and reads the same; every invalid one falls back")
    func fixtures() throws {
        for fixture in DecideFixture.all("valid") {
            let bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
            #expect(check(bytes, fixture.name, role: fixture.role), "\(fixture.name) did not take the fast path")
            #expect(check(Array(JSONWriter.pretty(try #require(fixture.document["application"])).utf8), fixture.name + " (pretty)", role: fixture.role))
        }
        for fixture in DecideFixture.all("invalid") {
            let bytes: [UInt8]
            if case .string(let text) = fixture.document["applicationText"] ?? .null { bytes = Array(text.utf8) } else {
                bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
            }
            #expect(!check(bytes, fixture.name, role: fixture.role))
        }
    }

    @Test("generated applications read the same")
    func generated() {
        var generator = ApplicationGenerator(law: TestSupport.law, designations: (try? TestSupport.fixtureDesignations(["a8-x-rotterdam-carnisse", "a8-y-zaanstad-poelenburg", "dordrecht-vog-2018"])) ?? [], seed: 11)
        var fastCount = 0
        for i in 0..<2000 where check(Array(generator.next(index: i).utf8), "generated \(i)") { fastCount += 1 }
        #expect(fastCount == 2000)
    }

    /// The same 8,000 mutations as the reader's record (``ReaderCorpus``).
    @Test("8,000 mutated applications: the fast path never accepts what the full reader rejects")
    func mutated() throws {
        let seeds = try DecideFixture.all("valid").map { try #require($0.document["application"]) }
        var random = SplitMix64(seed: 2024)
        var rejected = 0
        for n in 0..<8000 {
            var value = random.pick(seeds) ?? .null
            for _ in 0..<random.int(in: 1...3) { value = ReaderCorpus.mutate(value, &random) }
            if !check(Array(JSONWriter.compact(value).utf8), "mutation \(n)") { rejected += 1 }
        }
        #expect(rejected > 1000, "the mutations should break many documents")
    }
}

@Suite("JSON cursor pieces of the fast reader")
struct JSONCursorTests {
    @Test("keys match literals byte for byte, and only whole keys")
    func keys() {
        func matches(_ json: String, _ literal: StaticString) -> Bool {
            var text = json
            return text.withUTF8 { buffer in
                var cursor = JSONCursor(buffer)
                var matched = false
                _ = cursor.object { c, key in
                    switch key {
                    case literal: matched = true
                    default: break
                    }
                    return c.null()
                }
                return matched
            }
        }
        #expect(matches(#"{"id": null}"#, "id"))
        #expect(!matches(#"{"idx": null}"#, "id"))
        #expect(!matches(#"{"i": null}"#, "id"))
        #expect(!matches(#"{"": null}"#, "id"))
        #expect(matches(#"{"": null}"#, ""))
        #expect(!matches(#"{"i\u0064": null}"#, "id"), "a key with an escape is left to the full reader")
    }

    @Test("dates are parsed in place; anything else is refused", arguments: [
        (#""2021-05-01""#, "2021-05-01"), (#""2021-02-29""#, nil), (#""2021-5-01""#, nil), (#""2021-05-01 ""#, nil),
        (#""2021\u002d05-01""#, nil), ("20210501", nil), (#""2021-05-01"#, nil),
    ])
    func dates(json: String, expected: String?) {
        var text = json
        let date = text.withUTF8 { buffer in
            var cursor = JSONCursor(buffer)
            return cursor.date()
        }
        #expect(date?.description == expected)
    }
}
