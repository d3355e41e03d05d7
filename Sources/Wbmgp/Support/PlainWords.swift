/// Dates, numbers, durations and lists as a person reads them, in Dutch or English (interface
/// §10): "1 mei 2019", "zes jaar", "2 jaar en 8 maanden", "a, b en c". Language, not law: the
/// statute's numbers themselves live in `Rules/`.
///
/// Each form is written once, as UTF-8 appended to a ``ByteBuffer`` (reason texts are rendered
/// per decision, where a `String` per piece would cost more than the words); the `String`
/// functions are that same writing, collected.
public enum PlainWords {
    /// "1 mei 2019" / "1 May 2019".
    public static func date(_ date: CalendarDate, _ language: Language) -> String {
        written { appendDate(date, language, to: &$0) }
    }

    /// One to twenty in words, as the statute writes its numbers ("zes jaar", "zestien"); other
    /// numbers in digits.
    public static func number(_ value: Int, _ language: Language) -> String {
        written { appendNumber(value, language, to: &$0) }
    }

    /// A period without its zero parts, the parts joined as a list: "6 jaar, 2 maanden en 1 dag",
    /// "1 year and 6 months". A period set in weeks alone reads in weeks ("acht weken"). With
    /// `spelled`, numbers up to twenty are words (a statutory period: "zes jaar"); else digits
    /// (a computed one: "2 jaar en 8 maanden"). No time at all reads "geen enkele dag" / "not a
    /// single day".
    public static func period(_ period: CalendarPeriod, _ language: Language, spelled: Bool) -> String {
        written { appendPeriod(period, language, spelled: spelled, to: &$0) }
    }

    /// "a", "a en b", "a, b en c" / "a, b and c"; nothing: "geen" / "none".
    public static func list(_ items: [String], _ language: Language) -> String {
        written { bytes in appendList(count: items.count, language, to: &bytes) { i, bytes in TextBytes.appendString(items[i], to: &bytes) } }
    }

    /// The text with its first letter in upper case ("de aanvrager …" → "De aanvrager …").
    public static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "3 december 2021": the day's and the year's digits and the month's name written directly.
    /// A date in words stands in most reasons; the general integer writer and a month's `String`
    /// taken from an array cost several times as much.
    static func appendDate(_ date: CalendarDate, _ language: Language, to bytes: inout ByteBuffer) {
        let year = date.year
        guard (1000...9999).contains(year) else {
            appendDayAndMonth(of: date, language, to: &bytes)
            return TextBytes.appendInteger(year, to: &bytes)
        }
        // Two day digits, the longest month name (9 bytes), two spaces and four year digits: at
        // most 17 bytes, written in place with one check for room.
        bytes.appendInPlace(upTo: 17) { out in
            var at = writeDayAndMonth(of: date, language, to: out)
            out[at] = 48 + UInt8(truncatingIfNeeded: year / 1000)
            out[at + 1] = 48 + UInt8(truncatingIfNeeded: year / 100 % 10)
            out[at + 2] = 48 + UInt8(truncatingIfNeeded: year / 10 % 10)
            out[at + 3] = 48 + UInt8(truncatingIfNeeded: year % 10)
            at += 4
            return at
        }
    }

    /// "3 december " of ``appendDate(_:_:to:)``, for a year written otherwise.
    private static func appendDayAndMonth(of date: CalendarDate, _ language: Language, to bytes: inout ByteBuffer) {
        bytes.appendInPlace(upTo: 13) { writeDayAndMonth(of: date, language, to: $0) }
    }

    /// Writes "3 december " at `out` (room for 13 bytes) and returns how many bytes it wrote.
    @inline(__always)
    private static func writeDayAndMonth(of date: CalendarDate, _ language: Language, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let day = UInt8(truncatingIfNeeded: date.day)
        var at = 0
        if day >= 10 {
            out[0] = 48 + day / 10
            at = 1
        }
        out[at] = 48 + day % 10
        out[at + 1] = 0x20
        at += 2
        let name = monthName(date.month, language)
        ByteBuffer.copyShort(from: name.utf8Start, to: out + at, count: name.utf8CodeUnitCount)
        at += name.utf8CodeUnitCount
        out[at] = 0x20
        return at + 1
    }

    /// The name of month `month` (1…12) in `language`.
    static func monthName(_ month: Int, _ language: Language) -> StaticString {
        let en = language == .en
        switch month {
        case 1: return en ? "January" : "januari"
        case 2: return en ? "February" : "februari"
        case 3: return en ? "March" : "maart"
        case 4: return en ? "April" : "april"
        case 5: return en ? "May" : "mei"
        case 6: return en ? "June" : "juni"
        case 7: return en ? "July" : "juli"
        case 8: return en ? "August" : "augustus"
        case 9: return en ? "September" : "september"
        case 10: return en ? "October" : "oktober"
        case 11: return en ? "November" : "november"
        default: return en ? "December" : "december"
        }
    }

    static func appendNumber(_ value: Int, _ language: Language, to bytes: inout ByteBuffer) {
        guard value >= 1, value <= 20 else { return TextBytes.appendInteger(value, to: &bytes) }
        TextBytes.appendString((language == .en ? numbersEN : numbersNL)[value - 1], to: &bytes)
    }

    static func appendPeriod(_ period: CalendarPeriod, _ language: Language, spelled: Bool, to bytes: inout ByteBuffer) {
        let en = language == .en
        func count(_ n: Int, _ singular: StaticString, _ plural: StaticString, _ bytes: inout ByteBuffer) {
            if spelled { appendNumber(n, language, to: &bytes) } else { TextBytes.appendInteger(n, to: &bytes) }
            bytes.append(0x20)
            bytes.append(n == 1 ? singular : plural)
        }
        if period.years == 0, period.months == 0, period.days > 0, period.days % 7 == 0 {
            return count(period.days / 7, "week", en ? "weeks" : "weken", &bytes)
        }
        let parts = (period.years != 0 ? 1 : 0) + (period.months != 0 ? 1 : 0) + (period.days != 0 ? 1 : 0)
        if parts == 0 { return bytes.append(en ? "not a single day" : "geen enkele dag") }
        var written = 0
        func separate(_ bytes: inout ByteBuffer) {
            written += 1
            if written > 1 { bytes.append(written == parts ? (en ? " and " : " en ") : ", ") }
        }
        if period.years != 0 {
            separate(&bytes)
            count(period.years, en ? "year" : "jaar", en ? "years" : "jaar", &bytes)
        }
        if period.months != 0 {
            separate(&bytes)
            count(period.months, en ? "month" : "maand", en ? "months" : "maanden", &bytes)
        }
        if period.days != 0 {
            separate(&bytes)
            count(period.days, en ? "day" : "dag", en ? "days" : "dagen", &bytes)
        }
    }

    /// `count` items, each written by `item`, joined as ``list(_:_:)`` joins them.
    static func appendList(count: Int, _ language: Language, to bytes: inout ByteBuffer, _ item: (Int, inout ByteBuffer) -> Void) {
        guard count > 0 else { return appendEmptyList(language, to: &bytes) }
        for i in 0..<count {
            appendListSeparator(before: i, of: count, language, to: &bytes)
            item(i, &bytes)
        }
    }

    /// What an empty list reads as: "geen", "none".
    static func appendEmptyList(_ language: Language, to bytes: inout ByteBuffer) {
        bytes.append(language == .en ? "none" : "geen")
    }

    /// What goes before item `i` of a list of `count`: nothing before the first, " en " before
    /// the last, ", " between the others. For a caller that writes the items itself, where a
    /// closure for ``appendList(count:_:to:_:)`` would copy what it captures at every list.
    @inline(__always)
    static func appendListSeparator(before i: Int, of count: Int, _ language: Language, to bytes: inout ByteBuffer) {
        if i > 0 { bytes.append(i == count - 1 ? (language == .en ? " and " : " en ") : ", ") }
    }

    /// Capitalises the text written from `start` on, as ``capitalised(_:)`` does; an ASCII first
    /// letter in place, anything else through `String`.
    static func capitaliseText(in bytes: inout ByteBuffer, from start: Int) {
        guard start < bytes.count else { return }
        let first = bytes.withUnsafeBytes { $0[start] }
        if first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { return bytes.setByte(first - 32, at: start) }
        guard first >= 0x80 else { return }
        let text = bytes.withUnsafeBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
        bytes.truncate(to: start)
        TextBytes.appendString(capitalised(text), to: &bytes)
    }

    /// The text `body` writes, as a `String`.
    static func written(_ body: (inout ByteBuffer) -> Void) -> String {
        var bytes = ByteBuffer(capacity: 64)
        body(&bytes)
        return bytes.string
    }

    static let numbersNL = [
        "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
        "zestien", "zeventien", "achttien", "negentien", "twintig",
    ]
    static let numbersEN = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]
}
