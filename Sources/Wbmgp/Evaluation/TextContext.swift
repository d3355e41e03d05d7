/// What rendering a value for a person needs besides the value (interface §10): the words for
/// codes, who the people are, and the designations a text may name.
struct TextContext {
    var language: Language
    var labels: TextLabels
    var household: [Person]?
    /// The designations a value may name: those covering the dwelling (by id), or a request's chain
    /// (by index).
    var designations: [Designation]
    /// The designation of the rule being rendered: its own labels come first.
    var designation: Designation?
    /// Text output and letters name a person by the `name` given; JSON texts never do.
    var peopleByName: Bool

    /// The label of a code; a covering designation's id as its words; anything else (free text a
    /// person entered) as written.
    func words(for code: String) -> String {
        // The rule's designation first, then any covering one (a priority's characteristics), then the rules.
        if let label = designation?.codeLabels[code] ?? designations.lazy.compactMap({ $0.codeLabels[code] }).first ?? labels.anyDomain[code] {
            return label.text(language)
        }
        if let named = designations.first(where: { $0.id == code }) { return words(for: named) }
        return code
    }

    /// "de aanwijzing voor Rotterdam van 16 april 2018 tot en met 15 april 2022, met inkomenseis
    /// (artikel 8)": the measures say which of two designations of one term is meant.
    func words(for designation: Designation) -> String {
        let from = PlainWords.date(designation.from, language), until = PlainWords.date(designation.until, language)
        let measures = designation.measures.compactMap { labels.label($0.name, in: "measure")?.text(language) }
        let with = measures.isEmpty ? "" : (language == .en ? ", with " : ", met ") + PlainWords.list(measures, language)
        return language == .en
            ? "the designation for \(designation.municipality) from \(from) to \(until)\(with)"
            : "de aanwijzing voor \(designation.municipality) van \(from) tot en met \(until)\(with)"
    }

    /// A household member by role and position: "de aanvrager", "de partner", "medebewoner 2"
    /// (numbered within the role when the household has several), or by name when allowed.
    func person(_ index: Int) -> String {
        guard let household, household.indices.contains(index) else { return "" }
        let member = household[index]
        if peopleByName, let name = member.name, !name.isEmpty { return name }
        let noun = labels.label(member.role.rawValue, in: "personRole")?.text(language) ?? member.role.rawValue
        let sameRole = household.indices.filter { household[$0].role == member.role }
        guard sameRole.count > 1, let position = sameRole.firstIndex(of: index) else { return (language == .en ? "the " : "de ") + noun }
        return "\(noun) \(position + 1)"
    }
}
