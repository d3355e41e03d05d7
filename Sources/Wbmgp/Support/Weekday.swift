/// The day of the week, Monday first (ISO 8601), with the English lower-case names the rule
/// language uses (`every saturday`).
public enum Weekday: Int, CaseIterable, Hashable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public init?(name: String) {
        guard let index = Weekday.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: index + 1)
    }

    public var name: String { Weekday.names[rawValue - 1] }

    static let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}

extension CalendarDate {
    /// The day of the week (proleptic Gregorian): 1970-01-01, day number 0, was a Thursday.
    public var weekday: Weekday {
        // 0…6 by construction, so the fallback is never taken.
        let offset = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: offset + 1) ?? .monday
    }
}

/// The month names the rule language uses (`on 27 april`), January first.
public enum MonthName {
    public static let names = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// 1 for `january` … 12 for `december`.
    public static func number(_ name: String) -> Int? { names.firstIndex(of: name).map { $0 + 1 } }
}
