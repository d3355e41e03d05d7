import Foundation
import Testing

@testable import Wbmgp

/// Paths and loaders shared by the tests. The package root is found from this file's path, since
/// Rules/ and Fixtures/ sit at the top level and are not SwiftPM resources.
enum TestSupport {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var rulesDirectory: String { packageRoot + "/Rules" }
    static var fixturesDirectory: String { packageRoot + "/Fixtures" }

    /// The shipped law, compiled once for all tests.
    static let law: CompiledLaw = {
        let files = RuleModule.readFiles(in: rulesDirectory + "/wbmgp", extension: "rules").files
        let (law, diagnostics) = LawCompiler.compile(files: files)
        precondition(law != nil, "the shipped rules do not compile: \(diagnostics.map { $0.rendered() })")
        return law!  // swift-format-ignore: NeverForceUnwrap (guarded by the precondition above)
    }()

    /// The designations shipped in `Rules/designations/`.
    static func shippedDesignations() throws -> [Designation] {
        let files = RuleModule.readFiles(in: rulesDirectory + "/designations", extension: "json").files
        return DesignationReader(law: law).read(files: files).0
    }

    /// Designations read from fixture files by id.
    static func fixtureDesignations(_ ids: [String]) throws -> [Designation] {
        let files = try ids.map { id -> (path: String, text: String) in
            let path = fixturesDirectory + "/designations/\(id).json"
            return (path, try String(contentsOfFile: path, encoding: .utf8))
        }
        let (designations, diagnostics) = DesignationReader(law: law).read(files: files)
        #expect(diagnostics.isEmpty, "fixture designations: \(diagnostics.map { $0.rendered() })")
        return designations
    }

    /// Compiles rule text given inline, as one file named `test.rules`, plus the shipped vocabulary.
    static func compile(_ text: String, withVocabulary: Bool = true) -> (CompiledLaw?, [Diagnostic]) {
        var files: [(path: String, text: String)] = [("test.rules", text)]
        if withVocabulary {
            files.append(("vocabulary.rules", (try? String(contentsOfFile: rulesDirectory + "/wbmgp/vocabulary.rules", encoding: .utf8)) ?? ""))
        }
        return LawCompiler.compile(files: files)
    }

    /// `value` with every object's members in sorted order: JSON compared regardless of member order.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): return .sortedObject(members.map { ($0.key, sorted($0.value)) })
        case .array(let elements): return .array(elements.map(sorted))
        default: return value
        }
    }

    /// A fresh temporary directory for one test, made as the program makes its own
    /// (``FileSystem/makeTemporaryDirectory(prefix:in:)``).
    static func temporaryDirectory() throws -> String {
        guard let path = FileSystem.makeTemporaryDirectory(prefix: "wbmgp-test") else { throw NoTemporaryDirectory() }
        return path
    }

    struct NoTemporaryDirectory: Error {}

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }
}
