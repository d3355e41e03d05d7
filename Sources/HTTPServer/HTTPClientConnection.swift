#if canImport(Glibc)
    import Glibc
#endif

/// One client connection over TCP, for load drivers and tests: send raw bytes, read one response
/// at a time (kept alive), every socket call checked. It reads the responses this server writes:
/// a `Content-Length` body, or a body that runs to the end of the connection.
public final class HTTPClientConnection {
    /// One response: its status, headers as sent and body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { HTTPRequest.equalIgnoringASCIICase($0.name, name) }?.value
        }
    }

    let descriptor: Int32
    /// Bytes read past the last response (the start of the next one).
    var pending: [UInt8] = []
    /// Reused for every read.
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    /// Milliseconds any one read may wait.
    public var timeoutMilliseconds: Int32

    /// Connects to an IPv4 address; nil when the connection cannot be made.
    public init?(host: String = "127.0.0.1", port: UInt16, timeoutMilliseconds: Int32 = 10_000) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(socket)
            return nil
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        // Small requests go out at once rather than waiting for more to send (Nagle).
        var yes: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        descriptor = socket
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` within the connection's timeout; false when the server closed, the
    /// socket failed or the server took them too slowly.
    public func send(_ bytes: [UInt8]) -> Bool { SocketIO.writeAll(descriptor, bytes, timeoutMilliseconds: timeoutMilliseconds) }

    /// Closes the sending half: the server reads the end of the stream after what was sent.
    public func finishWriting() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// The next response, or nil when the connection ended, timed out or sent something that is
    /// not an HTTP/1.1 response.
    public func readResponse() -> Response? {
        var headEnd: Int?
        while true {
            if let end = HTTPClientConnection.endOfHead(pending) {
                headEnd = end
                break
            }
            guard fill() else { return nil }
        }
        guard let headEnd else { return nil }
        // The head split into lines by bytes (a String split would break graphemes, at a cost a
        // load driver notices); the status line is `HTTP/1.x CODE REASON`.
        var lines = pending[..<headEnd].split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        let statusLine = lines.removeFirst()
        let statusFields = statusLine.split(separator: 0x20, maxSplits: 2)
        guard statusFields.count >= 2, statusFields[0].starts(with: Array("HTTP/1.".utf8)),
            let status = Int(String(decoding: statusFields[1], as: UTF8.self))
        else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            headers.append((String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        pending.removeFirst(headEnd + 4)
        var response = Response(status: status, headers: headers, body: [])
        if let lengthText = response.header("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else { return nil }
            while pending.count < length { guard fill() else { return nil } }
            response.body = Array(pending[..<length])
            pending.removeFirst(length)
        } else {
            while fill() {}
            response.body = pending
            pending = []
        }
        return response
    }

    /// Reads more into ``pending``; false at the end of the stream, on an error or a timeout.
    func fill() -> Bool {
        guard let got = SocketIO.read(descriptor, into: &chunk, timeoutMilliseconds: timeoutMilliseconds), got > 0 else { return false }
        pending += chunk[..<got]
        return true
    }

    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index
        }
        return nil
    }
}
