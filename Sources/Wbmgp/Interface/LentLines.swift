/// Bytes read from an input, lent out as lines where they lie (the command line's line reader
/// reads into these and lends each line from them; ``LentLines`` holds them while its lines are
/// read). A class, so that holders of its lines keep it alive and the reader can see when nobody
/// does.
public final class InputChunk: @unchecked Sendable {
    // Unchecked: the bytes up to `count` are only read once lent; the reader writes past them,
    // or into a chunk nobody else holds.
    public let base: UnsafeMutablePointer<UInt8>
    public let capacity: Int
    /// Bytes read into it so far; only ever grows until the chunk is reused.
    public var count = 0

    public init(capacity: Int) {
        base = .allocate(capacity: max(capacity, 1))
        self.capacity = capacity
    }

    deinit { base.deallocate() }
}

/// A block of batch lines lent where they lie, with what keeps their bytes valid: the chunks a
/// line reader read them into, or one chunk they were copied into (``init(copying:)``).
///
/// A batch is decided from the buffers its input was read into: each line copied into an array
/// of its own cost an allocation, a copy and a free a decision (about 1,000 instructions with
/// the allocator's sorting of half a thousand freed arrays a block; Benchmarks, step 121).
public struct LentLines: @unchecked Sendable {
    // Unchecked: the lines are only read, and their bytes stay while `storage` is held, which
    // every copy of this value does.
    public let lines: [UnsafeBufferPointer<UInt8>]
    private let storage: [AnyObject]

    /// Lines lent from `storage`: the bytes of each must stay as they are while this value (or a
    /// copy of it) exists.
    public init(_ lines: [UnsafeBufferPointer<UInt8>], keptBy storage: [AnyObject]) {
        self.lines = lines
        self.storage = storage
    }

    /// `lines` copied one after another into one chunk of their own.
    public init(copying lines: some Collection<[UInt8]>) {
        let chunk = InputChunk(capacity: lines.reduce(0) { $0 + $1.count })
        var lent: [UnsafeBufferPointer<UInt8>] = []
        lent.reserveCapacity(lines.count)
        for line in lines {
            let place = UnsafeMutableBufferPointer(start: chunk.base + chunk.count, count: line.count)
            _ = place.initialize(from: line)
            lent.append(UnsafeBufferPointer(place))
            chunk.count += line.count
        }
        self.init(lent, keptBy: [chunk])
    }

    public var count: Int { lines.count }
    public var isEmpty: Bool { lines.isEmpty }
}
