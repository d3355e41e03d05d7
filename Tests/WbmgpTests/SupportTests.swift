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

    @Test("room reserved keeps what is written and takes the appends after it; less than there is changes nothing")
    func reserve() {
        var buffer = ByteBuffer(capacity: 1)
        buffer.append(Array("first line\n".utf8))
        buffer.reserve(100_000)
        buffer.reserve(10)
        for i in 0..<5_000 { buffer.append(UInt8(truncatingIfNeeded: i)) }
        let expected = Array("first line\n".utf8) + (0..<5_000).map { UInt8(truncatingIfNeeded: $0) }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
    }

    @Test("pieces of 1 to 40 bytes (copied without memcpy up to 32) are copied exactly, from and to every alignment")
    func shortPieces() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        source.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            for lead in 0..<8 {
                for length in 1...40 {
                    for offset in 0..<8 {
                        var buffer = ByteBuffer()
                        for _ in 0..<lead { buffer.append(0xEE) }
                        buffer.append(base + offset, count: length)
                        buffer.append(0xFF)
                        let expected = [UInt8](repeating: 0xEE, count: lead) + source[offset..<(offset + length)] + [0xFF]
                        #expect(buffer.array == expected, "lead \(lead), length \(length), offset \(offset)")
                    }
                }
            }
        }
    }

    @Test("growing keeps every byte written; truncating, overwriting and clearing act in place")
    func growthAndEdits() {
        // From the smallest capacity through several doublings, in pieces of every short length.
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for length in 0..<100 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
        }
        #expect(buffer.count == expected.count && buffer.array == expected)
        buffer.truncate(to: 10)
        buffer.setByte(0x41, at: 3)
        buffer.setByte(0x42, at: 10)  // beyond the bytes written: ignored
        var head = Array(expected.prefix(10))
        head[3] = 0x41
        #expect(buffer.array == head)
        buffer.truncate(to: 20)  // longer than written: ignored
        #expect(buffer.count == 10)
        buffer.removeAll()
        buffer.append(StaticString("again"))
        #expect(buffer.string == "again")
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

@Suite("Flat expression code")
struct ExpressionCodeTests {
    @Test("a rule's facts are emitted once however often they are named, and every operand points inside the code")
    func factsSharedAndOperandsInRange() throws {
        let law = TestSupport.law
        for snapshot in law.snapshots {
            for rule in snapshot.rules {
                let code = rule.program
                var cachedSlots: [Int32] = []
                for i in 0..<code.count {
                    let children: [Int32]
                    switch code.nodes[i] {
                    case .cached(let slot, let inner):
                        cachedSlots.append(slot)
                        children = [inner]
                    case .list(let first, let count), .call(_, let first, let count):
                        #expect(Int(first + count) <= code.operands.count)
                        children = Array(code.operands[Int(first)..<Int(first + count)])
                    case .constant(let index):
                        #expect(Int(index) < code.constants.count)
                        children = []
                    case .person(let a, _), .record(let a, _), .designationRecord(let a, _), .not(let a), .isAbsent(let a, _): children = [a]
                    case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .member(let a, let b), .intersects(let a, let b),
                        .add(let a, let b), .subtract(let a, let b), .filter(_, let a, let b), .quantifier(_, _, let a, let b):
                        children = [a, b]
                    case .conditional(let a, let b, let c): children = [a, b, c]
                    default: children = []
                    }
                    // Post-order: operands come before the node that uses them.
                    #expect(children.allSatisfy { $0 >= 0 && Int($0) < i }, "rule \(rule.id), node \(i)")
                }
                #expect(Set(cachedSlots).count == cachedSlots.count, "rule \(rule.id): a fact emitted twice")
                #expect(cachedSlots.count == rule.facts.count, "rule \(rule.id): one cached node per fact")
            }
        }
    }
}

@Suite("Priority flags")
struct PriorityFlagsTests {
    @Test("read and written like a dictionary; equal regardless of order")
    func dictionarySemantics() {
        var flags = PriorityFlags()
        #expect(flags["aboveUrgent"] == nil)
        flags["aboveUrgent"] = true
        flags["aboveLocalTies"] = false
        flags["aboveUrgent"] = false
        #expect(flags["aboveUrgent"] == false && flags["aboveLocalTies"] == false)
        #expect(flags.entries.count == 2)
        let literal: PriorityFlags = ["aboveLocalTies": false, "aboveUrgent": false]
        #expect(flags == literal && flags.hashValue == literal.hashValue)
        flags["aboveLocalTies"] = nil
        #expect(flags != literal && flags.entries.count == 1)
    }
}

@Suite("Text interner")
struct TextInternerTests {
    @Test("the same bytes give the same text, different bytes their own, and past its capacity it still gives the right text")
    func interns() {
        var texts = TextInterner()
        func text(_ s: String) -> String { Array(s.utf8).withUnsafeBufferPointer { texts.text($0) } }
        let long = "capelle-aan-den-ijssel-2019"
        #expect(text(long) == long)
        #expect(text("rotterdam-2018") == "rotterdam-2018")
        #expect(text(long) == long)
        #expect(text("") == "")
        for i in 0..<(TextInterner.capacity * 2) { #expect(text("designation-\(i)") == "designation-\(i)") }
        #expect(text("capelle-aan-den-ijssel-2018") == "capelle-aan-den-ijssel-2018")
        #expect(text("é-ü") == "é-ü")
    }
}

@Suite("Label table")
struct LabelTableTests {
    /// Codes of every length from 0 to 40 bytes, many sharing a prefix, some differing only in
    /// their last byte or in one byte of a word the hash reads whole, and some not ASCII.
    static let codes: [String] = {
        var codes: [String] = []
        for length in 0...40 {
            codes.append(String(repeating: "a", count: length))
            if length > 0 { codes.append(String(repeating: "a", count: length - 1) + "b") }
            if length > 8 { codes.append("b" + String(repeating: "a", count: length - 1)) }
        }
        return codes + ["vandalism-public-space", "vandalisme-openbare-ruimte", "één", "e\u{301}e\u{301}n"]
    }()

    /// A label whose words say which it is, of unlike lengths in the two languages.
    static func label(_ i: Int) -> TextLabels.Label {
        TextLabels.Label(nl: "woord \(i) één", en: String(repeating: "w", count: i % 7) + "\(i)")
    }

    /// The words `table` appends for `code` in `language`, nil when it has no label for it.
    static func words(_ table: LabelTable, _ code: String, _ language: Language) -> String? {
        Array(code.utf8).withUnsafeBufferPointer { code in
            guard let index = table.index(of: LabelTable.Probe(code)) else { return nil }
            var bytes = ByteBuffer()
            bytes.append("«")
            table.appendWords(at: index, language, to: &bytes)
            return String(decoding: bytes.array.dropFirst(2), as: UTF8.self)
        }
    }

    @Test("every code set is found with its own label and words; codes not set are not found")
    func lookups() {
        var table = LabelTable()
        for (i, code) in Self.codes.enumerated() { table.set(Self.label(i), for: code) }
        #expect(table.count == Self.codes.count)
        for (i, code) in Self.codes.enumerated() {
            #expect(table[code] == Self.label(i), "\(code)")
            #expect(Self.words(table, code, .nl) == Self.label(i).nl, "\(code)")
            #expect(Self.words(table, code, .en) == Self.label(i).en, "\(code)")
        }
        for missing in ["aaba", "c", String(repeating: "a", count: 41), "vandalism-public-spacE", "een"] {
            #expect(table[missing] == nil, "\(missing)")
            #expect(Self.words(table, missing, .nl) == nil, "\(missing)")
        }
        // Set again: replaced, not added; its new words are the ones written.
        let replaced = TextLabels.Label(nl: "vervangen", en: "replaced")
        table.set(replaced, for: "aaaa")
        #expect(table["aaaa"] == replaced)
        #expect(Self.words(table, "aaaa", .nl) == "vervangen")
        #expect(Self.words(table, "aaaa", .en) == "replaced")
        #expect(Self.words(table, "aaab", .en) == Self.label(Self.codes.firstIndex(of: "aaab") ?? -1).en)
        #expect(table.count == Self.codes.count)
    }

    @Test("tables with the same codes and labels are equal, whatever the order they were set in")
    func equality() {
        var forwards = LabelTable(), backwards = LabelTable()
        for (i, code) in Self.codes.enumerated() { forwards.set(Self.label(i), for: code) }
        for (i, code) in Self.codes.enumerated().reversed() { backwards.set(Self.label(i), for: code) }
        #expect(forwards == backwards)
        backwards.set(Self.label(99), for: "a")
        #expect(forwards != backwards)
    }
}

@Suite("Dates in words")
struct DatesInWordsTests {
    @Test("every month by name, days of one and two digits, years of three, four and five digits and before year 1")
    func datesInWords() throws {
        let nl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for month in 1...12 {
            for day in [1, 9, 10, 28] {
                let date = try #require(CalendarDate(year: 2021, month: month, day: day))
                #expect(PlainWords.date(date, .nl) == "\(day) \(nl[month - 1]) 2021")
                #expect(PlainWords.date(date, .en) == "\(day) \(en[month - 1]) 2021")
            }
        }
        #expect(PlainWords.date(try #require(CalendarDate(year: 999, month: 3, day: 31)), .nl) == "31 maart 999")
        #expect(PlainWords.date(try #require(CalendarDate(year: 1000, month: 12, day: 5)), .en) == "5 December 1000")
        #expect(PlainWords.date(try #require(CalendarDate(year: 9999, month: 7, day: 4)), .nl) == "4 juli 9999")
        // Dates beyond year 9999 or before year 1 come only from arithmetic.
        #expect(PlainWords.date(TestSupport.date("2021-01-15").adding(years: 7979), .nl) == "15 januari 10000")
        #expect(PlainWords.date(TestSupport.date("0001-03-15").adding(years: -45), .en) == "15 March -44")
    }
}

/// ``TextLabels`` keep their contents in one shared storage; they still behave as a value.
@Suite("Text labels: shared storage, value semantics")
struct TextLabelsValueTests {
    static func noun(_ labels: TextLabels, _ role: Person.Role, _ language: Language) -> String {
        var bytes = ByteBuffer(capacity: 16)
        guard labels.appendNoun(of: role, language, to: &bytes) else { return "-" }
        return bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a changed copy leaves the original as it was, and role nouns follow the domains")
    func copiesAreIndependent() {
        var original = TextLabels()
        original.domains["personRole"] = ["applicant": .init(nl: "aanvrager", en: "applicant"), "partner": .init(nl: "partner", en: "partner")]
        original.order["income"] = ["employment", "none"]
        original.anyDomain.set(.init(nl: "loon", en: "wages"), for: "employment")
        #expect(Self.noun(original, .applicant, .nl) == "aanvrager")
        #expect(Self.noun(original, .coOccupant, .nl) == "-")

        var copy = original
        copy.domains["personRole"]?["applicant"] = .init(nl: "verzoeker", en: "requester")
        copy.domains["personRole"]?["co-occupant"] = .init(nl: "medebewoner", en: "co-occupant")
        copy.order["income"]?.append("other")
        copy.anyDomain.set(.init(nl: "salaris", en: "salary"), for: "employment")

        #expect(Self.noun(copy, .applicant, .nl) == "verzoeker")
        #expect(Self.noun(copy, .coOccupant, .en) == "co-occupant")
        #expect(copy.order["income"] == ["employment", "none", "other"])
        #expect(copy.anyDomain["employment"]?.nl == "salaris")

        #expect(Self.noun(original, .applicant, .nl) == "aanvrager")
        #expect(Self.noun(original, .coOccupant, .nl) == "-")
        #expect(original.order["income"] == ["employment", "none"])
        #expect(original.anyDomain["employment"]?.nl == "loon")
        #expect(original.label("applicant", in: "personRole")?.en == "applicant")
    }
}
