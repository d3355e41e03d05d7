#if canImport(Glibc)
    import Glibc
#endif

/// Reads one line of a population for `impact` (interface §11): an application (interface §3),
/// a decision record (`decide --record`: its `input`), or a decision-log entry (its record put
/// together from skeleton and personal part). A redacted entry has no input left to decide, and
/// a redaction entry records a redaction, not a decision: both are told apart, not counted as
/// errors.
public struct PopulationReader: Sendable {
    public enum Line: Sendable {
        case application(Application)
        /// A log entry whose personal part (and so its input) was destroyed.
        case redacted
        /// A line that holds no decision (a redaction entry, or a blank line).
        case noDecision
    }

    public let reader: ApplicationReader

    public init(reader: ApplicationReader) { self.reader = reader }

    public func read(_ bytes: [UInt8]) throws(InputError) -> Line {
        var spares = LineSpares()
        return try read(bytes, reusing: &spares)
    }

    /// ``read(_:)`` with an application line read into the arrays `spares` keeps (a worker's,
    /// ``LineSpares``).
    func read(_ bytes: [UInt8], reusing spares: inout LineSpares) throws(InputError) -> Line {
        // Most lines are applications: they are read at once. The reader refuses any member an
        // application does not have, so a record or a log entry is never taken for one.
        let refusal: InputError
        do throws(InputError) {
            return .application(try reader.read(bytes, reusing: &spares))
        } catch {
            refusal = error
        }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return .noDecision }
        // Only a record or a log entry has these members; anything else is an application.
        guard Self.mayBeRecord(bytes) else { throw refusal }
        let document: JSONValue
        do throws(JSONSyntaxError) {
            document = try JSONReader.parse(bytes)
        } catch {
            throw InputError(code: "E-JSON", path: "$", message: "invalid JSON at column \(error.column): \(error.message)")
        }
        if case .integer = document["seq"] ?? .null {
            if case .object = document["redaction"] ?? .null { return .noDecision }
            if let skeleton = document["skeleton"] {
                guard let personal = document["personal"] else { return .redacted }
                return try input(of: LogEntryParts.merge(skeleton: skeleton, personal: personal), inside: "$.personal")
            }
        }
        if document["input"] != nil, document["outcome"] != nil { return try input(of: document, inside: "$") }
        return .application(try reader.read(document))
    }

    func input(of record: JSONValue, inside prefix: String) throws(InputError) -> Line {
        guard let input = record["input"] else {
            throw InputError(code: "E-MISSING", path: prefix + ".input", message: "the record holds no input; only records made with --record or a decision log can be decided again")
        }
        do {
            return .application(try reader.read(input))
        } catch {
            var error = error
            if error.path.hasPrefix("$") { error.path = prefix + ".input" + error.path.dropFirst() }
            throw error
        }
    }

    /// Whether the bytes hold the key `"input"`, `"skeleton"` or `"seq"` anywhere (a cheap look before
    /// any parse; a false alarm only costs a parse). One pass: `memchr` finds each quote, and only
    /// there are the keys compared.
    static func mayBeRecord(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let end = buffer.count
            var from = 0
            while from < end, let found = memchr(base + from, 0x22, end - from) {
                let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                for key in recordKeys where quote + key.count <= end {
                    if ByteMatch.matches(base, at: quote, key) { return true }
                }
                from = quote + 1
            }
            return false
        }
    }

    /// The keys only a record or a log entry has, quotes included.
    static let recordKeys: [[UInt8]] = [Array("\"input\"".utf8), Array("\"skeleton\"".utf8), Array("\"seq\"".utf8)]
}
