/// Deterministic mutations of a seed input, for the fuzz harness (issue 11).
///
/// Mutation `index` of a seed with `seed` is always the same bytes, on every machine, so a
/// failure found in a long run is reproduced by its target, seed and index alone. Byte-level
/// mutations find the reader's edges (truncation, stray bytes, broken UTF-8); the token
/// dictionary of each format finds the deeper ones (a closing bracket too many, a huge number,
/// an impossible date, a keyword cut off at the end of a rule file).
public struct Mutator: Sendable {
    /// Tokens worth inserting for this format.
    public let dictionary: [[UInt8]]

    public init(dictionary: [String]) {
        self.dictionary = dictionary.map { Array($0.utf8) }
    }

    /// Tokens for JSON documents: structure, literals at the edges of their types, dates that do
    /// not exist, escapes, and bytes that are not UTF-8.
    public static let json = Mutator(dictionary: [
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "false", "-1", "0", "1e999", "-0", "1.5",
        "9223372036854775807", "99999999999999999999", "\"2021-02-30\"", "\"0000-01-01\"", "\"9999-12-31\"", "\"2021-2-3\"",
        "\\u0000", "\\uD800", "\\\"", "\u{FEFF}", "\"\"", "[]", "{}", "\"applicant\"", "\"joining\"", "\"none\"", "\"art8-2\"",
        "\"policeRecords\":[]", "\"household\":[]", "\n", "\r", "\t", "\u{00E9}", "\u{10FFFF}",
    ])

    /// Tokens for rule files: keywords, operators, numbers and durations at their limits, and
    /// the places where a clause or a rule may be cut off.
    public static let rules = Mutator(dictionary: [
        "rule ", "refuse", "grant", "require", "applies when ", "unless ", "lifted by hardship ", "reason nl \"", "reason en \"",
        "fact ", "define ", "parameter ", "set ", "from 2030-01-01 ", "until 2029-12-31 ", "(", ")", "((((((((", "))))))))", "not ",
        " and ", " or ", " < ", " = ", "{", "}", "\"", "#", "\n", "  ", "9223372036854775807", "99999999999999999999",
        "1317624576693539402 weeks", "9999 years", "10000 years", "-1 days", "0 days", "2021-02-30 ", "applicant.", "measure ",
        "any in ", "count(", "\u{FEFF}", "\u{00E9}",
    ])

    /// Tokens for HTTP/1.1 requests: line ends bare and doubled, the framing headers alone, twice
    /// and together, chunk sizes at their limits, versions and methods the parser refuses.
    public static let http = Mutator(dictionary: [
        "\r\n", "\n", "\r", "\r\n\r\n", ": ", ":", " ", "\t", "Content-Length: ", "Content-Length: 0\r\n", "Content-Length: 99999999999999999999\r\n",
        "Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n", "FFFFFFFFFFFFFFFF\r\n", "5;ext=1\r\n", "-1",
        "HTTP/1.1", "HTTP/1.0", "HTTP/2", "GET ", "POST ", "CONNECT ", "/v1/decide", "/v1/decide?format=desk&lang=en", "%00", "%",
        "Connection: close\r\n", "Expect: 100-continue\r\n", "Content-Type: application/json\r\n", "\u{0}", "\u{00E9}", "\u{7F}",
    ])

    /// Tokens for letter templates: tags cut off, sections crossed and nested, names that do not
    /// exist, and HTML.
    public static let letters = Mutator(dictionary: [
        "{{", "}}", "{{#if isRefused}}", "{{/if}}", "{{else}}", "{{#unless isDraft}}", "{{/unless}}", "{{#each grounds as g}}", "{{/each}}",
        "{{g.text}}", "{{g.nope}}", "{{municipality}}", "{{nope}}", "{{! note }}", "{{#each municipality as m}}", "{{addressee}}", "<p>",
        "</p>", "&", "\n", "\u{00E9}", "{{#if a.b.c.d}}", "{{ }}", "{{#each x}}", "{{> besluit.css}}", "{{> ../x}}",
    ])

    /// The `index`-th mutation of `input`, from generator seed `seed`: one to four stacked
    /// edits, occasionally a whole-input one (truncation, repetition), never longer than
    /// `maximumLength` bytes plus the longest edit.
    public func mutate(_ input: [UInt8], seed: UInt64, index: Int, maximumLength: Int = 1 << 20) -> [UInt8] {
        var random = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        var bytes = input
        for _ in 0..<random.int(in: 1...4) {
            edit(&bytes, &random)
            if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        }
        return bytes
    }

    private func edit(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : random.int(in: 0...bytes.count)
        switch random.int(in: 0...11) {
        case 0:  // flip one bit
            guard position < bytes.count else { return }
            bytes[position] ^= UInt8(1) << UInt8(random.int(in: 0...7))
        case 1:  // a random byte
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        case 2, 3:  // delete a run
            guard position < bytes.count else { return }
            bytes.removeSubrange(position..<min(bytes.count, position + random.int(in: 1...16)))
        case 4, 5, 6:  // insert a token of the format
            guard let token = random.pick(dictionary) else { return }
            bytes.insert(contentsOf: token, at: position)
        case 7:  // replace a run by a token
            guard let token = random.pick(dictionary), position < bytes.count else { return }
            bytes.replaceSubrange(position..<min(bytes.count, position + random.int(in: 1...8)), with: token)
        case 8:  // duplicate a run
            guard position < bytes.count else { return }
            let end = min(bytes.count, position + random.int(in: 1...64))
            bytes.insert(contentsOf: bytes[position..<end], at: end)
        case 9:  // cut off the end: input that stops anywhere
            bytes.removeSubrange(position...)
        case 10:  // a token repeated many times: nesting, long chains, long strings
            guard let token = random.pick(dictionary) else { return }
            let times = random.chance(10) ? 100_000 : random.int(in: 2...300)
            var run: [UInt8] = []
            run.reserveCapacity(token.count * times)
            for _ in 0..<times { run += token }
            bytes.insert(contentsOf: run, at: position)
        default:  // swap a digit for another: dates and numbers just beside valid ones
            guard let digit = (position..<bytes.count).first(where: { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return }
            bytes[digit] = UInt8(0x30 + random.int(in: 0...9))
        }
    }
}
