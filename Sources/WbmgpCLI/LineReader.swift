import Wbmgp
import Foundation

/// Reads JSON Lines from a file or stdin in blocks, so a batch of any size runs in bounded memory.
/// Lines are split as ``DecisionService/lines(of:)`` splits them: a final newline ends the last
/// line, and a `\r` before a newline is dropped.
struct LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes read and not yet given out are `pending[offset...]`. Each read goes into a new array
    /// (the unread end of the last carried over) that `read` fills itself: no byte is zeroed
    /// first, and a line lent out stays valid after further reads, so a consumer may keep its
    /// slice (the report hands whole lines to its workers) at the cost of the chunk it is in.
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts; read lines are dropped in bulk, not one by one.
    private var offset = 0
    private var finished = false
    /// Bytes read from the input so far, and its size when it is a regular file (for an ETA).
    private(set) var bytesRead = 0
    let totalBytes: Int?
    /// Why reading stopped before the end of the input, if it did; the lines before it were returned.
    private(set) var failure: FileBytes.Failure?

    /// Opens `path` ("-" for stdin).
    ///
    /// - Throws: ``FileBytes/Failure`` for a missing file, a directory, no permission or a closed
    ///   standard input.
    init(path: String) throws(FileBytes.Failure) {
        if path == "-" {
            guard !StandardStreams.inputClosed else { throw FileBytes.Failure(errno: EBADF) }
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
    }

    func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// Up to `count` further lines; empty at the end of the input.
    mutating func nextLines(_ count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        nextLines(count) { lines.append(Array($0)) }
        return lines
    }

    /// Up to `count` further lines, each lent to `line` in place (no copy: a report over a log
    /// of gigabytes reads each line where it was read); how many there were, 0 at the end.
    @discardableResult
    mutating func nextLines(_ count: Int, _ line: (ArraySlice<UInt8>) -> Void) -> Int {
        var given = 0
        while given < count {
            // Newlines are found with memchr.
            if let newline = firstNewline() {
                var end = newline
                if end > offset, pending[end - 1] == 0x0D { end -= 1 }
                line(pending[offset..<end])
                given += 1
                offset = newline + 1
                continue
            }
            if pending.count - offset > InputLimits.documentBytes {
                // A line past the limit is never held whole: its first bytes stand for it (the
                // reader refuses them as E-LIMIT) and the rest is read past, so memory stays bounded.
                line(pending[offset..<(offset + InputLimits.documentBytes + 1)])
                given += 1
                skipRestOfLine()
                continue
            }
            if finished {
                if offset < pending.count {
                    line(pending[offset...])
                    given += 1
                }
                pending = []
                offset = 0
                break
            }
            fill()
        }
        return given
    }

    /// The index of the first newline at or after `offset` in `pending`.
    private func firstNewline() -> Int? {
        pending.withUnsafeBufferPointer { buffer -> Int? in
            guard offset < buffer.count, let base = buffer.baseAddress, let hit = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
            return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
        }
    }

    /// Reads past the rest of the current line, holding at most one chunk.
    private mutating func skipRestOfLine() {
        while true {
            if let newline = firstNewline() {
                offset = newline + 1
                return
            }
            pending = []
            offset = 0
            if finished { return }
            fill()
        }
    }

    private mutating func fill() {
        let chunk = 1 << 20
        let previous = pending, start = offset, carried = pending.count - offset
        // Whole mebibytes, so that the arrays are of one size as a rule and the allocator reuses
        // freed ones exactly (arrays of every size in between left memory growing slowly).
        let capacity = (carried + 2 * chunk - 1) / chunk * chunk
        var read = -1
        var code: Int32 = 0
        pending = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            previous.withUnsafeBufferPointer { old in
                if carried > 0, let oldBase = old.baseAddress { base.initialize(from: oldBase + start, count: carried) }
            }
            repeat {
                read = Glibc.read(descriptor, base + carried, capacity - carried)
                code = errno
            } while read < 0 && code == EINTR
            initialized = carried + max(read, 0)
        }
        offset = 0
        if read < 0 { failure = FileBytes.Failure(errno: code) }
        if read <= 0 {
            finished = true
            return
        }
        if bytesRead == 0, pending.starts(with: FileBytes.byteOrderMark) {
            // A byte-order mark starts the file, not its first line.
            offset = FileBytes.byteOrderMark.count
        }
        bytesRead += read
    }
}
