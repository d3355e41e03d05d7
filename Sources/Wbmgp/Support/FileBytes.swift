#if canImport(Glibc)
    import Glibc
#endif

/// Whole files read, and buffers written, with POSIX calls, every result checked.
///
/// Foundation's `FileHandle.readDataToEndOfFile` traps (`try!` inside) on a closed descriptor,
/// and `FileManager.contents(atPath:)` says nil for a missing file, a directory and a read error
/// alike. Here each of those is a ``Failure`` that says which, so the command can name it.
public enum FileBytes {
    /// Why a file could not be read, in words a user can act on (no error-domain dumps): a
    /// predicate to follow "the file" or "standard input" ("does not exist", "is closed").
    public struct Failure: Error, Hashable, Sendable {
        public var message: String

        public init(message: String) { self.message = message }

        /// The message for an `errno` value from `open` or `read`.
        public init(errno code: Int32) {
            switch code {
            case ENOENT: message = "does not exist"
            case EISDIR: message = "is a directory, not a file"
            case EACCES, EPERM: message = "cannot be read: permission denied"
            case EBADF: message = "is closed"
            default: message = "cannot be read: " + FileBytes.describe(errno: code)
            }
        }
    }

    /// Writes all of `bytes` to `descriptor`, resuming partial writes and retrying interrupted ones.
    ///
    /// - Returns: nil when everything was written, else the `errno` of the failure (ENOSPC for a
    ///   write that wrote nothing).
    public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : ENOSPC }
            offset += written
        }
        return nil
    }

    /// Writes `bytes` as the whole of the file at `path` (made, or emptied first), without
    /// syncing it: for files a program makes for itself, as `bench` its generated batch.
    ///
    /// - Returns: nil when all was written and the file closed, else the `errno` of the failure.
    public static func write(_ bytes: [UInt8], toPath path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        let failure = bytes.withUnsafeBytes { write($0, to: descriptor) }
        let closed = close(descriptor) == 0 ? nil : errno
        return failure ?? closed
    }

    /// The UTF-8 byte-order mark some editors put at the start of a file.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of the file at `path`, without a leading byte-order mark.
    ///
    /// - Throws: ``Failure`` for a missing file, a directory, a file without read permission or a
    ///   read error. An empty file is not a failure here: its format's reader says what it expected.
    public static func read(path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        defer { _ = close(descriptor) }
        return try read(descriptor: descriptor)
    }

    /// Everything readable from an open descriptor (a file, a pipe or standard input), without a
    /// leading byte-order mark.
    ///
    /// - Throws: ``Failure`` for a directory, a closed descriptor or a read error.
    public static func read(descriptor: Int32) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(errno: errno) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Failure(errno: EISDIR) }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        bytes.reserveCapacity(info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) + 1 : chunk)
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + start }, chunk)
            }
            let failure = errno
            bytes.removeLast(chunk - max(count, 0))
            if count == 0 { break }
            if count < 0 {
                if failure == EINTR { continue }
                throw Failure(errno: failure)
            }
        }
        return droppingByteOrderMark(bytes)
    }

    /// The text of the file at `path` (without a byte-order mark); nil when it cannot be read
    /// or is not UTF-8. For files the program reads of itself (`/proc`, a child's report).
    public static func text(path: String) -> String? {
        (try? read(path: path)).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// `bytes` without a leading UTF-8 byte-order mark: accepted everywhere, meaning nothing.
    public static func droppingByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
    }

    /// The system's short text for an `errno` value, lowercased as our messages are
    /// ("no space left on device").
    public static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
