/// Dates, numbers, durations and lists as a person reads them, in Dutch or English (interface
/// §10): "1 mei 2019", "zes jaar", "2 jaar en 8 maanden", "a, b en c". Language, not law: the
/// statute's numbers themselves live in `Rules/`.
public enum PlainWords {
    /// "1 mei 2019" / "1 May 2019".
    public static func date(_ date: CalendarDate, _ language: Language) -> String {
        let month = (language == .en ? monthsEN : monthsNL)[date.month - 1]
        return "\(date.day) \(month) \(date.year)"
    }

    /// One to twenty in words, as the statute writes its numbers ("zes jaar", "zestien"); other
    /// numbers in digits.
    public static func number(_ value: Int, _ language: Language) -> String {
        guard value >= 1, value <= 20 else { return String(value) }
        return (language == .en ? numbersEN : numbersNL)[value - 1]
    }

    /// A period without its zero parts, the parts joined as a list: "6 jaar, 2 maanden en 1 dag",
    /// "1 year and 6 months". A period set in weeks alone reads in weeks ("acht weken"). With
    /// `spelled`, numbers up to twenty are words (a statutory period: "zes jaar"); else digits
    /// (a computed one: "2 jaar en 8 maanden"). No time at all reads "geen enkele dag" / "not a
    /// single day".
    public static func period(_ period: CalendarPeriod, _ language: Language, spelled: Bool) -> String {
        let en = language == .en
        func count(_ n: Int, _ singular: String, _ plural: String) -> String {
            "\(spelled ? number(n, language) : String(n)) \(n == 1 ? singular : plural)"
        }
        if period.years == 0, period.months == 0, period.days > 0, period.days % 7 == 0 {
            return count(period.days / 7, en ? "week" : "week", en ? "weeks" : "weken")
        }
        var parts: [String] = []
        if period.years != 0 { parts.append(count(period.years, en ? "year" : "jaar", en ? "years" : "jaar")) }
        if period.months != 0 { parts.append(count(period.months, en ? "month" : "maand", en ? "months" : "maanden")) }
        if period.days != 0 { parts.append(count(period.days, en ? "day" : "dag", en ? "days" : "dagen")) }
        if parts.isEmpty { return en ? "not a single day" : "geen enkele dag" }
        return list(parts, language)
    }

    /// "a", "a en b", "a, b en c" / "a, b and c"; nothing: "geen" / "none".
    public static func list(_ items: [String], _ language: Language) -> String {
        switch items.count {
        case 0: return language == .en ? "none" : "geen"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + (language == .en ? " and " : " en ") + items[items.count - 1]
        }
    }

    /// The text with its first letter in upper case ("de aanvrager …" → "De aanvrager …").
    public static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static let monthsNL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let numbersNL = [
        "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
        "zestien", "zeventien", "achttien", "negentien", "twintig",
    ]
    static let numbersEN = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]
}
