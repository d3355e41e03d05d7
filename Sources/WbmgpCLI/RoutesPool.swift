import Synchronization
import Wbmgp

/// The routes requests are answered by, one set per replica of the compiled rules.
///
/// Every request of every connection thread runs the engine; if they all shared one compiled
/// copy, the cores would contend for the reference counts of the same rule and designation
/// objects (each retain an atomic write to a cache line the other core holds), which made a
/// request cost about twice a batch line. So a request takes a set no other request holds
/// (``withRoutes(_:)``), and only when all are taken does it share the first, rather than wait.
///
/// A reload (``replace(_:)``) swaps every set at once: a request sees the old rules or the new,
/// never a mix, and a set taken before the reload is not put back after it.
final class RoutesPool: @unchecked Sendable {
    private let lock = Mutex(())
    private var shared: ServiceRoutes
    private var free: [ServiceRoutes]
    private var generation = 0

    /// `sets[0]` is shared when the others are taken; the others are lent out one at a time.
    init(_ sets: [ServiceRoutes]) {
        shared = sets[0]
        free = Array(sets.dropFirst())
    }

    /// Runs `body` with a set no other request holds when there is one, else the shared set.
    func withRoutes<Result>(_ body: (ServiceRoutes) -> Result) -> Result {
        let (lent, routes, taken) = lock.withLock { _ in
            let lent = free.popLast()
            return (lent, lent ?? shared, generation)
        }
        defer {
            if let lent {
                lock.withLock { _ in
                    if taken == generation { free.append(lent) }
                }
            }
        }
        return body(routes)
    }

    /// The sets of freshly loaded rules, replacing all the current ones.
    func replace(_ sets: [ServiceRoutes]) {
        lock.withLock { _ in
            shared = sets[0]
            free = Array(sets.dropFirst())
            generation += 1
        }
    }

    /// One set for the module and one for each of `replicas` replicas of it (compiled
    /// concurrently, so start-up grows by one compilation).
    static func sets(_ module: RuleModule, replicas: Int, make: (RuleModule) -> ServiceRoutes) -> [ServiceRoutes] {
        [make(module)] + module.replicas(replicas).map(make)
    }
}
