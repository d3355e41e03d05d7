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
}
