import HTTPServer

/// The routes of `wbmgp serve` (interface §10) onto the engine: the same readers, decisions and
/// writers as the command line, so a route answers with the bytes the command prints.
public struct ServiceRoutes: Sendable {
    public let service: DecisionService
    public let letters: [Language: LetterTemplate]
    public let version: String
    /// The server's role: a replay at the desk is decided at the desk whatever role its record
    /// names, so a record with police data is refused there as an application would be.
    public let role: Role
    /// `serve --log`: appends decision records to the hash-chained log, synced, before their
    /// decisions are answered; false when the log could not be written (then nothing is answered
    /// as decided).
    public let log: (@Sendable ([JSONValue]) -> Bool)?
    /// `serve --desk-dir`: the desk page's files read from this directory at each request
    /// instead of the copies compiled in.
    public let deskDirectory: String?

    public init(service: DecisionService, letters: [Language: LetterTemplate], version: String, role: Role = .desk,
                log: (@Sendable ([JSONValue]) -> Bool)? = nil, deskDirectory: String? = nil) {
        self.deskDirectory = deskDirectory
        self.service = service
        self.letters = letters
        self.version = version
        self.role = role
        self.log = log
    }

    /// 503 for a decision whose record could not be logged.
    static let notLogged = error(.serviceUnavailable, "E-LOG", "the decision could not be written to the decision log, so it is not answered; see the server's log")

    /// One operation of the service: what the router answers and the OpenAPI document describes.
    struct Operation: Sendable {
        var method: String
        var id: String
        var summary: String
        var query: [(String, [String])] = []
        var consumes: [String]? = nil
        var produces = "application/json"
        var statuses: [Int]
    }

    /// Every operation by path (interface §10). The router answers from it (another method is
    /// 405, another path 404) and ``OpenAPIDocument`` describes it.
    static let operations: [String: [Operation]] = {
        let input = [200, 400, 401, 403, 409, 413, 415, 422]
        var schemas: [String: [Operation]] = [:]
        for name in JSONSchemaDocument.names {
            schemas["/v1/schemas/\(name).json"] = [
                Operation(method: "GET", id: "\(name)Schema", summary: "The JSON Schema (2020-12) of the \(name), from the compiled rules", statuses: [200, 401])
            ]
        }
        return schemas.merging([
            "/v1/decide": [
                Operation(
                    method: "POST", id: "decide", summary: "Decide one application (the bytes of wbmgp decide)",
                    query: [("format", ["json", "text", "letter", "desk"]), ("lang", ["nl", "en"]), ("record", ["true", "false"]), ("counterfactuals", ["true", "false"])],
                    // 503: served with --log, a decision that could not be logged is not answered.
                    consumes: ["application/json"], statuses: input + [503])
            ],
            "/v1/decide/batch": [
                Operation(
                    method: "POST", id: "decideBatch", summary: "Decide JSON Lines, streamed (the bytes of wbmgp decide --jsonl)",
                    consumes: ["application/x-ndjson"], produces: "application/x-ndjson", statuses: [200, 400, 401, 413, 415])
            ],
            "/v1/check-request": [
                Operation(
                    method: "POST", id: "checkRequest", summary: "Check a designation request (the report of wbmgp check-request)",
                    query: [("format", ["json", "text", "junit"]), ("lang", ["nl", "en"]), ("on", [])], consumes: ["application/json"],
                    statuses: [200, 400, 401, 413, 415, 422])
            ],
            "/v1/replay": [
                Operation(
                    method: "POST", id: "replay", summary: "Replay decision records or a decision log", query: [("format", ["json", "text"])],
                    consumes: ["application/json"], produces: "application/x-ndjson", statuses: input)
            ],
            "/v1/designations/lookup": [
                Operation(
                    method: "POST", id: "lookupDesignations", summary: "The designations covering a dwelling on a date",
                    consumes: ["application/json"], statuses: [200, 400, 401, 413, 415, 422])
            ],
            "/v1/health": [Operation(method: "GET", id: "health", summary: "Whether the service answers", statuses: [200, 401])],
            "/v1/version": [Operation(method: "GET", id: "version", summary: "Engine version and the rules and designations digests", statuses: [200, 401])],
            "/v1/vocabulary": [Operation(method: "GET", id: "vocabulary", summary: "The labels of every code, in Dutch and English", statuses: [200, 401])],
            "/v1/openapi.json": [Operation(method: "GET", id: "openapi", summary: "This document", statuses: [200, 401])],
            "/": [Operation(method: "GET", id: "deskPage", summary: "The desk page (HTML)", produces: "text/html", statuses: [200])],
            "/desk.css": [Operation(method: "GET", id: "deskStyle", summary: "The desk page's style sheet", produces: "text/css", statuses: [200])],
            "/desk.js": [Operation(method: "GET", id: "deskScript", summary: "The desk page's script", produces: "text/javascript", statuses: [200])],
        ]) { first, _ in first }
    }()

    /// The methods each path answers: a path that answers GET answers HEAD too, with the GET's
    /// head and no body (RFC 9110 §9.1, §9.3.2; the server leaves the body out).
    static let routes: [String: Set<String>] = operations.mapValues { operations in
        let methods = Set(operations.map(\.method))
        return methods.contains("GET") ? methods.union(["HEAD"]) : methods
    }

    /// Whether the service answers on this path (an access log writes only such paths).
    public static func isRoute(_ path: String) -> Bool { routes[path] != nil }

    /// The desk page's own files hold no data and a browser cannot send a bearer token when it
    /// opens a page: they are served to anyone, and the page sends the token the clerk enters
    /// with each call of the API.
    public static func isPublic(_ request: HTTPRequest) -> Bool {
        (request.method == "GET" || request.method == "HEAD") && DeskPage.files[request.path] != nil
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let methods = ServiceRoutes.routes[request.path] else {
            return ServiceRoutes.error(.notFound, "E-NOT-FOUND", "no route \(request.path)")
        }
        guard methods.contains(request.method) else {
            var response = ServiceRoutes.error(.methodNotAllowed, "E-METHOD", "\(request.path) answers \(methods.sorted().joined(separator: ", "))")
            response.headers.append(("Allow", methods.sorted().joined(separator: ", ")))
            return response
        }
        if let problem = ServiceRoutes.queryProblem(request) { return problem }
        switch request.path {
        case "/v1/health": return ServiceRoutes.json(.ok, .sortedObject([("status", .string("ok"))]))
        case "/v1/version":
            let info = service.engineInfo
            return ServiceRoutes.json(
                .ok,
                .sortedObject([
                    ("version", .string(version)), ("rules", info.rules.map { .string($0) } ?? .null),
                    ("designations", info.designations.map { .string($0) } ?? .null),
                ]))
        case "/v1/vocabulary": return ServiceRoutes.json(.ok, vocabulary())
        case "/v1/openapi.json": return ServiceRoutes.json(.ok, OpenAPIDocument.json(version: version))
        case "/v1/check-request": return checkRequest(request)
        case "/v1/replay": return replay(request)
        case "/v1/designations/lookup": return lookup(request)
        case "/v1/decide/batch": return batch(request)
        case "/v1/decide": return decide(request)
        case _ where request.path.hasPrefix("/v1/schemas/"):
            let name = String(request.path.dropFirst("/v1/schemas/".count).dropLast(".json".count))
            guard let schema = JSONSchemaDocument.schema(name, law: service.engine.law, version: version) else {
                return ServiceRoutes.error(.notFound, "E-NOT-FOUND", "no route \(request.path)")
            }
            return HTTPResponse(status: .ok, contentType: "application/schema+json", body: JSONWriter.pretty(schema) + "\n")
        default: return DeskPage.response(request.path, directory: deskDirectory) ?? ServiceRoutes.error(.notFound, "E-NOT-FOUND", "no route \(request.path)")
        }
    }

    /// A POST's query checked against its operation's parameters (``operations``): a name it
    /// does not take, a name given twice, or a value other than those listed is 400 `E-QUERY`.
    /// Each was answered 200 with another document than the one asked for (`record=1` gave a
    /// decision, not a record; `fomat=text` gave JSON). A GET (the desk's files, health, the
    /// schemas) passes its query by, as a browser's or a health checker's may carry one.
    static func queryProblem(_ request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "POST", let operation = operations[request.path]?.first(where: { $0.method == "POST" }) else { return nil }
        var seen: Set<String> = []
        for (name, value) in request.query {
            guard let parameter = operation.query.first(where: { $0.0 == name }) else {
                let taken = operation.query.map(\.0)
                return error(
                    .badRequest, "E-QUERY",
                    taken.isEmpty
                        ? "\(request.path) takes no query parameter; found '\(InputLimits.echo(name))'"
                        : "unknown query parameter '\(InputLimits.echo(name))'; \(request.path) takes \(listed(taken, "and"))")
            }
            guard seen.insert(name).inserted else { return error(.badRequest, "E-QUERY", "the query parameter '\(name)' is given more than once") }
            guard parameter.1.isEmpty || parameter.1.contains(value) else {
                return error(.badRequest, "E-QUERY", "\(name) is \(listed(parameter.1, "or")); found '\(InputLimits.echo(value))'")
            }
        }
        return nil
    }

    /// `a, b or c`.
    static func listed(_ words: [String], _ last: String) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " \(last) " + (words.last ?? "")
    }

    /// `POST /v1/decide?format=json|text|letter|desk&lang=nl|en&record=true&counterfactuals=true`
    /// (the query checked by ``queryProblem(_:)``).
    func decide(_ request: HTTPRequest) -> HTTPResponse {
        if let problem = ServiceRoutes.jsonBody(request) { return problem }
        let query = request.queryValues
        let format = query["format"] ?? "json"
        let language = Language(rawValue: query["lang"] ?? "nl") ?? .nl
        let record = query["record"] == "true"
        var service = self.service
        service.counterfactuals = query["counterfactuals"] == "true"
        if record, service.counterfactuals {
            return ServiceRoutes.error(.badRequest, "E-QUERY", "counterfactuals are added to decisions, not to records (replay derives them again); ask for one of record=true and counterfactuals=true")
        }
        do {
            switch format {
            case "text":
                let (application, decision, logged) = try service.decideForPeople(request.body, recording: log != nil)
                if let log, let logged, !log([logged]) { return ServiceRoutes.notLogged }
                return HTTPResponse(
                    status: .ok, contentType: "text/plain; charset=utf-8",
                    body: TextRenderer.render(decision, application: application, engine: service.engine, language: language))
            case "letter":
                guard let template = letters[language] else {
                    return ServiceRoutes.error(.internalServerError, "E-CONFIGURATION", "the rules hold no letter template for \(language.rawValue)")
                }
                let (application, decision, logged) = try service.decideForPeople(request.body, recording: log != nil)
                if let log, let logged, !log([logged]) { return ServiceRoutes.notLogged }
                guard let html = template.render(LetterModel.build(decision, application: application, engine: service.engine, language: language)) else {
                    return ServiceRoutes.error(.internalServerError, "E-LIMIT", "the letter template renders past its bound")
                }
                return HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", body: html)
            case "desk":
                return try deskAnswer(request.body)
            default:
                guard let log else {
                    return HTTPResponse(status: .ok, headers: [("Content-Type", "application/json")], body: try service.decidePretty(request.body, withInput: record))
                }
                let (output, logged) = try service.decideOutput(request.body, logging: true)
                if let logged, !log([logged]) { return ServiceRoutes.notLogged }
                let json = record ? logged ?? .null : output
                return HTTPResponse(status: .ok, headers: [("Content-Type", "application/json")], body: JSONWriter.prettyLine(json))
            }
        } catch {
            return ServiceRoutes.error(ServiceRoutes.status(of: error), error.code, error.message, path: error.path)
        }
    }

    /// `format=desk`, for the desk page: one decision (so one log entry) in every form the page
    /// shows, `{"outcome", "text": {nl, en}, "letter": {nl, en}, "record", "counterfactuals"}`, the
    /// texts and letters exactly as `format=text` and `format=letter` give them, the record as
    /// `record=true`, and "from when" as the texts show it (people by name).
    func deskAnswer(_ body: [UInt8]) throws(InputError) -> HTTPResponse {
        let (application, decision, logged) = try service.decideForPeople(body, recording: true)
        if let log, let logged, !log([logged]) { return ServiceRoutes.notLogged }
        var texts: [(String, JSONValue)] = []
        var letters: [(String, JSONValue)] = []
        for language in Language.allCases {
            texts.append((language.rawValue, .string(TextRenderer.render(decision, application: application, engine: service.engine, language: language))))
            guard let template = self.letters[language],
                let html = template.render(LetterModel.build(decision, application: application, engine: service.engine, language: language))
            else { return ServiceRoutes.error(.internalServerError, "E-CONFIGURATION", "the rules give no letter in \(language.rawValue)") }
            letters.append((language.rawValue, .string(html)))
        }
        return ServiceRoutes.json(
            .ok,
            .sortedObject([
                ("outcome", .string(decision.outcome.rawValue)), ("text", .sortedObject(texts)), ("letter", .sortedObject(letters)),
                ("record", logged ?? .null),
                ("counterfactuals", DecisionWriter.counterfactuals(decision.counterfactuals ?? [])),
            ]))
    }

    /// `POST /v1/decide/batch`: JSON Lines in, JSON Lines out, as `wbmgp decide --jsonl` writes
    /// them (a line that cannot be read gets its error record in place). Streamed: 200 once
    /// started, each block written as it is decided.
    func batch(_ request: HTTPRequest) -> HTTPResponse {
        let type = request.header("Content-Type")?.lowercased() ?? ""
        guard ["application/x-ndjson", "application/jsonl", "application/json-lines", "application/json"].contains(where: { type.hasPrefix($0) }) else {
            return ServiceRoutes.error(.unsupportedMediaType, "E-MEDIA-TYPE", "send JSON Lines as application/x-ndjson")
        }
        let service = self.service
        let log = self.log
        // As `decide --jsonl` reads a file: a byte-order mark dropped, CR LF as LF.
        let lines = DecisionService.lines(of: FileBytes.droppingByteOrderMark(request.body))
        return HTTPResponse(status: .ok, contentType: "application/x-ndjson") { write in
            var block = JSONBytes()
            var records: [JSONValue] = []
            // A block's records are logged before the block is written, so the answer never
            // holds a decision the log misses; a failed log ends the stream with an error line.
            func flush() -> Bool {
                if let log, !records.isEmpty, !log(records) {
                    _ = write(Array(#"{"error":{"code":"E-LOG","message":"the decision log could not be written; the decisions from here on were not answered"}}"#.utf8) + [0x0A])
                    return false
                }
                records.removeAll()
                defer { block = JSONBytes() }
                return write(block.bytes)
            }
            var spares = LineSpares()
            for (index, line) in lines.enumerated() {
                let (_, record) = line.withUnsafeBufferPointer {
                    service.decideLine(lent: $0, number: index + 1, logging: log != nil, into: &block, reusing: &spares)
                }
                if let record { records.append(record) }
                block.byte(0x0A)
                if block.buffer.count >= 64 * 1024 { guard flush() else { return } }
            }
            if block.buffer.count > 0 { _ = flush() }
        }
    }

    /// `POST /v1/check-request?format=json|text|junit&lang=nl|en&on=DATE`: the report
    /// `wbmgp check-request` prints for the request in the body.
    func checkRequest(_ request: HTTPRequest) -> HTTPResponse {
        let query = request.queryValues
        if let problem = ServiceRoutes.jsonBody(request) { return problem }
        let format = query["format"] ?? "json"
        let language = Language(rawValue: query["lang"] ?? "nl") ?? .nl
        var on: CalendarDate?
        if let text = query["on"] {
            guard let date = CalendarDate(parsing: text) else { return ServiceRoutes.error(.badRequest, "E-QUERY", "on is a date YYYY-MM-DD that exists") }
            on = date
        }
        let law = service.engine.law
        do {
            let report = try RequestChecker(law: law).check(try RequestReader(law: law).read(request.body), on: on)
            switch format {
            case "text": return HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: RequestReportWriter.text(report, language: language))
            case "junit": return HTTPResponse(status: .ok, contentType: "application/xml", body: RequestReportWriter.junit([report], language: language))
            default: return ServiceRoutes.json(.ok, RequestReportWriter.json(report))
            }
        } catch {
            return ServiceRoutes.error(ServiceRoutes.status(of: error), error.code, error.message, path: error.path)
        }
    }

    /// `POST /v1/replay?format=json|text`: each record of the body (a record, or a decision log)
    /// re-decided, as `wbmgp replay` prints them; a record that cannot be read stops with its
    /// error and line.
    func replay(_ request: HTTPRequest) -> HTTPResponse {
        let query = request.queryValues
        if let problem = ServiceRoutes.jsonBody(request) { return problem }
        let format = query["format"] ?? "json"
        let replayer = Replayer(service: service, role: role == .desk ? .desk : nil)
        let documents = ReplayWriter.documents(in: request.body)
        guard !documents.isEmpty else { return ServiceRoutes.error(.badRequest, "E-JSON", "no decision records in the body", path: "$") }
        if let problem = ReplayWriter.logProblem(in: request.body, documents) {
            return ServiceRoutes.error(.unprocessableContent, "E-LOG", "line \(problem.line): the decision log does not verify: \(problem.reason); nothing of it was replayed")
        }
        var out = ""
        for (line, document) in documents {
            do {
                let result = try replayer.replay(try document.get())
                out += format == "json" ? JSONWriter.compact(ReplayWriter.json(result)) + "\n" : ReplayWriter.text(result)
            } catch {
                return ServiceRoutes.error(ServiceRoutes.status(of: error), error.code, "line \(line): \(error.message)", path: error.path)
            }
        }
        return HTTPResponse(status: .ok, contentType: format == "json" ? "application/x-ndjson" : "text/plain; charset=utf-8", body: out)
    }

    /// `POST /v1/designations/lookup` with `{"dwelling": {…}, "date": "YYYY-MM-DD"}`: the
    /// designations covering the dwelling that day, with their measures and their description in
    /// words (for the desk page, before an application is complete); under `undetermined` those
    /// that might cover it but need a fact of the address it leaves out, whose paths are under
    /// `missingFacts` (a decision would be incomplete until they are given).
    func lookup(_ request: HTTPRequest) -> HTTPResponse {
        if let problem = ServiceRoutes.jsonBody(request) { return problem }
        let engine = service.engine
        do throws(InputError) {
            let document = try InputDocument.parse(request.body)
            let root = try ObjectReader(document, path: "$")
            try root.allowOnly(["dwelling", "date"])
            guard let dwellingValue = root.value("dwelling") else { throw root.missing("dwelling", "the dwelling (interface §3)") }
            let dwelling = try ApplicationReader(law: engine.law, role: role).readDwelling(dwellingValue)
            let date = try root.requiredDate("date")
            let covering = engine.covering(dwelling, on: date)
            let open = engine.undetermined(dwelling, on: date)
            let words = { (language: Language) in
                TextContext(language: language, labels: engine.law.labels, household: nil, designations: covering + open.designations, designation: nil, peopleByName: false)
            }
            let described = { (designation: Designation) -> JSONValue in
                .sortedObject([
                    ("id", .string(designation.id)), ("municipality", .string(designation.municipality)),
                    ("from", .string(designation.from.description)), ("until", .string(designation.until.description)),
                    ("measures", .array(designation.measures.map { .string($0.name) })),
                    ("text", .sortedObject([("nl", .string(words(.nl).words(for: designation))), ("en", .string(words(.en).words(for: designation)))])),
                ])
            }
            return ServiceRoutes.json(
                .ok,
                .sortedObject([
                    ("date", .string(date.description)), ("designations", .array(covering.map(described))),
                    ("undetermined", .array(open.designations.map(described))), ("missingFacts", .array(open.missingFacts.map { .string($0) })),
                ]))
        } catch {
            return ServiceRoutes.error(ServiceRoutes.status(of: error), error.code, error.message, path: error.path)
        }
    }

    /// 415 unless the body is declared JSON.
    static func jsonBody(_ request: HTTPRequest) -> HTTPResponse? {
        (request.header("Content-Type")?.lowercased() ?? "").hasPrefix("application/json")
            ? nil : error(.unsupportedMediaType, "E-MEDIA-TYPE", "send the body as application/json")
    }

    /// The status of an input error (interface §10).
    static func status(of error: InputError) -> HTTPStatus {
        switch error.code {
        case "E-JSON": return .badRequest
        case "E-POLICE-DATA": return .forbidden
        case "E-DESIGNATION-CONFLICT": return .conflict
        case "E-LIMIT": return .contentTooLarge
        default: return .unprocessableContent
        }
    }

    /// The labels of the rules, for the desk page: `{domain: {code: {nl, en}}}`, each domain's
    /// codes in the order the rules list them (the order a clerk chooses from).
    func vocabulary() -> JSONValue {
        let labels = service.engine.law.labels
        return .sortedObject(labels.domains.map { domain, codes in
            let ordered = labels.order[domain] ?? codes.keys.sorted()
            return (domain, .object(ordered.compactMap { code in
                codes[code].map { JSONMember(code, .sortedObject([("nl", .string($0.nl)), ("en", .string($0.en))])) }
            }))
        })
    }

    static func json(_ status: HTTPStatus, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: JSONWriter.prettyLine(value))
    }

    /// `{"error": {"code", "message", "path"?}}`: never a stack.
    public static func error(_ status: HTTPStatus, _ code: String, _ message: String, path: String? = nil) -> HTTPResponse {
        var members: [(String, JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        if let path { members.append(("path", .string(path))) }
        return json(status, .sortedObject([("error", .sortedObject(members))]))
    }
}
