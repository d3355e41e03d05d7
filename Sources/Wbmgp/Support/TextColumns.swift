/// Numbers and columns for the reports people read on a terminal (`impact`'s tables, `bench`,
/// `test`, the batch progress line), without Foundation's `String(format:)` and
/// `padding(toLength:)`: the executable links no Foundation, whose loading cost a cold start
/// about 5 ms (Benchmarks, steps 106 and 108).
public enum TextColumns {
    /// `value` with `decimals` digits after the point, rounded half away from zero, as `%.Nf`
    /// writes the figures a report shows (ties fall on binary fractions only in corners a
    /// measurement does not reach). Not finite, or too large for 18 digits: the plain description.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 1e18 else { return String(value) }
        var digits = String(Int(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// `text` at least `width` characters, spaces added on the right.
    public static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `text` at least `width` characters, spaces added on the left.
    public static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// A whole number in at least two digits (`07`), for minutes and seconds.
    public static func twoDigits(_ value: Int) -> String {
        (0..<10).contains(value) ? "0" + String(value) : String(value)
    }

    /// `text` without spaces and tabs at either end.
    public static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
