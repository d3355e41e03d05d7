#if canImport(Glibc)
    import Glibc
#endif

/// Reads JSON Lines from a file or stdin in blocks, so a batch of any size runs in bounded memory.
/// Lines are split as ``DecisionService/lines(of:)`` splits them: a final newline ends the last
/// line, and a `\r` before a newline is dropped.
///
/// Lines are read into ``InputChunk``s and lent out where they lie: a consumer that keeps lines
/// past the call (the report hands whole blocks to its workers) takes the chunks they are in
/// (``takeLentChunks()``) and holds them as long as it reads the lines. A chunk nobody holds any
/// more is read into again, so the same few buffers serve a log of gigabytes: no byte is copied
/// out of them, and no fresh memory is touched for every mebibyte read.
///
/// Used by the command line's batches and reports, and by the decision log's verification
/// (``DecisionLogVerifier``), which reads a log of gigabytes in the memory of its longest line.
public struct LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The chunk being read; its bytes not yet given out are `chunk.bytes[offset..<chunk.count]`.
    private var chunk: InputChunk
    /// Where the unread part of `chunk` starts; read lines are dropped in bulk, not one by one.
    private var offset = 0
    /// Every chunk made, for reuse once only this list holds it.
    private var pool: [InputChunk] = []
    /// The chunks lines were lent from since ``takeLentChunks()`` was last called.
    private var lent: [InputChunk] = []
    private var finished = false
    /// Bytes read from the input so far, and its size when it is a regular file (for an ETA).
    public private(set) var bytesRead = 0
    public let totalBytes: Int?
    /// Why reading stopped before the end of the input, if it did; the lines before it were returned.
    public private(set) var failure: FileBytes.Failure?
    /// The longest line held whole; a longer one is lent as its first bytes, one more than this,
    /// and the rest read past (a batch line's reader refuses it as `E-LIMIT`). Nil holds every
    /// line whole (a decision log's entry is checked as a whole).
    public var longestLine: Int? = InputLimits.documentBytes
    /// Whether the input's last line had no line end (a write cut off); known once every line
    /// was given.
    public private(set) var endsWithoutLineEnd = false

    /// How much one `read` asks for; a chunk holds this beyond the part of a line carried into it.
    private static let readSize = 1 << 20
    /// Below this much room left in a chunk, the next read goes into another chunk.
    private static let smallestRead = 64 << 10

    /// Opens `path` ("-" for stdin).
    ///
    /// - Parameter standardInputClosed: whether the process found its standard input closed (the
    ///   command line holds it open on the null device then): "-" is refused, not read as empty.
    /// - Throws: ``FileBytes/Failure`` for a missing file, a directory, no permission or a closed
    ///   standard input.
    public init(path: String, standardInputClosed: Bool = false) throws(FileBytes.Failure) {
        if path == "-" {
            guard !standardInputClosed else { throw FileBytes.Failure(errno: EBADF) }
            descriptor = 0
            ownsDescriptor = false
        } else {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileBytes.Failure(errno: errno) }
            descriptor = fd
            ownsDescriptor = true
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileBytes.Failure(errno: errno) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            if ownsDescriptor { _ = Glibc.close(descriptor) }
            throw FileBytes.Failure(errno: EISDIR)
        }
        totalBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        chunk = InputChunk(capacity: 0)
    }

    /// Reads the open `descriptor` from where it stands; the caller keeps it and closes it.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        ownsDescriptor = false
        var info = stat()
        totalBytes = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        chunk = InputChunk(capacity: 0)
    }

    public func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// Up to `count` further lines, each a copy of its own; empty at the end of the input.
    public mutating func nextLines(_ count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        nextLines(count) { lines.append(Array($0)) }
        // Copied: their chunks may be read into again.
        lent.removeAll(keepingCapacity: true)
        return lines
    }

    /// Up to `count` further lines, each lent to `line` in place (no copy: a report over a log
    /// of gigabytes reads each line where it was read); how many there were, 0 at the end. A
    /// line stays valid while its chunk is held (``takeLentChunks()``).
    @discardableResult
    public mutating func nextLines(_ count: Int, _ line: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        var given = 0
        while given < count {
            // Newlines are found with memchr.
            if let newline = firstNewline() {
                var end = newline
                if end > offset, chunk.base[end - 1] == 0x0D { end -= 1 }
                lend(offset..<end, line)
                given += 1
                offset = newline + 1
                continue
            }
            if let longestLine, chunk.count - offset > longestLine {
                // A line past the limit is never held whole: its first bytes stand for it (the
                // reader refuses them as E-LIMIT) and the rest is read past, so memory stays bounded.
                lend(offset..<(offset + longestLine + 1), line)
                given += 1
                skipRestOfLine()
                continue
            }
            if finished {
                if offset < chunk.count {
                    endsWithoutLineEnd = true
                    lend(offset..<chunk.count, line)
                    given += 1
                }
                offset = chunk.count
                break
            }
            fill()
        }
        return given
    }

    /// The chunks lines were lent from since the last call: whoever keeps those lines holds
    /// these, and the reader reads into none of them while they are held.
    public mutating func takeLentChunks() -> [InputChunk] {
        defer { lent.removeAll(keepingCapacity: true) }
        return lent
    }

    private mutating func lend(_ range: Range<Int>, _ line: (UnsafeBufferPointer<UInt8>) -> Void) {
        if lent.last !== chunk { lent.append(chunk) }
        line(UnsafeBufferPointer(start: chunk.base + range.lowerBound, count: range.count))
    }

    /// The index of the first newline at or after `offset` in the chunk.
    private func firstNewline() -> Int? {
        guard offset < chunk.count, let hit = memchr(chunk.base + offset, 0x0A, chunk.count - offset) else { return nil }
        return UnsafeMutablePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - chunk.base
    }

    /// Reads past the rest of the current line, holding at most one chunk of it.
    private mutating func skipRestOfLine() {
        while true {
            if let newline = firstNewline() {
                offset = newline + 1
                return
            }
            offset = chunk.count
            if finished { return }
            fill()
        }
    }

    /// Reads more input after the unread bytes: into the chunk's free room when there is enough
    /// of it (lines lent from the chunk stay as they are), else into another chunk, with the
    /// unread part of a line carried over to its start.
    private mutating func fill() {
        if chunk.capacity - chunk.count < Self.smallestRead {
            let carried = chunk.count - offset
            // Whole mebibytes, so that chunks are of one size as a rule and are reused.
            let capacity = (carried + 2 * Self.readSize - 1) / Self.readSize * Self.readSize
            let next = reusableChunk(capacity: capacity)
            if carried > 0 { next.base.update(from: chunk.base + offset, count: carried) }
            next.count = carried
            chunk = next
            offset = 0
        }
        var read = -1
        var code: Int32 = 0
        repeat {
            read = Glibc.read(descriptor, chunk.base + chunk.count, chunk.capacity - chunk.count)
            code = errno
        } while read < 0 && code == EINTR
        if read < 0 { failure = FileBytes.Failure(errno: code) }
        if read <= 0 {
            finished = true
            return
        }
        if bytesRead == 0, read >= FileBytes.byteOrderMark.count,
            UnsafeBufferPointer(start: chunk.base + chunk.count, count: FileBytes.byteOrderMark.count).elementsEqual(FileBytes.byteOrderMark)
        {
            // A byte-order mark starts the file, not its first line.
            offset += FileBytes.byteOrderMark.count
        }
        chunk.count += read
        bytesRead += read
    }

    /// A chunk of at least `capacity` bytes that nobody holds (emptied), else a new one.
    private mutating func reusableChunk(capacity: Int) -> InputChunk {
        for index in pool.indices where pool[index].capacity >= capacity && isKnownUniquelyReferenced(&pool[index]) {
            pool[index].count = 0
            return pool[index]
        }
        let made = InputChunk(capacity: capacity)
        pool.append(made)
        return made
    }
}
