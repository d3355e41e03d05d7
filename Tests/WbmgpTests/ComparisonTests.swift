import Testing

@testable import Wbmgp

/// The evaluator compares with a rule's constants where they lie in its code
/// (``ExpressionEvaluator/compare(_:_:_:)``, ``ExpressionEvaluator/equal(_:_:)``,
/// ``ExpressionEvaluator/contains(_:_:)``): the answers must be those of comparing the values.
@Suite("Comparisons with values read where they lie")
struct ComparisonTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDate {
        try #require(CalendarDate(year: year, month: month, day: day))
    }

    /// One value of every case, and texts that differ only in how an accent is written (equal as
    /// Swift strings compare them, and so as the rules compare codes).
    static func samples() throws -> [Value] {
        [
            .unknown, .bool(true), .bool(false), .integer(18), .integer(-3), .text("rental"), .text("Rental"),
            .text("caf\u{E9}"), .text("cafe\u{301}"), .text("a municipality name longer than fifteen bytes"),
            .date(try date(2019, 5, 1)), .duration(CalendarPeriod(years: 6)), .span(from: try date(2013, 5, 1), to: try date(2019, 5, 1)),
            .list([.text("employment"), .text("pension")]), .list([]), .person(0), .person(1), .record(person: 0, index: 1), .designation(2),
        ]
    }

    @Test("a value equals a value read where it lies exactly when the two are equal as values, for every pair of cases")
    func equalAsValues() throws {
        let samples = try Self.samples()
        for a in samples {
            for b in samples {
                let same = withUnsafePointer(to: a) { a in withUnsafePointer(to: b) { ExpressionEvaluator.equal(a, $0) } }
                #expect(same == (a == b), "\(a) = \(b)")
            }
        }
        // Canonically equal texts are equal (é written as one scalar and as e with an accent).
        #expect(withUnsafePointer(to: Value.text("caf\u{E9}")) { a in withUnsafePointer(to: Value.text("cafe\u{301}")) { ExpressionEvaluator.equal(a, $0) } })
    }

    @Test("membership in elements where they lie: a code among codes, an accent written either way, nothing in none")
    func membership() throws {
        let income: [Value] = [.text("employment"), .text("pension"), .text("caf\u{E9}")]
        income.withUnsafeBufferPointer { elements in
            #expect(ExpressionEvaluator.contains(elements, .text("pension")))
            #expect(ExpressionEvaluator.contains(elements, .text("cafe\u{301}")))
            #expect(!ExpressionEvaluator.contains(elements, .text("social-assistance")))
            #expect(!ExpressionEvaluator.contains(elements, .integer(1)))
        }
        [Value]().withUnsafeBufferPointer { #expect(!ExpressionEvaluator.contains($0, .text("pension"))) }
        #expect(withUnsafePointer(to: Value.text("x")) { ExpressionEvaluator.membership(.text("x"), in: $0) } == nil)
        #expect(withUnsafePointer(to: Value.list(income)) { ExpressionEvaluator.membership(.text("cafe\u{301}"), in: $0) } == true)
        #expect(ExpressionEvaluator.intersection(.list([.text("none"), .text("pension")]), nil) == nil)
        income.withUnsafeBufferPointer { elements in
            #expect(ExpressionEvaluator.intersection(.list([.text("none"), .text("pension")]), elements) == true)
            #expect(ExpressionEvaluator.intersection(.list([.text("none")]), elements) == false)
            #expect(ExpressionEvaluator.intersection(.text("pension"), elements) == nil)
        }
    }

    /// By hand: registered from 2013-05-02 to 2019-05-01 is one day short of six years (six
    /// years back from 2019-05-01 is 2013-05-01); from 2013-05-01 it is exactly six years.
    @Test("ordering: numbers, dates, a span against a duration at its boundary, unknown and unlike cases")
    func ordering() throws {
        let evaluator = ExpressionEvaluator(lawDate: try Self.date(2019, 5, 1), designationIds: [])
        func compare(_ comparison: Comparison, _ a: Value, _ b: Value) -> Bool? {
            withUnsafePointer(to: a) { a in withUnsafePointer(to: b) { evaluator.compare(comparison, a, $0) } }
        }
        let sixYears = Value.duration(CalendarPeriod(years: 6))
        #expect(compare(.greaterOrEqual, .integer(18), .integer(18)) == true)
        #expect(compare(.less, .integer(17), .integer(18)) == true)
        #expect(compare(.greater, .date(try Self.date(2019, 5, 1)), .date(try Self.date(2019, 4, 30))) == true)
        #expect(compare(.greaterOrEqual, .span(from: try Self.date(2013, 5, 1), to: try Self.date(2019, 5, 1)), sixYears) == true)
        #expect(compare(.less, .span(from: try Self.date(2013, 5, 1), to: try Self.date(2019, 5, 1)), sixYears) == false)
        #expect(compare(.less, .span(from: try Self.date(2013, 5, 2), to: try Self.date(2019, 5, 1)), sixYears) == true)
        #expect(compare(.less, .unknown, .integer(1)) == nil)
        #expect(compare(.equal, .integer(1), .unknown) == nil)
        #expect(compare(.less, .text("a"), .text("b")) == nil)
        #expect(compare(.less, .integer(1), .date(try Self.date(2019, 5, 1))) == nil)
        #expect(compare(.equal, .text("rental"), .text("rental")) == true)
        #expect(compare(.notEqual, .text("rental"), .text("owner-occupied")) == true)
        #expect(compare(.equal, .list([.text("a")]), .list([.text("a")])) == true)
    }
}
