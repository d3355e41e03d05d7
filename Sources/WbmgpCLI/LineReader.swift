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
        while lines.count < count {
            if let newline = pending[offset...].firstIndex(of: 0x0A) {
                var end = newline
                if end > offset, pending[end - 1] == 0x0D { end -= 1 }
                lines.append(Array(pending[offset..<end]))
                offset = newline + 1
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
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if read <= 0 {
            finished = true
        } else {
            bytesRead += read
            pending.append(contentsOf: chunk[..<read])
        }
    }
}
