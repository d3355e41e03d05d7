import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Wbmgp

/// One hand-worked request case from `Fixtures/requests/` (format: docs/request-contract.md).
struct RequestFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let document: JSONValue
    var testDescription: String { name }

    static func all(_ folder: String = "") -> [RequestFixture] {
        let directory = TestSupport.fixturesDirectory + "/requests" + (folder.isEmpty ? "" : "/" + folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let value = try? JSONReader.parse(Array(data)) else { return nil }
            return RequestFixture(name: name, document: value)
        }
    }

    var bytes: [UInt8] {
        if case .string(let text) = document["requestText"] ?? .null { return Array(text.utf8) }
        return Array(JSONWriter.compact(document["request"] ?? .null).utf8)
    }
}

@Suite("Designation requests (check-request)")
struct RequestTests {
    let reader = RequestReader(law: TestSupport.law)
    let checker = RequestChecker(law: TestSupport.law)

    @Test("there are at least 20 request fixtures")
    func enough() {
        #expect(RequestFixture.all().count >= 20)
    }

    @Test("request fixture gives exactly its hand-worked findings", arguments: RequestFixture.all())
    func fixture(_ fixture: RequestFixture) throws {
        let expected = fixture.document["expected"] ?? .null
        // `expected.on`: the case asks about that day (`check-request --on`).
        var on: CalendarDate?
        if case .string(let text) = expected["on"] ?? .null { on = try #require(CalendarDate(parsing: text)) }
        let report = try checker.check(try reader.read(fixture.bytes), on: on)
        let findings = report.findings.map { JSONValue.sortedObject([("code", .string($0.code)), ("severity", .string($0.severity.rawValue)), ("path", .string($0.path))]) }
        var wanted: [JSONValue] = []
        if case .array(let list) = expected["findings"] ?? .null {
            wanted = list.map { item in
                .sortedObject([("code", item["code"] ?? .null), ("severity", item["severity"] ?? .null), ("path", item["path"] ?? .null)])
            }
        }
        #expect(findings == wanted)
        #expect(.bool(report.isValid) == expected["valid"])
        if let checked = expected["checked"] { #expect(.integer(report.checked.count) == checked) }
        let deadline = report.findings.first { $0.code == "REQ-DEADLINE" }
        if let date = expected["deadline"] {
            #expect(deadline?.facts.first { $0.key == "deadline" }?.value == date)
        }
        // A fact the finding leaves out reads as null, as in the fixture.
        for key in ["deemedGranted", "compared"] {
            guard let wanted = expected[key] else { continue }
            #expect((deadline?.facts.first { $0.key == key }?.value ?? .null) == wanted, "\(key)")
        }
    }

    @Test("malformed request is rejected with its code and path", arguments: RequestFixture.all("invalid"))
    func malformed(_ fixture: RequestFixture) {
        let expected = fixture.document["expected"] ?? .null
        #expect {
            try reader.read(fixture.bytes)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return .string(error.code) == expected["error"] && .string(error.path) == expected["path"]
        }
    }

    @Test("JUnit output is well-formed XML whose counts match the findings")
    func junit() throws {
        let reports = try RequestFixture.all().map { try checker.check(try reader.read($0.bytes)) }
        let xml = RequestReportWriter.junit(reports)
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "XML parse error: \(String(describing: parser.parserError))")
        #expect(counter.testcases == reports.map(\.checked.count).reduce(0, +))
        #expect(counter.failures == reports.map(\.errors).reduce(0, +))
        #expect(counter.suites == reports.count)
        #expect(counter.declaredTests == counter.testcases)
    }

    @Test("XML escaping covers the special characters")
    func escaping() {
        #expect(MarkupText.escaped("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;")
    }

    final class JUnitCounter: NSObject, XMLParserDelegate {
        var testcases = 0, failures = 0, suites = 0, declaredTests = -1
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testcase": testcases += 1
            case "failure": failures += 1
            case "testsuite": suites += 1
            case "testsuites": declaredTests = Int(attributes["tests"] ?? "") ?? -1
            default: break
            }
        }
    }
}
