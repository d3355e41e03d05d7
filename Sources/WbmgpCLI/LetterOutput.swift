import Glibc
import Wbmgp

/// `decide --format letter` (interface §10): the *besluit* of each application as one
/// self-contained HTML document. One FILE: to stdout. Several files or `--jsonl`: one
/// `ID.html` per application in `--out DIR`, each written whole or reported (exit 74), never a
/// half letter reported as done.
struct LetterOutput {
    let service: DecisionService
    let template: LetterTemplate
    let language: Language
    /// Where letters go; nil: stdout.
    let directory: String?
    var status = ExitStatus.success
    /// Ids written so far in this run: a second application with the same id would overwrite a letter.
    var written = Set<String>()

    /// Decides one application and writes its letter. `label` names the input in messages.
    mutating func letter(for bytes: [UInt8], label: String) {
        do {
            let (application, decision, _) = try service.decideForPeople(bytes, recording: false)
            guard let html = template.render(LetterModel.build(decision, application: application, engine: service.engine, language: language)) else {
                Output.error("\(label): error: [E-LIMIT] the letter template renders past \(LetterTemplate.maximumSteps) steps or \(LetterTemplate.maximumBytes) bytes; its sections over lists are nested too deep (\(template.source.path))")
                status = status.combined(with: .configuration)
                return
            }
            guard let directory else {
                Output.write(html)
                return
            }
            guard LetterOutput.isSafeFileName(decision.application) else {
                Output.error("\(label): error: [E-VALUE] $.id: '\(decision.application)' cannot be a file name; a letter needs an id of letters, digits, '-', '_' and '.'")
                status = status.combined(with: .dataError)
                return
            }
            guard written.insert(decision.application).inserted else {
                Output.error("\(label): error: [E-VALUE] $.id: another line of this run has the id '\(decision.application)'; ids must differ (one letter per id)")
                status = status.combined(with: .dataError)
                return
            }
            let path = directory + "/" + decision.application + ".html"
            if let failure = LetterOutput.writeFile(Array(html.utf8), to: path) {
                Output.error("\(path): error: [E-OUTPUT] the letter could not be written: \(failure)")
                status = status.combined(with: .outputFailed)
            }
        } catch {
            Output.error("\(label): error: [\(error.code)] \(error.path): \(error.message)")
            status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError)
        }
    }

    static func isSafeFileName(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200 && id != "." && id != ".."
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    /// Writes a whole letter through a new file beside it and a rename
    /// (``FileReplacement/write(_:to:through:mode:syncingFolder:)``), so a letter is either
    /// complete or absent; the errno text on failure. Readable by the owner only, as a decision
    /// log is: a letter names its addressee and the grounds of the decision on them.
    static func writeFile(_ bytes: [UInt8], to path: String) -> String? {
        FileReplacement.write(bytes, to: path, through: ".part", mode: 0o600, syncingFolder: false).map { FileBytes.describe(errno: $0) }
    }
}
