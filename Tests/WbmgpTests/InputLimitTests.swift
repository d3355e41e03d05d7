import Foundation
import Testing

@testable import Wbmgp

/// Issue 11, "linear on hostile sizes": input beyond ``InputLimits`` is `E-LIMIT` with the path,
/// messages quote at most 200 bytes of input, and the checks across a list do linear work.
///
/// Linearity is shown by counting work (comparisons, hash probes, sort comparisons), not by
/// timing: the work at 4n must stay within 5× the work at n, where a pairwise check gives 16×.
@Suite("Input limits and linear reading")
struct InputLimitTests {
    let reader = ApplicationReader(law: TestSupport.law, role: .review)

    /// The error reading `bytes` gives, or nil when it reads.
    func failure(_ bytes: [UInt8]) -> InputError? {
        do {
            _ = try reader.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> InputError? { failure(Array(text.utf8)) }

    /// An application whose household is `members` (JSON texts), and optionally more root members.
    func application(members: [String], extra: String = "") -> String {
        #"{"id":"lim-1","applicationDate":"2021-06-15","dwelling":{"municipality":"Rotterdam","category":"rental"},"#
            + extra + #""household":["# + members.joined(separator: ",") + "]}"
    }

    func member(_ id: String, role: String = "co-occupant", residence: String? = nil, screening: String? = nil) -> String {
        var text = #"{"id":"\#(id)","role":"\#(role)","birthDate":"1990-01-01""#
        if let residence { text += #","residence":"# + residence }
        if let screening { text += #","screening":"# + screening }
        return text + "}"
    }

    /// `count` one-day periods ten days apart, none overlapping, from 2000-01-01 on.
    func periods(_ count: Int) -> [ResidencePeriod] {
        let base = TestSupport.date("2000-01-01").dayNumber
        return (0..<count).map { k in
            ResidencePeriod(municipality: "Rotterdam", from: CalendarDate(dayNumber: base + 10 * k), until: CalendarDate(dayNumber: base + 10 * k))
        }
    }

    func json(_ periods: [ResidencePeriod]) -> String {
        let texts = periods.map { period in
            var text = #"{"municipality":"\#(period.municipality)","from":"\#(period.from)""#
            if let until = period.until { text += #","until":"\#(until)""# }
            return text + "}"
        }
        return "[" + texts.joined(separator: ",") + "]"
    }

    // MARK: - Limits

    @Test("a household of 160,000 members is E-LIMIT at $.household")
    func hugeHousehold() {
        let text = application(members: Array(repeating: "{}", count: 160_000))
        let error = failure(text)
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$.household")
        #expect(error?.message == "a household has at most 64 members; this one has 160000")
    }

    @Test("64 members read; 65 are E-LIMIT; a repeated id among many is found by the set")
    func householdAtTheLimit() {
        var members = (0..<64).map { member("p\($0)", role: $0 == 0 ? "applicant" : "co-occupant") }
        let text = application(members: members)
        #expect((try? reader.read(Array(text.utf8))) != nil)
        #expect(failure(text) == nil)

        #expect(failure(application(members: members + [member("p64")]))?.message == "a household has at most 64 members; this one has 65")

        members[40] = member("p7")
        let repeated = application(members: members)
        let error = failure(repeated)
        #expect(error?.code == "E-HOUSEHOLD")
        #expect(error?.path == "$.household[40].id")
        #expect(error?.message == "member id 'p7' is used twice; expected unique ids")
    }

    @Test("an object of 160,000 unknown members is E-FIELD naming the first")
    func hugeObject() {
        let extra = (0..<160_000).map { #""k\#($0)":0,"# }.joined()
        let error = failure(application(members: [member("p1", role: "applicant")], extra: extra))
        #expect(error?.code == "E-FIELD")
        #expect(error?.path == "$.k0")
        #expect(error?.message.hasPrefix("unknown field 'k0'") == true)
    }

    @Test("a string beyond 10,000 bytes is E-LIMIT at its path; the id it would echo is cut")
    func longString() {
        let atLimit = String(repeating: "x", count: InputLimits.stringBytes)
        let fits = application(members: [member("p1", role: "applicant")]).replacingFirst(#""id":"lim-1""#, with: #""id":"\#(atLimit)""#)
        #expect((try? reader.read(Array(fits.utf8))) != nil)

        let over = atLimit + "y"
        let error = failure(application(members: [member("p1", role: "applicant")]).replacingFirst(#""id":"lim-1""#, with: #""id":"\#(over)""#))
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$.id")
        #expect(error?.message == "a string has at most 10000 bytes; this one has 10001")
        #expect((error?.applicationId?.utf8.count ?? .max) <= InputLimits.echoBytes + 3)

        let condition = failure(
            application(
                members: [member("p1", role: "applicant")],
                extra: #""woonverklaring":{"outcome":"positive-with-conditions","date":"2021-06-20","hearingOffered":true,"conditions":["\#(over)"]},"#))
        #expect(condition?.code == "E-LIMIT")
        #expect(condition?.path == "$.woonverklaring.conditions[0]")
    }

    @Test("1,000 residence periods read; 1,001 are E-LIMIT at the person's residence")
    func residenceLimit() {
        let fits = application(members: [member("p1", role: "applicant", residence: json(periods(1_000)))])
        #expect((try? reader.read(Array(fits.utf8))) != nil)
        let error = failure(application(members: [member("p1", role: "applicant", residence: json(periods(1_001)))]))
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$.household[0].residence")
        #expect(error?.message == "a person has at most 1000 residence periods; this one has 1001")
    }

    @Test("1,001 police records are E-LIMIT at the person's police records")
    func policeRecordLimit() {
        let records = "[" + Array(repeating: #"{"behaviour":"a","date":"2019-01-01"}"#, count: 1_001).joined(separator: ",") + "]"
        let error = failure(application(members: [member("p1", role: "applicant", screening: #"{"policeRecords":\#(records)}"#)]))
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$.household[0].screening.policeRecords")
        #expect(error?.message == "a person has at most 1000 police records; this one has 1001")
    }

    @Test("100,000 nested brackets are E-LIMIT with the path of the value too deep, not a crash")
    func deepNesting() {
        let arrays = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = failure(arrays)
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$" + String(repeating: "[0]", count: InputLimits.nestingDepth))
        #expect(error?.message == "JSON nests at most 64 levels deep; this value is at level 65")

        let objects = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(failure(objects)?.path == "$" + String(repeating: ".a", count: InputLimits.nestingDepth))

        #expect {
            try RequestReader(law: TestSupport.law).read(Array(arrays.utf8))
        } throws: { ($0 as? InputError)?.code == "E-LIMIT" }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(arrays) }
    }

    @Test("a document beyond 4 MiB is E-LIMIT at $ before it is parsed")
    func documentLimit() {
        let error = failure([UInt8](repeating: 0x20, count: InputLimits.documentBytes + 1))
        #expect(error?.code == "E-LIMIT")
        #expect(error?.path == "$")
        #expect(error?.message == "a document or batch line has at most 4194304 bytes (4 MiB); this one is longer")
    }

    // MARK: - What errors echo

    @Test("echo keeps 200 bytes, cut before a character, with an ellipsis")
    func echo() {
        #expect(InputLimits.echo("incom") == "incom")
        let exact = String(repeating: "x", count: 200)
        #expect(InputLimits.echo(exact) == exact)
        #expect(InputLimits.echo(exact + "y") == exact + "…")
        // "€" is 3 bytes: 66 of them fill 198 bytes, and the 67th would cross byte 200.
        #expect(InputLimits.echo(String(repeating: "€", count: 100)) == String(repeating: "€", count: 66) + "…")
    }

    @Test("a 10 MB unknown key gives an error (and a batch error record) under 1 KB")
    func hugeKey() throws {
        let key = String(repeating: "k", count: 10_000_000)
        let text = application(members: [member("p1", role: "applicant")], extra: #""\#(key)":1,"#)
        let error = try #require(failure(text))
        #expect(error.code == "E-LIMIT")
        #expect(error.message.utf8.count < 1024 && error.path.utf8.count < 1024)

        // Through a tree (scenarios, replay) no document limit applies: the key is quoted cut.
        let tree = JSONValue.object([JSONMember("id", .string("lim-1")), JSONMember(key, .integer(1))])
        #expect {
            try reader.read(tree)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == "E-FIELD" && error.message.utf8.count < 1024 && error.path.utf8.count < 1024
                && error.path == "$." + String(repeating: "k", count: 200) + "…"
        }

        // Under the document limit: a 3 MB key is E-FIELD, quoted cut, in a small error record.
        let smaller = String(repeating: "k", count: 3_000_000)
        let service = DecisionService(engine: Engine(law: TestSupport.law, designations: []), engineInfo: .init(version: "test"))
        let line = service.decideLine(Array(application(members: [member("p1", role: "applicant")], extra: #""\#(smaller)":1,"#).utf8), number: 1)
        #expect(line.error?.code == "E-FIELD")
        #expect(line.line.utf8.count < 1024)
    }

    @Test("a long bad code is quoted cut, without a did-you-mean")
    func longCode() {
        let code = String(repeating: "z", count: 5_000)
        let error = failure(application(members: [member("p1", role: "applicant")]).replacingFirst(#""category":"rental"}"#, with: #""category":"rental"},"kind":"\#(code)""#))
        #expect(error?.code == "E-CODE")
        #expect(error?.path == "$.kind")
        #expect((error?.message.utf8.count ?? .max) < 1024)
        #expect(error?.message.contains(String(repeating: "z", count: 200) + "…'") == true)
    }

    // MARK: - Same first offender as before

    @Test("the first period overlapping an earlier one is named with the first earlier one it overlaps")
    func firstOverlapNamed() {
        for count in [6, 40] {
            var list = periods(count)
            let base = TestSupport.date("2000-01-01").dayNumber
            // Period count-2 covers periods 1…3; period count-1 overlaps period 0: count-2 is first.
            list[count - 2] = ResidencePeriod(municipality: "Utrecht", from: CalendarDate(dayNumber: base + 5), until: CalendarDate(dayNumber: base + 35))
            list[count - 1] = ResidencePeriod(municipality: "Utrecht", from: CalendarDate(dayNumber: base), until: nil)
            let error = failure(application(members: [member("p1", role: "applicant", residence: json(list))]))
            #expect(error?.code == "E-PERIOD")
            #expect(error?.path == "$.household[0].residence[\(count - 2)].from")
            #expect(error?.message == "this residence period overlaps $.household[0].residence[1]; expected periods that do not overlap")
        }
    }

    @Test("an overlap before a broken period is reported first; a broken period before an overlap is")
    func overlapAgainstBrokenPeriod() {
        for count in [6, 40] {
            var list = json(periods(count))
            // Period 2 repeats period 1's dates; a later period has an unknown field.
            let all = periods(count)
            list = list.replacingFirst(#""from":"\#(all[2].from)","until":"\#(all[2].from)""#, with: #""from":"\#(all[1].from)","until":"\#(all[1].from)""#)
            list = list.replacingFirst(#""from":"\#(all[count - 2].from)""#, with: #""from":"\#(all[count - 2].from)","extra":1"#)
            #expect(failure(application(members: [member("p1", role: "applicant", residence: list)]))?.path == "$.household[0].residence[2].from")

            var brokenFirst = json(all)
            brokenFirst = brokenFirst.replacingFirst(#""from":"\#(all[1].from)""#, with: #""from":"\#(all[1].from)","extra":1"#)
            brokenFirst = brokenFirst.replacingFirst(#""from":"\#(all[3].from)","until":"\#(all[3].from)""#, with: #""from":"\#(all[0].from)","until":"\#(all[0].from)""#)
            #expect(failure(application(members: [member("p1", role: "applicant", residence: brokenFirst)]))?.path == "$.household[0].residence[1].extra")
        }
    }

    @Test("the sweep finds the same first overlap as the pairwise check, on 2,000 random lists")
    func sweepAgreesWithPairwise() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let base = TestSupport.date("2000-01-01").dayNumber
            let list = (0..<random.int(in: 0...30)).map { _ in
                let from = base + random.int(in: 0...400)
                let until: CalendarDate? = random.chance(10) ? nil : CalendarDate(dayNumber: from + random.int(in: 0...20))
                return ResidencePeriod(municipality: "Rotterdam", from: CalendarDate(dayNumber: from), until: until)
            }
            var work = 0
            let sweep = ApplicationReader.firstOverlap(list, pairwiseUpTo: 0, work: &work)
            let pairwise = ApplicationReader.firstOverlap(list, pairwiseUpTo: .max, work: &work)
            #expect(sweep?.index == pairwise?.index && sweep?.earlier == pairwise?.earlier)
        }
    }

    @Test("the set finds the same first repeated id as the pairwise check")
    func setAgreesWithPairwise() {
        var random = SplitMix64(seed: 12)
        for _ in 0..<500 {
            let household = (0..<random.int(in: 0...20)).map { _ in
                Person(id: "p\(random.int(in: 0...25))", role: .coOccupant, birthDate: TestSupport.date("1990-01-01"))
            }
            var work = 0
            let hashed = ApplicationReader.firstRepeatedId(household, pairwiseUpTo: 0, work: &work)
            let pairwise = ApplicationReader.firstRepeatedId(household, pairwiseUpTo: .max, work: &work)
            #expect(hashed == pairwise)
        }
    }

    // MARK: - Linear work, counted

    /// Whether `work(4n)` stays within 5× `work(n)`.
    func linear(_ n: Int, _ work: (Int) -> Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let small = work(n), large = work(4 * n)
        #expect(small > 0)
        #expect(large <= 5 * small, "work \(small) at n = \(n), \(large) at 4n", sourceLocation: sourceLocation)
    }

    @Test("repeated ids: work grows linearly with the household")
    func idWork() {
        linear(2_000) { n in
            // Distinct ids, and the last repeats the first: the whole list is looked at.
            let household = (0..<n).map { Person(id: "p\($0 == n - 1 ? 0 : $0)", role: .coOccupant, birthDate: TestSupport.date("1990-01-01")) }
            var work = 0
            let repeated = ApplicationReader.firstRepeatedId(household, work: &work)
            #expect(repeated == n - 1)
            return work
        }
    }

    @Test("overlapping periods: work grows as n log n, in document order and shuffled")
    func overlapWork() {
        for shuffled in [false, true] {
            linear(4_000) { n in
                var random = SplitMix64(seed: 13)
                var list = periods(n)
                if shuffled { list.shuffle(using: &random) }
                var work = 0
                let none = ApplicationReader.firstOverlap(list, work: &work)
                #expect(none?.index == nil)
                // One more period overlapping one in the middle: found, with the same work order.
                list.append(list[n / 2])
                let found = ApplicationReader.firstOverlap(list, work: &work)
                #expect(found?.index == n)
                return work
            }
        }
    }

    @Test("duplicate member names: the JSON reader's work grows linearly with the object")
    func keyWork() {
        linear(10_000) { n in
            let text = "{" + (0..<n).map { #""k\#($0)":0"# }.joined(separator: ",") + "}"
            let (value, work) = JSONReader.parseCountingWork(Array(text.utf8))
            #expect(value != nil)
            return work
        }
        let repeated = "{" + (0..<40_000).map { #""k\#($0)":0,"# }.joined() + #""k0":1}"#
        #expect {
            try JSONReader.parse(repeated)
        } throws: { ($0 as? JSONSyntaxError)?.message == "duplicate member name 'k0'" }
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (tests build documents by editing one).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
