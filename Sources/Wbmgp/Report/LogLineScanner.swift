/// Finds the members of a decision-log line that the monitoring report reads (`seq`, `hash`,
/// `skeleton`, and whether `personal` or `redaction` is there) without building the rest: the
/// personal part (the input, the reason texts) is most of a line's bytes and is only skipped
/// over, bracket by bracket. The skeleton alone is then parsed. A line that is not a log entry's
/// top-level object gives nil, and the caller parses it whole.
struct LogLineScanner {
    var seq: Int?
    var hash: String?
    var skeleton: Range<Int>?
    var hasPersonal = false
    var hasRedaction = false

    static func scan(_ bytes: [UInt8]) -> LogLineScanner? { scan(bytes[...]) }

    /// A log entry as `decide --log` writes it, found from its ends: `{"hash":"…","personal":…`
    /// at the start and `…,"seq":N,"skeleton":{…}}` at the end (its members are in sorted order,
    /// and the skeleton is the last). Inside a JSON string a quote is always escaped, so the
    /// bytes `,"skeleton":` can only be the member itself. Nil when the line is not laid out so,
    /// and ``scan(_:)`` walks it instead.
    static func fromEnds(_ bytes: ArraySlice<UInt8>) -> LogLineScanner? {
        let hashKey = Array("{\"hash\":\"".utf8), skeletonKey = Array(",\"skeleton\":".utf8), seqKey = Array(",\"seq\":".utf8)
        let personalKey = Array("\",\"personal\":".utf8)
        guard bytes.count > hashKey.count + skeletonKey.count, bytes.starts(with: hashKey), bytes.last == 0x7D else { return nil }
        var found = LogLineScanner()
        let hashStart = bytes.startIndex + hashKey.count
        guard let hashEnd = bytes[hashStart...].firstIndex(of: 0x22) else { return nil }
        found.hash = String(decoding: bytes[hashStart..<hashEnd], as: UTF8.self)
        found.hasPersonal = bytes[hashEnd...].starts(with: personalKey)
        // The last `,"skeleton":`, searched from the end.
        var at = bytes.endIndex - skeletonKey.count
        while at > hashEnd, !bytes[at..<(at + skeletonKey.count)].elementsEqual(skeletonKey) { at -= 1 }
        guard at > hashEnd else { return nil }
        found.skeleton = (at + skeletonKey.count)..<(bytes.endIndex - 1)
        // `,"seq":N` just before it.
        var seqAt = at - 1
        while seqAt > hashEnd, bytes[seqAt] != 0x2C { seqAt -= 1 }
        guard bytes[seqAt...].starts(with: seqKey) else { return nil }
        found.seq = Int(String(decoding: bytes[(seqAt + seqKey.count)..<at], as: UTF8.self))
        return found.seq == nil ? nil : found
    }

    /// Walks the line's top-level members in order, skipping the values it does not read.
    static func scan(_ bytes: ArraySlice<UInt8>) -> LogLineScanner? {
        if let quick = fromEnds(bytes) { return quick }
        // Walked as an array from 0; the skeleton's range is given back in the slice's indices.
        let base = bytes.startIndex
        let bytes = Array(bytes)
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
                if bytes[valueStart] == 0x22, i - valueStart >= 2 { found.hash = String(decoding: bytes[(valueStart + 1)..<(i - 1)], as: UTF8.self) }
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
        found.skeleton = found.skeleton.map { ($0.lowerBound + base)..<($0.upperBound + base) }
        return found.seq == nil ? nil : found
    }
}

extension MonitoringEntry {
    /// Reads a log line as ``read(_:)`` reads its JSON, parsing only the skeleton of a log entry
    /// (see ``LogLineScanner``); any other line is parsed whole.
    public static func read(line bytes: [UInt8]) throws(InputError) -> Line { try read(line: bytes[...]) }

    public static func read(line bytes: ArraySlice<UInt8>) throws(InputError) -> Line {
        if let scanned = LogLineScanner.scan(bytes), let seq = scanned.seq {
            if scanned.hasRedaction { return .redaction(seq: seq, hash: scanned.hash) }
            if let range = scanned.skeleton {
                let skeleton: JSONValue
                do throws(JSONSyntaxError) {
                    skeleton = try JSONReader.parse(Array(bytes[range]))
                } catch {
                    throw InputError(code: "E-JSON", path: "$.skeleton", message: "invalid JSON in the skeleton at column \(error.column): \(error.message)")
                }
                guard case .decision(let entry, _, _, _) = try read(skeleton) else {
                    throw InputError(code: "E-TYPE", path: "$.skeleton", message: "the skeleton is not a decision")
                }
                return .decision(entry, seq: seq, hash: scanned.hash, redacted: !scanned.hasPersonal)
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
