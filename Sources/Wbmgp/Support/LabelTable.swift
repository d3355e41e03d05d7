/// The words for codes (``TextLabels/Label``): a table looked up by a code's UTF-8, which hashes
/// it with FNV-1a and compares bytes.
///
/// Reason texts look up the label of each code they show, tens of times per decision;
/// `Dictionary<String, _>` hashes with seeded SipHash and costs about 400 instructions a lookup,
/// this about a quarter of that. The codes live in one byte array, and so do the labels' words:
/// finding a code and copying its words touch no reference count. Entries are never removed:
/// tables are filled once, when rules and designations load.
public struct LabelTable: Sendable {
    public typealias Label = TextLabels.Label

    /// Every code's bytes, one after another; code `i` is `codeBytes[codeStarts[i]..<codeStarts[i + 1]]`.
    private var codeBytes: [UInt8] = []
    private var codeStarts: [Int] = [0]
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
        (0..<labels.count).map { i in String(decoding: codeBytes[codeStarts[i]..<codeStarts[i + 1]], as: UTF8.self) }
    }

    public subscript(code: String) -> Label? {
        guard !labels.isEmpty else { return nil }
        return TextBytes.withUTF8(of: code) { index(of: $0) }.map { labels[$0] }
    }

    /// Sets the label of `code`, replacing any it had.
    public mutating func set(_ label: Label, for code: String) {
        let start = words.count
        words.append(contentsOf: label.nl.utf8)
        let middle = words.count
        words.append(contentsOf: label.en.utf8)
        let span = (nl: start..<middle, en: middle..<words.count)
        if let existing = TextBytes.withUTF8(of: code, { index(of: $0) }) {
            labels[existing] = label
            spans[existing] = span
            return
        }
        codeBytes.append(contentsOf: code.utf8)
        codeStarts.append(codeBytes.count)
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

    /// The index of `code`'s label, nil when it has none.
    func index(of code: UnsafeBufferPointer<UInt8>) -> Int? {
        index(of: code, hash: Self.hash(code))
    }

    /// The same, with the code's ``hash(_:)`` already computed: a code looked up in several
    /// tables (the designation's, then the rules') is hashed once.
    func index(of code: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return codeBytes.withUnsafeBufferPointer { stored in
            codeStarts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let entry = Int(slots[slot])
                        if entry == 0 { return nil }
                        let start = starts[entry - 1], end = starts[entry]
                        if end - start == code.count {
                            var same = true
                            for i in 0..<code.count where stored[start + i] != code[i] {
                                same = false
                                break
                            }
                            if same { return entry - 1 }
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
        var slot = codeBytes.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: $0[codeStarts[i]..<codeStarts[i + 1]]))) } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i + 1)
    }

    /// FNV-1a, 64 bits: not seeded, which is safe here, as the codes are the rules' own and no
    /// input can add any.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension LabelTable: Equatable {
    /// Equal when they label the same codes alike, whatever the order of setting.
    public static func == (a: LabelTable, b: LabelTable) -> Bool {
        a.count == b.count && a.codes.allSatisfy { a[$0] == b[$0] }
    }
}
