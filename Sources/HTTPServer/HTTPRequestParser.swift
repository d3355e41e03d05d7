/// Reads one HTTP/1.1 request from the bytes received so far (RFC 9112): the request line, the
/// header section and a body of `Content-Length` bytes. Incremental: with too few bytes it asks
/// for more; it never reads past the limits, and every malformed request is a status with a
/// reason, never a trap.
///
/// A body comes with `Content-Length` or in the chunked transfer coding (``ChunkedBody``); both
/// at once is 400 (RFC 9112 §6.3: a request smuggling risk), another coding 501, a POST with
/// neither 411. A bare LF ends a line as CRLF does (RFC 9112 §2.2), and empty lines before a
/// request line are passed over (§2.2: a client may send a CRLF after a body). An HTTP/1.0
/// request with Transfer-Encoding is 400 (§6.1: an HTTP/1.0 hop frames it otherwise), and an
/// HTTP/1.1 request without exactly one Host field (§3.2).
public enum HTTPRequestParser {
    /// What the parser keeps between reads of one request (a chunked body decoded so far), so a
    /// body arriving in many reads is not decoded again from its start each time. A new
    /// ``Progress`` for each request.
    public struct Progress: Sendable, Equatable {
        /// The request line and header section once complete, and where the body begins (from
        /// the request's first byte): a body arriving in many reads resumes here, where the
        /// head was parsed again at each read (32 KiB of headers for each byte of a slow body).
        var head: HTTPRequest?
        var bodyStart = 0
        var chunks: ChunkedBody.Scan?
        public init() {}

        /// The request's head, once its header section is complete (for an admission check
        /// before its body is read); nil before.
        public var completeHead: HTTPRequest? { head }
    }

    public enum Result: Sendable, Equatable {
        /// Not yet a whole request; read more and try again.
        case incomplete
        /// A request, and how many bytes of the buffer it took (the rest begins the next one).
        case request(HTTPRequest, consumed: Int)
        /// The request is refused with this status; the connection should then close.
        case failure(HTTPStatus, String)

        /// The request, when whole.
        public var request: HTTPRequest? {
            if case .request(let request, _) = self { return request }
            return nil
        }
    }

    /// - Parameter bodyLimit: the largest body for this request (by its method and path), when a
    ///   route allows more or less than ``HTTPLimits/bodyBytes``.
    public static func parse(_ buffer: ArraySlice<UInt8>, limits: HTTPLimits = HTTPLimits(), bodyLimit: ((HTTPRequest) -> Int)? = nil) -> Result {
        var progress = Progress()
        return parse(buffer, limits: limits, bodyLimit: bodyLimit, progress: &progress)
    }

    /// As ``parse(_:limits:bodyLimit:)``, resuming from `progress` (kept by the caller while the
    /// result is ``Result/incomplete``, reset for the next request).
    public static func parse(_ buffer: ArraySlice<UInt8>, limits: HTTPLimits = HTTPLimits(), bodyLimit: ((HTTPRequest) -> Int)?, progress: inout Progress) -> Result {
        // Empty lines before the request line are passed over (and consumed with the request).
        var start = buffer.startIndex
        while start < buffer.endIndex, buffer[start] == 0x0D || buffer[start] == 0x0A {
            if buffer[start] == 0x0D {
                guard start + 1 < buffer.endIndex else { return .incomplete }
                guard buffer[start + 1] == 0x0A else { return .failure(.badRequest, "a request line is METHOD SP TARGET SP HTTP/1.1") }
                start += 2
            } else {
                start += 1
            }
            guard buffer.distance(from: buffer.startIndex, to: start) <= limits.requestLineBytes else {
                return .failure(.badRequest, "more empty lines than a request line's length before the request")
            }
        }
        let request: HTTPRequest
        let position: Int
        if let head = progress.head {
            (request, position) = (head, start + progress.bodyStart)
        } else {
            switch parseHead(buffer[start...], limits: limits) {
            case .incomplete: return .incomplete
            case .failure(let status, let message): return .failure(status, message)
            case .head(let head, let end):
                (request, position) = (head, end)
                progress.head = head
                progress.bodyStart = end - start
            }
        }
        return parseBody(buffer, request: request, position: position, limits: limits, bodyLimit: bodyLimit, progress: &progress)
    }

    enum Head {
        case incomplete
        case head(HTTPRequest, end: Int)
        case failure(HTTPStatus, String)
    }

    /// The request line and header section at the start of `buffer`; `end` where the body begins.
    static func parseHead(_ buffer: ArraySlice<UInt8>, limits: HTTPLimits) -> Head {
        let start = buffer.startIndex
        // The request line.
        guard let lineEnd = lineEnd(in: buffer, from: start, within: limits.requestLineBytes + 2) else {
            return buffer.count > limits.requestLineBytes + 1 ? .failure(.uriTooLong, "the request line is longer than \(limits.requestLineBytes) bytes") : .incomplete
        }
        let line = buffer[start..<lineEnd.contentEnd]
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            parts[0].allSatisfy({ isTokenByte($0) }), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .failure(.badRequest, "a request line is METHOD SP TARGET SP HTTP/1.1") }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return version.hasPrefix("HTTP/") ? .failure(.versionNotSupported, "only HTTP/1.1 and HTTP/1.0 are served") : .failure(.badRequest, "a request line ends with HTTP/1.1")
        }
        var request = HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self), version: version)
        guard request.target.hasPrefix("/") || request.target == "*" else { return .failure(.badRequest, "the target must be a path starting with '/'") }

        // The header section, up to an empty line.
        var position = lineEnd.next
        while true {
            guard let end = self.lineEnd(in: buffer, from: position, within: limits.headerBytes + 2) else {
                return buffer.distance(from: lineEnd.next, to: buffer.endIndex) > limits.headerBytes
                    ? .failure(.headerFieldsTooLarge, "the header section is larger than \(limits.headerBytes) bytes") : .incomplete
            }
            if buffer.distance(from: lineEnd.next, to: end.next) > limits.headerBytes + 2 {
                return .failure(.headerFieldsTooLarge, "the header section is larger than \(limits.headerBytes) bytes")
            }
            let field = buffer[position..<end.contentEnd]
            position = end.next
            if field.isEmpty {
                // HTTP/1.1 names its host once (RFC 9112 §3.2): none, or two that may disagree
                // about where the request goes, is 400.
                if request.version == "HTTP/1.1", request.headers.filter({ HTTPRequest.equalIgnoringASCIICase($0.name, "Host") }).count != 1 {
                    return .failure(.badRequest, "an HTTP/1.1 request names its host in one Host header field")
                }
                return .head(request, end: position)
            }
            guard request.headers.count < limits.headerCount else {
                return .failure(.headerFieldsTooLarge, "more than \(limits.headerCount) header fields")
            }
            // Obsolete line folding, and a name that is not a token, are malformed (RFC 9112 §5).
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
                field[field.startIndex..<colon].allSatisfy({ isTokenByte($0) })
            else { return .failure(.badRequest, "a header field is NAME: VALUE") }
            let value = field[field.index(after: colon)...].drop { $0 == 0x20 || $0 == 0x09 }
            var trimmed = value[...]
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            guard trimmed.allSatisfy({ $0 >= 0x20 || $0 == 0x09 }), !trimmed.contains(0x7F) else {
                return .failure(.badRequest, "a header value holds a control character")
            }
            request.headers.append((String(decoding: field[field.startIndex..<colon], as: UTF8.self), String(decoding: trimmed, as: UTF8.self)))
        }
    }

    /// The body of `request`, which begins at `position`; what it consumed is counted from the
    /// buffer's start (any empty lines before the request included).
    static func parseBody(
        _ buffer: ArraySlice<UInt8>, request given: HTTPRequest, position: Int, limits: HTTPLimits, bodyLimit: ((HTTPRequest) -> Int)?,
        progress: inout Progress
    ) -> Result {
        var request = given
        let lengths = request.headers.filter { HTTPRequest.equalIgnoringASCIICase($0.name, "Content-Length") }.map(\.value)
        let codings = request.headers.filter { HTTPRequest.equalIgnoringASCIICase($0.name, "Transfer-Encoding") }.map(\.value)
        if !codings.isEmpty {
            guard lengths.isEmpty else { return .failure(.badRequest, "a request has Content-Length or Transfer-Encoding, not both") }
            guard request.version == "HTTP/1.1" else { return .failure(.badRequest, "an HTTP/1.0 request cannot have Transfer-Encoding") }
            guard codings.count == 1, HTTPRequest.equalIgnoringASCIICase(codings[0], "chunked") else {
                return .failure(.notImplemented, "the only transfer coding served is chunked")
            }
            let maximum = bodyLimit?(request) ?? limits.bodyBytes
            // Taken out of `progress`, so that its body has one owner: left there as well, the
            // body decoded so far was copied whole at each read to append the next chunk.
            var scan = progress.chunks.take() ?? ChunkedBody.Scan(bodyStart: buffer.distance(from: buffer.startIndex, to: position))
            switch ChunkedBody.read(buffer, scan: &scan, maximum: maximum, limits: limits) {
            case .incomplete:
                progress.chunks = consume scan
                return .incomplete
            case .failure(let status, let message):
                return .failure(status, message)
            case .complete(let body, let end):
                request.body = body
                return .request(request, consumed: buffer.distance(from: buffer.startIndex, to: end))
            }
        }
        var length = 0
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let value = Int(first)
            else { return .failure(.badRequest, "Content-Length must be one decimal number") }
            length = value
        } else if ["POST", "PUT", "PATCH"].contains(request.method) {
            return .failure(.lengthRequired, "a request with a body needs Content-Length")
        }
        let maximum = bodyLimit?(request) ?? limits.bodyBytes
        guard length <= maximum else { return .failure(.contentTooLarge, "the body is larger than \(maximum) bytes") }
        let available = buffer.distance(from: position, to: buffer.endIndex)
        guard available >= length else { return .incomplete }
        let bodyEnd = buffer.index(position, offsetBy: length)
        request.body = Array(buffer[position..<bodyEnd])
        return .request(request, consumed: buffer.distance(from: buffer.startIndex, to: bodyEnd))
    }

    /// The end of the line that starts at `from`: where its content ends (before CR LF or LF)
    /// and where the next line starts; nil when no line end lies within `within` bytes.
    static func lineEnd(in buffer: ArraySlice<UInt8>, from: Int, within: Int) -> (contentEnd: Int, next: Int)? {
        let limit = min(buffer.endIndex, from + within)
        var index = from
        while index < limit {
            if buffer[index] == 0x0A {
                let contentEnd = index > from && buffer[index - 1] == 0x0D ? index - 1 : index
                return (contentEnd, index + 1)
            }
            index += 1
        }
        return nil
    }

    /// A `tchar` of RFC 9110 §5.6.2.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
