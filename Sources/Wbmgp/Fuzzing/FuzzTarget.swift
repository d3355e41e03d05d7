import Dispatch

/// One parser under fuzz: its seed inputs, the mutations for its format, and the checks that
/// every input, however broken, must pass.
///
/// A crash or a hang is found by the run itself; `check` finds the quieter failures: an output
/// that is not strict JSON, a batch that gives more or fewer lines than it read, an error
/// without a documented code, a diagnostic placed outside its file. New parsers (letter
/// templates, HTTP requests, `--set` values) join the harness by adding a target to
/// ``FuzzTargets``.
public struct FuzzTarget: Sendable {
    public let name: String
    public let seeds: [[UInt8]]
    public let mutator: Mutator
    /// Runs one input made from seed `seedIndex`; returns what went wrong, empty when all held.
    public let check: @Sendable (_ seedIndex: Int, _ input: [UInt8]) -> [String]

    public init(name: String, seeds: [[UInt8]], mutator: Mutator, check: @escaping @Sendable (Int, [UInt8]) -> [String]) {
        self.name = name
        self.seeds = seeds
        self.mutator = mutator
        self.check = check
    }

    /// The `index`-th input of a run with `seed`: a mutation of seed input `index % seeds.count`.
    public func input(_ index: Int, seed: UInt64) -> (seedIndex: Int, bytes: [UInt8]) {
        let seedIndex = index % seeds.count
        return (seedIndex, mutator.mutate(seeds[seedIndex], seed: seed, index: index))
    }
}

/// What a fuzz run of one target found.
public struct FuzzReport: Sendable {
    public var target: String
    public var inputs = 0
    /// Inputs whose checks failed, with their index (to reproduce) and what went wrong; the
    /// first few only.
    public var failures: [(index: Int, problems: [String])] = []
    public var failureCount = 0
    /// The slowest input: its index, size and time.
    public var slowest: (index: Int, bytes: Int, duration: Duration) = (0, 0, .zero)
    public var duration: Duration = .zero

    public init(target: String) { self.target = target }

    /// Adds what another worker of the same run found.
    public mutating func merge(_ other: FuzzReport) {
        inputs += other.inputs
        failureCount += other.failureCount
        failures = Array((failures + other.failures).sorted { $0.index < $1.index }.prefix(20))
        if other.slowest.duration > slowest.duration { slowest = other.slowest }
    }
}

/// Runs a target's mutations and collects a ``FuzzReport``.
public enum FuzzRunner {
    /// Checks inputs `indices` of `target` from generator `seed`, calling `starting` before each
    /// (for a crash or hang report that names the input in flight).
    public static func run(
        _ target: FuzzTarget, indices: some Sequence<Int>, seed: UInt64, starting: (Int) -> Void = { _ in }
    ) -> FuzzReport {
        var report = FuzzReport(target: target.name)
        let clock = ContinuousClock()
        let began = clock.now
        for index in indices {
            starting(index)
            let (seedIndex, bytes) = target.input(index, seed: seed)
            let start = clock.now
            let problems = target.check(seedIndex, bytes)
            let elapsed = clock.now - start
            report.inputs += 1
            if elapsed > report.slowest.duration { report.slowest = (index, bytes.count, elapsed) }
            if !problems.isEmpty {
                report.failureCount += 1
                if report.failures.count < 20 { report.failures.append((index, problems)) }
            }
        }
        report.duration = clock.now - began
        return report
    }

    /// Checks inputs `from ..< from + count` on `jobs` threads (worker `w` takes every `jobs`-th
    /// input from `from + w`), merging what each found; `starting(worker, index)` runs before
    /// each input, and with index -1 when a worker is done.
    public static func run(
        _ target: FuzzTarget, from: Int, count: Int, seed: UInt64, jobs: Int, starting: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> FuzzReport {
        let slots = ConcurrentSlots<FuzzReport>(count: jobs)
        let clock = ContinuousClock()
        let began = clock.now
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            let indices = stride(from: from + worker, to: from + count, by: jobs)
            slots.store(run(target, indices: indices, seed: seed) { starting(worker, $0) }, at: worker)
            starting(worker, -1)
        }
        var report = FuzzReport(target: target.name)
        for part in slots.takeValues() { if let part { report.merge(part) } }
        report.duration = clock.now - began
        return report
    }
}
