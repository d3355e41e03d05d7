import Dispatch

/// Decides a population under the law as it is and under one or more reforms (the values of a
/// sweep), and counts (interface §11 `impact`). Decisions are made for counting only: no facts,
/// no texts. Lines are compared in consecutive slices on several cores; the tallies are summed,
/// and the changed ids come back in input order, so nothing depends on the number of jobs.
public struct ImpactComparison: Sendable {
    /// One worker's engines: the law as it is and each reform, compiled for it alone.
    public struct Engines: Sendable {
        public var base: Engine
        public var reforms: [Engine]
        public var reader: PopulationReader
        /// A designation's municipality by id, for the municipality an application is counted under.
        let municipalities: [String: String]

        public init(base: Engine, reforms: [Engine], role: Role) {
            self.base = base
            self.reforms = reforms
            self.reader = PopulationReader(reader: ApplicationReader(law: base.law, role: role))
            var names: [String: String] = [:]
            for designation in base.designations + reforms.flatMap(\.designations) { names[designation.id] = designation.municipality }
            municipalities = names
        }
    }

    /// What consecutive lines gave besides the counts: the changed ids as JSON Lines, the lines
    /// that could not be read or decided, and the redacted log entries.
    public struct Slice: Sendable {
        public var changed: [UInt8] = []
        public var errors: [(line: Int, error: InputError)] = []
        public var redacted = 0
    }

    /// A block of lines compared: the counts (a tally per reform, summed over all lines) and the
    /// slices in input order.
    public struct Block: Sendable {
        public var tallies: [ImpactTally]
        public var slices: [Slice]
    }

    public let workers: [Engines]
    /// The label of each reform in a changed line (`"value"`), nil without a sweep.
    public let labels: [String?]

    /// - Parameter workers: at least one; without any, nothing is compared.
    public init(workers: [Engines], labels: [String?]) {
        self.workers = workers
        self.labels = labels
    }

    /// Compares `lines` on every worker. The lines are cut into many small slices, taken by
    /// whichever worker is free, so that no worker waits long for the last one at the end of a
    /// block; each worker counts into its own tallies, summed once per block.
    public func compare(_ lines: ArraySlice<[UInt8]>, firstLine: Int = 1) -> Block {
        let reforms = workers.first?.reforms.count ?? 0
        let empty = Array(repeating: ImpactTally(), count: reforms)
        guard let firstWorker = workers.first else { return Block(tallies: empty, slices: []) }
        let count = lines.count
        let sliceCount = workers.count == 1 ? 1 : min(workers.count * 32, max(count, 1))
        let slots = ConcurrentSlots<Slice>(count: sliceCount)
        let workerTallies = ConcurrentSlots<[ImpactTally]>(count: workers.count)
        let base = lines.startIndex
        let labels = self.labels
        let compareSlice: @Sendable (Int, Engines, inout [ImpactTally]) -> Void = { slice, engines, tallies in
            let start = count * slice / sliceCount
            let end = count * (slice + 1) / sliceCount
            var result = Slice()
            var changed = JSONBytes()
            // The arrays of the slice's applications, reused from one line to the next, and the
            // reasons' lists of the decisions under the rules as they are and as changed.
            var spares = LineSpares()
            var baseReasons: [Reason] = [], reformReasons: [Reason] = []
            for i in start..<end {
                do throws(InputError) {
                    switch try engines.reader.read(lines[base + i], reusing: &spares) {
                    case .noDecision: continue
                    case .redacted: result.redacted += 1
                    case .application(var application):
                        defer { spares.recycle(&application) }
                        let dwelling = AreaMatcher.DwellingKey(application.dwelling)
                        let before = try engines.base.decideForCounting(application, dwelling: dwelling, recycling: &baseReasons)
                        defer { baseReasons = before.reasons }
                        let municipality = before.designations.first.flatMap { engines.municipalities[$0] } ?? application.dwelling.municipality.trimmingWhitespace
                        // By index: `enumerated()` would copy each engine (a dozen references) per application.
                        for k in engines.reforms.indices {
                            let after = try engines.reforms[k].decideForCounting(application, dwelling: dwelling, recycling: &reformReasons)
                            defer { reformReasons = after.reasons }
                            tallies[k].add(base: before, reform: after, municipality: municipality)
                            if after.outcome != before.outcome {
                                Self.changedLine(application.id, before.outcome, after.outcome, labels[k], into: &changed)
                            }
                        }
                    }
                } catch {
                    result.errors.append((firstLine + i, error))
                }
            }
            result.changed = changed.bytes
            slots.store(result, at: slice)
        }
        if sliceCount == 1 {
            var tallies = empty
            compareSlice(0, firstWorker, &tallies)
            workerTallies.store(tallies, at: 0)
        } else {
            let workers = self.workers
            let counter = SliceCounter(limit: sliceCount)
            DispatchQueue.concurrentPerform(iterations: workers.count) { worker in
                var tallies = empty
                while let slice = counter.next() { compareSlice(slice, workers[worker], &tallies) }
                workerTallies.store(tallies, at: worker)
            }
        }
        var tallies = empty
        for case let mine? in workerTallies.takeValues() {
            for (k, tally) in mine.enumerated() { tallies[k].merge(tally) }
        }
        return Block(tallies: tallies, slices: slots.takeValues().map { $0 ?? Slice() })
    }

    /// `{"application":"…","from":"refused","to":"granted"}` (with `"value"` in a sweep) and a newline.
    static func changedLine(_ id: String, _ from: Decision.Outcome, _ to: Decision.Outcome, _ label: String?, into out: inout JSONBytes) {
        out.raw("{\"application\":")
        out.appendString(id)
        out.raw(",\"from\":")
        out.appendString(from.rawValue)
        out.raw(",\"to\":")
        out.appendString(to.rawValue)
        if let label {
            out.raw(",\"value\":")
            out.appendString(label)
        }
        out.raw("}\n")
    }
}
