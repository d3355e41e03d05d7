#if canImport(Glibc)
    import Glibc
#endif

/// Which decision entries `log redact` destroys the personal part of (interface §6).
public enum RedactionSelection: Sendable {
    /// The entry with this `seq`.
    case entry(Int)
    /// Every entry whose `decisionDate` (else `applicationDate`) lies before this date.
    case before(CalendarDate)
}

extension DecisionLogWriter {
    /// Removes the personal part (and its salt) of the selected decision entries and appends a
    /// redaction entry naming them, the date, who and why, so the chain stays intact and no purge
    /// goes unrecorded (Wbmgp art. 10b lid 9; AVG art. 5 lid 1 e, art. 17).
    ///
    /// The log is written anew beside the old one, synced, and renamed over it: a crash leaves
    /// either the old log or the new one, never half of each. Other writers wait on the lock and
    /// then find the new file (``init(path:waiting:)`` checks the path still names what it locked).
    ///
    /// - Returns: the `seq` of each entry redacted; empty when none matched (nothing is written).
    /// - Throws: ``DecisionLog/Failure``: `refused` for a log written before salting, whose
    ///   personal data sits inside the chain; otherwise the file could not be read or written.
    public func redact(_ selection: RedactionSelection, on date: CalendarDate, by: String, reason: String) throws(DecisionLog.Failure) -> [Int] {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw failure("cannot be read", errno: errno) }
        let bytes: [UInt8]
        do throws(FileBytes.Failure) {
            bytes = try FileBytes.read(descriptor: descriptor)
        } catch {
            throw DecisionLog.Failure(message: "the log \(path) \(error.message)")
        }
        var lines: [[UInt8]] = []
        var redacted: [Int] = []
        for line in DecisionService.lines(of: bytes) {
            let entry = LogLine(line)
            if entry.value?["record"] != nil {
                throw DecisionLog.Failure(
                    message: "the log \(path) was written before personal parts were salted: its personal data is inside the hash chain "
                        + "and cannot be removed without breaking it. Keep it whole until it may be destroyed entirely",
                    refused: true)
            }
            guard case .object(let members) = entry.value ?? .null, let seq = entry.seq, entry.value?["personal"] != nil,
                let skeleton = entry.value?["skeleton"], Self.selects(selection, seq: seq, skeleton: skeleton)
            else {
                lines.append(line)
                continue
            }
            lines.append(Array(JSONWriter.compact(.object(members.filter { $0.key != "personal" && $0.key != "salt" })).utf8))
            redacted.append(seq)
        }
        guard !redacted.isEmpty else { return [] }
        let (line, _) = DecisionLog.redactionEntry(entries: redacted, date: date, by: by, reason: reason, seq: seq + 1, previous: previous)
        lines.append(Array(line.utf8))
        var rewritten: [UInt8] = []
        for line in lines { rewritten += line + [0x0A] }
        guard case .intact = DecisionLog.verify(rewritten) else {
            throw DecisionLog.Failure(message: "the log \(path) was not redacted: the rewritten log would not verify (please report this as a bug)")
        }
        try replaceFile(with: rewritten)
        return redacted
    }

    static func selects(_ selection: RedactionSelection, seq: Int, skeleton: JSONValue) -> Bool {
        switch selection {
        case .entry(let wanted): return seq == wanted
        case .before(let limit):
            let dated: JSONValue? = skeleton["decisionDate"].flatMap { $0 == .null ? nil : $0 } ?? skeleton["applicationDate"]
            guard case .string(let text) = dated ?? .null, let day = CalendarDate(parsing: text) else { return false }
            return day < limit
        }
    }

    /// Writes `bytes` to a file beside the log, syncs it and renames it over the log: over the
    /// file the log's path leads to (``fileBehindPath()``), not over a link to it; the folder is
    /// synced after, so the rename is durable (``FileReplacement``).
    private func replaceFile(with bytes: [UInt8]) throws(DecisionLog.Failure) {
        let target = try fileBehindPath()
        if let problem = FileReplacement.write(bytes, to: target, through: ".redacting", mode: 0o600, syncingFolder: true) {
            throw DecisionLog.Failure(message: "the log \(path) cannot be rewritten: \(FileBytes.describe(errno: problem)); it is unchanged")
        }
    }

    /// The file the log's path names, with every symbolic link followed. Renamed over a link,
    /// the new log would replace the link, and the file it led to would keep the personal data
    /// the redaction entry says is gone. A log with a second name (a hard link) is refused for
    /// the same reason: the new file would take one name, and the other would keep the old one.
    private func fileBehindPath() throws(DecisionLog.Failure) -> String {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw DecisionLog.Failure(message: "the log \(path) cannot be examined: \(FileBytes.describe(errno: errno)); it is unchanged")
        }
        guard info.st_nlink <= 1 else {
            throw DecisionLog.Failure(
                message: "the log \(path) has \(info.st_nlink) names (hard links): a redaction writes the log anew under one name, "
                    + "and the others would keep the personal data. Remove the other names first; the log is unchanged",
                refused: true)
        }
        guard let resolved = realpath(path, nil) else {
            throw DecisionLog.Failure(message: "the log \(path) cannot be resolved: \(FileBytes.describe(errno: errno)); it is unchanged")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
