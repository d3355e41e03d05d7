import Foundation
import Testing

@testable import Wbmgp

/// `wbmgp report` (interface §11): a decision log built from hand-worked decide fixtures, counted
/// as worked out by hand (Fixtures/report/), with small counts suppressed; a redaction changes
/// nothing; the writers name no code a person would read.
@Suite("The monitoring report over decision logs")
struct ReportTests {
    static let directory = TestSupport.fixturesDirectory + "/report"

    static func document(_ name: String) throws -> JSONValue {
        try JSONReader.parse(Array(try #require(FileManager.default.contents(atPath: directory + "/" + name))))
    }

    /// A log of the fixtures' decisions, each decided at the desk with its own designations, as
    /// `decide --log` writes it; the path.
    static func log(of names: [String]) throws -> String {
        let fixtures = DecideFixture.all("valid")
        var records: [JSONValue] = []
        for name in names {
            let fixture = try #require(fixtures.first { $0.name == name }, "no fixture \(name)")
            let engine = try fixture.engine()
            let service = DecisionService(engine: engine, engineInfo: .init(version: "test", rules: "sha256:rules", designations: "sha256:designations"))
            records.append(try service.decideJSON(Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8), withInput: true))
        }
        let path = try TestSupport.temporaryDirectory() + "/decisions.log"
        try DecisionLog.append(records, to: path)
        return path
    }

    /// Removes a log made by `log(of:)` with the temporary directory it was made in.
    static func remove(log path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func report(_ path: String, by: [MonitoringReport.Dimension]) throws -> MonitoringReport {
        var report = MonitoringReport(by: by, from: nil, until: nil, minimumCount: 5, municipalities: [:])
        for line in DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: path)))) {
            if case .decision(let entry, _, _, _) = try MonitoringEntry.read(line: line) { report.add(entry) }
        }
        return report
    }

    static func names(_ fixture: JSONValue) -> [String] {
        guard case .array(let items) = fixture["fixtures"] ?? .null else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test("by designation and year, and all in one group: the counts worked out by hand, small ones as \"< 5\"", arguments: ["by-designation-year.json", "all-in-one.json"])
    func handWorked(file: String) throws {
        let fixture = try Self.document(file)
        guard case .array(let dimensions) = fixture["by"] ?? .null else {
            Issue.record("no 'by'")
            return
        }
        let by = dimensions.compactMap { if case .string(let s) = $0 { MonitoringReport.Dimension(rawValue: s) } else { nil } }
        let path = try Self.log(of: Self.names(fixture))
        defer { Self.remove(log: path) }
        let report = try Self.report(path, by: by)
        let got = report.json["groups"] ?? .null
        let expected = fixture["expected"]?["groups"] ?? .null
        guard case .array(let mine) = got, case .array(let theirs) = expected else {
            Issue.record("no groups")
            return
        }
        #expect(mine.count == theirs.count)
        for (a, b) in zip(mine, theirs) {
            #expect(TestSupport.sorted(a) == TestSupport.sorted(b), "group \(b["key"] ?? .null)")
        }
    }

    @Test("a redacted entry still counts: the skeleton is all the report reads")
    func redactionChangesNothing() throws {
        let fixture = try Self.document("by-designation-year.json")
        let path = try Self.log(of: Self.names(fixture))
        defer { Self.remove(log: path) }
        let before = try Self.report(path, by: [.designation, .year])
        let writer = try DecisionLogWriter(path: path)
        _ = try writer.redact(.before(TestSupport.date("2030-01-01")), on: TestSupport.date("2030-01-02"), by: "gemeente", reason: "bewaartermijn verstreken")
        writer.close()
        let after = try Self.report(path, by: [.designation, .year])
        #expect(JSONWriter.compact(before.json["groups"] ?? .null) == JSONWriter.compact(after.json["groups"] ?? .null))
        #expect(after.groups.values.reduce(0) { $0 + $1.applications } == Self.names(fixture).count)
    }

    @Test("from and until select by decision date, else application date; periods by the same date")
    func period() throws {
        let fixture = try Self.document("all-in-one.json")
        let path = try Self.log(of: Self.names(fixture))
        defer { Self.remove(log: path) }
        var report = MonitoringReport(by: [.quarter], from: TestSupport.date("2019-01-01"), until: TestSupport.date("2019-12-31"), minimumCount: 1, municipalities: [:])
        for line in DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: path)))) {
            if case .decision(let entry, _, _, _) = try MonitoringEntry.read(line: line) { report.add(entry) }
        }
        #expect(report.groups.keys.allSatisfy { $0.period?.hasPrefix("2019-Q") == true })
        #expect(report.first.map { $0 >= TestSupport.date("2019-01-01") } == true)
        #expect(report.last.map { $0 <= TestSupport.date("2019-12-31") } == true)
        // With a minimum of 1, nothing is suppressed.
        #expect(!JSONWriter.compact(report.json).contains("< 1"))
    }

    @Test("text and page are in words: no rule id, code, JSON path or ISO date")
    func words() throws {
        let fixture = try Self.document("by-designation-year.json")
        let path = try Self.log(of: Self.names(fixture))
        defer { Self.remove(log: path) }
        let report = try Self.report(path, by: [.designation, .year])
        let module = try ImpactTests.module()
        for language in Language.allCases {
            let words = MonitoringWords(language: language, law: module.law, designations: module.designations)
            let text = MonitoringText.render(report, words: words)
            let page = MonitoringPage.render(report, words: words)
            for output in [text, page] {
                #expect(output.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil)
                for code in ["art8.income", "art10.vog", "D-NO-HEARING", "art8-2", "$.", "granted-with-conditions", "missingFact"] {
                    #expect(!output.contains(code), "\(language): \(code)")
                }
            }
            #expect(text.contains(language == .en ? "shown as \"< 5\"" : "staan als \"< 5\""))
            // Self-contained: a chart, and nothing loaded from elsewhere.
            #expect(page.contains("<svg") && !page.contains("<script") && !page.contains("<link") && !page.contains("src="))
        }
    }

    @Test("the skeleton read alone gives the entry the whole line gives, redacted entries and the redaction entry included")
    func scannerAgrees() throws {
        let fixture = try Self.document("by-designation-year.json")
        let path = try Self.log(of: Self.names(fixture))
        defer { Self.remove(log: path) }
        let writer = try DecisionLogWriter(path: path)
        _ = try writer.redact(.entry(3), on: TestSupport.date("2030-01-02"), by: "gemeente", reason: "bewaartermijn verstreken")
        writer.close()
        var kinds: [String] = []
        for line in DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: path)))) {
            let fast = try MonitoringEntry.read(line: line), whole = try MonitoringEntry.read(try JSONReader.parse(line))
            switch (fast, whole) {
            case (.decision(let a, let seqA, let hashA, let redactedA), .decision(let b, let seqB, let hashB, let redactedB)):
                #expect(a == b && seqA == seqB && hashA == hashB && redactedA == redactedB)
                kinds.append(redactedA ? "redacted" : "decision")
            case (.redaction(let seqA, let hashA), .redaction(let seqB, let hashB)):
                #expect(seqA == seqB && hashA == hashB)
                kinds.append("redaction")
            default: Issue.record("the two reads differ in kind")
            }
        }
        #expect(kinds.filter { $0 == "redacted" }.count == 1 && kinds.last == "redaction")
        // Both ways of finding the skeleton agree, also inside a larger buffer (as the reader lends lines).
        for line in DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: path)))) {
            let padded = Array("xxxx".utf8) + line + Array("yy".utf8)
            let slice = padded[4..<(padded.count - 2)]
            slice.withUnsafeBufferPointer { inPlace in
                let quick = LogLineScanner.fromEnds(inPlace), walked = LogLineScanner.scan(Array(slice))
                if let quick {
                    #expect(quick.seq == walked?.seq && quick.hasPersonal == walked?.hasPersonal)
                    #expect(quick.hash(in: inPlace) == line.withUnsafeBufferPointer { walked?.hash(in: $0) })
                    #expect(quick.skeleton.map { Array(inPlace[$0]) } == walked?.skeleton.map { Array(line[$0]) })
                }
            }
            #expect(try MonitoringEntry.read(line: slice).entry == MonitoringEntry.read(line: line).entry)
        }
        // A record (not a log entry) is read whole.
        #expect(LogLineScanner.scan(Array(#"{"application":"x","outcome":"granted"}"#.utf8)) == nil)
    }

    /// Skeletons as `decide --log` writes them and as it never does: the tree-free reader must give
    /// the tree path's entry or error for each, and read the usual ones without the tree.
    @Test("the tree-free skeleton reader agrees with the tree path on usual and unusual skeletons")
    func skeletonReaderAgrees() throws {
        let usual = #"{"application":"a1","applicationDate":"2021-12-03","decisionDate":null,"defects":[{"citation":"Awb art. 4:5","code":"D-1"},{"code":"D-1"}],"designations":["d1","d2"],"engine":{"designations":"sha256:x","rules":"sha256:r","version":"0.1.0"},"lawDate":"2021-12-03","missingFacts":["$.household[0].income","$.woonverklaring"],"outcome":"refused","priority":{"characteristics":["x"],"flags":{"aboveUrgent":true}},"reasons":[{"citation":"Wbmgp art. 8 lid 1","effect":"refuse","person":"p1","result":"applied","rule":"art8.income"},{"citation":"Wbmgp art. 8 lid 1","effect":"refuse","person":"p2","result":"applied","rule":"art8.income"},{"citation":"Wbmgp art. 10","effect":"refuse","lifted":{"by":"art. 10b lid 4","date":"2021-01-01"},"result":"applied","rule":"art10.x"},{"citation":"c","effect":"refuse","lifted":null,"result":"passed","rule":"r2"}],"role":"desk","screeningScope":[{"n":12,"ok":false}]}"#
        #expect(SkeletonReader.read(Array(usual.utf8)[...]) != nil)
        let unusual = [
            usual,
            // Left to the tree path: an escape, a byte beyond ASCII, a fraction, a repeated name
            // inside a skipped value, a top-level `seq`, a lift that is no object.
            usual.replacingOccurrences(of: #""d2""#, with: #""d2""#),
            usual.replacingOccurrences(of: #""role":"desk""#, with: #""role":"bureau é""#),
            usual.replacingOccurrences(of: #""n":12"#, with: #""n":1.5"#),
            usual.replacingOccurrences(of: #""aboveUrgent":true"#, with: #""aboveUrgent":true,"aboveUrgent":false"#),
            usual.replacingOccurrences(of: #"{"application":"a1""#, with: #"{"seq":3,"application":"a1""#),
            usual.replacingOccurrences(of: #""lifted":null"#, with: #""lifted":true"#),
            // Malformed: both paths refuse it, the tree path with the exact error.
            usual.replacingOccurrences(of: #""designations":["d1","d2"]"#, with: #""designations":["d1",]"#),
            usual.replacingOccurrences(of: #""applicationDate":"2021-12-03""#, with: #""applicationDate":"2021-13-03""#),
            usual.replacingOccurrences(of: #""outcome":"refused""#, with: #""outcome":"maybe""#),
            String(usual.dropLast()),
        ]
        for skeleton in unusual {
            let bytes = Array(skeleton.utf8)
            let tree: Result<MonitoringEntry?, InputError>
            do throws(InputError) {
                let value: JSONValue
                do throws(JSONSyntaxError) { value = try JSONReader.parse(bytes) } catch { throw InputError(code: "E-JSON", path: "$.skeleton", message: "invalid JSON in the skeleton at column \(error.column): \(error.message)") }
                tree = .success(try MonitoringEntry.read(value).entry)
            } catch {
                tree = .failure(error)
            }
            let line = #"{"hash":"sha256:h","personal":{},"seq":7,"skeleton":"# + skeleton + "}"
            let read: Result<MonitoringEntry?, InputError>
            do throws(InputError) { read = .success(try MonitoringEntry.read(line: Array(line.utf8)).entry) } catch { read = .failure(error) }
            switch (tree, read) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(skeleton)")
            case (.failure(let a), .failure(let b)): #expect(a.code == b.code && a.path == b.path && a.message == b.message, "\(skeleton)")
            default: Issue.record("the two paths differ on \(skeleton): \(tree) against \(read)")
            }
            if let fast = SkeletonReader.read(bytes[...]) { #expect(fast == (try? tree.get()) ?? nil, "\(skeleton)") }
        }
    }

    @Test("days to decision are published only where at least five decisions of the group have a decision date")
    func daysNeedFiveDatedDecisions() throws {
        // Six refusals applied for on 1 March 2024; `dated` of them decided 10, 20, 30, 40, 50 days later.
        func report(dated: Int) throws -> MonitoringReport {
            var report = MonitoringReport(by: [], from: nil, until: nil, minimumCount: 5, municipalities: [:])
            let applied = try #require(CalendarDate(year: 2024, month: 3, day: 1))
            for i in 0..<6 {
                let decided = i < dated ? CalendarDate(dayNumber: applied.dayNumber + 10 * (i + 1)) : nil
                report.add(MonitoringEntry(
                    applicationDate: applied, decisionDate: decided, outcome: .refused, designations: [], grounds: [], hardship: [], defects: [],
                    missingFacts: [], rules: nil))
            }
            return report
        }
        // Two dated of six: the median and the 90th percentile (nearest rank) would be 10 and 20,
        // the two people's own times: not published, in any format.
        let two = try report(dated: 2)
        let tally = try #require(two.sortedGroups.first?.tally)
        #expect(tally.daysPercentile(50) == 10 && tally.daysPercentile(90) == 20)
        #expect(tally.publishedDays(minimum: 5) == nil)
        #expect(JSONWriter.compact(two.json).contains("\"daysToDecision\":{\"median\":null,\"p90\":null}"))
        let module = try ImpactTests.module()
        let words = MonitoringWords(language: .nl, law: module.law, designations: module.designations)
        #expect(!MonitoringText.render(two, words: words).contains("Dagen van aanvraag tot besluit"))
        #expect(!MonitoringPage.render(two, words: words).contains("Dagen tot besluit"))
        #expect(!MonitoringCSV.render(two).contains("daysMedian"))
        // Five dated: median 30 (rank 3 of 5), 90th percentile 50 (rank 5).
        let five = try report(dated: 5)
        #expect(JSONWriter.compact(five.json).contains("\"daysToDecision\":{\"median\":30,\"p90\":50}"))
        #expect(MonitoringCSV.render(five).contains("daysMedian,,30"))
        #expect(MonitoringText.render(five, words: words).contains("Dagen van aanvraag tot besluit: mediaan 30, 90e percentiel 50"))
    }

    @Test("groups are ordered totally: an absent part before an empty one, then by name")
    func groupKeyOrderIsTotal() {
        typealias Key = MonitoringReport.Key
        let absent = Key(designation: nil, municipality: "Rotterdam", period: "2024")
        let empty = Key(designation: "", municipality: "Rotterdam", period: "2024")
        let named = Key(designation: "rotterdam-2014", municipality: "Rotterdam", period: "2024")
        #expect(absent < empty && !(empty < absent))
        #expect(empty < named && absent < named && !(named < absent))
        #expect(!(absent < absent))
        // Parts compare in order: designation, then municipality, then period.
        #expect(Key(designation: "a", municipality: nil, period: "2025") < Key(designation: "a", municipality: "", period: "2024"))
        #expect(Key(designation: "a", municipality: "x", period: "2024") < Key(designation: "a", municipality: "x", period: "2025"))
        #expect([named, empty, absent].sorted() == [absent, empty, named])
    }
}
