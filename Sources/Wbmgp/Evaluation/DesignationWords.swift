/// The words of each designation an engine knows ("de aanwijzing voor Rotterdam van 16 april 2018
/// tot en met 15 april 2022, met inkomenseis (artikel 8)"), written once when the engine is made.
/// The designation lookup's reason names one or two in every decision; writing them anew took
/// two dates, a label lookup per measure and a list each time.
struct DesignationWords: Sendable {
    private struct Words: Sendable {
        var nl: [UInt8]
        var en: [UInt8]
    }

    private let words: [ObjectIdentifier: Words]
    /// Whether some designation's words hold a byte JSON escapes (``TextEscaping``).
    let needEscaping: Bool

    init(_ designations: [Designation], labels: TextLabels) {
        var words: [ObjectIdentifier: Words] = [:]
        var context = TextContext(language: .nl, labels: labels, household: nil, designations: [], designation: nil, peopleByName: false)
        for designation in designations {
            var nl = ByteBuffer(), en = ByteBuffer()
            context.language = .nl
            context.appendWords(for: designation, to: &nl)
            context.language = .en
            context.appendWords(for: designation, to: &en)
            words[ObjectIdentifier(designation)] = Words(nl: nl.array, en: en.array)
        }
        self.words = words
        needEscaping = words.values.contains { words in
            words.nl.withUnsafeBufferPointer { JSONBytes.needsEscaping(utf8: $0) } || words.en.withUnsafeBufferPointer { JSONBytes.needsEscaping(utf8: $0) }
        }
    }

    /// The words of `designation`, or nil when the engine does not know it.
    func words(for designation: Designation, _ language: Language) -> [UInt8]? {
        words[ObjectIdentifier(designation)].map { language == .en ? $0.en : $0.nl }
    }
}
