import Testing

@testable import Wbmgp

/// A list value read as the texts in it (``Value/listTexts``): a priority's characteristics, a
/// screening's behaviours, the codes a generated application picks from.
@Suite("Values: a list's texts")
struct ValueTests {
    @Test("the texts of a list value, in order; none from anything else")
    func listTexts() {
        #expect(Value.list([.text("a"), .integer(3), .text("b"), .unknown]).listTexts == ["a", "b"])
        #expect(Value.list([]).listTexts == [])
        #expect(Value.text("a").listTexts == [])
        #expect(Value.unknown.listTexts == [])
    }
}
