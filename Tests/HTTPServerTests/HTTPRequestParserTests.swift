import Testing

@testable import HTTPServer

/// The request parser, as a library is tested: each rule of RFC 9112 it applies, each limit, and
/// input cut anywhere.
@Suite("HTTP/1.1 request parser")
struct HTTPRequestParserTests {
    func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Result {
        HTTPRequestParser.parse(Array(text.utf8)[...], limits: limits)
    }

    @Test("a POST with a body, and the bytes after it left for the next request")
    func post() throws {
        let text = "POST /v1/decide?format=text&lang=en HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}GET / HTTP/1.1\r\n"
        guard case .request(let request, let consumed) = parse(text) else { Issue.record("not a request"); return }
        #expect(request.method == "POST")
        #expect(request.path == "/v1/decide")
        #expect(request.query.map(\.name) == ["format", "lang"])
        #expect(request.query.map(\.value) == ["text", "en"])
        #expect(request.header("content-type") == "application/json")
        #expect(String(decoding: request.body, as: UTF8.self) == "{\"a\":1}")
        #expect(consumed == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
        #expect(request.keepsAlive)
    }

    @Test("every prefix of a request is incomplete, never an error")
    func prefixes() {
        let text = "POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            #expect(HTTPRequestParser.parse(bytes[..<cut]) == .incomplete, "cut at \(cut)")
        }
        if case .request = HTTPRequestParser.parse(bytes[...]) {} else { Issue.record("the whole request does not parse") }
    }

    @Test("a bare LF ends a line too; header values are trimmed; names compare case-insensitively")
    func lenientLines() throws {
        guard case .request(let request, _) = parse("GET /v1/health HTTP/1.1\nHost: x\nX-A:   padded \t\n\n") else { Issue.record("not a request"); return }
        #expect(request.header("x-a") == "padded")
        #expect(request.body.isEmpty)
    }

    @Test("malformed requests are refused with their status", arguments: [
        ("GET /\r\n\r\n", 400), ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("GET / HTTP/2.0\r\n\r\n", 505),
        ("GET / FTP/1.1\r\n\r\n", 400), ("GET noslash HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n", 400), ("GET / HTTP/1.1\r\nHost: x\r\nBad Name: x\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\n\r\n", 411), ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501), ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nab\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1234567890ABCDEF0\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{1}b\r\n\r\n", 400),
    ])
    func malformed(_ text: String, _ code: Int) {
        guard case .failure(let status, let message) = parse(text) else { Issue.record("accepted: \(text.debugDescription)"); return }
        #expect(status.code == code, "\(text.debugDescription): \(message)")
        #expect(!message.isEmpty)
    }

    @Test("limits: a long target is 414, large headers 431, a large body 413, before the bytes arrive")
    func limits() {
        var limits = HTTPLimits()
        limits.requestLineBytes = 64
        limits.headerBytes = 128
        limits.headerCount = 3
        limits.bodyBytes = 10
        func code(_ text: String) -> Int? { if case .failure(let status, _) = parse(text, limits: limits) { status.code } else { nil } }
        #expect(code("GET /" + String(repeating: "a", count: 100)) == 414)
        #expect(code("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "b", count: 200)) == 431)
        #expect(code("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n") == 431)
        #expect(code("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n") == 413)
        #expect(code("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n") == nil)
    }

    @Test("HTTP/1.0 closes unless it asks to keep alive; HTTP/1.1 keeps alive unless it asks to close")
    func keepAlive() {
        func keeps(_ text: String) -> Bool? { if case .request(let r, _) = parse(text) { r.keepsAlive } else { nil } }
        #expect(keeps("GET / HTTP/1.0\r\n\r\n") == false)
        #expect(keeps("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == true)
        #expect(keeps("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == false)
    }

    @Test("query parameters are percent-decoded")
    func query() {
        let request = HTTPRequest(method: "GET", target: "/x?a=%41+b&c&d=%zz")
        #expect(request.query.map(\.name) == ["a", "c", "d"])
        #expect(request.query.map(\.value) == ["A b", "", "%zz"])
    }

    @Test("a chunked body is decoded: extensions ignored, trailers read, the next request left in the buffer")
    func chunked() throws {
        let text = "POST /v1/decide HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n4;name=value\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\nGET / HTTP/1.1\r\n"
        guard case .request(let request, let consumed) = parse(text) else { Issue.record("not a request"); return }
        #expect(String(decoding: request.body, as: UTF8.self) == "{\"a\":1}")
        #expect(consumed == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
    }

    @Test("a chunked body cut at every byte is incomplete and then, resumed with its progress, the same request")
    func chunkedResumed() throws {
        let text = Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\n \n6\r\nworld!\r\n0\r\n\r\n".utf8)
        var progress = HTTPRequestParser.Progress()
        for end in 1..<text.count {
            #expect(HTTPRequestParser.parse(text[..<end], bodyLimit: nil, progress: &progress) == .incomplete, "cut at \(end)")
        }
        // Resumed, neither the head nor the body is read again from its start: the progress
        // holds both.
        #expect(progress.chunks?.body == Array("hello world!".utf8))
        #expect(progress.completeHead?.header("Transfer-Encoding") == "chunked")
        guard case .request(let request, let consumed) = HTTPRequestParser.parse(text[...], bodyLimit: nil, progress: &progress) else {
            Issue.record("not a request")
            return
        }
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world!")
        #expect(consumed == text.count)
    }

    @Test("a head is kept once complete: a body arriving later is read without parsing the head again")
    func headKept() throws {
        let head = Array("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n".utf8)
        var progress = HTTPRequestParser.Progress()
        #expect(HTTPRequestParser.parse(head[...], bodyLimit: nil, progress: &progress) == .incomplete)
        #expect(progress.completeHead?.path == "/x")
        #expect(progress.completeHead?.body.isEmpty == true)
        guard case .request(let request, let consumed) = HTTPRequestParser.parse((head + Array("hello".utf8))[...], bodyLimit: nil, progress: &progress) else {
            Issue.record("not a request")
            return
        }
        #expect(request.path == "/x" && request.body == Array("hello".utf8) && consumed == head.count + 5)
    }

    @Test("empty lines before a request line are passed over and consumed with the request (RFC 9112 §2.2)")
    func emptyLinesBefore() throws {
        for text in ["\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n", "\n\r\n\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n"] {
            guard case .request(let request, let consumed) = parse(text) else { Issue.record("not a request: \(text.debugDescription)"); continue }
            #expect(request.path == "/a" && consumed == text.utf8.count)
        }
        #expect(parse("\r") == .incomplete)
        #expect(parse("\r\n") == .incomplete)
        guard case .failure(let status, _) = parse("\rGET / HTTP/1.1\r\nHost: x\r\n\r\n") else { Issue.record("a bare CR passed"); return }
        #expect(status.code == 400)
    }

    @Test("an HTTP/1.1 request names its host once: none, or two, is 400 (RFC 9112 §3.2); HTTP/1.0 needs none")
    func hostOnce() {
        for text in ["GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n"] {
            guard case .failure(let status, let message) = parse(text) else { Issue.record("accepted: \(text.debugDescription)"); continue }
            #expect(status.code == 400 && message.contains("one Host header field"))
        }
        #expect(parse("GET / HTTP/1.0\r\n\r\n").request?.path == "/")
        #expect(parse("GET / HTTP/1.1\r\nHOST: a\r\n\r\n").request?.path == "/")
    }

    @Test("an HTTP/1.0 request with Transfer-Encoding is 400: an HTTP/1.0 hop frames its body otherwise (RFC 9112 §6.1)")
    func transferEncodingInOldVersion() {
        guard case .failure(let status, _) = parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") else {
            Issue.record("decoded")
            return
        }
        #expect(status.code == 400)
    }

    @Test("a chunked body's framing is bounded too: one-byte chunks with long extensions are 413 long before the data limit")
    func chunkFramingBounded() {
        var limits = HTTPLimits()
        limits.bodyBytes = 100_000
        // 1,000 bytes of extension for each byte of data: the framing bound (150,000 + 64 KiB)
        // is passed after about 214 chunks, 214 bytes of data.
        let chunk = "1;" + String(repeating: "e", count: 1000) + "\r\nx\r\n"
        let text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: chunk, count: 300) + "0\r\n\r\n"
        guard case .failure(let status, let message) = parse(text, limits: limits) else { Issue.record("accepted"); return }
        #expect(status.code == 413)
        #expect(message.contains("framed"))
        // The same data in one chunk is taken.
        let plain = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n12c\r\n" + String(repeating: "x", count: 300) + "\r\n0\r\n\r\n"
        #expect(parse(plain, limits: limits).request?.body.count == 300)
    }

    @Test("a chunked body over the limit is 413 as soon as a chunk's size says so")
    func chunkedLimit() {
        var limits = HTTPLimits()
        limits.bodyBytes = 8
        let result = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\n", limits: limits)
        guard case .failure(let status, _) = result else { Issue.record("\(result)"); return }
        #expect(status.code == 413)
    }

}

@Suite("HTTP/1.1 responses")
struct HTTPResponseTests {
    @Test("status line, fields, Content-Length, Connection: close, body")
    func serialized() {
        let response = HTTPResponse(status: .notFound, contentType: "application/json", body: "{}")
        let text = String(decoding: response.serialized(closing: true), as: UTF8.self)
        #expect(text == "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
    }

    @Test("a field with CR or LF is never written: no header injection")
    func injection() {
        let response = HTTPResponse(status: .ok, headers: [("X-Evil", "a\r\nSet-Cookie: x=1")], body: [])
        let text = String(decoding: response.serialized(closing: false), as: UTF8.self)
        #expect(!text.contains("Set-Cookie"))
    }
}
