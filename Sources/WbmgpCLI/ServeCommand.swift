import Dispatch
import Glibc
import HTTPServer
import Synchronization
import Wbmgp

/// `wbmgp serve` (interface §10): the engine over HTTP. Loopback by default; any other address,
/// and the mayor's or a reviewer's role on any address, need `--token-file` (lines `NAME TOKEN`;
/// requests carry `Authorization: Bearer TOKEN`, compared in constant time). The access log on
/// stderr names who acted and never holds a body or personal datum. SIGTERM or SIGINT (or, with
/// `--stop-with-parent`, the end of the process that started it): stop accepting, finish the
/// requests in flight, exit 0.
enum ServeCommand {
    static let options = ["host", "port", "rules", "designations", "role", "token-file", "max-body", "max-batch-body", "log", "desk-dir"]

    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        // The parent as it was when the server started: `--stop-with-parent` watches for it to go.
        let parent = getppid()
        let args = try Arguments(arguments, options: options, flags: ["help", "stop-with-parent"])
        guard args.positionals.isEmpty else { throw Arguments.UsageError(message: "serve takes no FILE; send applications to POST /v1/decide") }
        var configuration = HTTPServer.Configuration()
        configuration.host = args.values["host"] ?? "127.0.0.1"
        if let text = args.values["port"] {
            guard let port = UInt16(text) else { throw Arguments.UsageError(message: "invalid value '\(text)' for '--port'; expected 0 to 65535") }
            configuration.port = port
        }
        if let text = args.values["max-body"] {
            guard let bytes = Int(text), bytes > 0, bytes <= InputLimits.documentBytes else {
                throw Arguments.UsageError(message: "invalid value '\(text)' for '--max-body'; expected 1 to \(InputLimits.documentBytes) bytes")
            }
            configuration.limits.bodyBytes = bytes
        }
        // The batch route takes many applications in one body: its own limit (default 64 MiB).
        var batchLimit = 64 << 20
        if let text = args.values["max-batch-body"] {
            guard let bytes = Int(text), bytes > 0, bytes <= 1 << 30 else {
                throw Arguments.UsageError(message: "invalid value '\(text)' for '--max-batch-body'; expected 1 to \(1 << 30) bytes")
            }
            batchLimit = bytes
        }
        let batchBytes = batchLimit
        configuration.bodyLimit = { request in request.path == "/v1/decide/batch" ? batchBytes : nil }
        let role = try args.role() ?? .desk
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(configuration.host)
        if configuration.host == "localhost" { configuration.host = "127.0.0.1" }
        var tokens: [(name: String, token: [UInt8])] = []
        if let path = args.values["token-file"] {
            guard let bytes = InputFiles.read(path) else { return .noInput }
            // Split by the byte: as characters, CR LF is one, and a file written with CRLF was
            // one line whose token ended in CR LF (every request 401, from a server that had
            // started without a word).
            for (number, whole) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let line = String(decoding: whole.last == 0x0D ? whole.dropLast() : whole, as: UTF8.self)
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if fields.isEmpty || line.hasPrefix("#") { continue }
                guard !line.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else {
                    Output.error("\(path):\(number + 1): error: [E-TOKEN] the line holds a control character; expected 'NAME TOKEN'")
                    return .configuration
                }
                guard fields.count == 2, fields[1].utf8.count >= 16 else {
                    Output.error("\(path):\(number + 1): error: [E-TOKEN] expected 'NAME TOKEN' with a token of at least 16 characters")
                    return .configuration
                }
                tokens.append((String(fields[0]), Array(fields[1].utf8)))
            }
            guard !tokens.isEmpty else {
                Output.error("\(path): error: [E-TOKEN] the token file holds no 'NAME TOKEN' line")
                return .configuration
            }
        } else if !loopback || role != .desk {
            throw Arguments.UsageError(
                message: loopback ? "'--role \(role.rawValue)' reads police data and needs '--token-file'" : "serving on \(configuration.host) needs '--token-file'")
        }
        guard let module = ModuleLoader.load(args, letters: true) else { return .configuration }
        let tokenList = tokens
        var sink: LogSink?
        if let path = try args.outputPath("log") {
            do throws(DecisionLog.Failure) {
                sink = LogSink(try DecisionLogWriter(path: path) { Output.error("wbmgp: waiting for the lock on \(path), held by another writer") })
            } catch {
                Output.error("\(path): error: [E-LOG] \(error.message)")
                return error.brokenLine == nil ? .outputFailed : .dataError
            }
        }
        let logSink = sink
        defer { logSink?.close() }
        let deskDirectory = args.values["desk-dir"]
        let makeRoutes: @Sendable (RuleModule) -> ServiceRoutes = { ServeCommand.routes($0, role: role, log: logSink, deskDirectory: deskDirectory) }
        let current = RoutesPool(RoutesPool.sets(module, replicas: ServeCommand.replicaCount, make: makeRoutes))
        let access = AccessLog()
        // A request without a valid token is refused on its head, before its body is read.
        // The server asks it of every request before the handler sees it.
        configuration.admit = { head in ServeCommand.refusal(of: head, tokenList) }
        // Logged once written: what was delivered, not what was meant to be.
        configuration.completed = { completion in
            access.record(completion, who: ServeCommand.authorised(completion.request, tokenList) ?? "-")
        }
        let server: HTTPServer
        do {
            server = try HTTPServer(configuration) { request in current.withRoutes { $0.handle(request) } }
        } catch {
            Output.error("wbmgp: error: [E-SERVE] \(error.description)")
            return .configuration
        }
        server.start()
        Output.error("wbmgp: serving on http://\(configuration.host):\(server.port) (role \(role.rawValue)); SIGHUP reloads the rules, SIGTERM or SIGINT stops")
        let reload: @Sendable () -> Void = {
            guard let rules = RulesLocation.find(args) else { return }
            let (fresh, diagnostics) = RuleModule.load(rules: rules, designations: args.values["designations"])
            guard let fresh else {
                for diagnostic in diagnostics where diagnostic.severity == .error { Output.error(diagnostic.rendered()) }
                Output.error("wbmgp: reload failed; still serving the rules loaded before")
                return
            }
            current.replace(RoutesPool.sets(fresh, replicas: ServeCommand.replicaCount, make: makeRoutes))
            Output.error("wbmgp: reloaded: rules \(fresh.rulesDigest), designations \(fresh.designationsDigest)")
        }
        return waitForStop(server, reload: reload, parent: args.flags.contains("stop-with-parent") ? parent : nil)
    }

    /// Replicas of the rules besides the one loaded: two per core, so that a request on either
    /// core finds one free even while a preempted thread holds another.
    static var replicaCount: Int { 2 * SystemCores.available }

    static func routes(_ module: RuleModule, role: Role, log: LogSink?, deskDirectory: String?) -> ServiceRoutes {
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: Version.current), role: role)
        var append: (@Sendable ([JSONValue]) -> Bool)?
        if let log { append = { records in log.append(records) } }
        return ServiceRoutes(
            service: service, letters: module.letters, version: Version.current, role: role, log: append, deskDirectory: deskDirectory)
    }

    /// The 401 for `request` (its head is enough) when it may not be served; nil when it may:
    /// without tokens, or on a public route, always; else only with one of the tokens.
    static func refusal(of request: HTTPRequest, _ tokens: [(name: String, token: [UInt8])]) -> HTTPResponse? {
        if tokens.isEmpty || ServiceRoutes.isPublic(request) || authorised(request, tokens) != nil { return nil }
        var refused = ServiceRoutes.error(.unauthorized, "E-AUTH", "send 'Authorization: Bearer TOKEN' with a token of the server's token file")
        refused.headers.append(("WWW-Authenticate", "Bearer"))
        return refused
    }

    /// The token's name when the request carries one of the tokens; every token is compared in
    /// full and in constant time, so timing tells nothing about which bytes matched. The scheme
    /// `Bearer` is matched in any case (RFC 9110 §11.1).
    static func authorised(_ request: HTTPRequest, _ tokens: [(name: String, token: [UInt8])]) -> String? {
        let scheme = Array("bearer ".utf8)
        guard let header = request.header("Authorization"), header.utf8.count > scheme.count,
            zip(header.utf8.prefix(scheme.count), scheme).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        let presented = Array(header.utf8.dropFirst(scheme.count))
        var found: String?
        for (name, token) in tokens {
            var difference = UInt8(presented.count == token.count ? 0 : 1)
            for index in 0..<token.count { difference |= token[index] ^ (index < presented.count ? presented[index] : 0) }
            if difference == 0, found == nil { found = name }
        }
        return found
    }

    /// Blocks until SIGTERM or SIGINT, then drains the server; SIGHUP runs `reload` meanwhile.
    /// With `parent` (`--stop-with-parent`), also when that process is no longer the parent:
    /// it ended, and the server was handed to another (a supervisor or a test that died
    /// leaves no server behind). Checked twice a second: no signal tells a process of it
    /// portably.
    static func waitForStop(_ server: HTTPServer, reload: @escaping @Sendable () -> Void, parent: pid_t?) -> ExitStatus {
        let stopped = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        signal(SIGHUP, SIG_IGN)
        let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "wbmgp.reload"))
        hangup.setEventHandler(handler: reload)
        hangup.resume()
        sources.append(hangup)
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stopped.signal() }
            source.resume()
            sources.append(source)
        }
        var watch: DispatchSourceTimer?
        if let parent {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "wbmgp.parent"))
            timer.schedule(deadline: .now(), repeating: .milliseconds(500))
            timer.setEventHandler {
                guard getppid() != parent else { return }
                Output.error("wbmgp: the process that started the server has ended (--stop-with-parent); stopping")
                timer.cancel()
                stopped.signal()
            }
            timer.resume()
            watch = timer
        }
        stopped.wait()
        watch?.cancel()
        let drained = server.stop(within: 10)
        Output.error(drained ? "wbmgp: stopped; every request in flight was answered" : "wbmgp: stopped; some requests did not finish within 10 s")
        _ = sources
        return .success
    }
}

/// The decision log of `serve --log`: one writer for every worker, appends one at a time; a
/// failed append is reported on stderr once per failure and answered as not decided.
final class LogSink: @unchecked Sendable {
    private let lock = Mutex(())
    private let writer: DecisionLogWriter

    init(_ writer: DecisionLogWriter) { self.writer = writer }

    func append(_ records: [JSONValue]) -> Bool {
        lock.withLock { _ in
            do throws(DecisionLog.Failure) {
                try writer.append(records)
                return true
            } catch {
                Output.error("\(writer.path): error: [E-LOG] \(error.message)")
                return false
            }
        }
    }

    func close() { lock.withLock { _ in writer.close() } }
}

/// One line per request on stderr: method, the route (a path the service does not know is logged
/// as `-`: it could hold anything), status, bytes, microseconds, who. Never a body, a query or a
/// personal datum.
final class AccessLog: @unchecked Sendable {
    let lock = Mutex(())

    /// One line per response: method, route, status, the body's bytes sent, microseconds from
    /// the request read to its last byte written, who; `not-delivered` after a response the
    /// client did not take whole (it went away, or stopped reading).
    func record(_ completion: HTTPServer.Completion, who: String) {
        let request = completion.request
        let path = ServiceRoutes.isRoute(request.path) ? request.path : "-"
        let method = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"].contains(request.method) ? request.method : "-"
        let line = "\(method) \(path) \(completion.status.code) \(completion.bodyBytes) \(completion.nanoseconds / 1_000)us \(who)\(completion.delivered ? "" : " not-delivered")"
        lock.withLock { _ in Output.error(line) }
    }
}
