/// The words for codes (``TextLabels/Label``): a table looked up by a code's UTF-8.
///
/// Reason texts look up the label of each code they show, tens of times per decision;
/// `Dictionary<String, _>` hashes with seeded SipHash and costs about 400 instructions a lookup.
/// Here a code is taken as its length and two words (``ByteWords``), which say every byte of a
/// code of up to 16 bytes: the hash mixes them, and a candidate is confirmed with three compares
/// (and, for a longer code, its middle bytes). The codes live in one byte array, and so do the
/// labels' words: finding a code and copying its words touch no reference count. Entries are
/// never removed: tables are filled once, when rules and designations load.
public struct LabelTable: Sendable {
    public typealias Label = TextLabels.Label

    /// Every code's bytes, one after another; code `i` is `codeKeys[i].length` bytes from
    /// `codeKeys[i].start`, and its words are `codeKeys[i].words`.
    private var codeBytes: [UInt8] = []
    private var codeKeys: [(start: Int, length: Int, words: ByteWords)] = []
    /// The labels as set, for those who read them as strings.
    private var labels: [Label] = []
    /// Every label's Dutch and English words as UTF-8, one after another; label `i`'s are
    /// `words[spans[i].nl]` and `words[spans[i].en]`. A label set again for its code appends its
    /// new words; the old ones stay, unread.
    private var words: [UInt8] = []
    private var spans: [(nl: Range<Int>, en: Range<Int>)] = []
    /// Open addressing: each slot holds a code's index plus one, or zero when empty. Its count is
    /// a power of two at least twice the number of codes, so probes stay short.
    private var slots: [Int32] = []

    public init() {}

    /// The labels of `dictionary`, inserted in code order (so equal dictionaries give equal tables).
    public init(_ dictionary: [String: Label]) {
        for code in dictionary.keys.sorted() {
            if let label = dictionary[code] { set(label, for: code) }
        }
    }

    public var count: Int { labels.count }
    public var isEmpty: Bool { labels.isEmpty }

    /// The labels, in the order they were set (for checks over all of them).
    var allLabels: [Label] { labels }

    /// The codes in the order they were first set.
    public var codes: [String] {
        codeKeys.map { key in String(decoding: codeBytes[key.start..<(key.start + key.length)], as: UTF8.self) }
    }

    public subscript(code: String) -> Label? {
        guard !labels.isEmpty else { return nil }
        return TextBytes.withUTF8(of: code) { index(of: Probe($0)) }.map { labels[$0] }
    }

    /// Sets the label of `code`, replacing any it had.
    public mutating func set(_ label: Label, for code: String) {
        let start = words.count
        words.append(contentsOf: label.nl.utf8)
        let middle = words.count
        words.append(contentsOf: label.en.utf8)
        let span = (nl: start..<middle, en: middle..<words.count)
        if let existing = TextBytes.withUTF8(of: code, { index(of: Probe($0)) }) {
            labels[existing] = label
            spans[existing] = span
            return
        }
        let codeStart = codeBytes.count
        codeBytes.append(contentsOf: code.utf8)
        let codeWords = codeBytes.withUnsafeBufferPointer { ByteWords(UnsafeBufferPointer(rebasing: $0[codeStart...])) }
        codeKeys.append((codeStart, codeBytes.count - codeStart, codeWords))
        labels.append(label)
        spans.append(span)
        if slots.count < 2 * labels.count { rehash(capacity: max(8, 4 * labels.count)) } else { place(labels.count - 1) }
    }

    /// Appends the words in `language` of the label at `index` (from ``index(of:)``), copied
    /// from where the table keeps them.
    func appendWords(at index: Int, _ language: Language, to bytes: inout ByteBuffer) {
        let span = spans[index]
        words.withUnsafeBufferPointer { words in
            bytes.append(UnsafeBufferPointer(rebasing: words[language == .en ? span.en : span.nl]))
        }
    }

    /// A code as looked up: its bytes, words and hash, made once for all the tables it is looked
    /// up in (the rule's designation's, any covering one's, the rules').
    struct Probe {
        let code: UnsafeBufferPointer<UInt8>
        let words: ByteWords
        let hash: UInt64

        @inline(__always)
        init(_ code: UnsafeBufferPointer<UInt8>) {
            self.code = code
            words = ByteWords(code)
            hash = LabelTable.hash(count: code.count, words)
        }
    }

    /// The index of the probed code's label, nil when it has none.
    func index(of probe: Probe) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: probe.hash) & mask
        return codeBytes.withUnsafeBufferPointer { stored in
            codeKeys.withUnsafeBufferPointer { keys in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let entry = Int(slots[slot])
                        if entry == 0 { return nil }
                        let key = keys[entry - 1]
                        if key.length == probe.code.count, key.words == probe.words,
                            key.length <= 16 || ByteWords.sameBytes(UnsafeBufferPointer(rebasing: stored[key.start..<(key.start + key.length)]), probe.code)
                        {
                            return entry - 1
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func rehash(capacity: Int) {
        var size = 8
        while size < capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        for i in labels.indices { place(i) }
    }

    /// Puts code `i` in the first free slot of its probe sequence.
    private mutating func place(_ i: Int) {
        let mask = slots.count - 1
        let key = codeKeys[i]
        var slot = Int(truncatingIfNeeded: Self.hash(count: key.length, key.words)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i + 1)
    }

    /// The code's length and words mixed (multiplies and shifts of MurmurHash3's finaliser), so
    /// the low bits, the slot, depend on all of them. Not seeded, which is safe here, as the codes
    /// are the rules' own and no input can add any.
    @inline(__always)
    static func hash(count: Int, _ words: ByteWords) -> UInt64 {
        var hash = (words.head ^ UInt64(truncatingIfNeeded: count) &* 0x9e37_79b9_7f4a_7c15) &* 0xff51_afd7_ed55_8ccd
        hash ^= words.tail ^ (hash >> 33)
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }
}

extension LabelTable: Equatable {
    /// Equal when they label the same codes alike, whatever the order of setting.
    public static func == (a: LabelTable, b: LabelTable) -> Bool {
        a.count == b.count && a.codes.allSatisfy { a[$0] == b[$0] }
    }
}
