import Glibc
import Wbmgp

/// The state of the three standard streams when the process started.
///
/// A stream closed by the caller (`<&-`, `>&-`, `2>&-`) leaves its descriptor number free, and the
/// next `open` would take it: a log opened as descriptor 1 would receive the decisions. So each
/// closed one is held by `/dev/null` (or, where that is no device, the root folder) and
/// remembered, and reading or writing it is reported as "closed" instead of silently reading
/// nothing or writing into the void.
enum StandardStreams {
    nonisolated(unsafe) private(set) static var inputClosed = false
    nonisolated(unsafe) private(set) static var outputClosed = false

    /// Call once, first thing in `main`.
    static func secure() {
        // A closed pipe is an EPIPE result to handle (exit 141), not a signal that kills us
        // between a log write and its sync.
        signal(SIGPIPE, SIG_IGN)
        inputClosed = hold(0, flags: O_RDONLY)
        outputClosed = hold(1, flags: O_WRONLY)
        _ = hold(2, flags: O_WRONLY)
    }

    /// Opens a holder on `descriptor` when it is closed (``FileSystem/streamHolder(nullDevice:)``:
    /// /dev/null, or the root folder where /dev/null is no device); true when it was.
    private static func hold(_ descriptor: Int32, flags: Int32) -> Bool {
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return false }
        let holder = FileSystem.streamHolder()
        let opened = holder == "/" ? open(holder, O_RDONLY | O_DIRECTORY) : open(holder, flags)
        if opened >= 0, opened != descriptor {
            _ = dup2(opened, descriptor)
            _ = close(opened)
        }
        return true
    }
}
