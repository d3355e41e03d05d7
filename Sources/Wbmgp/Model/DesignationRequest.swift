/// A council's request to designate, or to extend a designation (interface §7; Wbmgp arts. 5, 6).
public struct DesignationRequest: Hashable, Sendable {
    public struct Substantiation: Hashable, Sendable {
        public var necessity: String?
        public var suitability: String?
        public var subsidiarity: String?
        public var proportionality: String?
    }

    public struct LocalEvaluation: Hashable, Sendable {
        public var date: CalendarDate?
        public var summary: String?
        /// The period a monitoring report (`localEvaluation.report`, the JSON of `wbmgp report`)
        /// counts: its `--from`/`--until` when given, else the first and last date it counted.
        public var report: ReportPeriod? = nil
    }

    public struct ReportPeriod: Hashable, Sendable {
        public var from: CalendarDate?
        public var until: CalendarDate?
    }

    public var id: String
    /// As written; a kind other than `initial` or `extension` is a finding, not a read error.
    public var kind: String
    public var receivedDate: CalendarDate
    public var dispatchDate: CalendarDate?
    public var requested: Designation
    public var previous: [Designation]
    public var substantiation: Substantiation?
    public var regionalAlternatives: String?
    public var instrumentChoice: String?
    public var localEvaluation: LocalEvaluation?
    public var provincialAdvice: String?
    public var ministerDecisionDate: CalendarDate?
    /// The day the Minister's decision was made known to the council (Awb 3:41); when given, the
    /// date compared with the deadline.
    public var ministerDecisionDispatchDate: CalendarDate?

    public init(
        id: String, kind: String, receivedDate: CalendarDate, dispatchDate: CalendarDate?, requested: Designation, previous: [Designation],
        substantiation: Substantiation?, regionalAlternatives: String?, instrumentChoice: String?, localEvaluation: LocalEvaluation?,
        provincialAdvice: String?, ministerDecisionDate: CalendarDate?, ministerDecisionDispatchDate: CalendarDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.receivedDate = receivedDate
        self.dispatchDate = dispatchDate
        self.requested = requested
        self.previous = previous
        self.substantiation = substantiation
        self.regionalAlternatives = regionalAlternatives
        self.instrumentChoice = instrumentChoice
        self.localEvaluation = localEvaluation
        self.provincialAdvice = provincialAdvice
        self.ministerDecisionDate = ministerDecisionDate
        self.ministerDecisionDispatchDate = ministerDecisionDispatchDate
    }
}
