import Testing

@testable import Wbmgp

@Suite("ASCII case maps")
struct ASCIICaseTests {
    @Test("ASCII text maps exactly as the Unicode case maps do", arguments: [
        "Rotterdam", "rotterdam", "CARNISSE", "Hillesluis ", "Tarwewijk-Noord", "3083 aa", "", "a1-B2_c3",
    ])
    func asciiAgrees(text: String) {
        #expect(ASCIICase.lowercased(text) == text.lowercased())
        #expect(ASCIICase.uppercased(text) == text.uppercased())
        #expect(ASCIICase.uppercased(text, droppingSpaces: true) == String(text.filter { $0 != " " }).uppercased())
    }

    @Test("non-ASCII text is left to the Unicode maps")
    func nonASCII() {
        #expect(ASCIICase.lowercased("Súdwest-Fryslân") == nil)
        #expect(ASCIICase.uppercased("straße") == nil)
        #expect(AreaMatcher.key("  Súdwest-FRYSLÂN ") == "súdwest-fryslân")
        #expect(AreaMatcher.normalisedPostcode(" 3083 aa ") == "3083AA")
    }
}

@Suite("Byte buffer")
struct ByteBufferTests {
    @Test("appends of every size grow the buffer and keep every byte in order")
    func growth() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for size in 0..<300 {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            buffer.append(piece)
            buffer.append(UInt8(truncatingIfNeeded: size))
            expected += piece
            expected.append(UInt8(truncatingIfNeeded: size))
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
        buffer.withUnsafeBytes { #expect(Array($0) == expected) }
    }

    @Test("copies are independent (copy on write)")
    func valueSemantics() {
        var a = ByteBuffer()
        a.append(Array("abc".utf8))
        var b = a
        b.append(UInt8(ascii: "d"))
        a.append(UInt8(ascii: "x"))
        #expect(a.array == Array("abcx".utf8))
        #expect(b.array == Array("abcd".utf8))
        var c = b
        c.removeAll()
        #expect(c.count == 0 && b.array == Array("abcd".utf8))
    }

    @Test("JSON strings escape exactly quotes, backslashes and control characters")
    func escaping() {
        let cases: [(String, String)] = [
            ("plain text longer than eight bytes", #""plain text longer than eight bytes""#),
            ("quote \" and back\\slash", #""quote \" and back\\slash""#),
            ("tab\tnew\nline\r\u{01}", #""tab\tnew\nline\r\u0001""#),
            ("’s-Gravenhage é", "\"’s-Gravenhage é\""),
            ("", #""""#),
        ]
        for (text, json) in cases {
            var out = JSONBytes()
            out.appendString(text)
            #expect(String(decoding: out.bytes, as: UTF8.self) == json)
        }
        var out = JSONBytes()
        out.date(TestSupport.date("2019-05-01"))
        out.integer(-42)
        out.integer(Int.min)
        #expect(String(decoding: out.bytes, as: UTF8.self) == #""2019-05-01"-42-9223372036854775808"#)
    }
}
