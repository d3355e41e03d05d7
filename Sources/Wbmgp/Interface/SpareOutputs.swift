import Dispatch

/// The output buffers of a batch's slices once written (``BatchDecider/recycle(_:)``), kept for
/// the slices of the blocks after. Each block's slices took new buffers of about 5 KB a line, and
/// the allocator handed the larger ones over as fresh pages from the kernel (a fault and a page
/// zeroed for every 4 KB written), or grew one by copying what it held.
///
/// Bounded: at most ``limit`` buffers are kept, more than one block's slices (``BatchDecider``
/// cuts a block into at most 32 a job). The bytes left in a kept buffer are overwritten by the
/// next slice that takes it; they stay in this process's memory meanwhile, like memory freed.
final class SpareOutputs: @unchecked Sendable {
    // Unchecked: every access to `spares` holds the lock.
    private var spares: [SliceBytes] = []
    private let lock = DispatchSemaphore(value: 1)
    static let limit = 256

    /// How many buffers are kept now (for tests).
    var count: Int {
        lock.wait()
        defer { lock.signal() }
        return spares.count
    }

    /// Keeps the buffer of `bytes`, whose bytes are written and which no one else refers to.
    func give(_ bytes: SliceBytes) {
        lock.wait()
        defer { lock.signal() }
        if spares.count < SpareOutputs.limit { spares.append(bytes) }
    }

    /// A kept buffer, emptied; nil when none is kept.
    func take() -> ByteBuffer? {
        lock.wait()
        let bytes = spares.popLast()
        lock.signal()
        return bytes?.takeBuffer()
    }
}
