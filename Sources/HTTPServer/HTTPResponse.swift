/// One response: status, header fields and a body, written with `Content-Length` (or, for a
/// streamed body, without, and the connection closed after it).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// A body written piece by piece after the head (`write` returns false once the peer is
    /// gone); the response then has no `Content-Length` and the connection closes after it.
    public var stream: (@Sendable (_ write: ([UInt8]) -> Bool) -> Void)?

    public init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A streamed response: `produce` writes the body in pieces.
    public init(status: HTTPStatus, contentType: String, stream produce: @escaping @Sendable (_ write: ([UInt8]) -> Bool) -> Void) {
        self.init(status: status, headers: [("Content-Type", contentType)])
        self.stream = produce
    }

    public init(status: HTTPStatus, contentType: String, body: String) {
        self.init(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
    }

    /// The bytes on the wire: status line, the fields (a `Content-Length` added unless given,
    /// `Connection: close` when the connection ends after it), an empty line, the body.
    ///
    /// `headOnly` for the answer to a HEAD request (RFC 9110 §9.3.2): the fields the GET would
    /// carry, its `Content-Length` included, and no body.
    public func serialized(closing: Bool, headOnly: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers where HTTPResponse.isSafe(name) && HTTPResponse.isSafe(value) { head += "\(name): \(value)\r\n" }
        if stream == nil, !headers.contains(where: { HTTPRequest.equalIgnoringASCIICase($0.name, "Content-Length") }) { head += "Content-Length: \(body.count)\r\n" }
        if closing || stream != nil { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + body.count)
        bytes.append(contentsOf: head.utf8)
        if !headOnly { bytes.append(contentsOf: body) }
        return bytes
    }

    /// No CR or LF inside a field: a value can never start a field or a body of its own.
    static func isSafe(_ text: String) -> Bool { !text.utf8.contains(0x0D) && !text.utf8.contains(0x0A) }
}
