/// A reason's Dutch and English texts.
///
/// The engine renders a decision's texts one after another into one buffer (``TextArena``), and
/// a reason keeps where its two lie there: no `String` is made for them, and the writer copies
/// their bytes straight into the output. They are decoded into `String`s only when read as
/// such (text output, letters, a test). Texts set from elsewhere are kept as `String`s.
///
/// Two texts compare as their `String`s do, wherever they are kept.
struct ReasonTexts: Hashable, Sendable {
    private enum Storage {
        case strings(nl: String, en: String)
        /// Dutch at `start..<middle`, English at `middle..<end` (rendered in that order).
        case arena(TextArena, start: UInt32, middle: UInt32, end: UInt32)
    }

    private var storage: Storage

    init(nl: String, en: String) { storage = .strings(nl: nl, en: en) }

    /// The texts the arena holds at `start..<middle` (Dutch) and `middle..<end` (English).
    init(_ arena: TextArena, start: Int, middle: Int, end: Int) {
        storage = .arena(arena, start: UInt32(truncatingIfNeeded: start), middle: UInt32(truncatingIfNeeded: middle), end: UInt32(truncatingIfNeeded: end))
    }

    var nl: String {
        get { withUTF8(.nl) { String(decoding: $0, as: UTF8.self) } }
        set { storage = .strings(nl: newValue, en: en) }
    }

    var en: String {
        get { withUTF8(.en) { String(decoding: $0, as: UTF8.self) } }
        set { storage = .strings(nl: nl, en: newValue) }
    }

    /// Calls `body` with the UTF-8 of the text in `language`, without copying it.
    func withUTF8<Result>(_ language: Language, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .strings(let nl, let en):
            return TextBytes.withUTF8(of: language == .nl ? nl : en, body)
        case .arena(let arena, let start, let middle, let end):
            let (from, to) = language == .nl ? (Int(start), Int(middle)) : (Int(middle), Int(end))
            return arena.bytes.withUnsafeBytes { all in body(UnsafeBufferPointer(rebasing: all[from..<to])) }
        }
    }

    // As Strings compare: canonically equal texts are equal, however their bytes differ.
    static func == (a: ReasonTexts, b: ReasonTexts) -> Bool { a.nl == b.nl && a.en == b.en }

    func hash(into hasher: inout Hasher) {
        hasher.combine(nl)
        hasher.combine(en)
    }
}

/// One decision's reason texts, one after another (``ReasonTexts``).
///
/// Each thread's decision scratch keeps one and renders into it again once no reason of an
/// earlier decision refers to it (``DecisionScratch/textArena()``), so texts cost no
/// allocation from one decision to the next. It is only written by the decision being made,
/// on its thread, while no finished decision refers to it; after that it is only read, so it
/// may be shared between threads. Its bytes stay in memory until rendered over, as a freed
/// String's would; they are never written anywhere.
final class TextArena: @unchecked Sendable {
    @exclusivity(unchecked) var bytes = ByteBuffer(capacity: 2048)
}
