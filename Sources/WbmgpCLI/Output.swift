import Foundation

/// Buffered writing to stdout and stderr; the library never prints.
enum Output {
    nonisolated(unsafe) static var buffer: [UInt8] = []

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func write(bytes: [UInt8]) {
        if buffer.isEmpty, bytes.count >= 1 << 16 {
            bytes.withUnsafeBytes { writeAll($0) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes to stdout with write(2), straight from the caller's bytes (a batch block is
    /// megabytes; wrapping it in `Data` would copy it once more). Partial writes are resumed.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(1, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // stdout is gone (a closed pipe): nothing more can be written
            }
            offset += written
        }
    }

    /// Rewrites the progress line on stderr (a terminal); nil clears it.
    static func progress(_ text: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Reads a whole file, or stdin for "-"; nil when the file does not exist.
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        return FileManager.default.contents(atPath: path).map(Array.init)
    }
}
