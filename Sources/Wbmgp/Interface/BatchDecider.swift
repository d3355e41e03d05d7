import Dispatch

/// Decides a batch of JSON Lines on several cores. Lines are split into consecutive slices, each
/// slice decided by one worker, and the results returned in input order, so the output never
/// depends on the number of jobs.
public struct BatchDecider: Sendable {
    public let service: DecisionService
    public let jobs: Int

    public init(service: DecisionService, jobs: Int) {
        self.service = service
        self.jobs = max(1, jobs)
    }

    /// One result per line, in order: the output line, the error if the line was not decided,
    /// and the decision record when `logging`.
    /// - Parameter firstLine: the 1-based number of the first line, for error records.
    public func decide(_ lines: [[UInt8]], firstLine: Int = 1, logging: Bool = false) -> [(line: String, error: InputError?, record: JSONValue?)] {
        guard jobs > 1, lines.count > 1 else {
            return lines.enumerated().map { service.decideLine($1, number: firstLine + $0, logging: logging) }
        }
        let results = ResultSlots(count: lines.count)
        let slices = min(jobs * 4, lines.count)
        let decider = service
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let start = lines.count * slice / slices
            let end = lines.count * (slice + 1) / slices
            for i in start..<end {
                results.store(decider.decideLine(lines[i], number: firstLine + i, logging: logging), at: i)
            }
        }
        return results.values
    }
}

/// Storage for results written concurrently, each slot by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [(line: String, error: InputError?, record: JSONValue?)]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: ("", nil, nil), count: count) }

    func store(_ value: (line: String, error: InputError?, record: JSONValue?), at index: Int) {
        // The array buffer is shared; writes are serialised so its storage is never copied concurrently.
        lock.wait()
        slots[index] = value
        lock.signal()
    }

    var values: [(line: String, error: InputError?, record: JSONValue?)] { slots }
}
