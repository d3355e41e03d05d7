/// What a day past the end of the target month becomes when whole months or years are added:
/// 29 February plus a year, 31 January plus a month (interface §9).
///
/// The statute leaves it open; which rule applies is data, `codes monthEnd` in
/// `Rules/wbmgp/vocabulary.rules`, with its citation, so a municipality or court that counts a
/// 29 February birthday from 1 March changes the rules, not the Swift.
public enum MonthEndRule: String, Hashable, Sendable, CaseIterable {
    /// The last day of the target month: 29 February + 1 year = 28 February.
    case lastDayOfMonth = "last-day-of-month"
    /// The first day of the month after: 29 February + 1 year = 1 March.
    case firstDayOfNextMonth = "first-day-of-next-month"
}
