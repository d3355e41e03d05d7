/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014), so generated
/// benchmark inputs are the same on every run and machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, without the bias of `%` for small ranges that matter here.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    public mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    public mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(in: 0...(items.count - 1))] }
}
