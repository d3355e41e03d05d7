/// The designation document (interface §5) and the designation request (interface §7), as
/// ``DesignationReader`` and ``RequestReader`` read them.
public enum DesignationShapes {
    public static let designation = ObjectShape(title: "Designation", members: [
        .required("id", .string, "unique among the designations"),
        .required("municipality", .string, "the municipality whose council designated"),
        .optional("decisionDate", .date, "the day of the minister's decision"),
        .optional("source", .string, "where the designation was published and what was verified"),
        .required("term", .object(term), "the period the designation is in force"),
        .optional("extends", .string, "the id of the designation this one extends (art. 6)"),
        .required("region", .object(region), "the region in which art. 8 counts residence"),
        .required("areas", .object(areas), "the complexes, streets and areas designated"),
        .required("categories", .array(.string, nonEmpty: true), "the categories of dwellings designated"),
        .required("measures", .measures, "the measures of the by-law, with their fields"),
        .optional("byLaw", .object(byLaw), "the by-law (huisvestingsverordening) the measures stand in"),
        .optional("publication", .object(publication), "the publication of the designation decision"),
    ])

    public static let term = ObjectShape(title: "Term", members: [
        .required("from", .date, "first day"), .required("until", .date, "last day"),
    ])

    public static let region = ObjectShape(title: "Region", members: [
        .optional("name", .string, "what follows 'de regio' in texts"),
        .required("municipalities", .array(.string, nonEmpty: true), "the region's municipalities"),
    ])

    public static let areas = ObjectShape(title: "Areas", members: [
        .optional("neighbourhoods", .array(.string, nonEmpty: false), "neighbourhood names"),
        .optional("postcodes", .array(.string, nonEmpty: false), "4-digit areas, full postcodes or ranges AAAA-BBBB"),
        .optional("streets", .array(.object(streetRange), nonEmpty: false), "streets, or house-number ranges of a street"),
        .optional("addresses", .array(.object(address), nonEmpty: false), "single addresses"),
    ])

    static let houseNumber = ValueShape.either(.integer(minimum: 1, maximum: nil), .string)

    public static let streetRange = ObjectShape(title: "StreetRange", members: [
        .required("street", .string, "the street"),
        .optional("from", houseNumber, "first house number, 49 or \"49B\""),
        .optional("to", houseNumber, "last house number"),
        .optional("parity", .code(.fixed(StreetRange.Parity.allCases.map(\.rawValue))), "odd, even or all numbers"),
        .optional("postcode", .string, "only the dwellings of the range within this 4-digit area, full postcode or range AAAA-BBBB"),
    ])

    public static let address = ObjectShape(title: "Address", members: [
        .required("postcode", .string, "a full postcode"),
        .required("houseNumber", .integer(minimum: 1, maximum: nil), "the house number"),
        .optional("houseNumberAddition", .string, "the addition"),
    ])

    public static let byLaw = ObjectShape(
        title: "ByLaw",
        members: [
            .required("title", .string, "the by-law's title"),
            .optional("articles", .object(ObjectShape(title: "ByLawArticles", members: [], otherMembers: .string)), "the by-law's article per measure"),
        ])

    public static let publication = ObjectShape(title: "Publication", members: [
        .required("reference", .string, "the official publication"), .optional("date", .date, "its date"),
    ])

    /// `{ "nl", "en" }` words for one of the designation's own codes.
    public static let words = ObjectShape(title: "Words", members: [.required("nl", .string, "Dutch"), .required("en", .string, "English")])

    public static let request = ObjectShape(title: "DesignationRequest", members: [
        .required("id", .string, "the request's reference"),
        .required("kind", .string, "initial or extension"),
        .required("receivedDate", .date, "the day the minister received the request"),
        .optional("dispatchDate", .date, "the day the municipality sent it"),
        .required("requested", .lenient(.object(designation)), "the designation requested (read leniently: the requirements judge it)"),
        .optional("previous", .array(.lenient(.object(designation)), nonEmpty: false), "the designations it extends"),
        .optional("substantiation", .object(substantiation), "the reasons of art. 5 lid 2 and 3"),
        .optional("regionalAlternatives", .string, "the regional alternatives considered"),
        .optional("instrumentChoice", .string, "why this instrument"),
        .optional("localEvaluation", .object(localEvaluation), "the evaluation of the measure so far (art. 5 lid 5)"),
        .optional("provincialAdvice", .string, "the advice of the province"),
        .optional("ministerDecisionDate", .date, "the day the minister decided"),
        .optional("ministerDecisionDispatchDate", .date, "the day the decision was sent"),
    ])

    public static let substantiation = ObjectShape(title: "Substantiation", members: [
        .optional("necessity", .string, "necessity"), .optional("suitability", .string, "suitability"),
        .optional("subsidiarity", .string, "subsidiarity"), .optional("proportionality", .string, "proportionality"),
    ])

    public static let localEvaluation = ObjectShape(title: "LocalEvaluation", members: [
        .optional("date", .date, "the evaluation's date"), .optional("summary", .string, "what it found"),
        .optional("report", .any, "the JSON of wbmgp report over the decision logs of the term (interface §11); its period is checked by REQ-EVALUATION-COVERAGE"),
    ])
}
