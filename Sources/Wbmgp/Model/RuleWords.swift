/// The words a reason takes from its rule (id, citation, effect), with the JSON the writer gives
/// them, escaped and quoted once: a batch writes them for every reason it gives.
///
/// One object per rule version, shared by every reason it gives: a reason refers to it once,
/// where it held the three strings and the JSON apart (each counted when a reason was made,
/// copied or freed). Never changed; a reason whose words are set gets a new one.
final class RuleWords: Hashable, Sendable {
    let id: String
    let citation: String
    let effect: String
    /// `{"citation":…,"effect":…,"facts":`
    let head: [UInt8]
    /// `,"rule":…,"text":`
    let tail: [UInt8]

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
        self.head = head.bytes
        self.tail = tail.bytes
    }

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
