import Testing

@testable import Wbmgp

/// The set checks' overlap of two designations' areas (interface §5) through an index, so two
/// designations listing tens of thousands of postcodes or addresses are compared in n log n.
@Suite("Designation overlap: indexed, and the same answer as comparing every pair")
struct AreaOverlapTests {
    /// A random postcode pattern over a small space, so overlaps are frequent.
    static func pattern(_ random: inout SplitMix64) -> PostcodePattern {
        let digits = String(3100 + random.int(in: 0...20))
        let letters = ["AA", "AB", "BC", "CZ", "MN", "ZZ"]
        switch random.int(in: 0...2) {
        case 0: return .area(digits)
        case 1: return .exact(digits + (random.pick(letters) ?? "AA"))
        default:
            let low = digits + (random.pick(letters) ?? "AA")
            let high = String((Int(digits) ?? 3100) + random.int(in: 0...2)) + (random.pick(letters) ?? "ZZ")
            return .range(min(low, high), max(low, high))
        }
    }

    @Test("the interval index finds an overlap exactly when some pattern overlaps, on 3,000 random lists")
    func intervalsAgreeWithPairs() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let patterns = (0..<random.int(in: 0...12)).map { _ in Self.pattern(&random) }
            let query = Self.pattern(&random)
            let (low, high) = DesignationSetChecks.bounds(query)
            let found = PostcodeIntervals(patterns).overlapping(low, high)
            let any = patterns.contains { DesignationSetChecks.postcodesOverlap($0, query) }
            #expect((found != nil) == any, "\(patterns) against \(query)")
            if let found { #expect(DesignationSetChecks.postcodesOverlap(patterns[found], query)) }
        }
    }

    @Test("an address is covered through the index exactly when a pattern matches its postcode")
    func addressesAgreeWithPairs() {
        var random = SplitMix64(seed: 6)
        for _ in 0..<3_000 {
            let patterns = (0..<random.int(in: 0...12)).map { _ in Self.pattern(&random) }
            let postcode = String(3100 + random.int(in: 0...22)) + (random.pick(["AA", "AC", "CZ", "ZZ"]) ?? "AA")
            let expected = patterns.contains { AreaMatcher.matches($0, postcode) }
            #expect(DesignationSetChecks.covered(postcode, by: patterns, PostcodeIntervals(patterns)) == expected, "\(patterns) \(postcode)")
        }
    }

    @Test("two designations of 20,000 postcodes and 20,000 addresses each: the one shared address is found")
    func largeLists() {
        var a = Areas()
        var b = Areas()
        for i in 0..<20_000 {
            a.postcodes.append(.exact(String(1000 + i / 26) + "A" + String(UnicodeScalar(65 + UInt8(i % 26)))))
            b.postcodes.append(.exact(String(5000 + i / 26) + "B" + String(UnicodeScalar(65 + UInt8(i % 26)))))
            a.addresses.append(Address(postcode: "2000AA", houseNumber: i, houseNumberAddition: nil))
            b.addresses.append(Address(postcode: "2000AA", houseNumber: 20_000 + i, houseNumberAddition: nil))
        }
        #expect(DesignationSetChecks.overlap(a, b) == nil)
        b.addresses.append(Address(postcode: "2000AA", houseNumber: 19_999, houseNumberAddition: nil))
        #expect(DesignationSetChecks.overlap(a, b) == "address 2000AA 19999")
        b.postcodes.append(.range("1300AA", "1300ZZ"))
        #expect(DesignationSetChecks.overlap(a, b)?.hasPrefix("postcodes 1300") == true)
    }
}
