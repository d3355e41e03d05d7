import Foundation
import HTTPServer
import Testing

@testable import Wbmgp

/// The schemas of `GET /v1/schemas/…` against every document the engine reads or writes in the
/// fixtures: what the readers accept the schema accepts, and the kinds of error a schema can
/// see (unknown members, impossible dates, unknown codes, missing members) it sees at the
/// reader's path.
@Suite("JSON Schemas from the compiled rules")
struct JSONSchemaDocumentTests {
    func validator(_ name: String) throws -> JSONSchemaValidator {
        let schema = try #require(JSONSchemaDocument.schema(name, law: TestSupport.law, version: "test"))
        return try JSONSchemaValidator(schema: schema)
    }

    func documents(_ folder: String) -> [(String, JSONValue)] {
        let directory = TestSupport.packageRoot + "/" + folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let value = try? JSONReader.parse(Array(data)) else { return nil }
            return (name, value)
        }
    }

    @Test("each of the four schemas is valid 2020-12 in the subset our validator reads; another name has none")
    func schemasCompile() throws {
        for name in JSONSchemaDocument.names { _ = try validator(name) }
        #expect(JSONSchemaDocument.schema("person", law: TestSupport.law, version: "test") == nil)
    }

    @Test("code lists come from the compiled rules: income from 'codes income', measures from the measure declarations")
    func fromTheRules() throws {
        let application = try #require(JSONSchemaDocument.schema("application", law: TestSupport.law, version: "test"))
        let income = application["$defs"]?["Person"]?["properties"]?["income"]
        let codes = (TestSupport.law.vocabularies["income"] ?? []).map { JSONValue.string($0) }
        #expect(!codes.isEmpty)
        #expect(JSONWriter.compact(income ?? .null).contains(JSONWriter.compact(.array(codes))))
        let designation = try #require(JSONSchemaDocument.schema("designation", law: TestSupport.law, version: "test"))
        let measures = designation["properties"]?["measures"]?["properties"]
        for name in TestSupport.law.measures.keys { #expect(measures?[name] != nil, "measure \(name)") }
    }

    @Test("every valid decide fixture's application is valid under the application schema")
    func applications() throws {
        let schema = try validator("application")
        let fixtures = DecideFixture.all("valid")
        #expect(fixtures.count > 40)
        for fixture in fixtures {
            let violations = schema.validate(try #require(fixture.document["application"]))
            #expect(violations.isEmpty, "\(fixture.name): \(violations)")
        }
        for (name, example) in documents("Fixtures/examples") {
            #expect(schema.validate(example).isEmpty, "\(name)")
        }
    }

    @Test("an invalid fixture the schema can judge is refused by it at the reader's path")
    func invalidApplications() throws {
        let schema = try validator("application")
        var judged = 0
        for fixture in DecideFixture.all("invalid") {
            guard case .string(let code) = fixture.expected["error"] ?? .null, ["E-FIELD", "E-DATE", "E-CODE", "E-MISSING", "E-TYPE"].contains(code),
                case .string(let path) = fixture.expected["path"] ?? .null, let application = fixture.document["application"]
            else { continue }
            let violations = schema.validate(application)
            #expect(violations.contains { $0.path == path || path.hasPrefix($0.path + ".") || path.hasPrefix($0.path + "[") }, "\(fixture.name): \(code) at \(path); schema: \(violations)")
            judged += 1
        }
        #expect(judged >= 10, "only \(judged) invalid fixtures were judged")
    }

    @Test("every decision (with and without counterfactuals) and record of the valid fixtures is valid under the decision schema")
    func decisions() throws {
        let schema = try validator("decision")
        for fixture in DecideFixture.all("valid") {
            let engine = try fixture.engine()
            var service = DecisionService(engine: engine, engineInfo: .init(version: "test", rules: "sha256:x", designations: "sha256:y"), lawDate: fixture.lawDate, role: fixture.role)
            let bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
            for (withInput, counterfactuals) in [(false, false), (true, false), (false, true)] {
                service.counterfactuals = counterfactuals
                let output = try service.decideJSON(bytes, withInput: withInput)
                let violations = schema.validate(output)
                #expect(violations.isEmpty, "\(fixture.name) (record: \(withInput)): \(violations)")
            }
        }
    }

    @Test("every shipped and fixture designation is valid under the designation schema; a typo is not")
    func designations() throws {
        let schema = try validator("designation")
        let all = documents("Rules/designations") + documents("Fixtures/designations")
        #expect(all.count > 20)
        for (name, designation) in all {
            let violations = schema.validate(designation)
            #expect(violations.isEmpty, "\(name): \(violations)")
        }
        guard case .object(var members) = try #require(all.first?.1) else { return }
        members.append(JSONMember("extend", .string("x")))
        #expect(schema.validate(.object(members)).map(\.path) == ["$.extend"])
    }

    @Test("every request fixture is valid under the request schema")
    func requests() throws {
        let schema = try validator("request")
        let fixtures = documents("Fixtures/requests")
        #expect(fixtures.count > 50)
        for (name, fixture) in fixtures {
            let violations = schema.validate(try #require(fixture["request"]))
            #expect(violations.isEmpty, "\(name): \(violations)")
        }
    }

    @Test("GET /v1/schemas/{name}.json serves them; another name is 404")
    func route() throws {
        let module = try #require(ServiceRoutesTests.module)
        let routes = ServiceRoutes(service: DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: "test")), letters: module.letters, version: "test")
        for name in JSONSchemaDocument.names {
            let response = routes.handle(HTTPRequest(method: "GET", target: "/v1/schemas/\(name).json"))
            #expect(response.status == .ok)
            let schema = try JSONReader.parse(response.body)
            #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
            _ = try JSONSchemaValidator(schema: schema)
        }
        #expect(routes.handle(HTTPRequest(method: "GET", target: "/v1/schemas/person.json")).status == .notFound)
    }
}
