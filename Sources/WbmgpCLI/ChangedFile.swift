import Glibc
import Wbmgp

/// The `--changed FILE` of impact: JSON Lines written as blocks are compared, with POSIX calls
/// whose every result is checked; synced and closed at the end.
final class ChangedFile {
    struct Failure: Error {
        var message: String
    }

    let path: String
    private var descriptor: Int32

    init(path: String) throws(Failure) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot open for writing: \(FileBytes.describe(errno: errno))") }
    }

    /// nil when written; else what went wrong.
    func write(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { FileBytes.write($0, to: descriptor) }.map { FileBytes.describe(errno: $0) }
    }

    /// Syncs and closes; nil when both succeeded.
    func finish() -> String? {
        guard descriptor >= 0 else { return nil }
        let synced = fsync(descriptor) == 0 ? nil : FileBytes.describe(errno: errno)
        let closed = Glibc.close(descriptor) == 0 ? nil : FileBytes.describe(errno: errno)
        descriptor = -1
        return synced ?? closed
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }
}
