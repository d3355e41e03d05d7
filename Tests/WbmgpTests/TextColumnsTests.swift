import Testing
import Wbmgp

/// The figures and columns of the terminal reports (`impact`, `bench`, `test`), as `%.Nf` and
/// padding wrote them before the executable stopped linking Foundation (step 106).
@Suite("TextColumns: fixed decimals, padded columns, two-digit numbers, trimmed text")
struct TextColumnsTests {
    @Test("fixed decimals: rounding, leading zeros, signs, whole numbers")
    func fixed() {
        // (value, decimals, written), worked out by hand: half away from zero, as the type says
        // (printf would write -2.25 as -2.2, an exact binary tie; no report meets one).
        let cases: [(Double, Int, String)] = [
            (0, 0, "0"), (0, 2, "0.00"), (7, 1, "7.0"), (0.89, 2, "0.89"), (0.885, 1, "0.9"),
            (0.04, 1, "0.0"), (0.05, 2, "0.05"), (0.006, 2, "0.01"), (12.344, 2, "12.34"), (12.346, 2, "12.35"),
            (199.5, 0, "200"), (172_670.4, 0, "172670"), (1.99, 1, "2.0"), (9.96, 1, "10.0"), (99.999, 2, "100.00"),
            (-2.25, 1, "-2.3"), (-0.75, 0, "-1"), (-1.5, 2, "-1.50"),
        ]
        for (value, decimals, written) in cases {
            #expect(TextColumns.fixed(value, decimals: decimals) == written, "\(value) with \(decimals) decimals")
        }
    }

    @Test("a value rounding to zero has no sign; one not finite or too large is described as it is")
    func corners() {
        #expect(TextColumns.fixed(-0.004, decimals: 2) == "0.00")
        #expect(TextColumns.fixed(-0.0, decimals: 0) == "0")
        #expect(TextColumns.fixed(.infinity, decimals: 1) == "inf")
        #expect(TextColumns.fixed(.nan, decimals: 1) == "nan")
        #expect(TextColumns.fixed(1e20, decimals: 0) == "1e+20")
        #expect(TextColumns.fixed(2.5, decimals: -1) == "3")
    }

    @Test("columns padded on the right or the left, never cut")
    func columns() {
        #expect(TextColumns.left("rule", 6) == "rule  ")
        #expect(TextColumns.right("17", 5) == "   17")
        #expect(TextColumns.left("toegekend", 4) == "toegekend")
        #expect(TextColumns.right("12345", 4) == "12345")
        #expect(TextColumns.left("", 3) == "   ")
        #expect(TextColumns.left("één", 5) == "één  ")  // characters, not bytes
        #expect(TextColumns.right("x", 0) == "x")
    }

    @Test("two digits for minutes and seconds; text trimmed of spaces and tabs at both ends only")
    func digitsAndTrimming() {
        #expect(TextColumns.twoDigits(0) == "00")
        #expect(TextColumns.twoDigits(7) == "07")
        #expect(TextColumns.twoDigits(59) == "59")
        #expect(TextColumns.twoDigits(120) == "120")
        #expect(TextColumns.trimmed(" \tAMD EPYC 7B13 \t ") == "AMD EPYC 7B13")
        #expect(TextColumns.trimmed("plain") == "plain")
        #expect(TextColumns.trimmed("  \t ") == "")
        #expect(TextColumns.trimmed("a  b") == "a  b")
    }
}
