/// The exit codes of interface §2, from one place.
enum ExitStatus: Int32 {
    case success = 0
    /// Results were produced and some were negative (replay differs, check-request errors, rules check errors).
    case findings = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case internalError = 70
    /// Output or the decision log could not be written (no space, an I/O error, a closed stream).
    case outputFailed = 74
    case configuration = 78
    /// The reader of stdout went away (EPIPE), as the shell reports a process ended by SIGPIPE.
    case closedPipe = 141

    /// The worse of two statuses, for runs over many inputs.
    func combined(with other: ExitStatus) -> ExitStatus {
        let rank: [ExitStatus: Int] = [
            .success: 0, .findings: 1, .dataError: 2, .noInput: 3, .configuration: 4, .usage: 5, .outputFailed: 6, .internalError: 7,
            .closedPipe: 8,
        ]
        return (rank[other] ?? 0) > (rank[self] ?? 0) ? other : self
    }
}
