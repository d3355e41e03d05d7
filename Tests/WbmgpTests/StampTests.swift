import Testing

@testable import Wbmgp

/// The stamps by which the evaluator clears its locals and fact caches without touching them
/// (``FactCache/advanced(_:clearing:)``). A service that runs long enough uses them up:
/// then every entry must read as cleared, whatever stamp it was written under.
@Suite struct StampTests {
    @Test("the next stamp leaves the entries as they are; past the last, all read as cleared")
    func advancing() {
        var stamps: [UInt32] = [0, 7, 8, .max]
        #expect(FactCache.advanced(7, clearing: &stamps) == 8)
        #expect(stamps == [0, 7, 8, .max])
        // An entry written under the last stamp, or any other, is not current after the wrap.
        let next = FactCache.advanced(.max, clearing: &stamps)
        #expect(next == 1)
        #expect(stamps == [0, 0, 0, 0])
        #expect(!stamps.contains(next))
    }
}
