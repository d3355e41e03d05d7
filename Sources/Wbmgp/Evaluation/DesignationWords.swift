/// The words of each designation an engine knows ("de aanwijzing voor Rotterdam van 16 april 2018
/// tot en met 15 april 2022, met inkomenseis (artikel 8)"), written once when the engine is made.
/// The designation lookup's reason names one or two in every decision; writing them anew took
/// two dates, a label lookup per measure and a list each time.
///
/// A designation is found by its identity in a table of twice as many places, placed by its
/// address multiplied: a dictionary of identities ran the standard library's seeded hash at
/// each of the two or three lookups a decision, and handed out the words as an array, counted.
/// One object, made with the engine: each decision's text context refers to it with one
/// reference, where a value of its five arrays was counted five times.
final class DesignationWords: Sendable {
    /// Each designation's identity and its Dutch and English words, in the engine's order.
    private let keys: [ObjectIdentifier]
    private let nl: [[UInt8]]
    private let en: [[UInt8]]
    /// For each place, the position of the designation placed there plus one; 0 for none.
    private let places: [Int32]
    /// How far a hashed address is shifted for its first place: 64 less the places' bits.
    private let shift: UInt64
    /// Whether some designation's words hold a byte JSON escapes (``TextEscaping``).
    let needEscaping: Bool

    init(_ designations: [Designation], labels: TextLabels) {
        var keys: [ObjectIdentifier] = [], nl: [[UInt8]] = [], en: [[UInt8]] = []
        var context = TextContext(language: .nl, labels: labels, household: nil, designations: [], designation: nil, peopleByName: false)
        for designation in designations where !keys.contains(ObjectIdentifier(designation)) {
            var dutch = ByteBuffer(), english = ByteBuffer()
            context.language = .nl
            context.appendWords(for: designation, to: &dutch)
            context.language = .en
            context.appendWords(for: designation, to: &english)
            keys.append(ObjectIdentifier(designation))
            nl.append(dutch.array)
            en.append(english.array)
        }
        var bits: UInt64 = 1
        while (1 << bits) < 2 * keys.count { bits += 1 }
        var places = [Int32](repeating: 0, count: 1 << bits)
        for (position, key) in keys.enumerated() {
            var place = DesignationWords.place(of: key, 64 - bits)
            while places[place] != 0 { place = (place + 1) & (places.count - 1) }
            places[place] = Int32(truncatingIfNeeded: position + 1)
        }
        (self.keys, self.nl, self.en, self.places, shift) = (keys, nl, en, places, 64 - bits)
        needEscaping = (nl + en).contains { words in words.withUnsafeBufferPointer { JSONBytes.needsEscaping(utf8: $0) } }
    }

    @inline(__always)
    private static func place(of key: ObjectIdentifier, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Appends the words of `designation` in `language` and says so, if the engine knows it;
    /// appends nothing otherwise.
    func appendWords(for designation: Designation, _ language: Language, to bytes: inout ByteBuffer) -> Bool {
        let key = ObjectIdentifier(designation)
        let mask = places.count - 1
        var place = DesignationWords.place(of: key, shift)
        while places[place] != 0 {
            let position = Int(places[place]) - 1
            if keys[position] == key {
                if language == .en {
                    en[position].withUnsafeBufferPointer { bytes.append($0) }
                } else {
                    nl[position].withUnsafeBufferPointer { bytes.append($0) }
                }
                return true
            }
            place = (place + 1) & mask
        }
        return false
    }
}
