import Dispatch

/// Results written by concurrent workers into numbered slots, each slot by exactly one worker,
/// read back in slot order once all of them are done.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        // Writes are serialised so the shared array's storage is never copied concurrently.
        lock.wait()
        slots[index] = value
        lock.signal()
    }

    /// The stored values in slot order, taken out (a slot never written is nil): the slots keep
    /// none of them, so a value the caller holds is held by the caller alone, whenever the
    /// workers' last references to these slots go.
    func takeValues() -> [Value?] {
        lock.wait()
        defer { lock.signal() }
        let count = slots.count
        var taken: [Value?] = Array(repeating: nil, count: count)
        swap(&taken, &slots)
        return taken
    }
}
