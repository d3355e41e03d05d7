import Testing

@testable import Wbmgp

@Suite("JSON reader and writer")
struct JSONTests {
    @Test("reads every JSON type and keeps member order")
    func readsTypes() throws {
        let value = try JSONReader.parse(#"{"b": [1, -2.5, true, false, null], "a": "x\u00e9\n", "c": {}}"#)
        #expect(value == .object([
            JSONMember("b", .array([.integer(1), .number(-2.5), .bool(true), .bool(false), .null])),
            JSONMember("a", .string("xé\n")), JSONMember("c", .object([])),
        ]))
    }

    @Test("decodes surrogate pairs")
    func surrogates() throws {
        #expect(try JSONReader.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test("malformed text is an error with line and column", arguments: [
        ("{\"a\": }", 1, 7), ("{\"a\": 1,\n \"a\": 2}", 2, 2), ("[1, 2", 1, 6), ("{\"id\": \"x\"} trailing", 1, 13),
        ("01", 1, 1), ("\"\\ud800\"", 1, 8), ("{\"a\" 1}", 1, 6), ("\"tab\there\"", 1, 5),
    ])
    func malformed(text: String, line: Int, column: Int) {
        #expect {
            try JSONReader.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test("deep nesting is an error, not a crash")
    func depth() {
        let text = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(text) }
    }

    @Test("writer escapes, sorts when asked, and round-trips")
    func writer() throws {
        let value = JSONValue.sortedObject([("z", .string("a\"b\\c\n\u{1}")), ("a", .array([.integer(1), .bool(true)])), ("m", .null)])
        let compact = JSONWriter.compact(value)
        #expect(compact == #"{"a":[1,true],"m":null,"z":"a\"b\\c\n\u0001"}"#)
        #expect(try JSONReader.parse(compact) == value)
        #expect(JSONWriter.pretty(.object([JSONMember("k", .array([]))])) == "{\n  \"k\": []\n}")
    }

    @Test("escaping finds a special character at every position of a long string, and passes non-ASCII text through")
    func escapingPositions() throws {
        // Long enough for the writer's sixteen- and eight-byte steps to both meet the character,
        // and a second one nine places on, after the first escape.
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for position in 0..<42 {
                var characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOé")
                characters.insert(Character(special), at: position)
                if position % 3 == 0 { characters.insert(Character(special), at: min(position + 9, characters.count)) }
                let text = String(characters)
                let written = JSONWriter.compact(.string(text))
                #expect(try JSONReader.parse(written) == .string(text), "\(special.debugDescription) at \(position)")
                #expect(!written.dropFirst().dropLast().contains(where: { $0 == "\u{1}" || $0 == "\n" }))
            }
        }
        #expect(JSONWriter.compact(.string("Tarwewijk ë 😀 ~\u{7F}")) == "\"Tarwewijk ë 😀 ~\u{7F}\"")
    }

    /// Strings of up to 32 bytes are tested in overlapping words and copied whole when nothing
    /// needs escaping; each is written as the same text with forty more bytes is (by the scan
    /// made for long texts), less those bytes.
    @Test("short strings: with a special character at every position of every length up to 40, written as by the long scan")
    func shortStrings() throws {
        let padding = String(repeating: "x", count: 40)
        func longScan(_ text: String) -> String {
            let written = JSONWriter.compact(.string(text + padding))
            return String(written.dropLast(padding.count + 1)) + "\""
        }
        for length in 1...40 {
            let plain = String(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN").prefix(length))
            #expect(JSONWriter.compact(.string(plain)) == "\"" + plain + "\"", "length \(length)")
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
                for position in 0..<length {
                    var characters = Array(plain)
                    characters[position] = Character(special)
                    let text = String(characters)
                    let written = JSONWriter.compact(.string(text))
                    #expect(written == longScan(text), "\(special.debugDescription) at \(position) of \(length)")
                    #expect(try JSONReader.parse(written) == .string(text))
                }
            }
        }
        #expect(JSONWriter.compact(.string("é")) == "\"é\"")
        #expect(JSONWriter.compact(.string("")) == "\"\"")
    }

    /// A plain string (ASCII, no escape) is made from the tape's bytes by copying them
    /// (``JSONTape/plainText(_:)``), in place up to 15 bytes and in storage of its own beyond:
    /// each length on both sides of that bound reads back as the same string as decoded UTF-8,
    /// equal, hashed alike and usable as any other.
    @Test("plain strings of every length up to 40 read from the tape as the strings they spell")
    func plainStrings() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-_ ./")
        for length in 0...40 {
            let text = String(letters.prefix(length))
            let read = try JSONReader.parse("[\"" + text + "\",{\"" + text + "x\":1}]")
            guard case .array(let elements) = read, case .string(let value) = elements[0], case .object(let members) = elements[1] else {
                Issue.record("length \(length): \(read)")
                continue
            }
            let decoded = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(value == decoded && value.utf8.count == length && value.hashValue == decoded.hashValue, "length \(length)")
            #expect(Array(value.utf8) == Array(text.utf8) && value + "!" == text + "!", "length \(length)")
            #expect(members.first?.key == text + "x", "member name of length \(length + 1)")
        }
    }
}
