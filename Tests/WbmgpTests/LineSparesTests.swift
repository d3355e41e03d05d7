import Foundation
import Testing

@testable import Wbmgp

/// A batch worker reads each application into the emptied arrays of the ones before
/// (``LineSpares``). What it reads must be what a reader of that line alone reads, and no
/// datum of one application may reach the next.
@Suite("Applications read into recycled arrays")
struct LineSparesTests {
    /// An applicant and a partner with everything a member's arrays hold: residence periods,
    /// characteristics, police records.
    static let full = """
        {"id":"full","applicationDate":"2024-03-01","dwelling":{"municipality":"Rotterdam","category":"rental"},
         "household":[
          {"id":"a","role":"applicant","birthDate":"1980-01-01","income":["employment"],"characteristics":["other","student"],
           "residence":[{"municipality":"Rotterdam","from":"1980-01-01","until":"1999-12-31"},{"municipality":"Schiedam","from":"2000-01-01"}],
           "screening":{"policeRecords":[{"behaviour":"a","date":"2020-05-01"},{"behaviour":"c","date":"2021-06-01"}]}},
          {"id":"b","role":"partner","birthDate":"1982-02-02","characteristics":["other"],
           "residence":[{"municipality":"Delft","from":"1982-02-02"}],
           "screening":{"policeRecords":[{"behaviour":"h","date":"2019-01-01"}]}}]}
        """
    /// One member with none of those lists.
    static let bare = """
        {"id":"bare","applicationDate":"2024-03-01","dwelling":{"municipality":"Rotterdam","category":"rental"},
         "household":[{"id":"c","role":"applicant","birthDate":"1990-03-03"}]}
        """

    let reader = ApplicationReader(law: TestSupport.law, role: .review)
    /// The shipped rules and designations, loaded once for the suite's tests that decide.
    static let shipped: (module: RuleModule?, diagnostics: [Diagnostic]) = RuleModule.load(rules: TestSupport.rulesDirectory)

    @Test("an application read after another has none of its lists, and reads as it does alone")
    func nothingCarriedOver() throws {
        var spares = LineSpares()
        var first = try reader.read(Array(Self.full.utf8), reusing: &spares)
        #expect(first.household.count == 2)
        spares.recycle(&first)
        #expect(first.household.isEmpty)

        var second = try reader.read(Array(Self.bare.utf8), reusing: &spares)
        #expect(second == (try reader.read(Array(Self.bare.utf8))))
        #expect(second.household.count == 1)
        #expect(second.household[0].id == "c")
        #expect(second.household[0].residence == nil)
        #expect(second.household[0].characteristics == nil)
        #expect(second.household[0].screening == nil)
        spares.recycle(&second)

        // And the full one again, into the arrays both left.
        let again = try reader.read(Array(Self.full.utf8), reusing: &spares)
        #expect(again == (try reader.read(Array(Self.full.utf8))))
        #expect(again.household[0].residence?.map(\.municipality) == ["Rotterdam", "Schiedam"])
        #expect(again.household[0].characteristics == ["other", "student"])
        #expect(again.household[1].screening?.policeRecords?.map(\.behaviour) == ["h"])
    }

    @Test("arrays come back empty with their room; one with room for more than 64 elements is let go")
    func emptiedAndBounded() throws {
        var spares = LineSpares()
        var application = try reader.read(Array(Self.full.utf8), reusing: &spares)
        spares.recycle(&application)
        // Two members: two lists of periods, of characteristics and of police records kept.
        for _ in 0..<2 {
            let periods = spares.takePeriods(capacity: 0)
            #expect(periods.isEmpty && periods.capacity >= 1)
            let texts = spares.takeTexts(capacity: 0)
            #expect(texts.isEmpty && texts.capacity >= 1)
            let records = spares.takeRecords(capacity: 0)
            #expect(records.isEmpty && records.capacity >= 1)
        }
        #expect(spares.takePeriods(capacity: 0).capacity == 0)
        let household = spares.takeHousehold(capacity: 0)
        #expect(household.isEmpty && household.capacity >= 2)

        // A member with 65 residence periods, one day each.
        var day = try #require(CalendarDate(year: 2000, month: 1, day: 1))
        var periods: [String] = []
        for _ in 0..<65 {
            periods.append(#"{"municipality":"Rotterdam","from":"\#(day)","until":"\#(day)"}"#)
            day = day.adding(days: 1)
        }
        let long = """
            {"id":"long","applicationDate":"2024-03-01","dwelling":{"municipality":"Rotterdam","category":"rental"},
             "household":[{"id":"d","role":"applicant","birthDate":"1990-03-03","residence":[\(periods.joined(separator: ","))]}]}
            """
        var spares2 = LineSpares()
        var read = try reader.read(Array(long.utf8), reusing: &spares2)
        #expect(read.household[0].residence?.count == 65)
        spares2.recycle(&read)
        #expect(spares2.takePeriods(capacity: 0).capacity == 0)
    }

    @Test("a decision's reasons come back empty with their room, and the next decision's are its own")
    func reasonsKept() throws {
        let loaded = try #require(Self.shipped.module, "\(Self.shipped.diagnostics.map { $0.rendered() })")
        let engine = loaded.engine
        var spares = LineSpares()
        let full = try reader.read(Array(Self.full.utf8))
        var first = try engine.decide(full, reasonsInto: spares.takeReasons())
        let count = first.reasons.count
        #expect(count > 0)
        spares.recycle(&first)
        #expect(first.reasons.isEmpty)
        let kept = spares.takeReasons()
        #expect(kept.isEmpty && kept.capacity >= count)
        // The bare application decided into that room gives the reasons it gives alone.
        let bare = try reader.read(Array(Self.bare.utf8))
        let second = try engine.decide(bare, reasonsInto: kept)
        #expect(second == (try engine.decide(bare)))
    }

    @Test("the recorded corpus reads as recorded through one set of recycled arrays, in order")
    func corpusThroughOneSet() {
        let documents = ReaderCorpus.documents()
        let recorded = ApplicationReaderRecordTests.recorded
        #expect(documents.count == recorded.count)
        var readers: [Role: ApplicationReader] = [:]
        var spares = LineSpares()
        var differences = 0
        for (document, recorded) in zip(documents, recorded) {
            let reader = readers[document.role] ?? ApplicationReader(law: TestSupport.law, role: document.role)
            readers[document.role] = reader
            let result: String
            do {
                var application = try reader.read(document.bytes, reusing: &spares)
                result = "ok\t" + SHA256.hex(SHA256.hash(Array(String(reflecting: application).utf8)))
                spares.recycle(&application)
            } catch {
                result = [error.code, error.path, error.message, error.applicationId ?? "-"].joined(separator: "\t")
            }
            let line = document.label + "\t" + result.replacingOccurrences(of: "\n", with: "\\n")
            if line != recorded {
                differences += 1
                if differences <= 10 { Issue.record("\(document.label):\n  now:      \(line)\n  recorded: \(recorded)") }
            }
        }
        #expect(differences == 0)
    }

    @Test("impact's reader gives the application of each line, record or not, as read alone")
    func populationLines() throws {
        let loaded = try #require(Self.shipped.module, "\(Self.shipped.diagnostics.map { $0.rendered() })")
        let service = DecisionService(engine: loaded.engine, engineInfo: loaded.engineInfo(version: "test"), role: .review)
        // A decision record (`decide --record`) of the full application: its `input` is read.
        let record = Array(JSONWriter.compact(try service.decideJSON(Array(Self.full.utf8), withInput: true)).utf8)
        let population = PopulationReader(reader: reader)
        var spares = LineSpares()
        for line in [Self.full, Self.bare, nil, Self.bare].map({ $0.map { Array($0.utf8) } ?? record }) {
            guard case .application(var reused) = try population.read(line, reusing: &spares),
                case .application(let alone) = try population.read(line)
            else {
                Issue.record("not read as an application")
                continue
            }
            #expect(reused == alone)
            spares.recycle(&reused)
        }
    }

    @Test("a batch decided by workers reusing arrays gives each line's decision as decided alone")
    func batchAsAlone() throws {
        let loaded = try #require(Self.shipped.module, "\(Self.shipped.diagnostics.map { $0.rendered() })")
        let info = loaded.engineInfo(version: "test")
        let service = DecisionService(engine: loaded.engine, engineInfo: info, role: .review)
        var generator = ApplicationGenerator(law: loaded.law, designations: loaded.designations, seed: 5)
        var lines = (0..<300).map { Array(generator.next(index: $0).utf8) }
        lines[40] = Array(Self.full.utf8)
        lines[41] = Array(Self.bare.utf8)
        lines[42] = Array("{\"id\": 3}".utf8)
        lines[43] = Array(Self.bare.utf8)
        let batch = BatchDecider(service: service, jobs: 1).decide(lines[...]).flatMap(\.bytes)
        var alone: [UInt8] = []
        for (i, line) in lines.enumerated() {
            alone += Array(service.decideLine(line, number: i + 1).line.utf8) + [0x0A]
        }
        #expect(batch == alone)
    }
}
