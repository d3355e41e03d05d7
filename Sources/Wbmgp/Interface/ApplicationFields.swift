/// The member names of each object of an application (``ApplicationShapes``), made once for the
/// reader: it matches the names read from a document against these.
enum ApplicationFields {
    static let application = FieldNames(ApplicationShapes.application.names)
    static let dwelling = FieldNames(ApplicationShapes.dwelling.names)
    static let person = FieldNames(ApplicationShapes.person.names)
    static let postalAddress = FieldNames(ApplicationShapes.postalAddress.names)
    static let residencePeriod = FieldNames(ApplicationShapes.residencePeriod.names)
    static let screening = FieldNames(ApplicationShapes.screening.names)
    static let certificateOfConduct = FieldNames(ApplicationShapes.certificateOfConduct.names)
    static let policeRecord = FieldNames(ApplicationShapes.policeRecord.names)
    static let woonverklaring = FieldNames(ApplicationShapes.woonverklaring.names)
    static let hardship = FieldNames(ApplicationShapes.hardship.names)
}

/// The closed lists of codes an application's own vocabulary makes (roles, kinds, VOG statuses,
/// woonverklaring outcomes), each made once: a code read is found in them from its bytes.
enum ApplicationCodes {
    static let roles = Person.Role.allCases
    static let roleNames = FieldNames.codes(roles.map(\.rawValue))
    static let kinds = Application.Kind.allCases
    static let kindNames = FieldNames.codes(kinds.map(\.rawValue))
    static let vogStatuses = CertificateOfConduct.Status.allCases
    static let vogStatusNames = FieldNames.codes(vogStatuses.map(\.rawValue))
    static let outcomes = Woonverklaring.Outcome.allCases
    static let outcomeNames = FieldNames.codes(outcomes.map(\.rawValue))
}
