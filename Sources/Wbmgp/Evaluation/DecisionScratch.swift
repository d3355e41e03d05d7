/// The storage a thread reuses from one decision to the next: an evaluator whose locals, fact
/// cache and list of missing facts keep their capacity, and the arena reasons' facts and texts
/// are written in. Making and freeing these for every decision took about a fifth of a counted
/// decision's time (`impact`), so each thread keeps one.
///
/// Kept per thread (``ThreadSlot``), so engines shared by several threads need no lock and no
/// caller has to carry it. A decision begun on a thread whose scratch is in use gets one of its
/// own, freed when it ends.
final class DecisionScratch {
    /// The run this thread's decisions are made in, with the evaluator, the arena and the words
    /// it keeps (``DecisionRun``).
    let run: DecisionRun
    private var inUse = false

    /// This thread's scratch, marked in use; ``finish()`` hands it back.
    static func take() -> DecisionScratch {
        guard let scratch = threadScratch.value(making: { DecisionScratch(taken: false) }), !scratch.inUse else { return DecisionScratch(taken: true) }
        scratch.inUse = true
        return scratch
    }

    private init(taken: Bool) {
        inUse = taken
        run = DecisionRun(
            evaluator: ExpressionEvaluator(lawDate: CalendarDate(dayNumber: 0), designationIds: []), escapeNote: EscapeNote(), listWords: ListWords())
    }

    /// Ends the decision: the scratch may serve the next one. The application lent is let go
    /// (``DecisionRun/end()``). The arena still holds the decision's facts and texts (the decision
    /// refers to them) until the next decision renders over them: like freed memory, only in
    /// this process, never stored.
    func finish() {
        run.end()
        inUse = false
    }

    /// Each thread's scratch (then every decision makes its own, as before, when the system has
    /// no key left).
    private static let threadScratch = ThreadSlot<DecisionScratch>()
}
