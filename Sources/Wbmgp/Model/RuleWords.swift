/// The words a reason takes from its rule (id, citation, effect), with the JSON the writer gives
/// them, escaped and quoted once: a batch writes them for every reason it gives.
///
/// One object per rule version, shared by every reason it gives: a reason refers to it once,
/// where it held the three strings and the JSON apart (each counted when a reason was made,
/// copied or freed). Never changed; a reason whose words are set gets a new one.
///
/// The JSON lies in memory of the object's own, read through pointers: as arrays, each was
/// counted and released by the writer at every reason it wrote (about 200 instructions a
/// decision). Unchecked `Sendable`: the memory is written once, in `init`, and only read after.
/// Its own memory rather than a ``FixedBytes`` or a `FixedStorage`: built on either, the writer
/// ran 180–210 instructions a decision slower (measured twice; the optimizer inlined the writer
/// differently), for the same bytes.
final class RuleWords: Hashable, @unchecked Sendable {
    let id: String
    let citation: String
    let effect: String
    /// The head's bytes, then the tail's, freed with the object.
    private let json: UnsafeMutableBufferPointer<UInt8>
    private let headCount: Int

    // `head` and `tail` are valid only while these words are held (by a reason, a rule).
    /// `{"citation":…,"effect":…,"facts":`
    var head: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: json[..<headCount]) }
    /// `,"rule":…,"text":`
    var tail: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: json[headCount...]) }

    init(id: String, citation: String, effect: String) {
        self.id = id
        self.citation = citation
        self.effect = effect
        var head = JSONBytes()
        head.raw("{\"citation\":")
        head.appendString(citation)
        head.raw(",\"effect\":")
        head.appendString(effect)
        head.raw(",\"facts\":")
        var tail = JSONBytes()
        tail.raw(",\"rule\":")
        tail.appendString(id)
        tail.raw(",\"text\":")
        let bytes = head.bytes + tail.bytes
        json = .allocate(capacity: bytes.count)
        _ = json.initialize(from: bytes)
        headCount = head.bytes.count
    }

    deinit { json.deallocate() }

    /// Words are equal when they say the same: the JSON follows from them.
    static func == (a: RuleWords, b: RuleWords) -> Bool {
        a === b || (a.id == b.id && a.citation == b.citation && a.effect == b.effect)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(citation)
        hasher.combine(effect)
    }
}
