import Dispatch

/// The rule module on disk: rule files under `RULES/wbmgp/*.rules` and designation files under
/// `RULES/designations/*.json` (or a file or directory given instead).
public struct RuleModule: Sendable {
    public var law: CompiledLaw
    public var designations: [Designation]
    public var ruleFileCount: Int
    public var designationFileCount: Int
    /// ``ModuleDigest`` of the rule files and of the designation files used.
    public var rulesDigest: String
    public var designationsDigest: String
    /// The letter templates of `RULES/letters/besluit.LANG.html`, checked against
    /// ``LetterModel/shape``. They shape words, not decisions, so they are not in ``rulesDigest``.
    public var letters: [Language: LetterTemplate] = [:]
    /// The texts the module was compiled from, for ``replica()``.
    var ruleSources: [(path: String, text: String)] = []
    /// The parameters and sets a reform replaced (``reform(_:)``); a replica keeps them.
    var overrides: [LawOverride] = []
    var designationSources: [(path: String, text: String)] = []

    public var engine: Engine { Engine(law: law, designations: designations) }

    /// The engine block of a decision: version and the two digests.
    public func engineInfo(version: String) -> DecisionWriter.EngineInfo {
        DecisionWriter.EngineInfo(version: version, rules: rulesDigest, designations: designationsDigest)
    }

    /// The same module compiled again from the same texts: equal in every decision it makes,
    /// but sharing no object with this one. Each worker of a parallel batch gets its own, so
    /// the cores never contend for the reference counts of shared rule and designation objects.
    public func replica() -> RuleModule {
        guard let law = LawCompiler.compile(files: ruleSources, overrides: overrides).0 else { return self }
        var copy = self
        copy.law = law
        copy.designations = designationSources.isEmpty ? [] : DesignationReader(law: law).read(files: designationSources).0
        return copy
    }

    /// The same module with parameters or sets replaced (a reform, `impact --set`), or the
    /// diagnostics that say why the reform does not compile. Its rules digest covers the
    /// overrides, so the two rule sets of an impact are told apart.
    public func reform(_ overrides: [LawOverride]) -> (RuleModule?, [Diagnostic]) {
        let all = self.overrides + overrides
        let (compiled, diagnostics) = LawCompiler.compile(files: ruleSources, overrides: all)
        guard let compiled else { return (nil, diagnostics) }
        var copy = self
        copy.law = compiled
        copy.overrides = all
        copy.designations = designationSources.isEmpty ? [] : DesignationReader(law: compiled).read(files: designationSources).0
        var digest = SHA256()
        digest.update(Array(rulesDigest.utf8))
        for override in overrides { digest.update(Array(("\n--set " + override.text).utf8)) }
        copy.rulesDigest = "sha256:" + SHA256.hex(digest.finalize())
        return (copy, diagnostics)
    }

    /// `count` replicas, compiled concurrently (start-up grows by one compilation, not `count`).
    public func replicas(_ count: Int) -> [RuleModule] {
        guard count > 0 else { return [] }
        let slots = ConcurrentSlots<RuleModule>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.store(replica(), at: $0) }
        return slots.takeValues().map { $0 ?? self }
    }

    /// Loads and compiles everything; all diagnostics of all files are returned together.
    ///
    /// - Returns: the module, or nil when any diagnostic is an error.
    ///
    /// - Parameter letters: read and check the letter templates too (`rules check`, letters,
    ///   `serve`); a decision in JSON or text needs none, and starts faster without.
    public static func load(rules directory: String, designations designationsPath: String? = nil, readDesignations: Bool = true, letters wantsLetters: Bool = true)
        -> (RuleModule?, [Diagnostic])
    {
        let ruleFiles = readFiles(in: directory + "/wbmgp", extension: "rules")
        var diagnostics = ruleFiles.diagnostics
        if ruleFiles.files.isEmpty {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(code: .fileUnreadable, message: "no rule files (*.rules) found", path: directory + "/wbmgp"))
            }
            return (nil, diagnostics)
        }
        let (law, compileDiagnostics) = LawCompiler.compile(files: ruleFiles.files)
        diagnostics += compileDiagnostics
        guard let law else { return (nil, diagnostics) }
        let rulesDigest = ModuleDigest.digest(ruleFiles.files.map { (relativeName($0.path, in: directory), $0.text) })
        let (letters, letterDiagnostics) = wantsLetters ? loadLetters(in: directory + "/letters") : ([:], [])
        diagnostics += letterDiagnostics
        guard readDesignations else {
            var module = RuleModule(
                law: law, designations: [], ruleFileCount: ruleFiles.files.count, designationFileCount: 0, rulesDigest: rulesDigest,
                designationsDigest: ModuleDigest.digest([]), ruleSources: ruleFiles.files)
            module.letters = letters
            return (diagnostics.contains { $0.severity == .error } ? nil : module, diagnostics)
        }
        let path = designationsPath ?? directory + "/designations"
        let designationFiles = readFiles(in: path, extension: "json")
        diagnostics += designationFiles.diagnostics
        if designationFiles.files.isEmpty, designationFiles.diagnostics.isEmpty {
            // Not an error (a module may be checked before any designation is made), but a
            // silent one would make every decision not-applicable.
            diagnostics.append(
                Diagnostic(.warning, code: .noDesignations, message: "no designations loaded from \(path): every decision will be not-applicable", path: path))
        }
        let (designations, designationDiagnostics) = DesignationReader(law: law).read(files: designationFiles.files)
        diagnostics += designationDiagnostics
        // A measure a designation carries that no rule is under would decide nothing: a rule
        // file cut off (art08.rules emptied) compiled clean, and every refusal under art. 8
        // became "not applicable".
        let served = Set(law.snapshots.flatMap { $0.rules.compactMap(\.measure) })
        for designation in designations {
            for setting in designation.measures where !served.contains(setting.name) {
                diagnostics.append(
                    Diagnostic(
                        code: .designationMeasureWithoutRules,
                        message: "the designation \(designation.id) carries the measure '\(setting.name)', but no rule is 'under' it, so it would decide nothing (is a rule file empty or cut off?)",
                        path: designation.path, jsonPath: "$.measures.\(setting.name)"))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let designationsDigest = ModuleDigest.digest(designationFiles.files.map { (fileName($0.path), $0.text) })
        var module = RuleModule(
            law: law, designations: designations, ruleFileCount: ruleFiles.files.count, designationFileCount: designationFiles.files.count,
            rulesDigest: rulesDigest, designationsDigest: designationsDigest, ruleSources: ruleFiles.files, designationSources: designationFiles.files)
        module.letters = letters
        return (module, diagnostics)
    }

    /// `besluit.nl.html` and `besluit.en.html` from `directory`, parsed and checked; none when the
    /// directory does not exist (a module without letters decides, but cannot write a letter).
    static func loadLetters(in directory: String) -> ([Language: LetterTemplate], [Diagnostic]) {
        guard FileSystem.kind(at: directory) == .directory else { return ([:], []) }
        var letters: [Language: LetterTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for language in Language.allCases {
            let path = directory + "/besluit.\(language.rawValue).html"
            let (files, problems) = readFiles(in: path, extension: "html")
            diagnostics += problems
            guard let file = files.first else { continue }
            let (template, found) = LetterTemplate.parse(SourceFile(path: file.path, text: file.text)) { name in
                readFiles(in: directory + "/" + name, extension: "").files.first?.text
            }
            diagnostics += found + template.check(against: LetterModel.shape)
            letters[language] = template
        }
        return (letters, diagnostics)
    }

    /// `Rules/wbmgp/art05.rules` relative to `Rules`: `wbmgp/art05.rules`.
    static func relativeName(_ path: String, in directory: String) -> String {
        path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : fileName(path)
    }

    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// The files with the extension in a directory (sorted by name), or the one file at `path`.
    static func readFiles(in path: String, extension ext: String) -> (files: [(path: String, text: String)], diagnostics: [Diagnostic]) {
        guard let kind = FileSystem.kind(at: path) else {
            return ([], [Diagnostic(code: .fileUnreadable, message: "no such file or directory", path: path)])
        }
        var paths: [String] = [path]
        if kind == .directory {
            let names = FileSystem.names(in: path) ?? []
            paths = names.filter { $0.hasSuffix("." + ext) }.sorted().map { path + "/" + $0 }
        }
        var files: [(String, String)] = []
        var diagnostics: [Diagnostic] = []
        for file in paths {
            let bytes: [UInt8]
            do throws(FileBytes.Failure) {
                bytes = try FileBytes.read(path: file)
            } catch {
                diagnostics.append(Diagnostic(code: .fileUnreadable, message: "the file \(error.message)", path: file))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(Diagnostic(code: .fileUnreadable, message: "the file is not valid UTF-8", path: file))
                continue
            }
            files.append((file, text))
        }
        return (files, diagnostics)
    }
}
