import Dispatch

/// Finds the members of a decision-log line that the monitoring report reads (`seq`, `hash`,
/// `skeleton`, and whether `personal` or `redaction` is there) without building the rest: the
/// personal part (the input, the reason texts) is most of a line's bytes and is only skipped
/// over, bracket by bracket. The skeleton alone is then parsed. A line that is not a log entry's
/// top-level object gives nil, and the caller parses it whole.
///
/// It reads the line where it lies (the reader's buffer): every range it gives is in the line's
/// own offsets, from 0.
struct LogLineScanner {
    var seq: Int?
    /// Where the text of `hash` is in the line (no string is made until ``hash(in:)`` is asked).
    var hashRange: Range<Int>?
    var skeleton: Range<Int>?
    var hasPersonal = false
    var hasRedaction = false

    /// The text of `hash` in `line`, the line this scanner was made from.
    func hash(in line: UnsafeBufferPointer<UInt8>) -> String? {
        hashRange.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self) }
    }

    /// The members `fromEnds` looks for, as they are written.
    static let hashKey = Array("{\"hash\":\"".utf8), skeletonKey = Array(",\"skeleton\":".utf8), seqKey = Array(",\"seq\":".utf8)
    static let personalKey = Array("\",\"personal\":".utf8)
    /// Where the `k` of ``skeletonKey`` is in it.
    static let skeletonKAt = 3

    /// A log entry as `decide --log` writes it, found from its ends: `{"hash":"…","personal":…`
    /// at the start and `…,"seq":N,"skeleton":{…}}` at the end (its members are in sorted order,
    /// and the skeleton is the last). Inside a JSON string a quote is always escaped, so the
    /// bytes `,"skeleton":` can only be the member itself. Nil when the line is not laid out so,
    /// and ``scan(_:)`` walks it instead.
    static func fromEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> LogLineScanner? {
        let hashKey = Self.hashKey, skeletonKey = Self.skeletonKey, seqKey = Self.seqKey, personalKey = Self.personalKey
        let count = bytes.count
        guard count > hashKey.count + skeletonKey.count, let base = bytes.baseAddress, ByteMatch.matches(base, at: 0, hashKey), bytes[count - 1] == 0x7D
        else { return nil }
        var found = LogLineScanner()
        let hashStart = hashKey.count
        var hashEnd = hashStart
        while hashEnd < count, bytes[hashEnd] != 0x22 { hashEnd += 1 }
        guard hashEnd < count else { return nil }
        found.hashRange = hashStart..<hashEnd
        found.hasPersonal = count - hashEnd >= personalKey.count && ByteMatch.matches(base, at: hashEnd, personalKey)
        // The last `,"skeleton":`, searched from the end for its `k`: no member name of a
        // skeleton has one and few values do, so eight bytes at a time are passed over while
        // none is a `k`, and the key is compared at few places. `offset` is where the key would
        // start, its `k` three bytes on.
        let kAt = skeletonKAt
        var offset = count - skeletonKey.count
        var keyAt: Int?
        while offset > hashEnd {
            if offset - 8 > hashEnd {
                let word = UnsafeRawPointer(base + offset + kAt - 7).loadUnaligned(as: UInt64.self) ^ 0x6B6B_6B6B_6B6B_6B6B
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0 {
                    offset -= 8
                    continue
                }
            }
            if base[offset + kAt] == 0x6B, ByteMatch.matches(base, at: offset, skeletonKey) {
                keyAt = offset
                break
            }
            offset -= 1
        }
        guard let at = keyAt else { return nil }
        found.skeleton = (at + skeletonKey.count)..<(count - 1)
        // `,"seq":N` just before it.
        var seqAt = at - 1
        while seqAt > hashEnd, bytes[seqAt] != 0x2C { seqAt -= 1 }
        guard at - seqAt > seqKey.count, ByteMatch.matches(base, at: seqAt, seqKey) else { return nil }
        found.seq = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[(seqAt + seqKey.count)..<at]), as: UTF8.self))
        return found.seq == nil ? nil : found
    }

    /// Walks the line's top-level members in order, skipping the values it does not read.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> LogLineScanner? {
        if let quick = fromEnds(bytes) { return quick }
        var found = LogLineScanner()
        var i = 0
        let n = bytes.count
        func space() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }
        /// Past a string starting at `i` (on its quote); false when it does not close.
        func skipString() -> Bool {
            i += 1
            while i < n {
                switch bytes[i] {
                case 0x5C: i += 2
                case 0x22:
                    i += 1
                    return true
                default: i += 1
                }
            }
            return false
        }
        /// Past one value; objects and arrays by counting brackets outside strings.
        func skipValue() -> Bool {
            guard i < n else { return false }
            switch bytes[i] {
            case 0x22: return skipString()
            case 0x7B, 0x5B:
                var depth = 0
                while i < n {
                    switch bytes[i] {
                    case 0x22: if !skipString() { return false }; continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            return true
                        }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                while i < n, bytes[i] != 0x2C, bytes[i] != 0x7D, bytes[i] != 0x20 { i += 1 }
                return true
            }
        }
        space()
        guard i < n, bytes[i] == 0x7B else { return nil }
        i += 1
        while true {
            space()
            guard i < n else { return nil }
            if bytes[i] == 0x7D { break }
            guard bytes[i] == 0x22 else { return nil }
            let keyStart = i + 1
            guard skipString() else { return nil }
            let key = bytes[keyStart..<(i - 1)]
            space()
            guard i < n, bytes[i] == 0x3A else { return nil }
            i += 1
            space()
            let valueStart = i
            guard skipValue() else { return nil }
            switch String(decoding: key, as: UTF8.self) {
            case "skeleton": found.skeleton = valueStart..<i
            case "personal": found.hasPersonal = bytes[valueStart] != 0x6E
            case "redaction": found.hasRedaction = true
            case "seq": found.seq = Int(String(decoding: bytes[valueStart..<i], as: UTF8.self))
            case "hash":
                if bytes[valueStart] == 0x22, i - valueStart >= 2 { found.hashRange = (valueStart + 1)..<(i - 1) }
            default: break
            }
            space()
            guard i < n else { return nil }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            guard bytes[i] == 0x7D else { return nil }
            break
        }
        return found.seq == nil ? nil : found
    }

    /// ``scan(_:)`` over an array's bytes.
    static func scan(_ bytes: [UInt8]) -> LogLineScanner? { bytes.withUnsafeBufferPointer { scan($0) } }
}

extension MonitoringEntry {
    /// Reads a log line as ``read(_:)`` reads its JSON, parsing only the skeleton of a log entry
    /// (see ``LogLineScanner``); any other line is parsed whole.
    public static func read(line bytes: [UInt8]) throws(InputError) -> Line { try read(line: bytes[...]) }

    public static func read(line bytes: ArraySlice<UInt8>) throws(InputError) -> Line {
        var texts = TextInterner()
        return try bytes.withUnsafeBufferPointer { (line) throws(InputError) -> Line in try read(line: line, texts: &texts, hashes: true) }
    }

    /// - Parameters:
    ///   - texts: where a thread's lines' designation ids and rules digests are made.
    ///   - hashes: whether the line's `hash` must be made into the result; a reader counting many
    ///     lines needs only the last one's (``LogCounter``) and lets the others leave it out (a
    ///     line read whole as a tree has it anyway).
    static func read(line bytes: UnsafeBufferPointer<UInt8>, texts: inout TextInterner, hashes: Bool) throws(InputError) -> Line {
        if let scanned = LogLineScanner.scan(bytes), let seq = scanned.seq {
            let hash = hashes ? scanned.hash(in: bytes) : nil
            if scanned.hasRedaction { return .redaction(seq: seq, hash: hash) }
            if let range = scanned.skeleton {
                let skeletonBytes = UnsafeBufferPointer(rebasing: bytes[range])
                // What `decide --log` writes is read without a tree; anything else by the tree path.
                if let entry = SkeletonReader.read(skeletonBytes, texts: &texts) {
                    return .decision(entry, seq: seq, hash: hash, redacted: !scanned.hasPersonal)
                }
                let skeleton: JSONValue
                do throws(JSONSyntaxError) {
                    skeleton = try JSONReader.parse(Array(skeletonBytes))
                } catch {
                    throw InputError(code: "E-JSON", path: "$.skeleton", message: "invalid JSON in the skeleton at column \(error.column): \(error.message)")
                }
                guard case .decision(let entry, _, _, _) = try read(skeleton) else {
                    throw InputError(code: "E-TYPE", path: "$.skeleton", message: "the skeleton is not a decision")
                }
                return .decision(entry, seq: seq, hash: hash, redacted: !scanned.hasPersonal)
            }
        }
        let document: JSONValue
        do throws(JSONSyntaxError) {
            document = try JSONReader.parse(Array(bytes))
        } catch {
            throw InputError(code: "E-JSON", path: "$", message: "invalid JSON at column \(error.column): \(error.message)")
        }
        return try read(document)
    }
}
