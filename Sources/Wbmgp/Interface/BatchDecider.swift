import Dispatch

/// Decides a batch of JSON Lines on several cores. Lines are split into consecutive slices, each
/// slice decided by one worker into its own byte buffer, and the slices returned in input order,
/// so the output never depends on the number of jobs.
public struct BatchDecider: Sendable {
    /// One service per worker; with more than one, worker `k` always uses `services[k]`.
    public let services: [DecisionService]
    public let jobs: Int
    /// The output buffers of slices written and handed back (``recycle(_:)``).
    let spareOutputs = SpareOutputs()

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
        /// The bytes as the worker wrote them, read in place (``SliceBytes``).
        public var output: SliceBytes
        /// The errors of the lines that could not be decided, with their line numbers.
        public var errors: [(line: Int, error: InputError)]
        public var records: [JSONValue]

        /// The bytes as an array (a copy, for tests and small outputs).
        public var bytes: [UInt8] { output.withUnsafeBytes { Array($0) } }
    }

    /// The slices a block is cut into for each job. A block ends when its last slice is decided,
    /// and the thread done first waits meanwhile: at 8 a job (64 lines of a 1,024-line block)
    /// the two cores of a two-job run were busy 91–92 % of its time, at 32 (16 lines) 93–95 %,
    /// for no more work (Benchmarks, step 104).
    static let slicesPerJob = 32

    /// Hands back the slices of a block once their bytes are written, so that the next block's
    /// slices write into the same memory. A slice still referred to elsewhere keeps its bytes.
    public func recycle(_ slices: consuming [Slice]) {
        while var slice = slices.popLast() {
            if isKnownUniquelyReferenced(&slice.output) { spareOutputs.give(slice.output) }
        }
    }

    /// Decides `lines`, numbering them from `firstLine` (1-based) for error records.
    public func decide(_ lines: ArraySlice<[UInt8]>, firstLine: Int = 1, logging: Bool = false) -> [Slice] {
        start(LentLines(copying: lines), firstLine: firstLine, logging: logging).finish()
    }

    /// Starts deciding `lines` on the further workers and returns at once, so the calling thread
    /// can read the next block and write the last while they decide; ``BlockInFlight/finish()``
    /// then has the calling thread decide what is left and returns the slices in input order.
    /// Two cores stay busy with two threads: a third thread only for input and output ran slower.
    /// With one job the block is decided by a worker all the same, so that the calling thread's
    /// writing and reading (the kernel's copying of the output into a file's pages) overlap with
    /// the deciding instead of following it; still one thread decides.
    public func start(_ lines: LentLines, firstLine: Int = 1, logging: Bool = false) -> BlockInFlight {
        start(count: lines.count, firstLine: firstLine, logging: logging) { i, number, service, out, spares in
            service.decideLine(lent: lines.lines[i], number: number, logging: logging, into: &out, reusing: &spares)
        }
    }

    /// ``start(_:firstLine:logging:)-(LentLines,_,_)`` for lines in arrays of their own (copied
    /// into one chunk first).
    public func start(_ lines: ArraySlice<[UInt8]>, firstLine: Int = 1, logging: Bool = false) -> BlockInFlight {
        start(LentLines(copying: lines), firstLine: firstLine, logging: logging)
    }

    /// Whether the calling thread should read the next block's applications while the worker
    /// decides this one (``read(_:recycling:)-(LentLines,_)``, ``start(_:firstLine:logging:)-(ReadAhead,_,_)``): with one job.
    /// That thread otherwise only splits lines and writes, and the one worker read each line's
    /// JSON before deciding it, a third of its work (Benchmarks, step 110). With more jobs every
    /// core already decides, reading included, and a block read ahead would only take memory.
    public var readsAhead: Bool { jobs == 1 }

    /// Reads each of `lines` into its application on the calling thread, for a block started
    /// later (``start(_:firstLine:logging:)-(ReadAhead,_,_)``); a line that cannot be read keeps its
    /// error, written as its error record when the block is decided.
    ///
    /// - Parameter recycling: a block read ahead and decided since (its workers done): its
    ///   applications' arrays are taken for these, one line for one, as a worker's are
    ///   (``LineSpares``), and the rest of each is freed here, on the thread that made it.
    public func read(_ lines: LentLines, recycling decided: ReadAhead? = nil) -> ReadAhead {
        var spares = LineSpares()
        // Bound once: `service` is read from an array, a copy counting each of its references.
        let reader = service
        return ReadAhead(count: lines.count) { i, place in
            if let decided, i < decided.count, var application = decided.take(i) { spares.recycle(&application) }
            return reader.readLine(lent: lines.lines[i], into: place, reusing: &spares)
        }
    }

    /// ``read(_:recycling:)-(LentLines,_)`` for lines in arrays of their own.
    public func read(_ lines: ArraySlice<[UInt8]>, recycling decided: ReadAhead? = nil) -> ReadAhead {
        read(LentLines(copying: lines), recycling: decided)
    }

    /// ``start(_:firstLine:logging:)-(LentLines,_,_)`` for a block read ahead: the
    /// worker only decides and writes. A block is started once, and recycled by the next one read
    /// only after it is finished.
    public func start(_ read: ReadAhead, firstLine: Int = 1, logging: Bool = false) -> BlockInFlight {
        start(count: read.count, firstLine: firstLine, logging: logging) { i, number, service, out, spares in
            read.decide(i, by: service, number: number, logging: logging, into: &out, reusing: &spares)
        }
    }

    /// Decides `count` lines, line `i` by `decideLine(i, its number, the worker's service, its
    /// output, its spares)`, in slices over the workers (see the two `start`s).
    private func start(
        count: Int, firstLine: Int, logging: Bool,
        decideLine: @escaping @Sendable (Int, Int, DecisionService, inout JSONBytes, inout LineSpares) -> (error: InputError?, record: JSONValue?)
    ) -> BlockInFlight {
        let sliceCount = jobs == 1 ? 1 : min(jobs * BatchDecider.slicesPerJob, max(count, 1))
        let slots = ConcurrentSlots<Slice>(count: sliceCount)
        let decideSlice: @Sendable (Int, DecisionService) -> Void = { slice, decider in
            let start = count * slice / sliceCount
            let end = count * (slice + 1) / sliceCount
            // A buffer of a block written before, when there is one (``recycle(_:)``): made new,
            // each block's buffers were megabytes the kernel handed over afresh, page by page.
            var out = JSONBytes(buffer: spareOutputs.take() ?? ByteBuffer(capacity: (end - start) * 3000))
            var errors: [(line: Int, error: InputError)] = []
            var records: [JSONValue] = []
            // The arrays of the slice's applications, reused from one line to the next.
            var spares = LineSpares()
            for i in start..<end {
                let (error, record) = decideLine(i, firstLine + i, decider, &out, &spares)
                out.byte(0x0A)
                if let error { errors.append((firstLine + i, error)) }
                if let record { records.append(record) }
                // Room for the rest, by the first line's length (at most 8 KB a line) and a
                // quarter more, made while one line is written: doubling later copied the
                // megabytes written by then.
                if i == start, end - start > 1 {
                    out.buffer.reserve(min(out.buffer.count, 8192) * (end - start) * 5 / 4)
                }
            }
            slots.store(Slice(output: SliceBytes(out.buffer), errors: errors, records: records), at: slice)
        }
        // Each worker takes the next undecided slice until none is left, so the load balances
        // however late the calling thread joins; a service is only ever used by its own worker
        // when there are replicas.
        let counter = SliceCounter(limit: sliceCount)
        let group = DispatchGroup()
        let services = self.services
        let helpers = jobs == 1 ? 1 : (sliceCount == 1 ? 0 : jobs - 1)
        for helper in 0..<helpers {
            group.enter()
            let service = services[services.count > 1 ? helper + 1 : 0]
            DispatchQueue.global().async {
                while let slice = counter.next() { decideSlice(slice, service) }
                group.leave()
            }
        }
        return BlockInFlight(sliceCount: sliceCount, slots: slots) {
            while let slice = counter.next() { decideSlice(slice, services[0]) }
            group.wait()
        }
    }

    /// A block being decided (see ``start(_:firstLine:logging:)``).
    public struct BlockInFlight {
        let sliceCount: Int
        let slots: ConcurrentSlots<Slice>
        /// Decides what no worker has taken yet on the calling thread, then waits for the workers.
        let rest: () -> Void

        init(sliceCount: Int, slots: ConcurrentSlots<Slice>, rest: @escaping () -> Void) {
            self.sliceCount = sliceCount
            self.slots = slots
            self.rest = rest
        }

        /// The slices in input order, once every line is decided.
        public func finish() -> [Slice] {
            rest()
            // Every slice is decided once `rest` returns, so no slot is empty.
            return slots.takeValues().map { $0 ?? Slice(output: SliceBytes(ByteBuffer()), errors: [], records: []) }
        }
    }
}

/// A block's lines read ahead of deciding (``BatchDecider/read(_:recycling:)-(LentLines,_)``): each line's
/// application, or the error that stopped its reading. The worker deciding a line borrows its
/// application where it lies (a copy counted a reference to each of its strings and arrays, on
/// the other core: a tenth of the worker's time); the reading thread recycles the block's
/// applications once it is decided.
public final class ReadAhead: @unchecked Sendable {
    // Unchecked: every place is written by the reading thread before the block is started, read
    // by the one worker that decides its line, and taken back by the reading thread once the
    // block is finished (the workers' group waited for).
    /// Line `i`'s application, in place while `states[i]` is 0 or more.
    private let applications: UnsafeMutablePointer<Application>
    /// Each line's state: 0 and up, read (the index of its dwelling's key in ``keys``); ``taken``;
    /// below that, not read (its error is `failures[-2 - state]`). A line read is told by its
    /// state alone: an optional error per line was copied and destroyed at each look.
    private let states: UnsafeMutablePointer<Int32>
    /// The dwelling's key of each line read, in line order, made by the reading thread. The
    /// worker copies the key it lends the engine (about 180 instructions: less than making it,
    /// which from the lent application copied its dwelling first).
    private let keys: [AreaMatcher.DwellingKey]
    /// What stopped the reading of the lines not read, in line order (few).
    private let failures: [InputError]
    public let count: Int

    /// The state of a line whose application was taken back (``take(_:)``).
    private static let taken: Int32 = -1

    /// Reads `count` lines, line `i` by `read(i, its place)`, which initializes the place with
    /// the application read and gives its dwelling's key, or gives the error that stopped the reading.
    init(count: Int, read: (Int, UnsafeMutablePointer<Application>) -> Result<AreaMatcher.DwellingKey, InputError>) {
        self.count = count
        applications = .allocate(capacity: max(count, 1))
        states = .allocate(capacity: max(count, 1))
        var keys: [AreaMatcher.DwellingKey] = []
        keys.reserveCapacity(count)
        var failures: [InputError] = []
        for i in 0..<count {
            switch read(i, applications + i) {
            case .success(let key):
                (states + i).initialize(to: Int32(keys.count))
                keys.append(key)
            case .failure(let error):
                (states + i).initialize(to: -2 - Int32(failures.count))
                failures.append(error)
            }
        }
        self.keys = keys
        self.failures = failures
    }

    /// Decides line `index` by `service`: its application lent where it lies, or its error
    /// record (see ``DecisionService/decide(lent:dwelling:number:logging:into:reusing:)``).
    func decide(
        _ index: Int, by service: DecisionService, number: Int, logging: Bool, into out: inout JSONBytes, reusing spares: inout LineSpares
    ) -> (error: InputError?, record: JSONValue?) {
        let state = states[index]
        // Its application moved out, the place holds nothing to lend: only a block decided after
        // it was recycled (``BatchDecider/read(_:recycling:)-(LentLines,_)``) could get here.
        precondition(state != Self.taken, "a line read ahead was decided after its block was recycled")
        guard state >= 0 else { return service.failed(failures[Int(-2 - state)], number: number, into: &out) }
        return service.decide(lent: applications + index, dwelling: keys[Int(state)], number: number, logging: logging, into: &out, reusing: &spares)
    }

    /// A copy of line `index`'s application while it is in place, else nil; or the error that
    /// stopped its reading (for a test to compare what was read with what the line gives alone).
    func copy(_ index: Int) -> Result<Application?, InputError> {
        let state = states[index]
        if state < Self.taken { return .failure(failures[Int(-2 - state)]) }
        return .success(state >= 0 ? applications[index] : nil)
    }

    /// Line `index`'s application, moved out, once; nil when the line has none or was taken.
    func take(_ index: Int) -> Application? {
        guard states[index] >= 0 else { return nil }
        states[index] = Self.taken
        return (applications + index).move()
    }

    deinit {
        // Applications not taken back are destroyed here.
        for i in 0..<count where states[i] >= 0 { (applications + i).deinitialize(count: 1) }
        applications.deallocate()
        states.deallocate()
    }
}

/// A slice's output, handed from the worker that wrote it to the writer as it lies: copied into
/// an array, each block's megabytes were copied once more (about 430 instructions a decision,
/// and 5 KB of memory traffic).
public final class SliceBytes: @unchecked Sendable {
    // Unchecked: written by one worker before it is handed over, only read after, and taken back
    // (``takeBuffer()``) only once no one else refers to it (``BatchDecider/recycle(_:)``).
    private var buffer: ByteBuffer

    init(_ buffer: consuming ByteBuffer) { self.buffer = buffer }

    /// The buffer, emptied, for another slice to write into; this one is left with none.
    func takeBuffer() -> ByteBuffer {
        var taken = ByteBuffer()
        swap(&taken, &buffer)
        taken.removeAll()
        return taken
    }

    public var count: Int { buffer.count }

    /// Calls `body` with the bytes, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes(body)
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
