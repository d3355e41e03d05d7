import Testing

@testable import Wbmgp

/// A cached fact keeps the paths of the absent facts it noted, so that reading it again notes
/// them again (``FactCache``). They lie one fact's after another in one list of the cache's,
/// emptied when the cache is cleared: no list of its own for each fact that noted one.
@Suite("Cached facts and the paths they noted")
struct FactCacheTests {
    @Test("each fact gives back exactly the paths it noted; a fact stored again notes none")
    func pathsPerFact() {
        var cache = FactCache()
        cache.reserve(4)
        cache.store(0, .integer(1))
        cache.store(1, .unknown)
        cache.note(1, ["$.household[0].income", "$.woonverklaring"][...])
        cache.store(3, .bool(true))
        cache.note(3, ["$.household[1].birthDate"][...])
        #expect(cache.holds(0) && cache.holds(1) && !cache.holds(2) && cache.holds(3))
        #expect(cache.notedNone(0))
        #expect(Array(cache.notedPaths(1)) == ["$.household[0].income", "$.woonverklaring"])
        #expect(Array(cache.notedPaths(3)) == ["$.household[1].birthDate"])
        #expect(cache.value(3) == .bool(true))
        cache.store(1, .integer(2))
        #expect(cache.notedNone(1))
        #expect(Array(cache.notedPaths(3)) == ["$.household[1].birthDate"])
    }

    @Test("clearing forgets every fact and its paths; facts stored after note their own")
    func clearing() {
        var cache = FactCache()
        cache.reserve(2)
        cache.store(0, .unknown)
        cache.note(0, ["$.a", "$.b", "$.c"][...])
        cache.clear()
        #expect(!cache.holds(0) && !cache.holds(1))
        cache.store(1, .unknown)
        cache.note(1, ["$.d"][...])
        #expect(Array(cache.notedPaths(1)) == ["$.d"])
        cache.store(0, .integer(5))
        #expect(cache.notedNone(0))
    }
}
