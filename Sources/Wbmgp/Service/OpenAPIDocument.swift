/// The OpenAPI 3.1 description of the service (`GET /v1/openapi.json`), made from the same table
/// the router answers by (``ServiceRoutes/operations``), so the document and the routes cannot
/// drift apart.
enum OpenAPIDocument {
    static func json(version: String) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for path in ServiceRoutes.operations.keys.sorted() {
            guard let operations = ServiceRoutes.operations[path] else { continue }
            var methods: [(String, JSONValue)] = []
            for operation in operations {
                var members: [(String, JSONValue)] = [
                    ("summary", .string(operation.summary)),
                    ("operationId", .string(operation.id)),
                    ("responses", .sortedObject(operation.statuses.map { code in
                        (String(code), .sortedObject([
                            ("description", .string(description(code))),
                            ("content", .sortedObject([(code < 300 ? operation.produces : "application/json", .sortedObject([]))])),
                        ]))
                    })),
                ]
                if !operation.query.isEmpty {
                    members.append(("parameters", .array(operation.query.map { name, values in
                        .sortedObject([
                            ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
                            ("schema", values.isEmpty ? .sortedObject([("type", .string("string"))])
                                : .sortedObject([("type", .string("string")), ("enum", .array(values.map { .string($0) }))])),
                        ])
                    })))
                }
                if let consumes = operation.consumes {
                    members.append(("requestBody", .sortedObject([
                        ("required", .bool(true)), ("content", .sortedObject(consumes.map { ($0, .sortedObject([])) })),
                    ])))
                }
                methods.append((operation.method.lowercased(), .sortedObject(members)))
                // Every GET route answers HEAD too (``ServiceRoutes/routes``): the same head, no body.
                if operation.method == "GET" {
                    var head = members.filter { $0.0 != "summary" && $0.0 != "operationId" }
                    head.append(("summary", .string("The head of GET \(path), without its body")))
                    head.append(("operationId", .string(operation.id + "Head")))
                    methods.append(("head", .sortedObject(head)))
                }
            }
            paths.append((path, .sortedObject(methods)))
        }
        return .sortedObject([
            ("openapi", .string("3.1.0")),
            ("info", .sortedObject([
                ("title", .string("wbmgp: Wbmgp chapter 3 as a service")),
                ("version", .string(version)),
                ("description", .string("Decisions on housing permits under chapter 3 of the Wet bijzondere maatregelen grootstedelijke problematiek; errors are {\"error\": {\"code\", \"message\", \"path\"}}.")),
            ])),
            ("components", .sortedObject([("securitySchemes", .sortedObject([("bearer", .sortedObject([("type", .string("http")), ("scheme", .string("bearer"))]))]))])),
            ("paths", .sortedObject(paths)),
        ])
    }

    static func description(_ code: Int) -> String {
        switch code {
        case 200: return "the answer"
        case 400: return "malformed HTTP, JSON or query (E-JSON, E-QUERY)"
        case 401: return "no valid bearer token"
        case 403: return "this role may not read police data (E-POLICE-DATA)"
        case 409: return "two designations with one measure cover the dwelling (E-DESIGNATION-CONFLICT)"
        case 413: return "the body or a value is too large (E-LIMIT)"
        case 415: return "the body is not of the media type the route reads"
        case 422: return "an input error of interface §3 (its E-code in 'code')"
        case 503: return "the decision could not be written to the server's decision log, so it is not answered (E-LOG)"
        default: return "see interface §10"
        }
    }
}
