import Dispatch
import HTTPServer
import Wbmgp

/// The abuse half of `bench --serve`: malformed requests of every kind the parser refuses, each
/// on a connection of its own (closed for writing after it, as a client that gives up would),
/// and clients that send one byte a second. The server must answer each with a 4xx (or 501/505)
/// or close it, and stay up.
struct HostileClients {
    let port: UInt16
    let connections: Int
    let seed: UInt64

    struct Result {
        var answers: [String: Int] = [:]
        /// Answers 5xx other than 501 (not implemented), 503 (busy) and 505 (version).
        var serverErrors = 0
        var slowCutOff = 0
        var slowSeconds = 0.0
    }

    /// The catalogue: each entry is the bytes a client sends before it stops writing.
    static func catalogue(seed: UInt64) -> [[UInt8]] {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        // A body the reader refuses (422: no application date, dwelling or household), so the
        // abuse measures the HTTP layer and not the rules. Each request names its host, as
        // HTTP/1.1 asks, so that it meets the fault it was made for (without, each was a 400).
        let json = #"{"id":"bench-malformed","kind":"new-tenancy"}"#
        var random = SplitMix64(seed: seed)
        var list: [[UInt8]] = [
            bytes("GARBAGE\r\n\r\n"),
            bytes("GET /v1/health HTTP/9.9\r\nHost: x\r\n\r\n"),
            bytes("GET /v1/health\r\n\r\n"),
            bytes("get /v1/health HTTP/1.1\r\nHost: bench\r\n\r\n"),
            bytes("GET v1/health HTTP/1.1\r\nHost: bench\r\n\r\n"),
            bytes("GET /" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\nHost: bench\r\n\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\nHost: bench\r\nX-Big: " + String(repeating: "b", count: 40_000) + "\r\n\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\n" + (0..<200).map { "X-\($0): v\r\n" }.joined() + "\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\nHost: bench\r\nNo colon here\r\n\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\nHost: bench\r\n Folded: header\r\n\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n\r\n" + json),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"id\": [}"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count + 11)\r\n\r\n" + json.dropLast() + ",\"note\":1}}"),
            bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: text/plain\r\nContent-Length: \(json.utf8.count)\r\n\r\n" + json),
            bytes("POST /v1/decide?format=pdf HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n" + json),
            bytes("DELETE /v1/decide HTTP/1.1\r\nHost: x\r\n\r\n"),
            bytes("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"),
            bytes("GET /v1/health HTTP/1.1\r\nHost: bench\r\nHo"),
            [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03],  // a TLS client hello on a plain port
        ]
        // Random bytes, and valid requests cut at a random point.
        for _ in 0..<20 { list.append((0..<random.int(in: 1...300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }) }
        let whole = bytes("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n" + json)
        for _ in 0..<20 { list.append(Array(whole.prefix(random.int(in: 1...(whole.count - 1))))) }
        return list
    }

    func run(count: Int, slowClients: Int) -> Result {
        let catalogue = HostileClients.catalogue(seed: seed)
        let next = AtomicCounter()
        let results = ConcurrentResults<[String: Int]>(count: connections + slowClients)
        let done = DispatchGroup()
        let started = DispatchTime.now()
        for slow in 0..<slowClients {
            done.enter()
            let running = DetachedThread.start {
                var answers: [String: Int] = [:]
                if let connection = HTTPClientConnection(port: port, timeoutMilliseconds: 1000) {
                    let request = Array("GET /v1/health HTTP/1.1\r\nHost: a-very-slow-client\r\nX-Padding: \(String(repeating: "s", count: 100))\r\n\r\n".utf8)
                    for byte in request {
                        guard connection.send([byte]) else { break }
                        if let response = connection.readResponse() {
                            answers["slow \(response.status)", default: 0] += 1
                            break
                        }
                    }
                }
                results.set(connections + slow, answers)
                done.leave()
            }
            if !running {
                results.set(connections + slow, ["no thread": 1])
                done.leave()
            }
        }
        for worker in 0..<connections {
            done.enter()
            let running = DetachedThread.start {
                var answers: [String: Int] = [:]
                while true {
                    let index = next.increment()
                    guard index < count else { break }
                    guard let connection = HTTPClientConnection(port: port, timeoutMilliseconds: 15_000) else {
                        answers["no connection", default: 0] += 1
                        continue
                    }
                    _ = connection.send(catalogue[index % catalogue.count])
                    connection.finishWriting()
                    if let response = connection.readResponse() {
                        answers[String(response.status), default: 0] += 1
                    } else {
                        answers["closed", default: 0] += 1
                    }
                }
                results.set(worker, answers)
                done.leave()
            }
            if !running {
                results.set(worker, ["no thread": 1])
                done.leave()
            }
        }
        done.wait()
        var result = Result()
        for answers in results.values {
            for (key, value) in answers ?? [:] {
                if key.hasPrefix("slow ") {
                    if key == "slow 408" { result.slowCutOff += value }
                    continue
                }
                result.answers[key, default: 0] += value
                if let status = Int(key), status >= 500, ![501, 503, 505].contains(status) { result.serverErrors += value }
            }
        }
        result.slowSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return result
    }
}
