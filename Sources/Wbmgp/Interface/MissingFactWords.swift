/// A missing fact (a JSON path of interface §4, `missingFacts`) as what is missing, in words:
/// `$.household[0].income` → "het inkomen van de aanvrager", `$.woonverklaring` → "de
/// woonverklaring van de burgemeester". The words are the `missingFact` labels of the rules; this
/// maps the interface's paths to them.
enum MissingFactWords {
    /// The path below a household member or the application, and its label code.
    static let codes: [String: String] = [
        "income": "income", "residence": "residence", "birthDate": "birthDate", "characteristics": "characteristics",
        "screening": "screening", "screening.vog": "vog", "screening.vog.submitted": "vog", "screening.vog.status": "vog",
        "screening.vog.date": "vogDate", "screening.policeRecords": "policeRecords",
        "woonverklaring": "woonverklaring", "woonverklaring.outcome": "woonverklaring", "woonverklaring.date": "woonverklaringDate",
        "woonverklaring.hearingOffered": "hearingOffered", "woonverklaring.decidedBy": "woonverklaringDecidedBy",
        "woonverklaring.conditions": "woonverklaring", "hardship": "hardship",
        "dwelling.postcode": "postcode", "dwelling.street": "street", "dwelling.neighbourhood": "neighbourhood", "dwelling.houseNumber": "houseNumber",
    ]

    /// The missing facts the applicant can supply (about the household or the dwelling), and those
    /// that are the authorities' own acts (the woonverklaring, a hardship decision).
    static func split(_ paths: [String]) -> (applicant: [String], authorities: [String]) {
        var applicant: [String] = [], authorities: [String] = []
        for path in paths {
            if path.hasPrefix("$.woonverklaring") || path.hasPrefix("$.hardship") { authorities.append(path) } else { applicant.append(path) }
        }
        return (applicant, authorities)
    }

    /// The label code of a missing fact's path and the household member it concerns:
    /// `$.household[0].income` → ("income", 0); nil for a path the interface does not name.
    static func code(_ path: String) -> (code: String, member: Int?)? {
        var rest = Substring(path)
        guard rest.hasPrefix("$.") else { return nil }
        rest = rest.dropFirst(2)
        var member: Int?
        if rest.hasPrefix("household["), let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(rest.startIndex, offsetBy: 10)..<close]) {
            member = index
            rest = rest[rest.index(after: close)...].drop { $0 == "." }
        }
        // Array indices below the fact (a period, a record) name the same fact.
        let key = rest.split(separator: ".").map { $0.split(separator: "[").first.map(String.init) ?? "" }.joined(separator: ".")
        return codes[key].map { ($0, member) }
    }

    /// Facts of the dwelling's address named together, as the lookup's texts name what the
    /// application leaves out: "de postcode, het huisnummer en de straatnaam van de woning" (each
    /// on its own, "… van de woning" said three times). Nil unless every path is an address fact
    /// (``AreaMatcher/DwellingFacts/fields``) that the rules' `addressFact` labels name.
    static func addressWords(_ paths: [String], _ context: TextContext) -> String? {
        guard !paths.isEmpty, let owner = context.labels.label("ofTheDwelling", in: "addressFact")?.text(context.language) else { return nil }
        var names: [String] = []
        for path in paths {
            guard AreaMatcher.DwellingFacts.fields.contains(where: { $0.path == path }), let (code, member) = code(path), member == nil,
                let name = context.labels.label(code, in: "addressFact")?.text(context.language)
            else { return nil }
            names.append(name)
        }
        return PlainWords.list(names, context.language) + " " + owner
    }

    static func words(_ path: String, _ context: TextContext) -> String {
        guard path.hasPrefix("$.") else { return path }
        guard let (code, member) = code(path), let label = context.labels.label(code, in: "missingFact")?.text(context.language) else {
            return context.language == .en ? "a required fact" : "een vereist gegeven"
        }
        guard let member else { return label }
        return "\(label) \(context.language == .en ? "of" : "van") \(context.person(member))"
    }
}
