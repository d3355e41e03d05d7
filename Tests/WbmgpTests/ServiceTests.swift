import Foundation
import HTTPServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import Wbmgp

/// The routes of `wbmgp serve` (interface §10), called directly: the same bytes as the command
/// line, and each status the interface lists for what can go wrong.
@Suite("Service routes")
struct ServiceRoutesTests {
    static let module: RuleModule? = RuleModule.load(rules: TestSupport.rulesDirectory).0

    func routes(role: Role = .desk) throws -> ServiceRoutes {
        let module = try #require(ServiceRoutesTests.module)
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: "test"), role: role)
        return ServiceRoutes(service: service, letters: module.letters, version: "test", role: role)
    }

    func post(_ target: String, _ body: [UInt8], contentType: String = "application/json") -> HTTPRequest {
        HTTPRequest(method: "POST", target: target, headers: [("Content-Type", contentType)], body: body)
    }

    func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/Fixtures/examples/" + name)))
    }

    @Test("POST /v1/decide answers the bytes 'wbmgp decide' prints, in every format")
    func sameBytes() throws {
        let routes = try routes()
        let bytes = try example("letter-refusal-rotterdam.json")
        let json = routes.handle(post("/v1/decide", bytes))
        #expect(json.status == .ok)
        let expected = JSONWriter.pretty(try routes.service.decideJSON(bytes, withInput: false)) + "\n"
        #expect(json.body == Array(expected.utf8))
        let text = routes.handle(post("/v1/decide?format=text&lang=en", bytes))
        #expect(String(decoding: text.body, as: UTF8.self).hasPrefix("Ground for refusal: article 8(1) of the Wbmgp"))
        let letter = routes.handle(post("/v1/decide?format=letter", bytes))
        #expect(letter.headers.contains { $0.value.hasPrefix("text/html") })
        #expect(String(decoding: letter.body, as: UTF8.self).contains("Het college weigert"))
        let record = routes.handle(post("/v1/decide?record=true", bytes))
        #expect(String(decoding: record.body, as: UTF8.self).contains("\"input\""))
    }

    @Test("format=desk: one decision as the page shows it, each part the bytes of its own format")
    func deskFormat() throws {
        let routes = try routes()
        for name in ["letter-refusal-rotterdam.json", "letter-conditions-zaanstad.json"] {
            let bytes = try example(name)
            let answer = routes.handle(post("/v1/decide?format=desk", bytes))
            #expect(answer.status == .ok)
            let desk = try JSONReader.parse(answer.body)
            for language in ["nl", "en"] {
                let text = routes.handle(post("/v1/decide?format=text&lang=\(language)", bytes))
                #expect(desk["text"]?[language] == .string(String(decoding: text.body, as: UTF8.self)))
                let letter = routes.handle(post("/v1/decide?format=letter&lang=\(language)", bytes))
                #expect(desk["letter"]?[language] == .string(String(decoding: letter.body, as: UTF8.self)))
            }
            let record = try JSONReader.parse(routes.handle(post("/v1/decide?record=true", bytes)).body)
            #expect(desk["record"] == record)
            #expect(desk["outcome"] == record["outcome"])
        }
        let refused = try JSONReader.parse(routes.handle(post("/v1/decide?format=desk", try example("letter-refusal-rotterdam.json"))).body)
        #expect(refused["outcome"] == .string("refused"))
        // The record keeps no name: texts for people name people, records do not (interface §4).
        #expect(!JSONWriter.compact(refused["record"] ?? .null).contains("Jansen"))
    }

    @Test("the vocabulary lists each domain's codes in the order the rules give them: income sources a–f first, 'none' last")
    func vocabularyOrder() throws {
        let routes = try routes()
        let vocabulary = try JSONReader.parse(routes.handle(HTTPRequest(method: "GET", target: "/v1/vocabulary")).body)
        guard case .object(let income) = vocabulary["income"] ?? .null else {
            Issue.record("no income labels")
            return
        }
        #expect(income.map(\.key) == routes.service.engine.law.labels.order["income"])
        #expect(income.first?.key == "employment" && income.last?.key == "none")
        guard case .object(let roles) = vocabulary["personRole"] ?? .null else { return }
        #expect(roles.map(\.key) == ["applicant", "partner", "co-occupant", "joining"])
    }

    @Test("GET / is the desk page, with its style sheet and script, from the binary, under a strict content policy")
    func deskPage() throws {
        let routes = try routes()
        let page = routes.handle(HTTPRequest(method: "GET", target: "/"))
        #expect(page.status == .ok)
        #expect(page.headers.contains { $0.name == "Content-Type" && $0.value.hasPrefix("text/html") })
        #expect(page.headers.contains { $0.name == "Content-Security-Policy" && $0.value.hasPrefix("default-src 'self'") })
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("desk.js") && html.contains("desk.css"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from elsewhere")
        for (path, type) in [("/desk.css", "text/css"), ("/desk.js", "text/javascript")] {
            let file = routes.handle(HTTPRequest(method: "GET", target: path))
            #expect(file.status == .ok && file.body.count > 100)
            #expect(file.headers.contains { $0.name == "Content-Type" && $0.value.hasPrefix(type) })
        }
        #expect(routes.handle(HTTPRequest(method: "POST", target: "/")).status == .methodNotAllowed)
        #expect(ServiceRoutes.isPublic(HTTPRequest(method: "GET", target: "/desk.js")))
        #expect(!ServiceRoutes.isPublic(HTTPRequest(method: "GET", target: "/v1/vocabulary")))
        #expect(!ServiceRoutes.isPublic(HTTPRequest(method: "POST", target: "/")))
    }

    @Test("--desk-dir serves the page's files from a directory, read at each request; a missing file is a 500 without a stack")
    func deskDirectory() throws {
        let module = try #require(ServiceRoutesTests.module)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "<p>edited</p>".write(toFile: directory + "/index.html", atomically: true, encoding: .utf8)
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: "test"))
        let routes = ServiceRoutes(service: service, letters: module.letters, version: "test", deskDirectory: directory)
        #expect(routes.handle(HTTPRequest(method: "GET", target: "/")).body == Array("<p>edited</p>".utf8))
        let missing = routes.handle(HTTPRequest(method: "GET", target: "/desk.css"))
        #expect(missing.status == .internalServerError)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("does not exist"))
    }

    @Test("each problem gets the status of interface §10, as {\"error\": {code, message, path}}", arguments: [
        ("{", 400, "E-JSON"), ("{\"id\": \"x\"}", 422, "E-MISSING"),
    ])
    func inputErrors(_ body: String, _ code: Int, _ errorCode: String) throws {
        let response = try routes().handle(post("/v1/decide", Array(body.utf8)))
        #expect(response.status.code == code)
        let error = try JSONReader.parse(response.body)["error"]
        #expect(error?["code"] == .string(errorCode))
        #expect(error?["message"] != nil)
    }

    @Test("police data at the desk is 403; the mayor's service reads it")
    func policeData() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("007-") })
        let bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
        let desk = try routes().handle(post("/v1/decide", bytes))
        #expect(desk.status == .forbidden)
        #expect(try JSONReader.parse(desk.body)["error"]?["code"] == .string("E-POLICE-DATA"))
        // The fixture's dwelling is covered only by fixture designations; the shipped ones say not-applicable.
        #expect(try routes(role: .mayor).handle(post("/v1/decide", bytes)).status == .ok)
    }

    @Test("wrong media type 415, wrong method 405 with Allow, unknown path 404, bad query 400")
    func requestProblems() throws {
        let routes = try routes()
        #expect(routes.handle(post("/v1/decide", [0x7B, 0x7D], contentType: "text/plain")).status.code == 415)
        let wrongMethod = routes.handle(HTTPRequest(method: "GET", target: "/v1/decide"))
        #expect(wrongMethod.status.code == 405)
        #expect(wrongMethod.headers.contains { $0.name == "Allow" && $0.value == "POST" })
        #expect(routes.handle(HTTPRequest(method: "GET", target: "/v2/nothing")).status.code == 404)
        // A GET route answers HEAD as its GET (the server leaves the body out) and names both.
        let head = routes.handle(HTTPRequest(method: "HEAD", target: "/v1/health"))
        #expect(head.status.code == 200)
        #expect(head.body == routes.handle(HTTPRequest(method: "GET", target: "/v1/health")).body)
        let postToGet = routes.handle(HTTPRequest(method: "POST", target: "/v1/health"))
        #expect(postToGet.status.code == 405)
        #expect(postToGet.headers.contains { $0.name == "Allow" && $0.value == "GET, HEAD" })
        #expect(routes.handle(HTTPRequest(method: "HEAD", target: "/v1/decide")).status.code == 405)
        #expect(ServiceRoutes.isPublic(HTTPRequest(method: "HEAD", target: "/desk.css")))
        #expect(routes.handle(post("/v1/decide?format=pdf", [0x7B, 0x7D])).status.code == 400)
        #expect(routes.handle(post("/v1/decide?lang=de", [0x7B, 0x7D])).status.code == 400)
    }

    @Test(
        "a POST's query is checked against its operation: an unknown name, a repeat or a value not listed is 400 E-QUERY",
        arguments: [
            ("/v1/decide?record=1", "record is true or false; found '1'"),
            ("/v1/decide?record=TRUE", "record is true or false; found 'TRUE'"),
            ("/v1/decide?counterfactuals=yes", "counterfactuals is true or false; found 'yes'"),
            ("/v1/decide?fomat=text", "unknown query parameter 'fomat'; /v1/decide takes format, lang, record and counterfactuals"),
            ("/v1/decide?format=json&format=text", "the query parameter 'format' is given more than once"),
            ("/v1/decide/batch?format=text", "/v1/decide/batch takes no query parameter; found 'format'"),
            ("/v1/check-request?format=pdf", "format is json, text or junit; found 'pdf'"),
            ("/v1/replay?lang=nl", "unknown query parameter 'lang'; /v1/replay takes format"),
        ])
    func queryChecked(_ target: String, _ message: String) throws {
        let routes = try routes()
        let response = routes.handle(post(target, try example("rotterdam-carnisse-2021.json")))
        #expect(response.status.code == 400, "\(target)")
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains("\"E-QUERY\"") && body.contains(message), "\(body)")
    }

    @Test("a GET passes its query by (a browser's cache-buster, a health checker's marker)")
    func getQueryPassed() throws {
        let routes = try routes()
        #expect(routes.handle(HTTPRequest(method: "GET", target: "/v1/health?probe=1")).status == .ok)
        #expect(try routes.handle(post("/v1/decide?format=json&lang=en&record=false", example("rotterdam-carnisse-2021.json"))).status == .ok)
    }

    @Test("check-request and replay answer as the commands do")
    func checkAndReplay() throws {
        let routes = try routes()
        let fixture = try #require(RequestFixture.all().first { $0.name.hasPrefix("047-") })
        let report = routes.handle(post("/v1/check-request?on=2018-05-01", fixture.bytes))
        #expect(report.status == .ok)
        let json = try JSONReader.parse(report.body)
        #expect(json["valid"] == .bool(true))
        let text = routes.handle(post("/v1/check-request?format=text", fixture.bytes))
        #expect(String(decoding: text.body, as: UTF8.self).hasPrefix("Verzoek "))
        // A record made with --record replays identically.
        let bytes = try example("letter-refusal-rotterdam.json")
        let record = Array(JSONWriter.compact(try routes.service.decideJSON(bytes, withInput: true)).utf8)
        let replayed = routes.handle(post("/v1/replay", record))
        #expect(replayed.status == .ok)
        #expect(String(decoding: replayed.body, as: UTF8.self).contains(#""status":"identical""#))
        #expect(routes.handle(post("/v1/replay", Array("   ".utf8))).status.code == 400)
    }

    @Test("lookup: the designations covering a dwelling on a day, in words; none the day after the term")
    func lookup() throws {
        let routes = try routes()
        let dwelling = #"{"municipality": "Rotterdam", "postcode": "3084 BA", "houseNumber": 114, "street": "Carnisselaan", "neighbourhood": "Carnisse", "category": "rental"}"#
        let covered = routes.handle(post("/v1/designations/lookup", Array(#"{"dwelling": \#(dwelling), "date": "2021-07-05"}"#.utf8)))
        #expect(covered.status == .ok)
        guard case .array(let list)? = try JSONReader.parse(covered.body)["designations"], let first = list.first else {
            Issue.record("no designations")
            return
        }
        #expect(list.count == 1)
        #expect(first["id"] == .string("rotterdam-2018-art8"))
        #expect(first["measures"] == .array([.string("art8")]))
        #expect(first["text"]?["nl"] == .string("de aanwijzing voor Rotterdam van 16 april 2018 tot en met 15 april 2022, met inkomenseis (artikel 8)"))
        // rotterdam-2018-art8 ends on 2022-04-15.
        let after = routes.handle(post("/v1/designations/lookup", Array(#"{"dwelling": \#(dwelling), "date": "2022-04-16"}"#.utf8)))
        #expect(try JSONReader.parse(after.body)["designations"] == .array([]))
        let bad = routes.handle(post("/v1/designations/lookup", Array(#"{"dwelling": \#(dwelling), "date": "2022-02-30"}"#.utf8)))
        #expect(bad.status.code == 422)
        #expect(try JSONReader.parse(covered.body)["undetermined"] == .array([]) && JSONReader.parse(covered.body)["missingFacts"] == .array([]))
        // Mathenesserdijk is designated for postcode 3026 only (art. 8, 2018): without the
        // postcode the lookup cannot tell, and says what it needs.
        let open = #"{"municipality": "Rotterdam", "houseNumber": 10, "street": "Mathenesserdijk", "neighbourhood": "Delfshaven", "category": "rental"}"#
        let undetermined = try JSONReader.parse(routes.handle(post("/v1/designations/lookup", Array(#"{"dwelling": \#(open), "date": "2021-07-05"}"#.utf8))).body)
        #expect(undetermined["designations"] == .array([]))
        guard case .array(let openList)? = undetermined["undetermined"] else {
            Issue.record("no undetermined list")
            return
        }
        #expect(openList.map { $0["id"] } == [.string("rotterdam-2018-art8")])
        #expect(undetermined["missingFacts"] == .array([.string("$.dwelling.postcode")]))
    }

    @Test("the OpenAPI document describes exactly the routes that answer, with their methods")
    func openAPI() throws {
        let routes = try routes()
        let document = try JSONReader.parse(routes.handle(HTTPRequest(method: "GET", target: "/v1/openapi.json")).body)
        #expect(document["openapi"] == .string("3.1.0"))
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        var described: [String: Set<String>] = [:]
        for member in paths {
            guard case .object(let operations) = member.value else { continue }
            described[member.key] = Set(operations.map { $0.key.uppercased() })
        }
        #expect(described == ServiceRoutes.routes)
        // Every described operation answers (not 404 or 405) on the live router.
        for (path, methods) in described {
            for method in methods {
                let status = routes.handle(HTTPRequest(method: method, target: path)).status.code
                #expect(status != 404 && status != 405, "\(method) \(path): \(status)")
            }
        }
    }

    @Test("health, version with the digests, and the vocabulary's labels")
    func informational() throws {
        let routes = try routes()
        #expect(try JSONReader.parse(routes.handle(HTTPRequest(method: "GET", target: "/v1/health")).body)["status"] == .string("ok"))
        let version = try JSONReader.parse(routes.handle(HTTPRequest(method: "GET", target: "/v1/version")).body)
        #expect(version["rules"] == .string(try #require(ServiceRoutesTests.module).rulesDigest))
        let vocabulary = try JSONReader.parse(routes.handle(HTTPRequest(method: "GET", target: "/v1/vocabulary")).body)
        #expect(vocabulary["income"]?["pension"]?["nl"] == .string("ouderdoms- of nabestaandenpensioen als bedoeld in de Wet op de loonbelasting 1964"))
    }
}

/// `wbmgp serve` as a process: loopback by default, tokens where the interface demands them, an
/// access log without bodies or personal data, and SIGTERM that drains and exits 0.
@Suite("wbmgp serve through the binary", .serialized)
struct ServeCLITests {
    /// Starts `wbmgp serve --port 0 …`, returns the process, its port and its stderr pipe.
    func start(_ arguments: [String]) throws -> (Process, UInt16, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLITests.binary, "build wbmgp first"))
        // A test run that crashes leaves no server behind.
        process.arguments = ["serve", "--port", "0", "--stop-with-parent"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // The first stderr line names the address: "wbmgp: serving on http://127.0.0.1:PORT (…".
        var line: [UInt8] = []
        while let byte = try err.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        let port = text.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }
        return (process, try #require(port, "no port in '\(text)'"), err)
    }

    func request(_ port: UInt16, _ path: String, body: Data? = nil, token: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        if let body {
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("--stop-with-parent: a server whose starting process ends stops by itself, as on SIGTERM")
    func stopsWithParent() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A shell starts the server in the background and ends a second later (by then the
        // server has taken it as its parent): the server's parent is gone.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let binary = try #require(CLITests.binary, "build wbmgp first")
        shell.arguments = ["-c", "'\(binary)' serve --port 0 --stop-with-parent 2>'\(directory)/err' >/dev/null & echo $!; sleep 1"]
        shell.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        let pid = try #require(Int32(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Stopped within a few seconds (it checks twice a second), saying why, and drained.
        var log = ""
        for _ in 0..<100 where !log.contains("wbmgp: stopped;") {
            Thread.sleep(forTimeInterval: 0.1)
            log = (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? ""
        }
        if !log.contains("wbmgp: stopped;") { kill(pid, SIGKILL) }
        #expect(log.contains("wbmgp: serving on http://127.0.0.1:"))
        #expect(log.contains("the process that started the server has ended (--stop-with-parent); stopping"))
        #expect(log.contains("wbmgp: stopped; every request in flight was answered"))
    }

    @Test("decide over HTTP; SIGTERM exits 0; the access log holds no body or name")
    func serveAndStop() async throws {
        let (process, port, err) = try start([])
        let body = try Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/Fixtures/examples/letter-refusal-rotterdam.json"))
        let (status, text) = try await request(port, "/v1/decide?format=text", body: body)
        #expect(status == 200)
        #expect(text.contains("Mevrouw S. Jansen"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("POST /v1/decide 200"))
        #expect(!log.contains("Jansen") && !log.contains("Carnisselaan") && !log.contains("format=text"))
    }

    @Test("with a token file, a request without the token is 401 and one with it is logged by name")
    func tokens() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "desk-rotterdam 0123456789abcdef0123\n".write(toFile: directory + "/tokens", atomically: true, encoding: .utf8)
        let (process, port, err) = try start(["--token-file", directory + "/tokens"])
        #expect(try await request(port, "/v1/health").0 == 401)
        #expect(try await request(port, "/v1/health", token: "0123456789abcdef0124").0 == 401)
        #expect(try await request(port, "/v1/health", token: "0123456789abcdef0123").0 == 200)
        // The page itself holds no data and a browser cannot send a token to open it.
        #expect(try await request(port, "/").0 == 200)
        #expect(try await request(port, "/v1/vocabulary").0 == 401)
        process.terminate()
        process.waitUntilExit()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /v1/health 200") && log.contains("desk-rotterdam"))
    }

    @Test("a token file written with CRLF works, the scheme is read in any case, and a request without a token is refused on its head")
    func tokensAsWritten() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "# the desk\r\ndesk-rotterdam 0123456789abcdef0123\r\n".write(toFile: directory + "/tokens", atomically: true, encoding: .utf8)
        let (process, port, _) = try start(["--token-file", directory + "/tokens"])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        #expect(try await request(port, "/v1/health", token: "0123456789abcdef0123").0 == 200)
        var lower = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/health")))
        lower.setValue("bearer 0123456789abcdef0123", forHTTPHeaderField: "Authorization")
        #expect(((try await URLSession.shared.data(for: lower)).1 as? HTTPURLResponse)?.statusCode == 200)
        // A head announcing a 60 MB batch and no byte of it: 401 at once, the body never read.
        let connection = try #require(HTTPClientConnection(port: port, timeoutMilliseconds: 5000))
        #expect(connection.send(Array("POST /v1/decide/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: 60000000\r\n\r\n".utf8)))
        #expect(connection.readResponse()?.status == 401)
    }

    @Test("a token file line with a control character is E-TOKEN naming the line (78)")
    func tokenControlCharacter() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "desk 0123456789abcdef0123\ndesk-2 0123456789\u{1}abcdef0123\n".write(toFile: directory + "/tokens", atomically: true, encoding: .utf8)
        let run = try CLITests().run(["serve", "--port", "0", "--token-file", directory + "/tokens"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("/tokens:2: error: [E-TOKEN] the line holds a control character"), "\(run.stderr)")
    }

    @Test("POST /v1/decide/batch streams the bytes 'wbmgp decide --jsonl' writes, bad lines in place")
    func batch() async throws {
        let (process, port, _) = try start([])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var body = try Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/Fixtures/examples/rotterdam-carnisse-batch.jsonl"))
        body.append(Data("{broken\r\n".utf8))
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/decide/batch")))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let cli = try CLITests().run(["decide", "--jsonl", "-"], stdin: String(decoding: body, as: UTF8.self))
        #expect(String(decoding: data, as: UTF8.self) == cli.stdout)
        #expect(cli.stdout.contains(#""error":{"code":"E-JSON""#))
    }

    @Test("--log: every decision answered is in the hash-chained log first, and the log verifies")
    func logged() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (process, port, _) = try start(["--log", directory + "/decisions.log"])
        let one = try Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/Fixtures/examples/letter-refusal-rotterdam.json"))
        #expect(try await request(port, "/v1/decide", body: one).0 == 200)
        #expect(try await request(port, "/v1/decide?format=text", body: one).0 == 200)
        var batch = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/decide/batch")))
        batch.httpMethod = "POST"
        batch.httpBody = Data((String(decoding: one, as: UTF8.self).replacingOccurrences(of: "\n", with: "") + "\n").utf8) + Data("{broken\n".utf8)
        batch.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
        _ = try await URLSession.shared.data(for: batch)
        process.terminate()
        process.waitUntilExit()
        // Two single decisions and the one readable batch line; the broken line has no record.
        let verify = try CLITests().run(["log", "verify", directory + "/decisions.log"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("intact, 3 entries"), "\(verify.stdout)")
    }

    @Test("SIGHUP reloads edited rules; broken rules keep the old ones and say so")
    func reload() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: directory + "/Rules")
        let (process, port, err) = try start(["--rules", directory + "/Rules"])
        let body = try Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/Fixtures/examples/letter-refusal-rotterdam.json"))
        // Registered since 2018-11-01, decided 2021-07-05: 2 years 8 months, under six: refused.
        #expect(try await request(port, "/v1/decide", body: body).1.contains(#""outcome": "refused""#))
        let art08 = directory + "/Rules/wbmgp/art08.rules"
        let original = try String(contentsOfFile: art08, encoding: .utf8)
        try original.replacingOccurrences(of: "minimumResidence = 6 years", with: "minimumResidence = 2 years").write(toFile: art08, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        for _ in 0..<100 where try await request(port, "/v1/decide", body: body).1.contains(#""outcome": "refused""#) { usleep(50_000) }
        #expect(try await request(port, "/v1/decide", body: body).1.contains(#""outcome": "granted""#))
        try (original + "\nrule broken").write(toFile: art08, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        // The failed reload compiles the whole module before it gives up; give it time (debug build).
        usleep(3_000_000)
        #expect(try await request(port, "/v1/decide", body: body).1.contains(#""outcome": "granted""#))
        process.terminate()
        process.waitUntilExit()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("wbmgp: reloaded: rules sha256:"))
        #expect(log.contains("reload failed; still serving the rules loaded before"))
    }

    @Test("another host, or the mayor's role, without a token file is a usage error (64)")
    func tokenRequired() throws {
        let cli = CLITests()
        #expect(try cli.run(["serve", "--host", "0.0.0.0", "--port", "0"]).status == 64)
        #expect(try cli.run(["serve", "--role", "mayor", "--port", "0"]).status == 64)
    }
}
