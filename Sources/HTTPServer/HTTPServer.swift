import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/1.1 server on a TCP socket: accepts connections, reads requests with
/// ``HTTPRequestParser`` within ``HTTPLimits``, answers each with the handler's response, keeps
/// connections alive as HTTP/1.1 asks. It knows nothing of what it serves.
///
/// Bounded everywhere: at most `maximumConnections` at once (more get 503 and are closed), a
/// request must arrive within `readTimeout` (else 408), each response must be taken by the
/// client within `writeTimeout` (else the connection closes), and ``stop(within:)`` stops
/// accepting and waits for the requests in flight. A request may be refused on its head alone,
/// before its body is read (``Configuration/admit``); `Expect: 100-continue` is answered once
/// the head is admitted. A HEAD request gets the head of the handler's response, no body.
public final class HTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        /// 0: any free port (see ``HTTPServer/port``).
        public var port: UInt16 = 8080
        public var limits = HTTPLimits()
        public var maximumConnections = 64
        /// Milliseconds a kept-alive connection may stay silent between requests, and the
        /// longest wait for any one read.
        public var readTimeout: Int32 = 10_000
        /// Milliseconds from a request's first byte to the end of its header section: a client
        /// sending a byte now and then is cut off (408) however short each silence.
        public var headerTimeout: Int32 = 10_000
        /// Milliseconds from a request's first byte to the end of its body.
        public var requestTimeout: Int32 = 60_000
        /// Milliseconds a client may take to receive each response (a streamed response: each
        /// piece) before its connection is closed.
        public var writeTimeout: Int32 = 10_000
        /// Called with a request's head (no body yet) once its header section is complete: a
        /// response refuses the request there, before its body is read (a client without a
        /// token made the server take in a batch's 64 MiB to be told 401); nil admits it.
        public var admit: (@Sendable (HTTPRequest) -> HTTPResponse?)?
        /// Called once a response (or a refusal on the head) was written, or failed to be: for
        /// an access log that says what was delivered, not what was meant to be.
        public var completed: (@Sendable (Completion) -> Void)?
        /// The largest body per request (by method and path) where a route differs from
        /// ``HTTPLimits/bodyBytes``; nil: that limit.
        public var bodyLimit: (@Sendable (HTTPRequest) -> Int?)?

        public init() {}
    }

    /// A response as it went out.
    public struct Completion: Sendable {
        public var request: HTTPRequest
        public var status: HTTPStatus
        /// The body's bytes the client was sent (a streamed body: the pieces sent).
        public var bodyBytes: Int
        /// Whether all of it was written; false when the client was gone or too slow.
        public var delivered: Bool
        /// From the request's being read whole (its head, for a refusal on it) to the last byte written.
        public var nanoseconds: UInt64
    }

    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    let configuration: Configuration
    let handler: Handler
    let listener: Int32
    /// The port the server listens on (the one chosen by the system when configured with 0).
    public let port: UInt16
    let inFlight = DispatchGroup()
    let lock = NSLockLike()
    var connections = 0
    var stopping = false
    /// The open connections, so that ``stop(within:)`` can end idle ones at once.
    var clients = Set<Int32>()

    /// Binds and listens; serving starts with ``start()``.
    public init(_ configuration: Configuration, handler: @escaping Handler) throws(StartError) {
        self.configuration = configuration
        self.handler = handler
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw StartError(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = configuration.port.bigEndian
        guard inet_pton(AF_INET, configuration.host, &address.sin_addr) == 1 else {
            close(socket)
            throw StartError(description: "'\(configuration.host)' is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(socket, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw StartError(description: "cannot listen on \(configuration.host):\(configuration.port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        listener = socket
        port = UInt16(bigEndian: actual.sin_port)
    }

    /// Accepts connections on a thread of its own until ``stop(within:)``: like a connection, the
    /// loop blocks (in `accept`), so it does not wait for a place in Dispatch's pool either.
    public func start() {
        if !DetachedThread.start({ [self] in acceptLoop() }) {
            DispatchQueue(label: "http.accept").async { [self] in acceptLoop() }
        }
    }

    func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // the listener was closed by stop()
            }
            let admitted = lock.withLock { () -> Bool in
                guard !stopping, connections < configuration.maximumConnections else { return false }
                connections += 1
                clients.insert(client)
                return true
            }
            guard admitted else {
                let busy = HTTPResponse(status: .serviceUnavailable, contentType: "application/json", body: #"{"error":{"code":"E-BUSY","message":"too many connections; try again shortly"}}"#)
                // On the accepting thread: a short deadline, so no client can hold the door.
                _ = SocketIO.writeAll(client, busy.serialized(closing: true), timeoutMilliseconds: 100)
                close(client)
                continue
            }
            inFlight.enter()
            let started = DetachedThread.start { [self] in
                serve(client)
                finish(client)
            }
            if !started { finish(client) }
        }
    }

    /// A connection is over: it no longer counts, and its socket is closed.
    func finish(_ client: Int32) {
        lock.withLock {
            clients.remove(client)
            connections -= 1
        }
        close(client)
        inFlight.leave()
    }

    /// Requests of one connection, in order, until it closes, errs or asks to close.
    func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var progress = HTTPRequestParser.Progress()
        // When the request being read began, and whether its head was admitted (whether it is
        // complete the parser's progress says: it keeps the head once read).
        var started: DispatchTime?
        var admitted = false
        let write = { (bytes: [UInt8]) -> Bool in SocketIO.writeAll(client, bytes, timeoutMilliseconds: self.configuration.writeTimeout) }
        // A response to `request` written whole and told: a refusal on the head, an answer, or
        // the head alone of a streamed answer to HEAD (which has no length to announce and
        // closes). A HEAD request gets the head without the body (RFC 9110 §9.3.2); the handler
        // answers it as the GET, so the fields agree with those of the GET.
        let answer = { (request: HTTPRequest, response: HTTPResponse, closing: Bool, began: DispatchTime) -> Bool in
            let headOnly = request.method == "HEAD"
            let delivered = write(response.serialized(closing: closing, headOnly: headOnly))
            self.complete(request, response.status, bodyBytes: delivered && !headOnly ? response.body.count : 0, delivered: delivered, since: began)
            return delivered
        }
        while true {
            let limits = configuration.limits
            let routeLimit = configuration.bodyLimit
            let parsed = HTTPRequestParser.parse(buffer[...], limits: limits, bodyLimit: { request in routeLimit?(request) ?? limits.bodyBytes }, progress: &progress)
            // A head complete for the first time: refused here, or told to send its body.
            if !admitted, let head = parsed.request ?? progress.completeHead {
                admitted = true
                let began = DispatchTime.now()
                if let refusal = configuration.admit?(head) {
                    _ = answer(head, refusal, true, began)
                    return
                }
                if parsed.request == nil, head.version == "HTTP/1.1", head.header("Expect").map({ HTTPRequest.equalIgnoringASCIICase($0, "100-continue") }) == true {
                    guard write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                }
            }
            switch parsed {
            case .request(let request, let consumed):
                buffer.removeFirst(consumed)
                progress = HTTPRequestParser.Progress()
                started = buffer.isEmpty ? nil : DispatchTime.now()
                admitted = false
                let closing = !request.keepsAlive || lock.withLock({ stopping })
                let began = DispatchTime.now()
                let response = handler(request)
                if let stream = response.stream {
                    if request.method == "HEAD" {
                        _ = answer(request, response, true, began)
                        return
                    }
                    // Streamed: the head, then each piece as it comes; the end of the body is the
                    // end of the connection.
                    var delivered = write(response.serialized(closing: true))
                    var sent = 0
                    if delivered {
                        stream { piece in
                            delivered = write(piece)
                            if delivered { sent += piece.count }
                            return delivered
                        }
                    }
                    complete(request, response.status, bodyBytes: sent, delivered: delivered, since: began)
                    return
                }
                guard answer(request, response, closing, began), !closing else { return }
            case .failure(let status, let message):
                let body = #"{"error":{"code":"E-HTTP","message":"\#(Self.jsonEscaped(message))"}}"#
                // A HEAD request that could not be read still gets no body: its client reads none.
                let headOnly = Self.asksForHeadOnly(buffer)
                _ = write(HTTPResponse(status: status, contentType: "application/json", body: body).serialized(closing: true, headOnly: headOnly))
                return
            case .incomplete:
                var wait = configuration.readTimeout
                if let started {
                    let bound = progress.completeHead != nil ? configuration.requestTimeout : configuration.headerTimeout
                    let spent = Int64((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
                    wait = Int32(clamping: max(0, min(Int64(wait), Int64(bound) - spent)))
                }
                guard wait > 0, let got = SocketIO.read(client, into: &chunk, timeoutMilliseconds: wait) else {
                    // Silence: a half-sent request gets 408; an idle kept-alive connection just
                    // closes, also after a stray line end a client sent after its last body.
                    if buffer.contains(where: { $0 != 0x0D && $0 != 0x0A }) {
                        let timeout = HTTPResponse(status: .requestTimeout, contentType: "application/json", body: #"{"error":{"code":"E-HTTP","message":"the request did not arrive in time"}}"#)
                        _ = write(timeout.serialized(closing: true))
                    }
                    return
                }
                guard got > 0 else { return }
                if buffer.isEmpty { started = DispatchTime.now() }
                buffer += chunk[..<got]
            }
        }
    }

    /// Whether the request at the start of `buffer` names the method HEAD, read from its bytes
    /// (after the empty lines a client may send between requests): a request that fails to
    /// parse has no ``HTTPRequest`` to ask, and its method may still be plain.
    static func asksForHeadOnly(_ buffer: [UInt8]) -> Bool {
        guard let start = buffer.firstIndex(where: { $0 != 0x0D && $0 != 0x0A }) else { return false }
        return buffer[start...].starts(with: "HEAD ".utf8)
    }

    func complete(_ request: HTTPRequest, _ status: HTTPStatus, bodyBytes: Int, delivered: Bool, since began: DispatchTime) {
        guard let completed = configuration.completed else { return }
        completed(Completion(request: request, status: status, bodyBytes: bodyBytes, delivered: delivered, nanoseconds: DispatchTime.now().uptimeNanoseconds - began.uptimeNanoseconds))
    }

    /// The connections open now.
    var openConnections: Int { lock.withLock { connections } }

    /// Stops accepting, lets the requests in flight finish (at most `seconds`), closes.
    /// - Returns: whether everything in flight finished in time.
    @discardableResult
    public func stop(within seconds: Double = 10) -> Bool {
        // Reading ends on every connection (an idle one closes at once); a request being handled
        // still writes its response, marked Connection: close.
        lock.withLock {
            stopping = true
            for client in clients { shutdown(client, Int32(SHUT_RD)) }
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        return inFlight.wait(timeout: .now() + seconds) == .success
    }

    static func jsonEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: if scalar.value < 0x20 { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// A mutex over pthread (Foundation-free, so the library needs only Glibc and Dispatch).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
