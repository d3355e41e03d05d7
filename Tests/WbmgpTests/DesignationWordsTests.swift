import Testing

@testable import Wbmgp

/// ``DesignationWords`` gives each designation the engine knows the words a text context writes
/// for it, in both languages, found by identity; a designation it does not know gets none.
@Suite struct DesignationWordsTests {
    @Test("70 designations, shipped and made: each finds its own words; an unknown one finds none")
    func wordsByIdentity() throws {
        var designations = try TestSupport.shippedDesignations()
        let files = (0..<52).map { i in
            ("\(i).json", DesignationTests.json(id: "w\(i)", from: "2018-01-01", until: "2021-12-31", areas: #"{"neighbourhoods": ["N\#(i)"]}"#, measures: DesignationTests.art9))
        }
        let (made, problems) = DesignationReader(law: TestSupport.law).read(files: files)
        #expect(problems.isEmpty)
        designations += made
        #expect(designations.count >= 70)
        let labels = TestSupport.law.labels
        let words = DesignationWords(designations, labels: labels)
        var context = TextContext(language: .nl, labels: labels, household: nil, designations: [], designation: nil, peopleByName: false)
        for designation in designations {
            for language in [Language.nl, .en] {
                context.language = language
                var expected = ByteBuffer(), found = ByteBuffer()
                context.appendWords(for: designation, to: &expected)
                #expect(words.appendWords(for: designation, language, to: &found), "\(designation.id)")
                #expect(found.array == expected.array, "\(designation.id) in \(language)")
                #expect(!found.array.isEmpty)
            }
        }
        // Read again, not known to these words: nothing is appended.
        let stranger = try #require(DesignationReader(law: TestSupport.law).read(files: [files[0]]).0.first)
        var none = ByteBuffer()
        #expect(!words.appendWords(for: stranger, .nl, to: &none))
        #expect(none.count == 0)
        #expect(!DesignationWords([], labels: labels).appendWords(for: stranger, .en, to: &none))
    }
}
