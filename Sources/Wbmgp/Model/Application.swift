/// An application for a housing permit (*huisvestingsvergunning*), as read from interface §3.
///
/// Optional facts are `nil` when absent: absent is unknown, `[]` is known to be empty.
public struct Application: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case newTenancy = "new-tenancy", joining }

    public var id: String
    public var kind: Kind
    public var applicationDate: CalendarDate
    public var decisionDate: CalendarDate?
    public var dwelling: Dwelling
    public var household: [Person]
    public var woonverklaring: Woonverklaring?
    public var hardship: [HardshipDecision]

    /// Index of the member with role `applicant` (the reader guarantees exactly one).
    public var applicantIndex: Int
    /// The role the application was read in (not a field of the document): what it may hold,
    /// and what its decision says it was decided as.
    public var role: Role = .desk
}

public struct Dwelling: Hashable, Sendable {
    public var municipality: String
    public var postcode: String?
    public var houseNumber: Int?
    public var houseNumberAddition: String?
    public var street: String?
    public var neighbourhood: String?
    public var category: String
}

/// A household member.
public struct Person: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable { case applicant, partner, coOccupant = "co-occupant", joining }

    public var id: String
    public var role: Role
    public var birthDate: CalendarDate
    public var residence: [ResidencePeriod]?
    public var income: [String]?
    public var characteristics: [String]?
    public var screening: Screening?
    /// For people only (text output, letters): never in JSON decisions, records or logs (interface §3).
    public var name: String? = nil
    public var address: PostalAddress? = nil
}

/// Where a letter is sent (interface §3, `household[].address`).
public struct PostalAddress: Hashable, Sendable {
    public var street: String
    public var houseNumber: Int
    public var houseNumberAddition: String?
    public var postcode: String
    public var city: String
}

/// A period of registration in a municipality; `until == nil` means ongoing.
public struct ResidencePeriod: Hashable, Sendable {
    public var municipality: String
    public var from: CalendarDate
    public var until: CalendarDate?
}

public struct Screening: Hashable, Sendable {
    /// The certificate of conduct (*verklaring omtrent het gedrag*).
    public var vog: CertificateOfConduct?
    /// The police overview as supplied; nil when none was supplied.
    public var policeRecords: [PoliceRecord]?
}

/// A certificate of conduct (*verklaring omtrent het gedrag*, VOG) as the application reports
/// it (interface §3): where the request stands, and the date that goes with it (of issue for
/// `submitted` and `refused`, of the request for `requested` and `pending`).
public struct CertificateOfConduct: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case requested, pending, refused, notSubmitted = "not-submitted", submitted
    }

    public var status: Status
    public var date: CalendarDate?

    public init(status: Status, date: CalendarDate?) {
        self.status = status
        self.date = date
    }

    /// Whether the VOG was submitted; nil while it is requested or pending, when it is not yet
    /// known (a missing fact: the decision is incomplete, Awb 4:5).
    public var submitted: Bool? {
        switch status {
        case .submitted: return true
        case .refused, .notSubmitted: return false
        case .requested, .pending: return nil
        }
    }
}

public struct PoliceRecord: Hashable, Sendable {
    public var behaviour: String
    public var date: CalendarDate
}

/// The mayor's statement after weighing police data (*woonverklaring*): human discretion, an input.
public struct Woonverklaring: Hashable, Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        case positive, positiveWithConditions = "positive-with-conditions", negative
    }

    public var outcome: Outcome
    public var date: CalendarDate?
    public var hearingOffered: Bool?
    public var conditions: [String]
    public var decidedBy: String?
}

/// A decision of the mayor and aldermen to grant despite a refusal ground (hardship clause).
public struct HardshipDecision: Hashable, Sendable {
    public var article: String
    public var granted: Bool
    public var date: CalendarDate
    public var decidedBy: String
    public var reason: String
}
