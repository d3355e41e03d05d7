
/// A hash-chained JSON Lines log of decision records (interface §6).
///
/// Each line is one entry with sorted keys: `seq` counts from 1, `prev` is the previous line's
/// `hash` (null on line 1), and `hash` is `sha256:` and the hex SHA-256 of the compact JSON of the
/// entry without `hash`, `personal` and `salt`. A decision entry holds its record cut in two
/// (``LogEntryParts``): `skeleton`, committed to directly, and `personal`, committed to through
/// `personalDigest`, the SHA-256 of `salt` (fresh random hex per entry) followed by the compact
/// JSON of `personal`. Removing `personal` and `salt` (``DecisionLogRedaction``) leaves the chain
/// intact; a `redaction` entry appended after it records which entries, when, by whom and why,
/// and ``verify(_:)`` fails on a redacted entry that no later redaction entry covers. Entries
/// written before salting (`record` instead of `skeleton`) verify as before.
///
/// Changing, removing, inserting or reordering a line breaks the chain at that line; ``verify(_:)``
/// names it. Removing the last lines leaves a shorter intact chain: ``head(of:)`` gives the last
/// entry's seq and hash to keep elsewhere, and `log verify --expect-head` compares them.
public enum DecisionLog {
    /// Why a log could not be appended to.
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
        /// The first line at which an existing log does not verify; nil when it could not be
        /// read or written (no space, an I/O error, no permission).
        public var brokenLine: Int?
        /// The log is readable but the operation cannot be done on it (a redaction of a log
        /// written before salting).
        public var refused: Bool
        /// There is no log at the path, and none was to be made (a redaction).
        public var missing: Bool

        public init(message: String, brokenLine: Int? = nil, refused: Bool = false, missing: Bool = false) {
            self.message = message
            self.brokenLine = brokenLine
            self.refused = refused
            self.missing = missing
        }
    }

    /// The members of an entry the hash does not cover: the personal part and its salt.
    static let uncommitted: Set<String> = ["hash", "personal", "salt"]

    /// One decision entry: the line to write (without newline) and its hash.
    ///
    /// - Parameter salt: random hex (tests pass a fixed one); nil when the system gave none.
    public static func entry(record: JSONValue, seq: Int, previous: String?, salt: String? = RandomBytes.hex(count: 16)) -> (line: String, hash: String)? {
        guard let salt else { return nil }
        let (skeleton, personal) = LogEntryParts.split(record)
        let body: [(String, JSONValue)] = [
            ("personalDigest", .string(personalDigest(personal, salt: salt))), ("prev", previous.map { .string($0) } ?? .null),
            ("seq", .integer(seq)), ("skeleton", skeleton),
        ]
        return sealed(body, extra: [("personal", personal), ("salt", .string(salt))])
    }

    /// A redaction entry: which entries' personal parts were removed, on which date, by whom, why.
    static func redactionEntry(entries: [Int], date: CalendarDate, by: String, reason: String, seq: Int, previous: String?) -> (line: String, hash: String) {
        let redaction = JSONValue.sortedObject([
            ("entries", .array(entries.map { .integer($0) })), ("date", .string(date.description)), ("by", .string(by)), ("reason", .string(reason)),
        ])
        return sealed([("prev", previous.map { .string($0) } ?? .null), ("redaction", redaction), ("seq", .integer(seq))], extra: [])
    }

    /// The line of an entry with `body` hashed and `extra` (not hashed) beside it.
    private static func sealed(_ body: [(String, JSONValue)], extra: [(String, JSONValue)]) -> (line: String, hash: String) {
        let hash = digest(JSONWriter.compact(.sortedObject(body)))
        return (JSONWriter.compact(.sortedObject(body + extra + [("hash", .string(hash))])), hash)
    }

    static func digest(_ text: String) -> String { "sha256:" + SHA256.hex(SHA256.hash(Array(text.utf8))) }

    static func personalDigest(_ personal: JSONValue, salt: String) -> String { digest(salt + JSONWriter.compact(personal)) }

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
        /// Every entry in place; `redacted` of them have had their personal part removed, each
        /// covered by a redaction entry.
        case intact(entries: Int, redacted: Int)
        /// The first line at which the chain breaks, and what happened there.
        case broken(line: Int, reason: String)
    }

    /// Recomputes the chain and names the first line that was changed, removed, inserted or
    /// reordered, or whose personal part was removed without a redaction entry
    /// (``DecisionLogVerifier``, line by line as a file is read).
    public static func verify(_ bytes: [UInt8]) -> Verification {
        var verifier = DecisionLogVerifier()
        for line in DecisionService.lines(of: bytes) { line.withUnsafeBufferPointer { verifier.add($0) } }
        return verifier.finish(endsWithoutLineEnd: bytes.last.map { $0 != 0x0A } ?? false)
    }

    /// The last entry's `seq` and `hash`; nil for an empty log or a last line that is no entry.
    public static func head(of bytes: [UInt8]) -> (seq: Int, hash: String)? {
        guard let last = DecisionService.lines(of: bytes).last else { return nil }
        let entry = LogLine(last)
        guard let seq = entry.seq, let hash = entry.hash else { return nil }
        return (seq, hash)
    }
}

/// One line of a decision log as ``DecisionLog/verify(_:)`` checks it.
struct LogLine {
    var value: JSONValue?
    var seq: Int?
    var hash: String?
    var prev: JSONValue?
    /// The recomputed hash equals `hash`.
    var hashValid = false
    /// The personal part, where there is one, matches `personalDigest`.
    var personalValid = true
    /// A decision entry written with a personal part that is no longer there.
    var isRedacted = false
    /// The entries a redaction entry names.
    var covers: [Int] = []

    init(_ bytes: [UInt8]) {
        guard let value = try? JSONReader.parse(bytes), case .object(let members) = value,
            case .string(let hash) = value["hash"] ?? .null, case .integer(let seq) = value["seq"] ?? .null
        else { return }
        self.value = value
        self.seq = seq
        self.hash = hash
        prev = value["prev"]
        hashValid = DecisionLog.digest(JSONWriter.compact(.object(members.filter { !DecisionLog.uncommitted.contains($0.key) }))) == hash
        if case .string(let digest) = value["personalDigest"] ?? .null {
            if let personal = value["personal"] {
                guard case .string(let salt) = value["salt"] ?? .null else {
                    personalValid = false
                    return
                }
                personalValid = DecisionLog.personalDigest(personal, salt: salt) == digest
            } else {
                isRedacted = true
            }
        } else if value["personal"] != nil || value["salt"] != nil {
            // The hash does not cover these two: without a digest committing to them, one found
            // here was put in after the entry was written.
            personalValid = false
        }
        if case .array(let named) = value["redaction"]?["entries"] ?? .null {
            covers = named.compactMap { if case .integer(let seq) = $0 { seq } else { nil } }
        }
    }
}
