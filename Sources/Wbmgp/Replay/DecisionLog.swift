import Foundation

/// A hash-chained JSON Lines log of decision records (interface §6).
///
/// Each line is `{"hash":…,"prev":…,"record":{…},"seq":N}` with sorted keys: `seq` counts from 1,
/// `prev` is the previous line's `hash` (null on line 1), and `hash` is `sha256:` and the hex
/// SHA-256 of the compact JSON of the same object without `hash`. Changing, removing, inserting
/// or reordering a line breaks the chain at that line; ``verify(_:)`` names it.
public enum DecisionLog {
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
    }

    /// One entry: the line to write (without newline) and its hash.
    public static func entry(record: JSONValue, seq: Int, previous: String?) -> (line: String, hash: String) {
        let body: [(String, JSONValue)] = [("prev", previous.map { .string($0) } ?? .null), ("record", record), ("seq", .integer(seq))]
        let hash = "sha256:" + SHA256.hex(SHA256.hash(Array(JSONWriter.compact(.sortedObject(body)).utf8)))
        return (JSONWriter.compact(.sortedObject(body + [("hash", .string(hash))])), hash)
    }

    /// Appends records to the log in one write of whole lines, then flushes and syncs to disk.
    ///
    /// - Throws: ``Failure`` when the log cannot be read or written, or its last line is partial or
    ///   not an entry (nothing is written then).
    public static func append(_ records: [JSONValue], to path: String) throws(Failure) {
        guard !records.isEmpty else { return }
        var (seq, previous) = try tail(of: path)
        var text = ""
        for record in records {
            seq += 1
            let (line, hash) = entry(record: record, seq: seq, previous: previous)
            text += line + "\n"
            previous = hash
        }
        if !FileManager.default.fileExists(atPath: path), !FileManager.default.createFile(atPath: path, contents: nil) {
            throw Failure(message: "cannot create the log \(path)")
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw Failure(message: "cannot open the log \(path) for writing") }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw Failure(message: "writing the log \(path) failed: \(error)")
        }
    }

    /// The last entry's sequence number and hash; (0, nil) for a missing or empty log.
    static func tail(of path: String) throws(Failure) -> (Int, String?) {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return (0, nil) }
        let bytes = Array(data)
        guard bytes.last == 0x0A else { throw Failure(message: "the log \(path) ends in a partial line; run 'wbmgp log verify \(path)'") }
        guard let last = DecisionService.lines(of: bytes).last, let value = try? JSONReader.parse(last),
            case .integer(let seq) = value["seq"] ?? .null, case .string(let hash) = value["hash"] ?? .null
        else { throw Failure(message: "the last line of the log \(path) is not a log entry; run 'wbmgp log verify \(path)'") }
        return (seq, hash)
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
        for (i, entry) in entries.enumerated() {
            let line = i + 1
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
        if let last = bytes.last, last != 0x0A {
            return .broken(line: lines.count, reason: "line \(lines.count) is incomplete: the log does not end with a line end")
        }
        return .intact(entries: entries.count)
    }
}
