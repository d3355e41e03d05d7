/// The documented limits on input documents (interface §2: "inputs beyond the documented limits
/// … are `E-LIMIT` errors naming the JSON path"), all in one place.
///
/// The readers check a limit before they do any work per element, so input beyond it is refused
/// early and cheaply; within the limits every check is linear or n log n (hashing, sorting),
/// never pairwise over a list the input can make long. The values sit far above real input: the
/// largest shipped fixture is 18 KB, its longest string 2,064 bytes, its longest list 21
/// elements, its deepest nesting 8 levels.
///
/// Public only for ``documentBytes``, so a reader of batch lines can stop buffering a line there.
public enum InputLimits {
    /// 4 MiB per document, and per line of a `--jsonl` batch. A real application is 1–5 KB and a
    /// designation or request under 20 KB; 4 MiB still holds a designation listing some 50,000
    /// addresses, while it bounds what one job of a parallel batch holds in memory (the JSON tree
    /// takes several times the bytes of its text).
    public static let documentBytes = 4 * 1024 * 1024

    /// 64 levels of JSON nesting. Applications nest 7 levels, designations, requests and decision
    /// records fewer than 10. The JSON reader and the code that compares or frees a parsed tree
    /// recurse once a level, so a bound keeps them far from the end of any thread's stack.
    static let nestingDepth = 64

    /// 10,000 bytes per string (ids, names, codes, conditions, reasons). The longest shipped
    /// string is a designation's `source` of about 2 KB; a hardship reason or a condition is a
    /// sentence or two. A string is stored, compared and echoed, so it should stay small.
    static let stringBytes = 10_000

    /// 100,000 bytes for the prose of a designation request (substantiation, evaluation summary,
    /// advice): a summary of several pages, where a longer text belongs in an attached document.
    static let proseBytes = 100_000

    /// 100,000 elements in any list without a limit of its own (income codes, characteristics,
    /// conditions, hardship decisions, the areas and codes of a designation). A designation may
    /// list many postcodes or addresses; nothing real comes near this.
    static let listElements = ListLimit(maximum: 100_000, owner: "a list", items: "elements")

    /// 64 members per household. Dutch registered households rarely pass 15 persons, group homes
    /// a few dozen; the engine evaluates rules per member, so the household bounds a decision's work.
    static let householdMembers = ListLimit(maximum: 64, owner: "a household", items: "members")

    /// 1,000 residence periods per person: a move every month for 80 years is 960 periods.
    static let residencePeriods = ListLimit(maximum: 1_000, owner: "a person", items: "residence periods")

    /// 1,000 police records per person: the overview covers a look-back window of a few years,
    /// where even a prolific record holds a few dozen entries.
    static let policeRecords = ListLimit(maximum: 1_000, owner: "a person", items: "police records")

    /// 200 bytes of any input quoted in a message (an unknown key, a bad code or value), so an
    /// error record stays a line a person can read however long the offending text is; 200 bytes
    /// show every real key and code in full.
    static let echoBytes = 200

    /// A limit on the length of one list, with the words its message uses.
    struct ListLimit: Sendable {
        let maximum: Int
        /// What holds the list ("a household").
        let owner: String
        /// What the list holds ("members").
        let items: String

        /// `E-LIMIT` at `path` when `count` is beyond the limit (the path is built only then).
        func check(_ count: Int, at path: @autoclosure () -> String) throws(InputError) {
            guard count > maximum else { return }
            throw InputError.limit(path: path(), message: "\(owner) has at most \(maximum) \(items); this one has \(count)")
        }
    }

    /// `E-LIMIT` at `path` when `text` is longer than `maximum` bytes (the path is built only then:
    /// this runs for every string read).
    static func checkString(_ text: String, atMost maximum: Int = InputLimits.stringBytes, at path: @autoclosure () -> String) throws(InputError) {
        let count = text.utf8.count
        guard count > maximum else { return }
        throw InputError.limit(path: path(), message: "a string has at most \(maximum) bytes; this one has \(count)")
    }

    /// `E-LIMIT` at `$` when a document of `count` bytes is too long. The message gives no size:
    /// a batch line past the limit reaches the reader cut to its first bytes.
    static func checkDocument(_ count: Int) throws(InputError) {
        guard count > documentBytes else { return }
        throw InputError.limit(path: "$", message: "a document or batch line has at most \(documentBytes) bytes (\(documentBytes >> 20) MiB); this one is longer")
    }

    /// The message of a JSON nesting limit exceeded at `level`.
    static func nestingMessage(level: Int) -> String {
        "JSON nests at most \(nestingDepth) levels deep; this value is at level \(level)"
    }

    /// Input text as a message quotes it: at most ``echoBytes`` bytes, cut on a UTF-8 character
    /// boundary, with "…" appended when cut. Every message that quotes input uses this, so no
    /// error record grows with the input.
    static func echo(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count > echoBytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: echoBytes)
        // Back off continuation bytes (10xxxxxx) so the cut falls before a character's first byte.
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self) + "…"
    }

    /// A did-you-mean hint for `name`, skipped for a name too long to be a typo of any field or
    /// code: edit distance costs the product of the lengths, and such a name is shown cut anyway.
    static func hint(for name: String, in candidates: [String]) -> String {
        name.utf8.count > echoBytes ? "" : Suggestions.hint(for: name, in: candidates)
    }

    /// An error thrown while reading a document, with an `applicationId` longer than a string may
    /// be cut as a message would quote it (the id itself is then the problem).
    static func cappingId(_ error: InputError) -> InputError {
        guard let id = error.applicationId, id.utf8.count > stringBytes else { return error }
        var capped = error
        capped.applicationId = echo(id)
        return capped
    }
}
