import Testing

@testable import Wbmgp

/// ``FoldedNameTable`` finds a name exactly when its key (``AreaMatcher/key(_:)``) is the key of
/// a name it was made with, and gives that name's element: checked against a dictionary of keys.
@Suite("Folded name tables")
struct FoldedNameTableTests {
    @Test("tables of 0 to 200 names find each name in any case and spacing, and no other")
    func findsAsKeysDo() {
        let names = FoldedNameTests.names()
        for size in [0, 1, 2, 3, 7, 8, 9, 31, 64, 200] {
            let chosen = Array(names.prefix(size))
            let table = FoldedNameTable(chosen.enumerated().map { (name: FoldedName($0.element), element: $0.offset) })
            // The element of the first name with each key, as the table keeps the first.
            var expected: [String: Int] = [:]
            for (i, name) in chosen.enumerated() where expected[AreaMatcher.key(name)] == nil { expected[AreaMatcher.key(name)] = i }
            #expect(table.keys.count == expected.count, "size \(size)")
            for name in names {
                let key = AreaMatcher.key(name)
                #expect(table[FoldedName(name)] == expected[key], "size \(size): '\(name)'")
                #expect(table.contains(FoldedName(name)) == (expected[key] != nil), "size \(size): '\(name)'")
            }
        }
    }

    @Test("a set of names: municipalities of a region, found whatever their case")
    func set() {
        let region = FoldedNameTable(names: ["Rotterdam", "Schiedam", "Capelle aan den IJssel", "rotterdam"].map(FoldedName.init))
        #expect(region.keys.count == 3)
        #expect(region.contains(FoldedName(" capelle AAN den ijssel ")))
        #expect(region.contains(FoldedName("SCHIEDAM")))
        #expect(!region.contains(FoldedName("Schiedam-Oost")))
        #expect(!region.contains(FoldedName("")))
        #expect(!FoldedNameTable(names: []).contains(FoldedName("Rotterdam")))
    }
}
