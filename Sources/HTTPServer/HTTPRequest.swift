/// One HTTP/1.1 request as read from a connection: method, target, headers and body.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent: `/v1/decide?format=text`.
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// Header fields in order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The value of the first field with this name, compared case-insensitively (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        headers.first { HTTPRequest.equalIgnoringASCIICase($0.name, name) }?.value
    }

    /// Whether two field names or tokens are equal up to ASCII case, without copying either.
    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x == y { continue }
                let lowerX = x >= 65 && x <= 90 ? x + 32 : x
                let lowerY = y >= 65 && y <= 90 ? y + 32 : y
                guard lowerX == lowerY else { return false }
            default: return false
            }
        }
    }

    /// The path part of the target, without the query.
    public var path: String {
        // By UTF-8 code unit: a search by Character would break graphemes on every request.
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
        return String(target[..<mark])
    }

    /// The query parameters in order, percent-decoded (`+` as a space); a parameter without `=`
    /// has an empty value.
    public var query: [(name: String, value: String)] {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return [] }
        return target[target.index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (PercentDecoding.decode(parts[0]), parts.count > 1 ? PercentDecoding.decode(parts[1]) : "")
        }
    }

    /// The first value of each query parameter, by name.
    public var queryValues: [String: String] {
        Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the client asks to keep the connection open after this request.
    public var keepsAlive: Bool {
        // `Connection` is a list of tokens (RFC 9110 §7.6.1): "close", "keep-alive", others.
        let tokens = (header("Connection") ?? "").split(separator: ",").map { $0.filter { $0 != " " && $0 != "\t" } }
        let has = { (wanted: String) in tokens.contains { HTTPRequest.equalIgnoringASCIICase(String($0), wanted) } }
        return version == "HTTP/1.1" ? !has("close") : has("keep-alive")
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// `%41` → `A`, `+` → space; a malformed escape is kept as written.
enum PercentDecoding {
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hex(utf8[utf8.startIndex]), let low = hex(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
