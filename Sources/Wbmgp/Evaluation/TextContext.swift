/// What rendering a value for a person needs besides the value (interface §10): the words for
/// codes, who the people are, and the designations a text may name.
///
/// Each form is written once, appended to a ``ByteBuffer`` (the per-decision path); the `String`
/// functions collect that same writing.
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
    /// The engine's designations in words, written once; others are written when met.
    var designationWords: DesignationWords? = nil
    /// Where a text being rendered notes that it wrote words the engine did not check
    /// (``Engine/ruleWordsNeedEscaping``) holding a byte JSON escapes: a code as the input
    /// wrote it, a name, a designation the engine does not know. Nil when nobody asks.
    var escapeNote: EscapeNote? = nil
    /// Code lists written before, whose words are copied instead of looked up again
    /// (``ListWords``). Nil when nobody keeps them.
    var listWords: ListWords? = nil
    /// The covering designations' ids as the rules' `designations` list, made with the
    /// engine's designations (``CoveringSet/idsValue``): their words may be remembered too.
    var designationIds: [Value]? = nil
    /// Whether a list of address facts' paths may be rendered (a lookup left open,
    /// ``UndeterminedCover``): only then are lists looked at for them.
    var namesAddressFacts = false
    /// The words for the names of areas' parts (`check-request`'s texts; ``AreaPartWords``).
    var areaPartWords: AreaPartWords? = nil

    /// Whether `list` is the covering designations' ids (``designationIds``), the same storage.
    func isDesignationIds(_ list: [Value]) -> Bool {
        designationIds?.sharesStorage(with: list) ?? false
    }

    /// Notes `text`, written as it is, when it holds a byte JSON escapes.
    private func note(_ text: String) {
        if let escapeNote, !escapeNote.found, JSONBytes.needsEscaping(text) { escapeNote.found = true }
    }

    /// The label of a code; a covering designation's id as its words; anything else (free text a
    /// person entered) as written.
    func words(for code: String) -> String {
        PlainWords.written { appendWords(for: code, to: &$0) }
    }

    /// "de aanwijzing voor Rotterdam van 16 april 2018 tot en met 15 april 2022, met inkomenseis
    /// (artikel 8)": the measures say which of two designations of one term is meant.
    func words(for designation: Designation) -> String {
        PlainWords.written { appendWords(for: designation, to: &$0) }
    }

    /// A household member by role and position: "de aanvrager", "de partner", "medebewoner 2"
    /// (numbered within the role when the household has several), or by name when allowed.
    func person(_ index: Int) -> String {
        PlainWords.written { appendPerson(index, to: &$0) }
    }

    func appendWords(for code: String, to bytes: inout ByteBuffer) {
        // The code's bytes lent once for the label, the check for escapes and the copy: each
        // lent them again (a small string's copied out), about 30 instructions a code.
        TextBytes.withUTF8(of: code) { utf8 in
            if appendLabel(of: utf8, to: &bytes) { return }
            // Lengths first: a name (a municipality, say) compared with each covering designation's
            // id went through the runtime's general comparison of two long strings.
            for named in designations where named.id.utf8.count == utf8.count && named.id == code { return appendWords(for: named, to: &bytes) }
            if let areaPartWords, let words = areaPartWords.words(for: code, language) { return TextBytes.appendString(words, to: &bytes) }
            // The path of an address fact the lookup needs (`undeterminedDwellingFacts`) reads as
            // what is missing; only those paths, so a free text that looks like one stays as written.
            if utf8.count > 2, utf8[0] == UInt8(ascii: "$"), utf8[1] == UInt8(ascii: "."), AreaMatcher.DwellingFacts.fields.contains(where: { $0.path == code }) {
                return TextBytes.appendString(MissingFactWords.words(code, self), to: &bytes)
            }
            if let escapeNote, !escapeNote.found, JSONBytes.needsEscaping(utf8: utf8) { escapeNote.found = true }
            bytes.append(utf8)
        }
    }

    /// Appends the label of `code` and says so, if one has it; appends nothing otherwise.
    func appendLabel(of code: String, to bytes: inout ByteBuffer) -> Bool {
        TextBytes.withUTF8(of: code) { appendLabel(of: $0, to: &bytes) }
    }

    /// Appends the label of `code`, if one has it: the rule's designation's first, then any
    /// covering one's (a priority's characteristics), then the rules'. The code is hashed once
    /// for all the tables (``LabelTable/Probe``). The label's words are copied where the table
    /// keeps them as UTF-8: a label taken out would count references to both texts.
    private func appendLabel(of code: UnsafeBufferPointer<UInt8>, to bytes: inout ByteBuffer) -> Bool {
        let probe = LabelTable.Probe(code)
        if let designation, appendLabel(of: probe, in: designation.codeLabels, to: &bytes) { return true }
        for i in designations.indices where !designations[i].codeLabels.isEmpty {
            if appendLabel(of: probe, in: designations[i].codeLabels, to: &bytes) { return true }
        }
        return appendLabel(of: probe, in: labels.anyDomain, to: &bytes)
    }

    private func appendLabel(of probe: LabelTable.Probe, in table: borrowing LabelTable, to bytes: inout ByteBuffer) -> Bool {
        guard let index = table.index(of: probe) else { return false }
        table.appendWords(at: index, language, to: &bytes)
        return true
    }

    func appendWords(for designation: Designation, to bytes: inout ByteBuffer) {
        if designationWords?.appendWords(for: designation, language, to: &bytes) == true { return }
        // Not one of the engine's: its words were not checked.
        escapeNote?.found = true
        let en = language == .en
        bytes.append(en ? "the designation for " : "de aanwijzing voor ")
        TextBytes.appendString(designation.municipality, to: &bytes)
        bytes.append(en ? " from " : " van ")
        PlainWords.appendDate(designation.from, language, to: &bytes)
        bytes.append(en ? " to " : " tot en met ")
        PlainWords.appendDate(designation.until, language, to: &bytes)
        let measures = designation.measures.compactMap { labels.label($0.name, in: "measure")?.text(language) }
        guard !measures.isEmpty else { return }
        bytes.append(en ? ", with " : ", met ")
        PlainWords.appendList(count: measures.count, language, to: &bytes) { i, bytes in TextBytes.appendString(measures[i], to: &bytes) }
    }

    func appendPerson(_ index: Int, to bytes: inout ByteBuffer) {
        guard let household, household.indices.contains(index) else { return }
        // The member's fields are read in place: copying the member would count references to all of them.
        if peopleByName, let name = household[index].name, !name.isEmpty {
            note(name)
            return TextBytes.appendString(name, to: &bytes)
        }
        let role = household[index].role
        var sameRole = 0, position = 0
        for other in household.indices where household[other].role == role {
            if other < index { position += 1 }
            sameRole += 1
        }
        guard sameRole > 1 else {
            bytes.append(language == .en ? "the " : "de ")
            return appendNoun(of: role, to: &bytes)
        }
        appendNoun(of: role, to: &bytes)
        bytes.append(0x20)
        TextBytes.appendInteger(position + 1, to: &bytes)
    }

    /// A role's label (checked with the rules), or the role's own code (plain ASCII).
    private func appendNoun(of role: Person.Role, to bytes: inout ByteBuffer) {
        if !labels.appendNoun(of: role, language, to: &bytes) { TextBytes.appendString(role.rawValue, to: &bytes) }
    }
}

/// What ``TextContext`` notes while a reason text is rendered (``TextContext/escapeNote``): one per
/// thread's decision scratch, cleared before each text.
final class EscapeNote {
    var found = false
}
