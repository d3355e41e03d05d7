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

    /// What consecutive lines added: a tally per reform, the changed ids as JSON Lines, the lines
    /// that could not be read or decided, and the redacted log entries.
    public struct Slice: Sendable {
        public var tallies: [ImpactTally]
        public var changed: [UInt8] = []
        public var errors: [(line: Int, error: InputError)] = []
        public var redacted = 0
    }

    public let workers: [Engines]
    /// The label of each reform in a changed line (`"value"`), nil without a sweep.
    public let labels: [String?]

    /// - Parameter workers: at least one; without any, nothing is compared.
    public init(workers: [Engines], labels: [String?]) {
        self.workers = workers
        self.labels = labels
    }

    public func compare(_ lines: ArraySlice<[UInt8]>, firstLine: Int = 1) -> [Slice] {
        guard let firstWorker = workers.first else { return [] }
        let count = lines.count
        let sliceCount = workers.count == 1 ? 1 : min(workers.count * 8, max(count, 1))
        let slots = ConcurrentSlots<Slice>(count: sliceCount)
        let base = lines.startIndex
        let reforms = firstWorker.reforms.count
        let labels = self.labels
        let compareSlice: @Sendable (Int, Engines) -> Void = { slice, engines in
            let start = count * slice / sliceCount
            let end = count * (slice + 1) / sliceCount
            var result = Slice(tallies: Array(repeating: ImpactTally(), count: reforms))
            var changed = JSONBytes()
            for i in start..<end {
                do throws(InputError) {
                    switch try engines.reader.read(lines[base + i]) {
                    case .noDecision: continue
                    case .redacted: result.redacted += 1
                    case .application(let application):
                        let before = try engines.base.decideForCounting(application)
                        let municipality = before.designations.first.flatMap { engines.municipalities[$0] } ?? application.dwelling.municipality.trimmingWhitespace
                        for (k, reform) in engines.reforms.enumerated() {
                            let after = try reform.decideForCounting(application)
                            result.tallies[k].add(base: before, reform: after, municipality: municipality)
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
            compareSlice(0, firstWorker)
        } else {
            let workers = self.workers
            let counter = SliceCounter(limit: sliceCount)
            DispatchQueue.concurrentPerform(iterations: workers.count) { worker in
                while let slice = counter.next() { compareSlice(slice, workers[worker]) }
            }
        }
        return slots.values.map { $0 ?? Slice(tallies: Array(repeating: ImpactTally(), count: reforms)) }
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
