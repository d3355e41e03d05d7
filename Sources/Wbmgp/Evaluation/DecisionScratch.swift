/// The storage a thread reuses from one decision to the next: an evaluator whose locals, fact
/// cache and list of missing facts keep their capacity, and the arena reasons' facts and texts
/// are written in. Making and freeing these for every decision took about a fifth of a counted
/// decision's time (`impact`), so each thread keeps one.
///
/// Kept per thread (``ThreadSlot``), so engines shared by several threads need no lock and no
/// caller has to carry it. A decision begun on a thread whose scratch is in use gets one of its
/// own, freed when it ends.
final class DecisionScratch {
    let evaluator = ExpressionEvaluator(lawDate: CalendarDate(dayNumber: 0), designationIds: [])
    /// Where reasons' facts and texts are rendered (``textArena()``).
    private var arena = TextArena()
    /// What the text being rendered wrote unchecked (``TextContext/escapeNote``).
    let escapeNote = EscapeNote()
    /// Code lists this thread has written in words (``ListWords``), kept from one decision to the next.
    let listWords = ListWords()
    private var inUse = false

    /// This thread's scratch, marked in use; ``finish()`` hands it back.
    static func take() -> DecisionScratch {
        guard let scratch = threadScratch.value(making: { DecisionScratch(taken: false) }), !scratch.inUse else { return DecisionScratch(taken: true) }
        scratch.inUse = true
        return scratch
    }

    private init(taken: Bool) { inUse = taken }

    /// The arena a decision renders its reasons' facts and texts into: this scratch's own,
    /// emptied, unless a reason of an earlier decision still refers to it; then a new one, kept
    /// from then on.
    func textArena() -> TextArena {
        if isKnownUniquelyReferenced(&arena) {
            arena.bytes.buffer.removeAll()
        } else {
            arena = TextArena()
        }
        return arena
    }

    /// Ends the decision: the scratch may serve the next one. The application lent is let go. The
    /// arena still holds the decision's facts and texts (the decision refers to them) until the
    /// next decision renders over them: like freed memory, only in this process, never stored.
    func finish() {
        evaluator.end()
        inUse = false
    }

    /// Each thread's scratch (then every decision makes its own, as before, when the system has
    /// no key left).
    private static let threadScratch = ThreadSlot<DecisionScratch>()
}
