/// The application document (interface §3), as ``ApplicationReader`` reads it.
public enum ApplicationShapes {
    public static let application = ObjectShape(title: "Application", members: [
        .required("id", .string, "the application's case number"),
        .optional("kind", .code(.fixed(Application.Kind.allCases.map(\.rawValue))), "new-tenancy (the default) or joining (art. 10 lid 2)"),
        .required("applicationDate", .date, "the day the application was made; facts are measured on it"),
        .optional("decisionDate", .date, "the day the permit is decided; the law of that day applies"),
        .required("dwelling", .object(dwelling), "the dwelling applied for"),
        .required("household", .array(.object(person), nonEmpty: true), "the members: exactly one applicant"),
        .optional("woonverklaring", .object(woonverklaring), "the mayor's residence statement (art. 10b)"),
        .optional("hardship", .array(.object(hardship), nonEmpty: false), "decisions under a hardship clause (art. 8 lid 2, art. 10 lid 5)"),
    ])

    public static let dwelling = ObjectShape(title: "Dwelling", members: [
        .required("municipality", .string, "the municipality the dwelling is in"),
        .optional("postcode", .postcode, "1234 AB, or its four digits alone"),
        .optional("houseNumber", .integer(minimum: 1, maximum: nil), "the house number"),
        .optional("houseNumberAddition", .string, "a letter or number after the house number"),
        .optional("street", .string, "the street"),
        .optional("neighbourhood", .string, "the neighbourhood as the designations name it"),
        .required("category", .string, "the dwelling category, matched against a designation's categories"),
    ])

    public static let person = ObjectShape(title: "Person", members: [
        .required("id", .string, "unique within the household"),
        .required("role", .code(.fixed(Person.Role.allCases.map(\.rawValue))), "the member's place in the household"),
        .required("birthDate", .date, "on or before the application date"),
        .optional("residence", .array(.object(residencePeriod), nonEmpty: false), "periods of registration in a Dutch municipality"),
        .optional("income", .array(.code(.vocabulary("income")), nonEmpty: true), "sources of income (art. 8 lid 1 onder a–f and others); absent is unknown"),
        .optional("characteristics", .array(.string, nonEmpty: false), "art. 9 characteristics, as the designation names them"),
        .optional("screening", .object(screening), "the VOG and, for the mayor only, the police overview"),
        .optional("name", .string, "for texts and letters only; never in decisions, records or logs"),
        .optional("address", .object(postalAddress), "for letters only; never in decisions, records or logs"),
    ])

    public static let postalAddress = ObjectShape(title: "PostalAddress", members: [
        .required("street", .string, "street"),
        .required("houseNumber", .integer(minimum: nil, maximum: nil), "house number"),
        .optional("houseNumberAddition", .string, "addition"),
        .required("postcode", .string, "postcode"),
        .required("city", .string, "place"),
    ])

    public static let residencePeriod = ObjectShape(title: "ResidencePeriod", members: [
        .required("municipality", .string, "the municipality of registration"),
        .required("from", .date, "first day"),
        .optional("until", .date, "last day; absent while the registration runs"),
    ])

    public static let screening = ObjectShape(title: "Screening", members: [
        .optional("vog", .object(certificateOfConduct), "the verklaring omtrent het gedrag"),
        .optional("policeRecords", .array(.object(policeRecord), nonEmpty: false), "the police overview: read only in the roles mayor and review (art. 10b lid 7)"),
    ])

    public static let certificateOfConduct = ObjectShape(title: "CertificateOfConduct", members: [
        .optional("status", .code(.fixed(CertificateOfConduct.Status.allCases.map(\.rawValue))), "where the VOG stands"),
        .optional("submitted", .boolean, "the older form: true for submitted, false for not submitted"),
        .optional("date", .date, "the day of issue, or of the request"),
    ])

    public static let policeRecord = ObjectShape(title: "PoliceRecord", members: [
        .required("behaviour", .code(.vocabulary("behaviour")), "the behaviour of art. 10a lid 2"),
        .required("date", .date, "the day of the record"),
    ])

    public static let woonverklaring = ObjectShape(
        title: "Woonverklaring",
        members: [
        .required("outcome", .code(.fixed(Woonverklaring.Outcome.allCases.map(\.rawValue))), "the mayor's statement"),
        .required("date", .date, "the day it was issued"),
        .optional("hearingOffered", .boolean, "whether the applicant was heard first; required unless positive"),
        .optional("conditions", .array(.string, nonEmpty: false), "voorschriften, for positive-with-conditions"),
        .optional("decidedBy", .string, "who decided"),
        ],
        requiredUnless: [("hearingOffered", "outcome", Woonverklaring.Outcome.positive.rawValue)])

    public static let hardship = ObjectShape(title: "HardshipDecision", members: [
        .required("article", .code(.vocabulary("hardship")), "the hardship clause applied"),
        .optional("granted", .boolean, "true (the default) when the clause was applied"),
        .required("date", .date, "the day of the decision"),
        .required("decidedBy", .string, "who decided"),
        .required("reason", .string, "why"),
    ])
}
