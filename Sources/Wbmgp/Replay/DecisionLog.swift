import Foundation

/// A hash-chained JSON Lines log of decision records (interface §6).
///
/// Each line is `{"hash":…,"prev":…,"record":{…},"seq":N}` with sorted keys: `seq` counts from 1,
/// `prev` is the previous line's `hash` (null on line 1), and `hash` is `sha256:` and the hex
/// SHA-256 of the compact JSON of the same object without `hash`. Changing, removing, inserting
/// or reordering a line breaks the chain at that line; ``verify(_:)`` names it.
public enum DecisionLog {
    /// Why a log could not be appended to.
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
        /// The first line at which an existing log does not verify; nil when it could not be
        /// read or written (no space, an I/O error, no permission).
        public var brokenLine: Int?

        public init(message: String, brokenLine: Int? = nil) {
            self.message = message
            self.brokenLine = brokenLine
        }
    }

    /// One entry: the line to write (without newline) and its hash.
    public static func entry(record: JSONValue, seq: Int, previous: String?) -> (line: String, hash: String) {
        let body: [(String, JSONValue)] = [("prev", previous.map { .string($0) } ?? .null), ("record", record), ("seq", .integer(seq))]
        let hash = "sha256:" + SHA256.hex(SHA256.hash(Array(JSONWriter.compact(.sortedObject(body)).utf8)))
        return (JSONWriter.compact(.sortedObject(body + [("hash", .string(hash))])), hash)
    }

    /// Appends records to the log at `path` (created when missing) in one write of whole lines,
    /// then syncs it to disk, under the log's exclusive lock. See ``DecisionLogWriter``.
    ///
    /// - Throws: ``Failure`` when the log does not verify or cannot be written (nothing is
    ///   appended then).
    public static func append(_ records: [JSONValue], to path: String) throws(Failure) {
        let writer = try DecisionLogWriter(path: path)
        defer { writer.close() }
        try writer.append(records)
    }

    /// The result of verifying a log.
    public enum Verification: Hashable, Sendable {
        case intact(entries: Int)
        /// The first line at which the chain breaks, and what happened there.
        case broken(line: Int, reason: String)
    }

    /// Recomputes the chain and names the first line that was changed, removed, inserted or reordered.
    public static func verify(_ bytes: [UInt8]) -> Verification {
        let lines = DecisionService.lines(of: bytes)
        var entries: [(seq: Int?, hash: String?, prev: JSONValue?, valid: Bool)] = []
        for line in lines {
            guard let value = try? JSONReader.parse(line), case .object(let members) = value,
                case .string(let hash) = value["hash"] ?? .null, case .integer(let seq) = value["seq"] ?? .null
            else {
                entries.append((nil, nil, nil, false))
                continue
            }
            let body = JSONValue.object(members.filter { $0.key != "hash" })
            let recomputed = "sha256:" + SHA256.hex(SHA256.hash(Array(JSONWriter.compact(body).utf8)))
            entries.append((seq, hash, value["prev"], recomputed == hash))
        }
        let endsInPartialLine = bytes.last.map { $0 != 0x0A } ?? false
        for (i, entry) in entries.enumerated() {
            let line = i + 1
            if endsInPartialLine, line == entries.count, !entry.valid {
                return .broken(line: line, reason: "line \(line) is a partial line: the log ends in the middle of an entry (a write was cut off)")
            }
            guard entry.valid, let seq = entry.seq else {
                return .broken(line: line, reason: "line \(line) was changed: it is not an intact log entry (its hash does not match its content)")
            }
            if seq > line {
                if let later = entries.indices.first(where: { $0 > i && entries[$0].seq == line }) {
                    return .broken(line: line, reason: "lines \(line) and \(later + 1) were reordered: line \(line) holds entry \(seq)")
                }
                return .broken(line: line, reason: "entry \(line) was removed: line \(line) holds entry \(seq)")
            }
            if seq < line {
                return .broken(line: line, reason: "line \(line) was inserted or moved: it holds entry \(seq), expected \(line)")
            }
            let expected: JSONValue = i == 0 ? .null : .string(entries[i - 1].hash ?? "")
            if (entry.prev ?? .null) != expected {
                return .broken(line: line, reason: "line \(line) does not follow line \(line - 1): the chain was changed before it")
            }
        }
        if endsInPartialLine {
            return .broken(line: lines.count, reason: "line \(lines.count) is a partial line: the log does not end with a line end")
        }
        return .intact(entries: entries.count)
    }
}
