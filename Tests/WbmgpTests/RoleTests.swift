import Foundation
import Testing

@testable import Wbmgp

/// Police data stays with the mayor (Wbmgp art. 10b lid 7; interface §2–§4): the role decides
/// what may be read, in the reader only; decisions and records say their role; replay uses it.
@Suite("Roles: police data only for the mayor and a review")
struct RoleTests {
    /// Fixture 058 (legal A5.3): negative woonverklaring, no hearing, only an unselected record.
    static func fixture(_ prefix: String) throws -> DecideFixture {
        try #require(DecideFixture.all("valid").first { $0.name.hasPrefix(prefix) })
    }

    static func members(_ value: JSONValue) -> [JSONMember] {
        if case .object(let members) = value { members } else { [] }
    }

    static func bytes(_ fixture: DecideFixture) throws -> [UInt8] {
        Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
    }

    @Test("at the desk an application carrying police records is E-POLICE-DATA at the key, citing art. 10b lid 7 from the rules")
    func deskRefuses() throws {
        let fixture = try Self.fixture("058-")
        let service = DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"))
        #expect {
            try service.decide(try Self.bytes(fixture))
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == "E-POLICE-DATA" && error.path == "$.household[0].screening.policeRecords"
                && error.message.contains("(Wbmgp art. 10b lid 7)") && error.message.contains("'desk'")
        }
    }

    @Test("at the desk the key is refused whatever it holds: null and [] too (interface §3)", arguments: ["null", "[]"])
    func deskRefusesTheKey(value: String) throws {
        let fixture = try Self.fixture("001-")
        let service = DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"))
        let text = String(decoding: try Self.bytes(fixture), as: UTF8.self)
        // Fixture 001's applicant has no screening: one is added holding only the key.
        let withKey = text.replacingOccurrences(of: "\"role\":\"applicant\"", with: "\"role\":\"applicant\",\"screening\":{\"policeRecords\":\(value)}")
        #expect(withKey != text)
        #expect {
            try service.decide(Array(withKey.utf8))
        } throws: { ($0 as? InputError)?.code == "E-POLICE-DATA" && ($0 as? InputError)?.path == "$.household[0].screening.policeRecords" }
        // Without the key the application is decided (fixture 001: granted).
        #expect(try service.decide(Array(text.utf8)).outcome == .granted)
    }

    @Test("the mayor and a review read them and decide as worked out by hand (058: refused, both defects)", arguments: [Role.mayor, .review])
    func mayorAndReviewRead(role: Role) throws {
        let fixture = try Self.fixture("058-")
        let decision = try DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"), role: role).decide(try Self.bytes(fixture))
        #expect(decision.outcome == .refused)
        #expect(decision.defects.map(\.code) == ["D-NO-USABLE-RECORD", "D-NO-HEARING"])
        #expect(decision.role == role)
    }

    @Test("which roles read police data is data: a vocabulary listing only the mayor refuses a review")
    func readersAreData() throws {
        let vocabulary = try String(contentsOfFile: TestSupport.rulesDirectory + "/wbmgp/vocabulary.rules", encoding: .utf8)
        let edited = vocabulary.replacingOccurrences(of: "codes policeDataReaders = mayor, review", with: "codes policeDataReaders = mayor")
        #expect(edited != vocabulary)
        var files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let index = try #require(files.firstIndex { $0.path.hasSuffix("vocabulary.rules") })
        files[index].text = edited
        let law = try #require(LawCompiler.compile(files: files).0)
        let application = try Self.bytes(try Self.fixture("058-"))
        #expect(throws: InputError.self) { try ApplicationReader(law: law, role: .review).read(application) }
        #expect(try ApplicationReader(law: law, role: .mayor).read(application).role == .mayor)
    }

    @Test("a decision says its role and decision date, the same in the pretty and the compact writer")
    func decisionSaysRoleAndDate() throws {
        let fixture = try Self.fixture("058-")
        let service = DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "test"), role: .mayor)
        let json = try JSONReader.parse(Array(try Self.bytes(fixture)))
        let withDate = JSONValue.object(Self.members(json).filter { $0.key != "decisionDate" } + [JSONMember("decisionDate", .string("2020-10-01"))])
        for (application, date) in [(json, JSONValue.null), (withDate, .string("2020-10-01"))] {
            let bytes = Array(JSONWriter.compact(application).utf8)
            let pretty = try service.decideJSON(bytes, withInput: false)
            #expect(pretty["role"] == .string("mayor"))
            #expect(pretty["decisionDate"] == date)
            var out = JSONBytes()
            _ = service.decideLine(bytes, number: 1, logging: false, into: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == JSONWriter.compact(pretty))
        }
    }

    @Test("replay uses the record's role; --role overrides it; a record without a role is replayed as a review")
    func replayRoles() throws {
        let fixture = try Self.fixture("058-")
        let engine = try fixture.engine()
        let record = try DecisionService(engine: engine, engineInfo: .init(version: "test"), record: true, role: .review)
            .decideJSON(try Self.bytes(fixture), withInput: true)
        #expect(record["role"] == .string("review"))
        let desk = DecisionService(engine: engine, engineInfo: .init(version: "test"))
        #expect(try Replayer(service: desk).replay(record).isIdentical)
        #expect {
            try Replayer(service: desk, role: .desk).replay(record)
        } throws: { ($0 as? InputError)?.code == "E-POLICE-DATA" && ($0 as? InputError)?.path == "$.input.household[0].screening.policeRecords" }
        let legacy = JSONValue.object(Self.members(record).filter { $0.key != "role" })
        #expect(try Replayer(service: desk).replay(legacy).isIdentical)
        let bogus = JSONValue.object(Self.members(record).map { $0.key == "role" ? JSONMember("role", .string("clerk")) : $0 })
        #expect { try Replayer(service: desk).replay(bogus) } throws: { ($0 as? InputError)?.path == "$.role" }
    }

    @Test("through the binary: the desk refuses (65), --role mayor decides and says so, a bad role is a usage error (64); replay keeps the record's role")
    func commandLine() throws {
        let cli = CLITests()
        let fixture = try Self.fixture("058-")
        let input = String(decoding: try Self.bytes(fixture), as: UTF8.self)
        let designations = ["--designations", TestSupport.fixturesDirectory + "/designations/a8-y-zaanstad-poelenburg.json"]
        let desk = try cli.run(["decide"] + designations + ["-"], stdin: input)
        #expect(desk.status == 65 && desk.stdout.isEmpty)
        #expect(desk.stderr.hasPrefix("<stdin>: error: [E-POLICE-DATA] $.household[0].screening.policeRecords: "))
        let mayor = try cli.run(["decide", "--role", "mayor"] + designations + ["-"], stdin: input)
        #expect(mayor.status == 0 && mayor.stdout.contains("\"role\": \"mayor\""), "\(mayor.stderr)")
        #expect(try cli.run(["decide", "--role", "clerk"] + designations + ["-"], stdin: input).status == 64)
        let record = try cli.run(["decide", "--record", "--role", "review"] + designations + ["-"], stdin: input)
        let replay = try cli.run(["replay"] + designations + ["-"], stdin: record.stdout)
        #expect(replay.status == 0 && replay.stdout.contains("identical"), "\(replay.stdout) \(replay.stderr)")
        let forced = try cli.run(["replay", "--role", "desk"] + designations + ["-"], stdin: record.stdout)
        #expect(forced.status == 65 && forced.stderr.contains("[E-POLICE-DATA] $.input.household[0].screening.policeRecords"))
    }
}
