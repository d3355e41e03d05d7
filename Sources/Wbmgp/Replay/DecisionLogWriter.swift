#if canImport(Glibc)
    import Glibc
#endif

/// An open decision log (interface §6), held under an exclusive lock while it is written.
///
/// Opening it verifies the whole chain once: a log that does not verify is never appended to,
/// since a new entry would seal a break that `log verify` should find. Each ``append(_:)`` writes
/// whole lines and syncs them to disk before it returns, so a caller that prints a decision only
/// after its record was appended never prints what the log misses. A failed write is cut back to
/// the last whole entry, so the log stays verifiable.
public final class DecisionLogWriter {
    public let path: String
    let descriptor: Int32
    private(set) var seq: Int
    private(set) var previous: String?
    /// The log's size after the last whole entry.
    var size: Int

    /// Opens (creating it, readable by its owner only: it holds personal data) and locks the log
    /// at `path`, and verifies what it holds.
    ///
    /// - Parameter waiting: called once when another writer holds the lock and this one waits.
    /// - Throws: ``DecisionLog/Failure`` when the log cannot be opened, locked or read, or does not
    ///   verify (then with `brokenLine`).
    /// - Parameter creating: whether a missing log is begun (to append to); a redaction, which
    ///   only rewrites a log, is given `false`, and a missing log is then an error (`missing`):
    ///   made empty, it told a mistyped path apart from a log with nothing due in no way.
    public init(path: String, creating: Bool = true, waiting: () -> Void = {}) throws(DecisionLog.Failure) {
        self.path = path
        let descriptor = try Self.openLocked(path, creating: creating, waiting: waiting)
        self.descriptor = descriptor
        do throws(DecisionLog.Failure) {
            // Read line by line: read whole, with every entry's parsed tree, a log took four to
            // five times its size in memory to open (``DecisionLogVerifier``).
            var reader = LineReader(descriptor: descriptor)
            guard let (verification, head) = DecisionLogVerifier.verify(&reader) else {
                throw DecisionLog.Failure(message: "the log \(path) \((reader.failure ?? FileBytes.Failure(errno: EIO)).message)")
            }
            if case .broken(let line, let reason) = verification {
                throw DecisionLog.Failure(
                    message: "the log \(path) does not verify at line \(line): \(reason). Nothing was appended; see 'wbmgp log verify \(path)'",
                    brokenLine: line)
            }
            seq = head?.seq ?? 0
            previous = head?.hash
            size = reader.bytesRead
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    /// Opens the log (a regular file) and takes its exclusive lock, waiting for another writer.
    ///
    /// A redaction renames a new file over the log while others wait on the lock: the file locked
    /// must still be the one the path names, else the new one is opened and locked instead.
    private static func openLocked(_ path: String, creating: Bool, waiting: () -> Void) throws(DecisionLog.Failure) -> Int32 {
        var waited = false
        while true {
            let descriptor = open(path, O_RDWR | O_APPEND | (creating ? O_CREAT : 0) | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let reason = errno
                if reason == ENOENT, !creating { throw DecisionLog.Failure(message: "the log \(path) does not exist", missing: true) }
                throw DecisionLog.Failure(message: "the log \(path) cannot be opened: \(FileBytes.describe(errno: reason))")
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                _ = Glibc.close(descriptor)
                // A device or pipe cannot be verified, cut back or synced as a log must be.
                throw DecisionLog.Failure(message: "the log \(path) is not a regular file; a decision log must be a file")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                if !waited { waiting() }
                waited = true
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        _ = Glibc.close(descriptor)
                        throw DecisionLog.Failure(message: "the log \(path) cannot be locked: \(FileBytes.describe(errno: errno))")
                    }
                }
            }
            var named = stat()
            if stat(path, &named) == 0, named.st_ino == info.st_ino, named.st_dev == info.st_dev { return descriptor }
            _ = Glibc.close(descriptor)
        }
    }

    /// Appends the records as entries that continue the chain, in one write, then syncs.
    ///
    /// - Throws: ``DecisionLog/Failure`` naming what the system said (no space left on device, an
    ///   I/O error); the log is then cut back to its last whole entry and nothing was appended.
    public func append(_ records: [JSONValue]) throws(DecisionLog.Failure) {
        guard !records.isEmpty else { return }
        var nextSeq = seq
        var nextPrevious = previous
        var text = ""
        for record in records {
            nextSeq += 1
            guard let (line, hash) = DecisionLog.entry(record: record, seq: nextSeq, previous: nextPrevious) else {
                throw DecisionLog.Failure(message: "the log \(path) was not written: the system gave no random bytes for the salts of its personal parts")
            }
            text += line + "\n"
            nextPrevious = hash
        }
        try write(Array(text.utf8))
        seq = nextSeq
        previous = nextPrevious
    }

    /// Appends whole lines and syncs; on failure cuts the log back to its last whole entry.
    func write(_ bytes: [UInt8]) throws(DecisionLog.Failure) {
        if let code = bytes.withUnsafeBytes({ FileBytes.write($0, to: descriptor) }) { throw failure("cannot be written", errno: code) }
        guard fsync(descriptor) == 0 else { throw failure("cannot be synced to disk", errno: errno) }
        size += bytes.count
    }

    /// A failure of this append, after cutting the log back to its last whole entry.
    func failure(_ what: String, errno code: Int32) -> DecisionLog.Failure {
        _ = ftruncate(descriptor, off_t(size))
        _ = fsync(descriptor)
        return DecisionLog.Failure(message: "the log \(path) \(what): \(FileBytes.describe(errno: code)); nothing more was appended")
    }

    /// Releases the lock and closes the log.
    public func close() {
        _ = Glibc.close(descriptor)
    }
}
