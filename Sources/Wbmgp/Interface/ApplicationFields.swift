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
