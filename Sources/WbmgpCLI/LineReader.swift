import Foundation

/// Reads JSON Lines from a file or stdin in blocks, so a batch of any size runs in bounded memory.
/// Lines are split as ``DecisionService/lines(of:)`` splits them: a final newline ends the last
/// line, and a `\r` before a newline is dropped.
struct LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts; read lines are dropped in bulk, not one by one.
    private var offset = 0
    private var finished = false
    /// Bytes read from the input so far, and its size when it is a regular file (for an ETA).
    private(set) var bytesRead = 0
    let totalBytes: Int?

    /// Opens `path` ("-" for stdin); nil when the file cannot be opened.
    init?(path: String) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            descriptor = fd
            ownsDescriptor = true
        }
        var info = stat()
        totalBytes = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// Up to `count` further lines; empty at the end of the input.
    mutating func nextLines(_ count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        while lines.count < count {
            // Newlines are found with memchr and each line copied out once, in bulk.
            let found = pending.withUnsafeBufferPointer { buffer -> (end: Int, next: Int)? in
                guard offset < buffer.count, let base = buffer.baseAddress,
                    let hit = memchr(base + offset, 0x0A, buffer.count - offset)
                else { return nil }
                let newline = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                var end = newline
                if end > offset, buffer[end - 1] == 0x0D { end -= 1 }
                return (end, newline + 1)
            }
            if let (end, next) = found {
                lines.append(Array(pending[offset..<end]))
                offset = next
                continue
            }
            if finished {
                if offset < pending.count {
                    lines.append(Array(pending[offset...]))
                }
                pending = []
                offset = 0
                break
            }
            pending.removeSubrange(..<offset)
            offset = 0
            fill()
        }
        return lines
    }

    private mutating func fill() {
        // Read straight into the spare room at the end of `pending`: no intermediate chunk.
        let chunk = 1 << 20
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: chunk))
        let read = pending.withUnsafeMutableBufferPointer { Glibc.read(descriptor, $0.baseAddress! + start, chunk) }
        pending.removeLast(chunk - max(read, 0))
        if read <= 0 {
            finished = true
        } else {
            bytesRead += read
        }
    }
}
