import Testing

@testable import Wbmgp

/// ``FoldedName`` folds ASCII letters eight bytes at a time; its definition is
/// ``AreaMatcher/key(_:)``: two names are the same name exactly when their keys are equal.
@Suite("Folded names")
struct FoldedNameTests {
    /// Characters on both sides of the letters' ranges ("@" before "A", "[" after "Z", "`" before
    /// "a", "{" after "z"), spaces, and text other than ASCII (two-byte and three-byte UTF-8, a
    /// capital whose lower case is longer).
    static let pieces = ["a", "Z", "A", "z", "m", "M", "@", "[", "`", "{", " ", "-", "'", "7", "é", "Â", "İ", "ß", "Ĳ", "ﬀ"]

    /// Names of 0 to 30 characters from ``pieces``, each with variants in other cases and with
    /// spaces around, so that many pairs are the same name and many differ in one byte.
    static func names() -> [String] {
        var random = SplitMix64(seed: 16)
        var names: [String] = ["", " ", "   ", "Capelle aan den IJssel", "capelle aan den ijssel", " CAPELLE AAN DEN IJSSEL  ", "Súdwest-Fryslân", "SÚDWEST-FRYSLÂN"]
        for length in 0...30 {
            for _ in 0..<6 {
                let name = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
                names.append(name)
                names.append(name.uppercased())
                names.append(String(name.map { $0.isASCII && random.next() % 2 == 0 ? Character($0.lowercased()) : $0 }))
                names.append("  " + name + " ")
            }
        }
        return names
    }

    @Test("a folded name's key is the matcher's key")
    func keyAgrees() {
        for name in FoldedNameTests.names() {
            #expect(FoldedName(name).key == AreaMatcher.key(name), "\(name)")
        }
    }

    @Test("two names are equal folded exactly when their keys are, and equal ones hash alike")
    func equalityAgrees() {
        let names = FoldedNameTests.names()
        let folded = names.map(FoldedName.init)
        let keys = names.map(AreaMatcher.key)
        var equalPairs = 0
        for i in names.indices {
            for j in names.indices where j % 7 == i % 7 || keys[i].utf8.count == keys[j].utf8.count {
                let same = keys[i] == keys[j]
                #expect((folded[i] == folded[j]) == same, "\(names[i]) / \(names[j])")
                if same {
                    equalPairs += 1
                    #expect(folded[i].hashValue == folded[j].hashValue, "\(names[i]) / \(names[j])")
                }
            }
        }
        // The variants make sure the pairs that must be equal are tried, not only different ones.
        #expect(equalPairs > names.count * 3)
    }

    @Test("a set of folded names finds a name written in another case or with spaces, and no other")
    func setLookup() {
        let region = Set(["Rotterdam", "Capelle aan den IJssel", "Súdwest-Fryslân", "'s-Gravenhage"].map(FoldedName.init))
        for found in ["rotterdam", " ROTTERDAM ", "capelle aan den ijssel", "CAPELLE AAN DEN IJSSEL", "súdwest-fryslân", "SÚDWEST-FRYSLÂN", "'S-GRAVENHAGE"] {
            #expect(region.contains(FoldedName(found)), "\(found)")
        }
        for missed in ["Rotterdam-Zuid", "Capelle aan den IJssel2", "Capelle aan den IJsse", "Capelle aan den  IJssel", "sudwest-fryslan", "'s Gravenhage", "Rotter{am", "Rotter`am", "Rotter@am", "Rotter[am"] {
            #expect(!region.contains(FoldedName(missed)), "\(missed)")
        }
    }
}
