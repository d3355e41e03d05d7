import Glibc
import Wbmgp

/// The one writer of the process's results (stdout) and messages (stderr); the library never prints.
///
/// Every write is checked. A result that could not be written ends the run at once with one line
/// on stderr and exit 74 (no space left, an I/O error, a closed stdout), because going on would
/// report success for output that was lost. A reader that went away (EPIPE, as with `| head`)
/// ends the run quietly with 141, as other Unix tools do.
enum Output {
    nonisolated(unsafe) static var buffer: [UInt8] = []

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(bytes: $0) }
    }

    /// Writes `bytes` after what is buffered: a large piece (a batch block) straight from where it lies.
    static func write(bytes: UnsafeBufferPointer<UInt8>) {
        if buffer.isEmpty, bytes.count >= 1 << 16 {
            writeAll(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; returns only when it was all written.
    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes to stdout with write(2), straight from the caller's bytes (a batch block is
    /// megabytes; wrapping it in `Data` would copy it once more). Partial writes are resumed.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer) {
        if StandardStreams.outputClosed, !bytes.isEmpty { fail(EBADF) }
        if let code = FileBytes.write(bytes, to: 1) { fail(code) }
    }

    /// Ends the process after a failed write of results: 141 for a reader that went away, else
    /// one line on stderr and 74.
    private static func fail(_ code: Int32) -> Never {
        buffer.removeAll()
        if code == EPIPE { exit(ExitStatus.closedPipe.rawValue) }
        let what = code == EBADF ? "standard output is closed" : FileBytes.describe(errno: code)
        error("wbmgp: error: [E-OUTPUT] the results could not be written to standard output: \(what)")
        exit(ExitStatus.outputFailed.rawValue)
    }

    /// Rewrites the progress line on stderr (a terminal); nil clears it.
    static func progress(_ text: String?) {
        writeMessage("\r\u{1B}[K" + (text ?? ""))
    }

    /// One message line on stderr. When stderr cannot be written there is nowhere left to say
    /// so; the exit status still tells.
    static func error(_ text: String) {
        writeMessage(text + "\n")
    }

    private static func writeMessage(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { FileBytes.write($0, to: 2) }
    }
}

/// Input files and standard input, read whole; a failure is printed as `PATH: error: [E-FILE] …`.
enum InputFiles {
    /// How a path is named in messages: standard input as `<stdin>`.
    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The bytes of `path` ("-" for standard input, without a byte-order mark), or nil after
    /// printing why they could not be read (the caller exits 66).
    static func read(_ path: String) -> [UInt8]? {
        do throws(FileBytes.Failure) {
            return try bytes(path)
        } catch {
            report(path, error)
            return nil
        }
    }

    /// The bytes of `path` ("-" for standard input), without a byte-order mark.
    static func bytes(_ path: String) throws(FileBytes.Failure) -> [UInt8] {
        if path == "-" {
            guard !StandardStreams.inputClosed else { throw FileBytes.Failure(errno: EBADF) }
            return try FileBytes.read(descriptor: 0)
        }
        return try FileBytes.read(path: path)
    }

    /// A line reader of `path` ("-" for standard input), or nil after printing why it could not
    /// be opened (the caller counts it as 66).
    static func lineReader(_ path: String) -> LineReader? {
        do throws(FileBytes.Failure) {
            return try LineReader(path: path, standardInputClosed: StandardStreams.inputClosed)
        } catch {
            report(path, error)
            return nil
        }
    }

    /// "the file does not exist", "standard input is closed".
    static func describe(_ path: String, _ failure: FileBytes.Failure) -> String {
        (path == "-" ? "standard input " : "the file ") + failure.message
    }

    static func report(_ path: String, _ failure: FileBytes.Failure) {
        Output.error("\(displayName(path)): error: [E-FILE] \(describe(path, failure))")
    }
}
