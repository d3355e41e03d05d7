import Foundation
import Testing

/// No trap that input or the environment can reach (style §2.3, issue 11): `try!`, `fatalError`,
/// `as!` and force unwraps are found by a scan of Sources/, and each that remains is on a short
/// allow-list with the reason it cannot be reached.
@Suite("Sources hold no trap that input can reach")
struct SourceHygieneTests {
    /// (file, the text of the line's trap, why input cannot reach it).
    static let allowed: [(file: String, text: String, reason: String)] = [
        ("TextBytes.swift", "buffer.baseAddress!", "a pointer into a 24-byte stack tuple, never nil"),
        ("CalendarDate.swift", "b.baseAddress!", "a pointer into a 10-byte stack tuple, never nil"),
        ("BatchDecider.swift", "precondition(!services.isEmpty", "the CLI always passes at least one service: a programming error"),
        ("BatchDecider.swift", "precondition(state != Self.taken", "a block read ahead is started once and recycled after it is finished: a programming error"),
        ("Parser+Declarations.swift", "precondition(position > start || atEnd", "the parser's progress invariant: a programming error"),
        ("BenchCommand.swift", "precondition(reasons > 0", "bench checks its own generated applications, never user input"),
    ]

    /// A trap on one line: `try!`, `fatalError(`, `preconditionFailure(`, `precondition(`, `as!`,
    /// or a postfix `!` force unwrap (a name, `)` or `]` followed by `!` that is not `!=`).
    static let trap = #"try!|fatalError\(|preconditionFailure\(|precondition\(|\bas!|[\w\)\]]!(?!=)"#

    @Test("every trap in Sources/ is on the allow-list with its reason")
    func noReachableTraps() throws {
        let root = TestSupport.packageRoot + "/Sources"
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var found: [String] = []
        var used = Set<Int>()
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Comments and string literals may name a trap without being one.
                let code = Self.code(of: String(line))
                guard code.range(of: Self.trap, options: .regularExpression) != nil else { continue }
                let file = String(relative.split(separator: "/").last ?? "")
                if let index = Self.allowed.firstIndex(where: { file == $0.file && code.contains($0.text) }) {
                    used.insert(index)
                } else {
                    found.append("Sources/\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "traps input may reach:\n\(found.joined(separator: "\n"))")
        let stale = Self.allowed.indices.filter { !used.contains($0) }.map { Self.allowed[$0].file + ": " + Self.allowed[$0].text }
        #expect(stale.isEmpty, "allow-list entries that match nothing any more: \(stale)")
    }

    /// The line without its `//` comment and with string literals emptied.
    static func code(of line: String) -> String {
        var result = ""
        var inString = false
        var previous: Character = " "
        for character in line {
            if inString {
                if character == "\"" && previous != "\\" { inString = false; result.append("\"") }
            } else if character == "\"" {
                inString = true
                result.append("\"")
            } else if character == "/" && previous == "/" {
                result.removeLast()
                break
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}
