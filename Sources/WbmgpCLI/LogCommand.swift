import Glibc
import Wbmgp

/// `wbmgp log verify|head|redact`: the hash-chained decision log (interface §6).
enum LogCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "verify": return try verify(rest)
        case "head": return try head(rest)
        case "redact": return try redact(rest)
        default: throw Arguments.UsageError(message: "expected 'wbmgp log verify|head|redact FILE' (see 'wbmgp help log')")
        }
    }

    static func file(_ args: Arguments, _ command: String) throws(Arguments.UsageError) -> String {
        guard args.positionals.count == 1, let path = args.positionals.first else { throw Arguments.UsageError(message: "'log \(command)' takes one FILE") }
        return path
    }

    /// `log verify FILE [--expect-head SEQ:HASH]`: 0 intact, 1 broken.
    static func verify(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["expect-head"], flags: ["help"])
        let path = try file(args, "verify")
        var expected: (seq: Int, hash: String)?
        if let text = args.values["expect-head"] {
            guard let colon = text.firstIndex(of: ":"), let seq = Int(text[..<colon]), seq > 0 else {
                throw Arguments.UsageError(message: "invalid value '\(text)' for '--expect-head'; expected SEQ:HASH as 'wbmgp log head' prints it")
            }
            expected = (seq, String(text[text.index(after: colon)...]))
        }
        // Read line by line, in the memory of its longest line (``DecisionLogVerifier``).
        guard var reader = InputFiles.lineReader(path) else { return .noInput }
        defer { reader.close() }
        guard let (verification, head) = DecisionLogVerifier.verify(&reader) else {
            InputFiles.report(path, reader.failure ?? FileBytes.Failure(errno: EIO))
            return .noInput
        }
        let name = InputFiles.displayName(path)
        switch verification {
        case .intact(let entries, let redacted):
            if let expected {
                guard let head, head.seq == expected.seq, head.hash == expected.hash else {
                    let found = head.map { "entry \($0.seq) (\($0.hash))" } ?? "no entry"
                    Output.write("\(name):\(entries): broken: the log ends at \(found), expected entry \(expected.seq) (\(expected.hash)): its tail was removed or rewritten\n")
                    return .findings
                }
            }
            Output.write("\(name): intact, \(entries) entries\(redacted > 0 ? " (\(redacted) redacted, each covered by a redaction entry)" : "")\n")
            return .success
        case .broken(let line, let reason):
            Output.write("\(name):\(line): broken: \(reason)\n")
            return .findings
        }
    }

    /// `log head FILE`: the last entry as `SEQ:HASH`, to publish elsewhere.
    static func head(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: [], flags: ["help"])
        let path = try file(args, "head")
        guard let bytes = InputFiles.read(path) else { return .noInput }
        guard let head = DecisionLog.head(of: bytes) else {
            Output.error("\(InputFiles.displayName(path)): error: [E-LOG] the log holds no entry")
            return .dataError
        }
        Output.write("\(head.seq):\(head.hash)\n")
        return .success
    }

    /// `log redact FILE (--entry N | --before DATE) [--by NAME] [--reason TEXT] [--on DATE]`:
    /// 0 done, 1 no entry matched, 65 the log does not verify (or predates salting), 74 not written.
    static func redact(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["entry", "before", "by", "reason", "on"], flags: ["help"])
        let path = try file(args, "redact")
        // A log is rewritten in place: a standard stream cannot be one.
        guard path != "-" else { throw Arguments.UsageError(message: "'log redact' takes the path of a log file; '-' (standard input) cannot be rewritten") }
        let selection: RedactionSelection
        switch (args.values["entry"], args.values["before"]) {
        case (let entry?, nil):
            guard let seq = Int(entry), seq > 0 else { throw Arguments.UsageError(message: "invalid value '\(entry)' for '--entry'; expected an entry number") }
            selection = .entry(seq)
        case (nil, let before?):
            guard let date = CalendarDate(parsing: before) else { throw Arguments.UsageError(message: "invalid value '\(before)' for '--before'; expected a date YYYY-MM-DD") }
            selection = .before(date)
        default:
            throw Arguments.UsageError(message: "'log redact' needs exactly one of --entry N and --before DATE")
        }
        // The engine has no clock (determinism): the redaction's date is given, else today's.
        guard let on = args.values["on"].map({ CalendarDate(parsing: $0) }) ?? today() else {
            throw Arguments.UsageError(message: "invalid value '\(args.values["on"] ?? "")' for '--on'; expected a date YYYY-MM-DD")
        }
        do throws(DecisionLog.Failure) {
            let writer = try DecisionLogWriter(path: path, creating: false) { Output.error("wbmgp: waiting for the lock on \(path), held by another writer") }
            defer { writer.close() }
            let redacted = try writer.redact(selection, on: on, by: args.values["by"] ?? "not given", reason: args.values["reason"] ?? "not given")
            guard !redacted.isEmpty else {
                Output.write("\(path): no entry matched; nothing was redacted\n")
                return .findings
            }
            Output.write("\(path): redacted \(redacted.count) entr\(redacted.count == 1 ? "y" : "ies") (\(redacted.map(String.init).joined(separator: ", "))); a redaction entry records it\n")
            return .success
        } catch {
            Output.error("\(path): error: [E-LOG] \(error.message)")
            if error.missing { return .noInput }
            return error.brokenLine != nil || error.refused ? .dataError : .outputFailed
        }
    }

    /// Today's date on this machine's calendar, for the record of a redaction.
    static func today() -> CalendarDate? {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return nil }
        let text = String(parts.tm_year + 1900) + "-" + (parts.tm_mon < 9 ? "0" : "") + String(parts.tm_mon + 1) + "-"
            + (parts.tm_mday < 10 ? "0" : "") + String(parts.tm_mday)
        return CalendarDate(parsing: text)
    }
}
