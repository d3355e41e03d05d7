#if canImport(Glibc)
    import Glibc
#endif

/// The storage a thread reuses from one decision to the next: an evaluator whose locals, fact
/// cache and list of missing facts keep their capacity, and the buffer reason texts are written
/// in. Making and freeing these for every decision took about a fifth of a counted decision's
/// time (`impact`), so each thread keeps one.
///
/// Kept per thread (a thread-specific value), so engines shared by several threads need no lock
/// and no caller has to carry it. A decision begun on a thread whose scratch is in use gets one
/// of its own, freed when it ends.
final class DecisionScratch {
    let evaluator = ExpressionEvaluator(application: nil, lawDate: CalendarDate(dayNumber: 0), designationIds: [])
    /// Reason texts are built here, one after another; only ever touched by the decision that
    /// holds this scratch, on its thread.
    @exclusivity(unchecked) var textBuffer = ByteBuffer(capacity: 512)
    private var inUse = false

    /// This thread's scratch, marked in use; ``finish()`` hands it back.
    static func take() -> DecisionScratch {
        guard let key = threadKey else { return DecisionScratch(taken: ()) }
        guard let raw = pthread_getspecific(key) else {
            let scratch = DecisionScratch(taken: ())
            // Retained by the thread until it ends (``threadKey``'s destructor releases it).
            if pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque()) != 0 {
                Unmanaged.passUnretained(scratch).release()
            }
            return scratch
        }
        let scratch = Unmanaged<DecisionScratch>.fromOpaque(raw).takeUnretainedValue()
        guard !scratch.inUse else { return DecisionScratch(taken: ()) }
        scratch.inUse = true
        return scratch
    }

    private init(taken: Void) { inUse = true }

    /// Ends the decision: the scratch may serve the next one. The application is let go, so no
    /// person's data stays in an idle thread's scratch.
    func finish() {
        evaluator.application = nil
        inUse = false
    }

    /// The key of the thread-specific scratch; nil when the system has no key left (then every
    /// decision makes its own, as before).
    private static let threadKey: pthread_key_t? = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<DecisionScratch>.fromOpaque(raw).release() }
        }
        return made == 0 ? key : nil
    }()
}
