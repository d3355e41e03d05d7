/// What a reason shows: the facts its rule used and its Dutch and English texts.
///
/// The engine renders a decision's reasons one after another into one buffer (``TextArena``):
/// each reason's facts as a compact JSON object, then its two texts. A reason keeps where they
/// lie there: no `String`, array or JSON value is made for them, and the writer copies their
/// bytes straight into the output. They are made into Swift values only when read as such
/// (text output, letters, a test). What is set from elsewhere is kept as values.
///
/// Two contents compare as their facts and `String`s do, wherever they are kept.
struct ReasonContent: Hashable, Sendable {
    private enum Storage {
        case values(facts: [JSONMember], nl: String, en: String)
        /// The facts at `start..<textStart`, Dutch at `textStart..<middle`, English at
        /// `middle..<end` (rendered in that order); the arena's identity beside it, which a
        /// reader holding the arena already compares without counting a reference to it.
        case arena(TextArena, ObjectIdentifier, start: UInt32, textStart: UInt32, middle: UInt32, end: UInt32)
    }

    private var storage: Storage

    init(facts: [JSONMember] = [], nl: String, en: String) { storage = .values(facts: facts, nl: nl, en: en) }

    /// What the arena holds at `start..<textStart` (the facts as a JSON object),
    /// `textStart..<middle` (Dutch) and `middle..<end` (English).
    init(_ arena: TextArena, start: Int, textStart: Int, middle: Int, end: Int) {
        storage = .arena(
            arena, ObjectIdentifier(arena), start: UInt32(truncatingIfNeeded: start), textStart: UInt32(truncatingIfNeeded: textStart),
            middle: UInt32(truncatingIfNeeded: middle), end: UInt32(truncatingIfNeeded: end))
    }

    var facts: [JSONMember] {
        get {
            switch storage {
            case .values(let facts, _, _): return facts
            case .arena:
                // The engine's own compact JSON: it always reads back as an object.
                guard let json = withFactsJSON({ try? JSONReader.parse(Array($0)) }), case .object(let members)? = json else { return [] }
                return members
            }
        }
        set { storage = .values(facts: newValue, nl: nl, en: en) }
    }

    var nl: String {
        get { withUTF8(.nl) { String(decoding: $0, as: UTF8.self) } }
        set { storage = .values(facts: facts, nl: newValue, en: en) }
    }

    var en: String {
        get { withUTF8(.en) { String(decoding: $0, as: UTF8.self) } }
        set { storage = .values(facts: facts, nl: nl, en: newValue) }
    }

    /// Calls `body` with the UTF-8 of the text in `language`, without copying it.
    func withUTF8<Result>(_ language: Language, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withParts { _, nl, en in body(language == .nl ? nl : en) }
    }

    /// Calls `body` with the facts as the engine wrote them, a compact JSON object with the
    /// names in order; nil when the facts were set as members.
    func withFactsJSON<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        withParts { factsJSON, _, _ in factsJSON.map(body) }
    }

    /// Calls `body` with the facts as the engine wrote them (nil when they were set as members)
    /// and the UTF-8 of the Dutch and the English text, all lent in place. The writer takes the
    /// three at once: each look into the storage binds the arena, counting a reference to it.
    func withParts<Result>(
        _ body: (_ factsJSON: UnsafeBufferPointer<UInt8>?, _ nl: UnsafeBufferPointer<UInt8>, _ en: UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        switch storage {
        case .values(_, let nl, let en):
            return TextBytes.withUTF8(of: nl) { nl in TextBytes.withUTF8(of: en) { en in body(nil, nl, en) } }
        case .arena(let arena, _, let start, let textStart, let middle, let end):
            return arena.bytes.buffer.withUnsafeBytes { all in
                body(
                    UnsafeBufferPointer(rebasing: all[Int(start)..<Int(textStart)]), UnsafeBufferPointer(rebasing: all[Int(textStart)..<Int(middle)]),
                    UnsafeBufferPointer(rebasing: all[Int(middle)..<Int(end)]))
            }
        }
    }

    /// Calls `body` with the index and the parts of each of `reasons` in order, as
    /// ``withParts(_:)`` lends them. The reasons of one decision share its arena: it is taken
    /// once for all of them (taken for each, it was counted and released at every reason), and
    /// a reason whose parts lie elsewhere is lent its own way.
    @inline(__always)
    static func forEachParts(
        of reasons: UnsafeBufferPointer<Reason>,
        _ body: (_ index: Int, _ factsJSON: UnsafeBufferPointer<UInt8>?, _ nl: UnsafeBufferPointer<UInt8>, _ en: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard !reasons.isEmpty else { return }
        guard let shared = reasons[0].content.arena else {
            for i in reasons.indices { reasons[i].content.withParts { body(i, $0, $1, $2) } }
            return
        }
        let sharedIdentity = ObjectIdentifier(shared)
        shared.bytes.buffer.withUnsafeBytes { all in
            for i in reasons.indices {
                guard case .arena(_, let identity, let start, let textStart, let middle, let end) = reasons[i].content.storage, identity == sharedIdentity else {
                    reasons[i].content.withParts { body(i, $0, $1, $2) }
                    continue
                }
                body(
                    i, UnsafeBufferPointer(rebasing: all[Int(start)..<Int(textStart)]), UnsafeBufferPointer(rebasing: all[Int(textStart)..<Int(middle)]),
                    UnsafeBufferPointer(rebasing: all[Int(middle)..<Int(end)]))
            }
        }
    }

    /// The arena the parts were rendered into; nil when they were set as values.
    private var arena: TextArena? {
        if case .arena(let arena, _, _, _, _, _) = storage { return arena }
        return nil
    }

    // As Strings compare: canonically equal texts are equal, however their bytes differ.
    static func == (a: ReasonContent, b: ReasonContent) -> Bool { a.nl == b.nl && a.en == b.en && a.facts == b.facts }

    func hash(into hasher: inout Hasher) {
        hasher.combine(nl)
        hasher.combine(en)
    }
}

/// One decision's reason facts and texts, one after another (``ReasonContent``).
///
/// Each thread's decision scratch keeps one and renders into it again once no reason of an
/// earlier decision refers to it (``DecisionScratch/textArena()``), so reasons cost no
/// allocation from one decision to the next. It is only written by the decision being made,
/// on its thread, while no finished decision refers to it; after that it is only read, so it
/// may be shared between threads. Its bytes stay in memory until rendered over, as a freed
/// String's would; they are never written anywhere.
final class TextArena: @unchecked Sendable {
    /// JSON for the facts, plain UTF-8 for the texts (``bytes``'s buffer).
    @exclusivity(unchecked) var bytes = JSONBytes(capacity: 2048)
}
