/// The words of each designation an engine knows ("de aanwijzing voor Rotterdam van 16 april 2018
/// tot en met 15 april 2022, met inkomenseis (artikel 8)"), written once when the engine is made.
/// The designation lookup's reason names one or two in every decision; writing them anew took
/// two dates, a label lookup per measure and a list each time.
///
/// A designation is found by its identity in a ``PlaceTable``, placed by its address
/// multiplied: a dictionary of identities ran the standard library's seeded hash at
/// each of the two or three lookups a decision, and handed out the words as an array, counted.
/// One object, made with the engine: each decision's text context refers to it with one
/// reference, where a value of its five arrays was counted five times.
final class DesignationWords: Sendable {
    /// Each designation's identity and its Dutch and English words, in the engine's order.
    private let keys: [ObjectIdentifier]
    private let nl: [[UInt8]]
    private let en: [[UInt8]]
    /// The designations placed by their addresses, multiplied (``place(of:)``).
    private let places: PlaceTable
    /// Whether some designation's words hold a byte JSON escapes (``TextEscaping``).
    let needEscaping: Bool

    init(_ designations: [Designation], labels: TextLabels) {
        var keys: [ObjectIdentifier] = [], nl: [[UInt8]] = [], en: [[UInt8]] = []
        var seen = Set<ObjectIdentifier>()
        var context = TextContext(language: .nl, labels: labels, household: nil, designations: [], designation: nil, peopleByName: false)
        for designation in designations where seen.insert(ObjectIdentifier(designation)).inserted {
            var dutch = ByteBuffer(), english = ByteBuffer()
            context.language = .nl
            context.appendWords(for: designation, to: &dutch)
            context.language = .en
            context.appendWords(for: designation, to: &english)
            keys.append(ObjectIdentifier(designation))
            nl.append(dutch.array)
            en.append(english.array)
        }
        (self.keys, self.nl, self.en) = (keys, nl, en)
        places = PlaceTable(words: keys.map(DesignationWords.place(of:)))
        needEscaping = (nl + en).contains { words in words.withUnsafeBufferPointer { JSONBytes.needsEscaping(utf8: $0) } }
    }

    /// An address spread over the word by a multiplication, so its top bits place it.
    @inline(__always)
    private static func place(of key: ObjectIdentifier) -> UInt64 {
        UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Appends the words of `designation` in `language` and says so, if the engine knows it;
    /// appends nothing otherwise.
    func appendWords(for designation: Designation, _ language: Language, to bytes: inout ByteBuffer) -> Bool {
        let key = ObjectIdentifier(designation)
        guard let position = places.position(of: DesignationWords.place(of: key), where: { keys[$0] == key }) else { return false }
        if language == .en {
            en[position].withUnsafeBufferPointer { bytes.append($0) }
        } else {
            nl[position].withUnsafeBufferPointer { bytes.append($0) }
        }
        return true
    }
}
