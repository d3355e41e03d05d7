import Testing

@testable import Wbmgp

/// The tape's own shortcuts (plain names compared as bytes, a bit per name ruling repeats out,
/// strings scanned eight bytes at a time) must decide exactly as comparing decoded `String`s does.
@Suite("JSON tape")
struct JSONTapeTests {
    func duplicate(_ text: String) -> Bool {
        do {
            _ = try JSONReader.parse(text)
            return false
        } catch {
            return error.message.hasPrefix("duplicate member name")
        }
    }

    @Test("a name repeated through an escape, or as a canonically equal text, is a repeat in either order")
    func repeats() {
        #expect(duplicate(#"{"id":1,"i\u0064":2}"#))
        #expect(duplicate(#"{"i\u0064":1,"id":2}"#))
        #expect(duplicate(#"{"K":1,"\u212A":2}"#), "the Kelvin sign is canonically equal to K")
        #expect(duplicate(#"{"\u212A":1,"a":0,"K":2}"#))
        #expect(duplicate("{\"\u{E9}\":1,\"e\u{301}\":2}"), "é precomposed and decomposed")
        #expect(!duplicate(#"{"id":1,"di":2,"i":3,"d":4,"idd":5}"#))
        #expect(!duplicate(#"{"ab":1,"ba":2}"#), "same length and ends swapped are different names")
        #expect(duplicate(#"{"abc":1,"xyz":2,"abc":3}"#))
    }

    @Test("objects too large to scan, nested in each other, each find their own repeats and only their own")
    func largeNestedObjects() {
        // More members than the scan takes (JSONReader.scannedMembers): each such object checks
        // its names against a set of its own, the innermost kept last.
        func object(_ names: [String], inner: String? = nil, at place: Int = 0) -> String {
            var members = names.map { "\"\($0)\":1" }
            if let inner { members.insert("\"inner\":\(inner)", at: place) }
            return "{" + members.joined(separator: ",") + "}"
        }
        let many = (0..<40).map { "m\($0)" }
        let inner = object(many)
        // The inner object's names are the outer's too: no repeat of the outer's.
        #expect(!duplicate(object(many, inner: inner, at: 35)))
        #expect(!duplicate(object(many, inner: inner, at: 5)))
        // Two large objects one after the other within a large one.
        #expect(!duplicate("{\"a\":\(inner),\"b\":\(inner)," + object(many).dropFirst()))
        // A repeat in the outer object after a large inner one, and within the inner one.
        #expect(duplicate(object(many + ["m3"], inner: inner, at: 35)))
        #expect(duplicate(object(many + ["m39"], inner: inner, at: 39)))
        #expect(duplicate(object(many, inner: object(many + ["m0"]), at: 35)))
        #expect(duplicate(object(many + ["inner"], inner: inner, at: 36)))
        // Three levels deep, the repeat in the middle one after the innermost has ended.
        let middle = object(many + ["m7"], inner: inner, at: 38)
        #expect(duplicate(object(many, inner: middle, at: 2)))
        #expect(!duplicate(object(many, inner: object(many, inner: inner, at: 38), at: 2)))
    }

    @Test("whitespace of each kind between any two tokens reads as the compact text")
    func whitespaceBetweenTokens() throws {
        // The reader looks for the byte it expects before it looks for whitespace: every place
        // a token may be preceded by whitespace is tried, one at a time and all at once.
        let tokens = ["{", "\"a\"", ":", "[", "1", ",", "-2.5e3", ",", "{", "}", ",", "[", "]", ",", "true", ",", "null", "]", ",",
                      "\"b\"", ":", "{", "\"c\"", ":", "\"x y\"", "}", "}"]
        let compact = try JSONReader.parse(tokens.joined())
        for space in [" ", "\t", "\n", "\r\n", " \t\r\n "] {
            for place in 0...tokens.count {
                var spaced = tokens
                spaced.insert(space, at: place)
                #expect(try JSONReader.parse(spaced.joined()) == compact, "\(space.debugDescription) before token \(place)")
            }
            #expect(try JSONReader.parse(space + tokens.joined(separator: space) + space) == compact)
        }
    }

    @Test("a token missing after whitespace is an error where the next token stands", arguments: [
        ("{ \"a\"  1}", 1, 8, "expected ':' after member name"),
        ("[1 ,2 3]", 1, 7, "expected ',' or ']' in array"),
        ("{\"a\":1 \n \"b\"}", 2, 2, "expected ',' or '}' in object"),
        ("{\"a\":1, \n \"b\"}", 2, 5, "expected ':' after member name"),
        ("{\"a\":1 , }", 1, 10, "expected a quoted member name"),
        ("{\"a\":1 \t x}", 1, 10, "expected ',' or '}' in object"),
        ("[1, ", 1, 5, "unexpected end of input; expected a value"),
        ("{\"a\":1 ", 1, 8, "unexpected end of input; expected ',' or '}'"),
    ])
    func missingTokenAfterWhitespace(text: String, line: Int, column: Int, message: String) {
        #expect {
            try JSONReader.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == line && error.column == column && error.message == message
        }
    }

    @Test("strings of every length up to 40, with a special byte at every place, read as the text they hold")
    func strings() throws {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            #expect(try JSONReader.parse("\"\(plain)\"") == .string(plain))
            for place in 0..<length {
                var escaped = Array(plain)
                escaped[place] = "\""
                let expected = String(escaped)
                let json = "\"" + expected.replacingOccurrences(of: "\"", with: "\\\"") + "\""
                #expect(try JSONReader.parse(json) == .string(expected), "quote at \(place) of \(length)")
                var accented = Array(plain)
                accented[place] = "é"
                #expect(try JSONReader.parse("\"\(String(accented))\"") == .string(String(accented)))
                let control = "\"" + String(plain.prefix(place)) + "\u{1}" + String(plain.dropFirst(place + 1)) + "\""
                #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(control) }
            }
        }
    }

    @Test("a tree built from the tape equals the text's values: numbers, literals, nesting")
    func tree() throws {
        let value = try JSONReader.parse(#"{"a":[1,-2,3.5,1e3,true,false,null,{}],"b":{"c":[[]]},"d":"x\ny"}"#)
        #expect(value == .object([
            JSONMember("a", .array([.integer(1), .integer(-2), .number(3.5), .number(1000), .bool(true), .bool(false), .null, .object([])])),
            JSONMember("b", .object([JSONMember("c", .array([.array([])]))])),
            JSONMember("d", .string("x\ny")),
        ]))
    }
}
