import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

@testable import HTTPServer

/// The server over real sockets on a free loopback port, with URLSession as the client and raw
/// sockets for what a client library would not send.
@Suite("HTTP/1.1 server over sockets", .serialized)
struct HTTPServerTests {
    func server(_ configure: (inout HTTPServer.Configuration) -> Void = { _ in }, handler: @escaping HTTPServer.Handler) throws -> HTTPServer {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configure(&configuration)
        let server = try HTTPServer(configuration, handler: handler)
        server.start()
        return server
    }

    /// Sends raw bytes and reads until the server closes (or 5 s pass).
    func raw(_ bytes: String, port: UInt16) -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0, SocketIO.writeAll(socket, Array(bytes.utf8), timeoutMilliseconds: 5000) else { return "" }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while let got = SocketIO.read(socket, into: &chunk, timeoutMilliseconds: 5000), got > 0 { answer += chunk[..<got] }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test("URLSession gets the handler's response, with the request it sent")
    func roundTrip() async throws {
        let server = try server { request in
            HTTPResponse(status: .ok, contentType: "text/plain", body: "\(request.method) \(request.path) \(request.body.count)")
        }
        defer { server.stop() }
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(server.port)/v1/echo?x=1")))
        request.httpMethod = "POST"
        request.httpBody = Data("hello".utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == "POST /v1/echo 5")
    }

    @Test("two requests on one kept-alive connection, then Connection: close ends it")
    func keepAlive() throws {
        let server = try server { request in HTTPResponse(status: .ok, contentType: "text/plain", body: request.path) }
        defer { server.stop() }
        let answer = raw("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(answer.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        #expect(answer.hasSuffix("/b"))
        #expect(answer.contains("Connection: close"))
    }

    @Test("HEAD gets the head the handler gave, Content-Length included, and no body; the connection goes on (RFC 9110 §9.3.2)")
    func head() throws {
        let server = try server { request in HTTPResponse(status: .ok, contentType: "text/plain", body: "body of \(request.path)") }
        defer { server.stop() }
        let answer = raw("HEAD /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        // The first head ends where the second response starts: no body between them.
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\n"))
        #expect(answer.hasSuffix("\r\n\r\nbody of /b"))
        #expect(!answer.contains("body of /a"))
    }

    @Test("HEAD of a streamed response: the head alone, the body never produced, the connection closed")
    func headOfStream() throws {
        let produced = Flag()
        let server = try server { _ in
            HTTPResponse(status: .ok, contentType: "application/x-ndjson") { write in
                produced.set()
                _ = write(Array("piece\n".utf8))
            }
        }
        defer { server.stop() }
        let answer = raw("HEAD /s HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
        #expect(answer == "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n")
        #expect(!produced.isSet)
    }

    @Test("a HEAD request that cannot be read gets its status without the JSON body (RFC 9110 §9.3.2)")
    func malformedHead() throws {
        let server = try server { _ in HTTPResponse(status: .ok) }
        defer { server.stop() }
        // HTTP/2.0 in a request line is refused (505) before any handler runs.
        let head = raw("\r\nHEAD /v1/health HTTP/2.0\r\nHost: x\r\n\r\n", port: server.port)
        #expect(head.hasPrefix("HTTP/1.1 505 "), "\(head)")
        #expect(head.contains("Content-Length: ") && head.hasSuffix("\r\n\r\n") && !head.contains("E-HTTP"), "\(head)")
        let get = raw("GET /v1/health HTTP/2.0\r\nHost: x\r\n\r\n", port: server.port)
        #expect(get.hasPrefix("HTTP/1.1 505 ") && get.contains(#""code":"E-HTTP""#), "\(get)")
        #expect(HTTPServer.asksForHeadOnly(Array("HEAD / HTTP/1.1".utf8)) && !HTTPServer.asksForHeadOnly(Array("HEADX / HTTP/1.1".utf8)))
    }

    @Test("a malformed request gets its status as JSON and the connection closes")
    func malformed() throws {
        let server = try server { _ in HTTPResponse(status: .ok) }
        defer { server.stop() }
        let answer = raw("POST /v1/decide HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
        #expect(answer.hasPrefix("HTTP/1.1 411 Length Required\r\n"))
        #expect(answer.contains(#""code":"E-HTTP""#))
    }

    @Test("a line end after a request is passed over: the connection then idles and closes without a 408")
    func strayLineEnd() throws {
        let server = try server({ $0.readTimeout = 200 }) { request in HTTPResponse(status: .ok, contentType: "text/plain", body: request.path) }
        defer { server.stop() }
        let answer = raw("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}\r\n", port: server.port)
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.hasSuffix("/a"), "\(answer)")
        #expect(!answer.contains("408"))
    }

    @Test("a request that stops half-way gets 408 after the read timeout")
    func slowClient() throws {
        let server = try server({ $0.readTimeout = 200 }) { _ in HTTPResponse(status: .ok) }
        defer { server.stop() }
        let answer = raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nHo", port: server.port)
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
    }

    @Test("stop waits for the request in flight, and nothing is accepted after it")
    func drains() throws {
        let handling = DispatchSemaphore(value: 0)
        let server = try server { _ in
            handling.signal()
            usleep(300_000)
            return HTTPResponse(status: .ok, contentType: "text/plain", body: "done")
        }
        let port = server.port
        let answer = Answer()
        let finished = DispatchSemaphore(value: 0)
        // The client on a thread of its own: under a loaded test run, Dispatch's pool may not start
        // a queued block for seconds, and the request would not be in flight yet.
        let client = Thread {
            answer.text = self.raw("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            finished.signal()
        }
        client.start()
        // Stop only once the request is in flight: its handler has begun. (An open connection is
        // not enough: under load the client may be accepted before it has sent its request, and
        // a connection with no request in it is closed at once, as it should be.)
        #expect(handling.wait(timeout: .now() + 10) == .success)
        #expect(server.openConnections == 1)
        #expect(server.stop(within: 5))
        finished.wait()
        #expect(answer.text.hasSuffix("done"), "\(answer.text)")
        #expect(raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n", port: port).isEmpty)
    }

    final class Answer: @unchecked Sendable { var text = "" }

    /// A connected socket to the server, for a client that behaves as no library would.
    func connected(to port: UInt16) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let done = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        try #require(done == 0)
        return socket
    }

    @Test("a request refused on its head is answered before its body is sent, and its handler never runs")
    func admittedOnHead() throws {
        let handled = Answer()
        let server = try server({ configuration in
            configuration.limits.bodyBytes = 64 << 20
            configuration.admit = { head in head.path == "/secret" ? HTTPResponse(status: .unauthorized, contentType: "text/plain", body: "no") : nil }
        }) { request in
            handled.text = request.path
            return HTTPResponse(status: .ok)
        }
        defer { server.stop() }
        // A head announcing 60 MB, and no byte of it: the answer comes at once.
        let answer = raw("POST /secret HTTP/1.1\r\nHost: x\r\nContent-Length: 60000000\r\n\r\n", port: server.port)
        #expect(answer.hasPrefix("HTTP/1.1 401 Unauthorized\r\n") && answer.hasSuffix("no"), "\(answer)")
        #expect(handled.text.isEmpty)
        #expect(raw("GET /open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port).hasPrefix("HTTP/1.1 200 OK"))
        #expect(handled.text == "/open")
    }

    @Test("Expect: 100-continue is answered once the head is admitted; the body then gets its response")
    func continueExpected() throws {
        let server = try server { request in HTTPResponse(status: .ok, contentType: "text/plain", body: String(decoding: request.body, as: UTF8.self)) }
        defer { server.stop() }
        let socket = try connected(to: server.port)
        defer { close(socket) }
        #expect(SocketIO.writeAll(socket, Array("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n".utf8), timeoutMilliseconds: 5000))
        var chunk = [UInt8](repeating: 0, count: 4096)
        let interim = SocketIO.read(socket, into: &chunk, timeoutMilliseconds: 5000).map { String(decoding: chunk[..<$0], as: UTF8.self) }
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(SocketIO.writeAll(socket, Array("hello".utf8), timeoutMilliseconds: 5000))
        var answer: [UInt8] = []
        while let got = SocketIO.read(socket, into: &chunk, timeoutMilliseconds: 5000), got > 0 { answer += chunk[..<got] }
        let text = String(decoding: answer, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n") && text.hasSuffix("hello"), "\(text)")
    }

    @Test("a client that stops reading is cut off at the write deadline; its connection no longer counts")
    func clientNotReading() throws {
        let big = [UInt8](repeating: 0x61, count: 32 << 20)
        let completions = Completions()
        let server = try server({ configuration in
            configuration.writeTimeout = 300
            configuration.completed = { completions.add($0) }
        }) { _ in HTTPResponse(status: .ok, headers: [("Content-Type", "text/plain")], body: big) }
        defer { server.stop() }
        let socket = try connected(to: server.port)
        defer { close(socket) }
        var small: Int32 = 4096
        setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        #expect(SocketIO.writeAll(socket, Array("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".utf8), timeoutMilliseconds: 5000))
        // Never read: the 32 MB cannot all fit in the two sockets' buffers. The connection is
        // counted once accepted, and no longer once the write deadline cut it off.
        let deadline = Date().addingTimeInterval(10)
        while completions.all.isEmpty, Date() < deadline { usleep(20_000) }
        while server.openConnections > 0, Date() < deadline { usleep(20_000) }
        #expect(server.openConnections == 0)
        // Told as not delivered, with nothing counted as sent.
        let seen = completions.all
        #expect(seen.count == 1 && seen.first?.delivered == false && seen.first?.bodyBytes == 0 && seen.first?.status == .ok)
    }

    /// Set once from a handler's thread, read by the test.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    final class Completions: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [HTTPServer.Completion] = []
        func add(_ item: HTTPServer.Completion) { lock.withLock { items.append(item) } }
        var all: [HTTPServer.Completion] { lock.withLock { items } }
    }

    @Test("each response is told once written: the body's bytes sent (a stream's pieces), delivered")
    func completionsTold() throws {
        let completions = Completions()
        let server = try server({ $0.completed = { completions.add($0) } }) { request in
            request.path == "/stream"
                ? HTTPResponse(status: .ok, contentType: "text/plain") { write in _ = write(Array("ab".utf8)) && write(Array("cde".utf8)) }
                : HTTPResponse(status: .ok, contentType: "text/plain", body: "hello")
        }
        defer { server.stop() }
        _ = raw("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /stream HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
        let seen = completions.all
        #expect(seen.map(\.request.path) == ["/a", "/stream"])
        #expect(seen.map(\.bodyBytes) == [5, 5] && seen.allSatisfy(\.delivered))
    }

    @Test("a streamed response: the head without Content-Length, each piece, then the connection closes")
    func streamed() throws {
        let server = try server { _ in
            HTTPResponse(status: .ok, contentType: "text/plain") { write in
                for piece in ["one ", "two ", "three"] { guard write(Array(piece.utf8)) else { return } }
            }
        }
        defer { server.stop() }
        let answer = raw("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(!answer.contains("Content-Length"))
        #expect(answer.contains("Connection: close"))
        #expect(answer.hasSuffix("\r\n\r\none two three"))
    }

    @Test("a route may allow a larger body than the default limit")
    func routeLimit() throws {
        let server = try server({ configuration in
            configuration.limits.bodyBytes = 4
            configuration.bodyLimit = { $0.path == "/big" ? 16 : nil }
        }) { request in HTTPResponse(status: .ok, contentType: "text/plain", body: String(request.body.count)) }
        defer { server.stop() }
        #expect(raw("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\nConnection: close\r\n\r\n12345678", port: server.port).hasPrefix("HTTP/1.1 413 "))
        #expect(raw("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\nConnection: close\r\n\r\n12345678", port: server.port).hasSuffix("\r\n\r\n8"))
    }

    @Test("a port in use or a bad host is a start error, not a trap")
    func startErrors() throws {
        let first = try server { _ in HTTPResponse(status: .ok) }
        defer { first.stop() }
        var taken = HTTPServer.Configuration()
        taken.port = first.port
        #expect(throws: HTTPServer.StartError.self) { try HTTPServer(taken) { _ in HTTPResponse(status: .ok) } }
        var bad = HTTPServer.Configuration()
        bad.host = "not-an-address"
        #expect(throws: HTTPServer.StartError.self) { try HTTPServer(bad) { _ in HTTPResponse(status: .ok) } }
    }
}

@Suite("HTTP/1.1 server deadlines", .serialized)
struct HTTPServerDeadlineTests {
    /// Sends `bytes` one at a time, `gap` microseconds apart, while the server may answer; the
    /// answer and how many bytes went out before the server closed.
    func trickle(_ bytes: String, gap: useconds_t, port: UInt16) -> (answer: String, sent: Int) {
        guard let connection = HTTPClientConnection(port: port, timeoutMilliseconds: 5000) else { return ("", 0) }
        var sent = 0
        for byte in bytes.utf8 {
            guard connection.send([byte]) else { break }
            sent += 1
            usleep(gap)
        }
        guard let response = connection.readResponse() else { return ("", sent) }
        return ("\(response.status) " + String(decoding: response.body, as: UTF8.self), sent)
    }

    @Test("a client sending a byte every 20 ms is cut off with 408 at the header deadline, though no single silence is long")
    func tricklingHeader() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.readTimeout = 5_000
        configuration.headerTimeout = 300
        let server = try HTTPServer(configuration) { _ in HTTPResponse(status: .ok) }
        server.start()
        defer { server.stop() }
        // 80 bytes at 20 ms each would take 1.6 s; the deadline falls after about 15 of them.
        let request = "GET /v1/health HTTP/1.1\r\nHost: example\r\nX-Padding: " + String(repeating: "p", count: 30) + "\r\n\r\n"
        let (answer, sent) = trickle(request, gap: 20_000, port: server.port)
        #expect(answer.hasPrefix("408 "), "\(answer)")
        #expect(sent < request.utf8.count, "the server read the whole request: \(sent) bytes")
    }

    @Test("the body has its own deadline once the head is complete")
    func tricklingBody() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.readTimeout = 5_000
        configuration.headerTimeout = 5_000
        configuration.requestTimeout = 300
        let server = try HTTPServer(configuration) { _ in HTTPResponse(status: .ok) }
        server.start()
        defer { server.stop() }
        guard let connection = HTTPClientConnection(port: server.port) else {
            Issue.record("no connection")
            return
        }
        #expect(connection.send(Array("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n".utf8)))
        for _ in 0..<60 {
            guard connection.send([0x7B]) else { break }
            usleep(20_000)
        }
        #expect(connection.readResponse()?.status == 408)
    }

    @Test("requests within the deadlines are answered on one kept-alive connection")
    func withinDeadlines() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.headerTimeout = 2_000
        let server = try HTTPServer(configuration) { request in HTTPResponse(status: .ok, contentType: "text/plain", body: request.path) }
        server.start()
        defer { server.stop() }
        guard let connection = HTTPClientConnection(port: server.port) else {
            Issue.record("no connection")
            return
        }
        for path in ["/a", "/b", "/c"] {
            #expect(connection.send(Array("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)))
            let response = connection.readResponse()
            #expect(response?.status == 200)
            #expect(response.map { String(decoding: $0.body, as: UTF8.self) } == path)
        }
    }
}

@Suite("HTTP/1.1 server bodies", .serialized)
struct HTTPServerBodyTests {
    @Test("a chunked body arriving in pieces is answered like the same body with Content-Length; both at once is 400")
    func chunkedOverASocket() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let server = try HTTPServer(configuration) { request in
            HTTPResponse(status: .ok, contentType: "text/plain", body: String(decoding: request.body, as: UTF8.self))
        }
        server.start()
        defer { server.stop() }
        guard let connection = HTTPClientConnection(port: server.port) else {
            Issue.record("no connection")
            return
        }
        let pieces = ["POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":", "1}\r\n", "3\r\n[2]\r\n0\r\n", "\r\n"]
        for piece in pieces {
            #expect(connection.send(Array(piece.utf8)))
            usleep(20_000)
        }
        let chunked = connection.readResponse()
        #expect(chunked?.status == 200)
        #expect(chunked.map { String(decoding: $0.body, as: UTF8.self) } == "{\"a\":1}[2]")
        // The connection stays open for the next request.
        #expect(connection.send(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\":1}[2]".utf8)))
        #expect(connection.readResponse().map { String(decoding: $0.body, as: UTF8.self) } == "{\"a\":1}[2]")
        #expect(connection.send(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8)))
        #expect(connection.readResponse()?.status == 400)
    }
}
