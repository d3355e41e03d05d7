import HTTPServer

/// The routes of `wbmgp serve` (interface §10) onto the engine: the same readers, decisions and
/// writers as the command line, so a route answers with the bytes the command prints.
public struct ServiceRoutes: Sendable {
    public let service: DecisionService
    public let letters: [Language: LetterTemplate]
    public let version: String

    public init(service: DecisionService, letters: [Language: LetterTemplate], version: String) {
        self.service = service
        self.letters = letters
        self.version = version
    }

    /// The methods each path answers; another method on it is 405, another path 404.
    static let routes: [String: Set<String>] = [
        "/v1/decide": ["POST"], "/v1/health": ["GET"], "/v1/version": ["GET"], "/v1/vocabulary": ["GET"],
    ]

    /// Whether the service answers on this path (an access log writes only such paths).
    public static func isRoute(_ path: String) -> Bool { routes[path] != nil }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let methods = ServiceRoutes.routes[request.path] else {
            return ServiceRoutes.error(.notFound, "E-NOT-FOUND", "no route \(request.path)")
        }
        guard methods.contains(request.method) else {
            var response = ServiceRoutes.error(.methodNotAllowed, "E-METHOD", "\(request.path) answers \(methods.sorted().joined(separator: ", "))")
            response.headers.append(("Allow", methods.sorted().joined(separator: ", ")))
            return response
        }
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
        default: return decide(request)
        }
    }

    /// `POST /v1/decide?format=json|text|letter&lang=nl|en&record=true`.
    func decide(_ request: HTTPRequest) -> HTTPResponse {
        let contentType = request.header("Content-Type")?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            return ServiceRoutes.error(.unsupportedMediaType, "E-MEDIA-TYPE", "send the application as application/json")
        }
        let query = Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let format = query["format"] ?? "json"
        guard ["json", "text", "letter"].contains(format) else {
            return ServiceRoutes.error(.badRequest, "E-QUERY", "format is json, text or letter; found '\(format)'")
        }
        guard let language = Language(rawValue: query["lang"] ?? "nl") else {
            return ServiceRoutes.error(.badRequest, "E-QUERY", "lang is nl or en; found '\(query["lang"] ?? "")'")
        }
        let record = query["record"] == "true"
        do {
            switch format {
            case "text":
                let (application, decision, _) = try service.decideForPeople(request.body, recording: false)
                return HTTPResponse(
                    status: .ok, contentType: "text/plain; charset=utf-8",
                    body: TextRenderer.render(decision, application: application, engine: service.engine, language: language))
            case "letter":
                guard let template = letters[language] else {
                    return ServiceRoutes.error(.internalServerError, "E-CONFIGURATION", "the rules hold no letter template for \(language.rawValue)")
                }
                let (application, decision, _) = try service.decideForPeople(request.body, recording: false)
                guard let html = template.render(LetterModel.build(decision, application: application, engine: service.engine, language: language)) else {
                    return ServiceRoutes.error(.internalServerError, "E-LIMIT", "the letter template renders past its bound")
                }
                return HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", body: html)
            default:
                let output = try service.decideJSON(request.body, withInput: record)
                return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter.pretty(output) + "\n")
            }
        } catch {
            return ServiceRoutes.error(ServiceRoutes.status(of: error), error.code, error.message, path: error.path)
        }
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

    /// The labels of the rules, for the desk page: `{domain: {code: {nl, en}}}`.
    func vocabulary() -> JSONValue {
        let labels = service.engine.law.labels
        return .sortedObject(labels.domains.map { domain, codes in
            (domain, .sortedObject(codes.map { code, label in (code, .sortedObject([("nl", .string(label.nl)), ("en", .string(label.en))])) }))
        })
    }

    static func json(_ status: HTTPStatus, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", body: JSONWriter.pretty(value) + "\n")
    }

    /// `{"error": {"code", "message", "path"?}}`: never a stack.
    public static func error(_ status: HTTPStatus, _ code: String, _ message: String, path: String? = nil) -> HTTPResponse {
        var members: [(String, JSONValue)] = [("code", .string(code)), ("message", .string(message))]
        if let path { members.append(("path", .string(path))) }
        return json(status, .sortedObject([("error", .sortedObject(members))]))
    }
}
