import Foundation

/// What each worker is checking, for the reports of a crash or a hang: a crashed process cannot
/// say which input killed it unless it wrote that down before running it.
///
/// The signal handler reads plain memory and writes with write(2) only (no allocation, no locks),
/// as a handler must; the watchdog thread reports an input that runs over ``hangSeconds``.
enum InFlight {
    nonisolated(unsafe) static var indices = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    nonisolated(unsafe) static var startedAt = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    nonisolated(unsafe) static var workers = 0
    /// The target's name as NUL-terminated bytes, for the handler.
    nonisolated(unsafe) static var name = UnsafeMutablePointer<CChar>.allocate(capacity: 64)
    static let hangSeconds: UInt64 = 10

    static func install(jobs: Int) {
        workers = jobs
        indices = .allocate(capacity: jobs)
        indices.initialize(repeating: -1, count: jobs)
        startedAt = .allocate(capacity: jobs)
        startedAt.initialize(repeating: 0, count: jobs)
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] {
            Foundation.signal(signal) { number in
                InFlight.report("crash (signal \(number))")
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
        Thread.detachNewThread {
            while true {
                sleep(1)
                let now = InFlight.monotonicNanoseconds()
                for worker in 0..<InFlight.workers where InFlight.indices[worker] >= 0 {
                    if now - InFlight.startedAt[worker] > InFlight.hangSeconds * 1_000_000_000 {
                        InFlight.report("hang (over \(InFlight.hangSeconds) s)")
                        _exit(3)
                    }
                }
            }
        }
    }

    static func begin(target: String) {
        let bytes = Array(target.utf8.prefix(63))
        for (i, byte) in bytes.enumerated() { name[i] = CChar(bitPattern: byte) }
        name[bytes.count] = 0
    }

    static func start(worker: Int, index: Int) {
        startedAt[worker] = monotonicNanoseconds()
        indices[worker] = index
    }

    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// "wbmgp-fuzz: crash (signal 11) in target rules at input 1234 (and …)": reproduce with
    /// `--target rules --from 1234 --count 1`.
    static func report(_ what: String) {
        var line = "\nwbmgp-fuzz: \(what) in target \(String(cString: name)) at input"
        for worker in 0..<workers where indices[worker] >= 0 { line += " \(indices[worker])" }
        line += "; reproduce with --target \(String(cString: name)) --from INPUT --count 1 (--save FILE writes it)\n"
        line.utf8CString.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count - 1) }
    }
}
