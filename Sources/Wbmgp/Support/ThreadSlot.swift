#if canImport(Glibc)
    import Glibc
#endif

/// A place per thread for an object the thread reuses from one use to the next (a scratch
/// buffer, an evaluator): made on the thread's first use, released when the thread ends. The
/// users mark their object in use themselves, so a nested use can make one of its own.
///
/// A thread-specific value (`pthread_getspecific`), so objects shared by several threads need no
/// lock and no caller has to carry the scratch.
struct ThreadSlot<Value: AnyObject>: Sendable {
    /// Nil when the system has no key left: then every use makes its own object.
    private let key: pthread_key_t?

    init() {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { raw in
            // The thread's retain of its object (``value(making:)``), given up as it ends.
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
        }
        self.key = made == 0 ? key : nil
    }

    /// This thread's object, made with `make` on its first use; nil when there is no key.
    func value(making make: () -> Value) -> Value? {
        guard let key else { return nil }
        if let raw = pthread_getspecific(key) { return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue() }
        let value = make()
        // Retained by the thread until it ends (the key's destructor releases it).
        let retained = Unmanaged.passRetained(value)
        if pthread_setspecific(key, retained.toOpaque()) != 0 { retained.release() }
        return value
    }
}
