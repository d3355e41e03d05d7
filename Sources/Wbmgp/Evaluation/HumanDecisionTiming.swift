/// Whether a human decision (a woonverklaring, a hardship decision) can concern this application
/// (interface §3): it counts only when dated on or after the application date and, when the
/// application gives a decision date, on or before it. One function, used both where such a
/// decision takes effect and where the rules explain why one did not.
public enum HumanDecisionTiming: String, Sendable {
    case inTime = "in-time"
    /// Dated before the application date: it was taken on another application.
    case beforeApplication = "before-application"
    /// Dated after the decision date: it was not there when the permit was decided.
    case afterDecision = "after-decision"

    public init(_ date: CalendarDate, in application: Application) {
        self.init(date, applicationDate: application.applicationDate, decisionDate: application.decisionDate)
    }

    /// The same from the application's two dates (the evaluator reads them without copying the
    /// application).
    init(_ date: CalendarDate, applicationDate: CalendarDate, decisionDate: CalendarDate?) {
        if date < applicationDate {
            self = .beforeApplication
        } else if let decided = decisionDate, decided < date {
            self = .afterDecision
        } else {
            self = .inTime
        }
    }
}

extension HumanDecisionTiming {
    /// The hardship decision that lifts a ground under `article`: the first granted one in time.
    /// One answer for where it takes effect (``DecisionRun/lift(for:)``) and where the rules say
    /// why another of the article, too early or too late, lifts nothing (``ContextFact``'s
    /// `hardshipBeforeApplication`, `hardshipAfterDecision`).
    static func liftingDecision(
        under article: String, in hardship: [HardshipDecision], applicationDate: CalendarDate, decisionDate: CalendarDate?
    ) -> HardshipDecision? {
        hardship.first { $0.article == article && $0.granted && HumanDecisionTiming($0.date, applicationDate: applicationDate, decisionDate: decisionDate) == .inTime }
    }
}
