#if canImport(Glibc)
    import Glibc
#endif

/// A POSIX thread of its own for one connection. Connections block in `poll` and `recv`;
/// Dispatch's pool on Linux grows slowly past the number of cores when its threads block, so a
/// few silent clients could keep every other connection waiting. A thread per connection (the
/// number bounded by ``HTTPServer/Configuration/maximumConnections``) cannot be starved that way.
/// Public for clients that block the same way (the load and abuse benchmark of `wbmgp bench`).
public enum DetachedThread {
    final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new detached thread; false when no thread could be created.
    public static func start(stackBytes: Int = 512 * 1024, _ body: @escaping () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, stackBytes)
        let box = Unmanaged.passRetained(Box(body))
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let box = Unmanaged<DetachedThread.Box>.fromOpaque(raw).takeRetainedValue()
            box.body()
            return nil
        }, box.toOpaque())
        if created != 0 {
            box.release()
            return false
        }
        return true
    }
}
