import Foundation

@testable import Wbmgp

/// The documents the application reader's record (`Fixtures/reader/records.tsv`) was taken on:
/// the decide fixtures, generated applications, and seeded mutations of the valid fixtures, both
/// of their JSON values (a member dropped, repeated, added or given another value) and of their
/// bytes (a byte dropped, changed or added, the text cut short). Everything is seeded, so the
/// list is the same on every run and on every machine.
enum ReaderCorpus {
    struct Document {
        let label: String
        let bytes: [UInt8]
        let role: Role
    }

    static func documents() -> [Document] {
        var documents: [Document] = []
        // The valid fixtures the record was taken on (001–128): a later one would shift every
        // seeded mutation after it.
        let valid = DecideFixture.all("valid").filter { (Int($0.name.prefix(3)) ?? 0) <= 128 }
        for fixture in valid {
            guard let application = fixture.document["application"] else { continue }
            documents.append(Document(label: "\(fixture.name) compact", bytes: Array(JSONWriter.compact(application).utf8), role: fixture.role))
            documents.append(Document(label: "\(fixture.name) pretty", bytes: Array(JSONWriter.pretty(application).utf8), role: fixture.role))
            for role in [Role.desk, .mayor] where role != fixture.role {
                documents.append(Document(label: "\(fixture.name) as \(role.rawValue)", bytes: Array(JSONWriter.compact(application).utf8), role: role))
            }
        }
        for fixture in DecideFixture.all("invalid") {
            let bytes: [UInt8]
            if case .string(let text) = fixture.document["applicationText"] ?? .null {
                bytes = Array(text.utf8)
            } else if let application = fixture.document["application"] {
                bytes = Array(JSONWriter.compact(application).utf8)
            } else {
                continue
            }
            documents.append(Document(label: fixture.name, bytes: bytes, role: fixture.role))
        }
        var generator = ApplicationGenerator(
            law: TestSupport.law,
            designations: (try? TestSupport.fixtureDesignations(["a8-x-rotterdam-carnisse", "a8-y-zaanstad-poelenburg", "dordrecht-vog-2018"])) ?? [], seed: 11)
        for i in 0..<2000 { documents.append(Document(label: "generated \(i)", bytes: Array(generator.next(index: i).utf8), role: .review)) }
        let seeds = valid.compactMap { $0.document["application"] }
        var random = SplitMix64(seed: 2024)
        for n in 0..<8000 {
            var value = random.pick(seeds) ?? .null
            for _ in 0..<random.int(in: 1...3) { value = mutate(value, &random) }
            documents.append(Document(label: "mutation \(n)", bytes: Array(JSONWriter.compact(value).utf8), role: .review))
        }
        var bytesRandom = SplitMix64(seed: 77)
        let inserts: [UInt8] = Array("\"{}[],:\\ x0-.eE+\u{1}\u{7f}".utf8) + [0xC3, 0xE9, 0xFF, 0x0A]
        for n in 0..<3000 {
            let seed = bytesRandom.pick(seeds) ?? .null
            var bytes = Array((n % 2 == 0 ? JSONWriter.compact(seed) : JSONWriter.pretty(seed)).utf8)
            for _ in 0..<bytesRandom.int(in: 1...2) where !bytes.isEmpty {
                let i = bytesRandom.int(in: 0...(bytes.count - 1))
                switch bytesRandom.int(in: 0...3) {
                case 0: bytes.remove(at: i)
                case 1: bytes[i] = bytesRandom.pick(inserts) ?? 0x20
                case 2: bytes.insert(bytesRandom.pick(inserts) ?? 0x20, at: i)
                default: bytes.removeSubrange(i...)
                }
            }
            documents.append(Document(label: "byte mutation \(n)", bytes: bytes, role: n % 3 == 0 ? .desk : .review))
        }
        for (n, text) in handWritten.enumerated() { documents.append(Document(label: "hand-written \(n)", bytes: Array(text.utf8), role: .review)) }
        return documents
    }

    /// Documents no mutation above makes: escapes in keys and values, deep nesting, huge
    /// numbers, a name and an address, values at and beyond the limits.
    static let handWritten: [String] = {
        let person = #"{"id":"p1","role":"applicant","birthDate":"1990-01-01"}"#
        func application(_ household: String? = nil, extra: String = "", id: String = #""a1""#, municipality: String = "Rotterdam") -> String {
            #"{"id":\#(id),"applicationDate":"2024-03-01","dwelling":{"municipality":"\#(municipality)","category":"huur"},"household":\#(household ?? "[" + person + "]")\#(extra)}"#
        }
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        return [
            application(), #"{"i\u0064":"a1","applicationDate":"2024-03-01","dwelling":{"municipality":"Rotterdam","category":"huur"},"household":[\#(person)]}"#,
            application(extra: #","kind":"new\u0054enancy""#), application(extra: #","kind":"newTenancy","kind":"joining""#),
            application(extra: #","decisionDate":"2024\u002d03-02""#), application(extra: ",\"hardship\":\(deep)"),
            application(extra: #","dwelling2":{"a":1}"#), application(extra: #","hardship":[{"article":"x"}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","name":"Jan de Vries","address":{"street":"Hoofdweg","houseNumber":12,"postcode":"3011AA","city":"Rotterdam"}}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","name":"Jan","address":{"street":"Hoofdweg","houseNumber":"12","postcode":"3011AA","city":"Rotterdam"}}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","income":["none"],"characteristics":["x\ty","\ud83d\ude00"]}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","income":[]}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","residence":[{"municipality":"R","from":"2000-01-01","until":"2010-01-01"},{"municipality":"R","from":"2005-01-01"}]}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","screening":{"vog":{"status":"submitted","submitted":true}}}]"#),
            application(#"[{"id":"p1","role":"applicant","birthDate":"1990-01-01","screening":{"policeRecords":[{"behaviour":"zz","date":"2020-01-01"}]}}]"#),
            application(extra: #","decisionDate":12345678901234567890"#), application(extra: #","decisionDate":1e999"#),
            application(extra: #","decisionDate":-0.5e-3"#), application(extra: #","decisionDate":true"#),
            application(municipality: String(repeating: "x", count: 300)),
            application(id: #""\ud800""#), application(id: #""\u00e9\u20ac""#), application(id: #""\q""#),
            application(id: #""\u12""#), application(id: "7"), application(id: #"" ""#), "", " ", "[]", "null", "{}", "{\"id\":\"a\"} x", "\u{FEFF}{}",
            application("[" + Array(repeating: person, count: 3).joined(separator: ",") + "]"),
            #"{"id":"a1","applicationDate":"2024-03-01","dwelling":{"municipality":"Rotterdam","category":"huur","houseNumber":12},"household":[{"id":"p1","role":"applicant","birthDate":"1990-01-01","screening":{"vog":{"submitted":false,"date":"2023-01-01"}}}]}"#,
        ]
    }()

    static let pool: [JSONValue] = [
        .null, .integer(0), .integer(-1), .number(1.5), .string(""), .string("  "), .string("x"), .string("2021-02-29"),
        .string("2020-02-29"), .string("0001-01-01"), .array([]), .object([]), .array([.integer(1)]), .bool(true),
        .string("a"), .array([.string("none")]), .string("joining"), .string("applicant"), .string("negative"),
        .string("a\\\"b"), .string("é"),
    ]

    static func mutate(_ value: JSONValue, _ random: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var members) where !members.isEmpty:
            let i = random.int(in: 0...(members.count - 1))
            switch random.int(in: 0...4) {
            case 0: members.remove(at: i)
            case 1: members[i].value = random.pick(pool) ?? .null
            case 2: members.append(JSONMember(members[i].key, members[i].value))  // duplicate key
            case 3: members.append(JSONMember("extra", .integer(1)))
            default: members[i].value = mutate(members[i].value, &random)
            }
            return .object(members)
        case .array(var elements) where !elements.isEmpty:
            let i = random.int(in: 0...(elements.count - 1))
            switch random.int(in: 0...2) {
            case 0: elements.remove(at: i)
            case 1: elements.append(elements[i])
            default: elements[i] = mutate(elements[i], &random)
            }
            return .array(elements)
        default:
            return random.pick(pool) ?? .null
        }
    }

    /// One line of the record: the error's code, path, message and application id, or `ok` and
    /// a digest of everything the application read holds.
    static func record(_ document: Document) -> String {
        let reader = ApplicationReader(law: TestSupport.law, role: document.role)
        do {
            let application = try reader.read(document.bytes)
            return "ok\t" + SHA256.hex(SHA256.hash(Array(String(reflecting: application).utf8)))
        } catch {
            return [error.code, error.path, error.message, error.applicationId ?? "-"].joined(separator: "\t")
        }
    }
}
