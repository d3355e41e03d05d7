import Dispatch

/// Decides a batch of JSON Lines on several cores. Lines are split into consecutive slices, each
/// slice decided by one worker into its own byte buffer, and the slices returned in input order,
/// so the output never depends on the number of jobs.
public struct BatchDecider: Sendable {
    /// One service per worker; with more than one, worker `k` always uses `services[k]`.
    public let services: [DecisionService]
    public let jobs: Int

    public var service: DecisionService { services[0] }

    /// `jobs` workers sharing one service.
    public init(service: DecisionService, jobs: Int) {
        self.services = [service]
        self.jobs = max(1, jobs)
    }

    /// One worker per service. Services made from ``RuleModule/replica()`` share no object, so
    /// the workers never write to the same reference counts.
    public init(services: [DecisionService]) {
        precondition(!services.isEmpty, "a batch needs at least one service")
        self.services = services
        self.jobs = services.count
    }

    /// The output of consecutive lines: their bytes (each line ended by a newline), the errors of
    /// lines that were not decided, and the decision records when logging.
    public struct Slice: Sendable {
        public var bytes: [UInt8]
        public var errors: [InputError]
        public var records: [JSONValue]
    }

    /// Decides `lines`, numbering them from `firstLine` (1-based) for error records.
    public func decide(_ lines: ArraySlice<[UInt8]>, firstLine: Int = 1, logging: Bool = false) -> [Slice] {
        let count = lines.count
        let sliceCount = jobs == 1 ? 1 : min(jobs * 8, max(count, 1))
        let slots = ConcurrentSlots<Slice>(count: sliceCount)
        let base = lines.startIndex
        let decideSlice: @Sendable (Int, DecisionService) -> Void = { slice, decider in
            let start = count * slice / sliceCount
            let end = count * (slice + 1) / sliceCount
            var out = JSONBytes(capacity: (end - start) * 3000)
            var result = Slice(bytes: [], errors: [], records: [])
            for i in start..<end {
                let (error, record) = decider.decideLine(lines[base + i], number: firstLine + i, logging: logging, into: &out)
                out.byte(0x0A)
                if let error { result.errors.append(error) }
                if let record { result.records.append(record) }
            }
            result.bytes = out.bytes
            slots.store(result, at: slice)
        }
        if sliceCount == 1 {
            decideSlice(0, services[0])
        } else if services.count > 1 {
            // One worker per service, each taking the next undecided slice until none is left:
            // the load balances, and a service is only ever used by its own worker.
            let services = self.services
            let counter = SliceCounter(limit: sliceCount)
            DispatchQueue.concurrentPerform(iterations: services.count) { worker in
                while let slice = counter.next() { decideSlice(slice, services[worker]) }
            }
        } else {
            let service = services[0]
            DispatchQueue.concurrentPerform(iterations: sliceCount) { decideSlice($0, service) }
        }
        // Every slice is decided before concurrentPerform returns, so no slot is empty.
        return slots.values.map { $0 ?? Slice(bytes: [], errors: [], records: []) }
    }
}

/// Hands out slice numbers 0, 1, … up to a limit, each exactly once, to concurrent workers.
final class SliceCounter: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var taken = 0
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func next() -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard taken < limit else { return nil }
        taken += 1
        return taken - 1
    }
}
