import Dispatch
import HTTPServer
import Synchronization
import Wbmgp

/// `wbmgp bench --serve`: a load driver of our own for `wbmgp serve` (issue 14). It starts the
/// server as a child process on a free port, sends `--count` generated applications over
/// `--connections` kept-alive connections (`POST /v1/decide`), and reports requests per second,
/// latency (p50, p99, max) and errors; then `--malformed` hostile requests (bad request lines,
/// oversized heads, wrong and conflicting lengths, truncated bodies, broken chunks, bad JSON)
/// and a few clients sending one byte a second, and checks the server still answers and stops
/// cleanly on SIGTERM. Figures: Benchmarks/README.md.
struct ServeBench {
    let module: RuleModule
    let args: Arguments
    let rulesDirectory: String
    let count: Int
    let connections: Int
    let malformed: Int
    let slowClients: Int
    let seed: UInt64

    func run() -> (report: String, failed: Bool) {
        var lines = [
            "wbmgp bench --serve: \(count) POST /v1/decide over \(connections) kept-alive connections, then \(malformed) malformed requests and \(slowClients) slow clients (seed \(seed))",
            Bench(module: module, args: args, rulesDirectory: rulesDirectory, role: .desk, count: 0, repetitions: 1, maxJobs: 1, seed: seed).machine(), "",
        ]
        guard let server = ServeChild.start(rulesArguments) else {
            return ((lines + ["the server did not start (see its messages above)"]).joined(separator: "\n") + "\n", true)
        }
        defer { server.terminate() }
        // Distinct applications, cycled: the desk's mix (no police data, as the server's role reads).
        var generator = ApplicationGenerator(law: module.law, designations: module.designations, seed: seed, role: .desk)
        let requests = (0..<min(count, 10_000)).map { index -> [UInt8] in
            let body = Array(generator.next(index: index).utf8)
            return Array("POST /v1/decide HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        _ = load(port: server.port, requests: requests, total: min(count, 2_000))  // warm-up
        let measured = load(port: server.port, requests: requests, total: count)
        let rate = TextColumns.fixed(Double(count) / measured.seconds, decimals: 0)
        lines.append("decide: \(count) requests in \(TextColumns.fixed(measured.seconds, decimals: 2)) s: \(rate) requests/s")
        let (median, p99) = (TextColumns.fixed(measured.percentile(0.50), decimals: 2), TextColumns.fixed(measured.percentile(0.99), decimals: 2))
        lines.append("latency: p50 \(median) ms, p99 \(p99) ms, max \(TextColumns.fixed(measured.maximum, decimals: 2)) ms")
        lines.append("errors: \(measured.errors)" + (measured.errors > 0 ? " (statuses: \(measured.statusCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))" : ""))
        let hostile = HostileClients(port: server.port, connections: connections, seed: seed)
        let abuse = hostile.run(count: malformed, slowClients: slowClients)
        lines.append("")
        lines.append("malformed: \(malformed) requests; answers by status: \(abuse.answers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        lines.append("malformed answered 5xx other than 501/503/505: \(abuse.serverErrors)")
        lines.append("slow clients (one byte a second) cut off with 408: \(abuse.slowCutOff) of \(slowClients), after \(TextColumns.fixed(abuse.slowSeconds, decimals: 1)) s at most")
        let alive = HTTPClientConnection(port: server.port).flatMap { connection -> Int? in
            guard connection.send(Array("GET /v1/health HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)) else { return nil }
            return connection.readResponse()?.status
        }
        lines.append("server after the abuse: " + (alive == 200 ? "answers GET /v1/health with 200" : "DOES NOT ANSWER"))
        let exit = server.terminate()
        lines.append("SIGTERM: " + (exit == 0 ? "drained and exited 0" : "exit status \(exit.map(String.init) ?? "unknown") (CRASH)"))
        let failed = measured.errors > 0 || abuse.serverErrors > 0 || alive != 200 || exit != 0 || abuse.slowCutOff < slowClients
        return (lines.joined(separator: "\n") + "\n", failed)
    }

    var rulesArguments: [String] {
        var extra = ["--rules", rulesDirectory]
        if let designations = args.values["designations"] { extra += ["--designations", designations] }
        return extra
    }

    /// What one load run measured.
    struct Measurement {
        var seconds: Double
        /// Latencies in milliseconds, sorted.
        var latencies: [Double]
        var errors: Int
        var statusCounts: [Int: Int]

        func percentile(_ fraction: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))]
        }
        var maximum: Double { latencies.last ?? 0 }
    }

    /// `total` requests over ``connections`` connections, each taking the next request index.
    func load(port: UInt16, requests: [[UInt8]], total: Int) -> Measurement {
        let next = AtomicCounter()
        let results = ConcurrentResults<(latencies: [Double], errors: Int, statuses: [Int: Int])>(count: connections)
        let done = DispatchGroup()
        let started = DispatchTime.now()
        for worker in 0..<connections {
            done.enter()
            let running = DetachedThread.start(stackBytes: 1 << 20) {
                var latencies: [Double] = []
                latencies.reserveCapacity(total / connections + 1)
                var errors = 0
                var statuses: [Int: Int] = [:]
                var connection = HTTPClientConnection(port: port)
                while true {
                    let index = next.increment()
                    guard index < total else { break }
                    let begin = DispatchTime.now()
                    if connection == nil { connection = HTTPClientConnection(port: port) }
                    guard let open = connection, open.send(requests[index % requests.count]), let response = open.readResponse() else {
                        errors += 1
                        connection = nil
                        continue
                    }
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e6)
                    statuses[response.status, default: 0] += 1
                    if response.status != 200 { errors += 1 }
                    if response.header("Connection")?.lowercased() == "close" { connection = nil }
                }
                results.set(worker, (latencies, errors, statuses))
                done.leave()
            }
            if !running {
                results.set(worker, ([], 1, [:]))
                done.leave()
            }
        }
        done.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var measurement = Measurement(seconds: seconds, latencies: [], errors: 0, statusCounts: [:])
        for result in results.values {
            guard let result else { continue }
            measurement.latencies += result.latencies
            measurement.errors += result.errors
            measurement.statusCounts.merge(result.statuses, uniquingKeysWith: +)
        }
        measurement.latencies.sort()
        return measurement
    }
}

/// A counter shared by threads.
final class AtomicCounter: @unchecked Sendable {
    let lock = Mutex(())
    var value = 0

    /// The value before this call's increment.
    func increment() -> Int {
        lock.withLock { _ in
            value += 1
            return value - 1
        }
    }
}

/// One slot per thread for its result.
final class ConcurrentResults<Value>: @unchecked Sendable {
    let lock = Mutex(())
    var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { _ in values[index] = value }
    }
}
