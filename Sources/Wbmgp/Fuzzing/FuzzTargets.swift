
/// The parsers the harness fuzzes, seeded from the project's own fixtures and rules: each
/// documented input format has a target (interface §3–§7). A parser added later joins here.
public struct FuzzTargets: Sendable {
    public let targets: [FuzzTarget]

    /// Why the harness could not start: the package's rules or fixtures could not be read.
    public struct SetupError: Error, Sendable {
        public var message: String
    }

    /// The targets, with seeds read from the package at `root` (the folder holding `Rules` and
    /// `Fixtures`).
    public init(root: String) throws(SetupError) {
        let seeds = try FuzzSeeds(root: root)
        let base = try FuzzChecks(seeds: seeds)
        targets = [
            FuzzTarget(name: "application", seeds: seeds.applications, mutator: .json) { _, input in base.application(input) },
            FuzzTarget(name: "designation", seeds: seeds.designations, mutator: .json) { _, input in base.designation(input) },
            FuzzTarget(name: "request", seeds: seeds.requests, mutator: .json) { _, input in base.request(input) },
            FuzzTarget(name: "rules", seeds: seeds.ruleFiles.map { Array($0.text.utf8) }, mutator: .rules) { index, input in
                base.ruleFile(index, input)
            },
            FuzzTarget(name: "record", seeds: base.records, mutator: .json) { _, input in base.record(input) },
            FuzzTarget(name: "log", seeds: [base.log], mutator: .json) { _, input in base.logFile(input) },
            FuzzTarget(name: "letter", seeds: seeds.letters.map { Array($0.text.utf8) }, mutator: .letters) { _, input in base.letterTemplate(input) },
            FuzzTarget(name: "http", seeds: FuzzSeeds.httpRequests(seeds.applications[0]), mutator: .http) { _, input in base.httpRequest(input) },
            FuzzTarget(name: "override", seeds: FuzzSeeds.overrides, mutator: .rules) { _, input in base.override(input) },
            FuzzTarget(name: "report", seeds: [base.log] + base.records.prefix(3), mutator: .json) { _, input in base.report(input) },
        ]
    }

    public func target(named name: String) -> FuzzTarget? { targets.first { $0.name == name } }
}

extension FuzzSeeds {
    /// `impact --set` values as an analyst writes them: a duration, a number, a set.
    static let overrides: [[UInt8]] = [
        "minimumResidence=3 years", "screeningAge=18", "qualifyingIncome={employment, pension, state-pension}", "adultAge=21",
        "minimumResidence=72 months",
    ].map { Array($0.utf8) }

    /// Requests as clients send them: plain, with a body by length and by chunks, pipelined.
    static func httpRequests(_ application: [UInt8]) -> [[UInt8]] {
        let body = String(decoding: application, as: UTF8.self)
        let hex = String(application.count, radix: 16)
        return [
            "GET /v1/health HTTP/1.1\r\nHost: desk\r\n\r\n",
            "POST /v1/decide?format=text&lang=en HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\nContent-Length: \(application.count)\r\n\r\n\(body)",
            "POST /v1/decide HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n\(hex)\r\n\(body)\r\n0\r\n\r\n",
            "GET /v1/version HTTP/1.1\r\n\r\nGET /v1/vocabulary HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        ].map { Array($0.utf8) }
    }
}

/// The seed inputs: the valid decide fixtures, the shipped and fixture designations, the request
/// fixtures and the shipped rule files.
struct FuzzSeeds: Sendable {
    var applications: [[UInt8]] = []
    var designations: [[UInt8]] = []
    var requests: [[UInt8]] = []
    var ruleFiles: [(path: String, text: String)] = []
    var fixtureDesignations: [(path: String, text: String)] = []
    var letters: [(path: String, text: String)] = []
    /// The shipped templates, compiled: the HTTP target's routes write letters with them.
    var letterTemplates: [Language: LetterTemplate] = [:]

    init(root: String) throws(FuzzTargets.SetupError) {
        ruleFiles = RuleModule.readFiles(in: root + "/Rules/wbmgp", extension: "rules").files
        fixtureDesignations = RuleModule.readFiles(in: root + "/Fixtures/designations", extension: "json").files
        let shipped = RuleModule.readFiles(in: root + "/Rules/designations", extension: "json").files
        designations = (fixtureDesignations + shipped).map { Array($0.text.utf8) }
        for file in RuleModule.readFiles(in: root + "/Fixtures/decide/valid", extension: "json").files {
            if let application = (try? JSONReader.parse(file.text))?["application"] { applications.append(Array(JSONWriter.compact(application).utf8)) }
        }
        for file in RuleModule.readFiles(in: root + "/Fixtures/requests", extension: "json").files {
            if let request = (try? JSONReader.parse(file.text))?["request"] { requests.append(Array(JSONWriter.pretty(request).utf8)) }
        }
        letters = RuleModule.readFiles(in: root + "/Rules/letters", extension: "html").files
        letterTemplates = RuleModule.loadLetters(in: root + "/Rules/letters").0
        guard !ruleFiles.isEmpty, !letters.isEmpty, !applications.isEmpty, !designations.isEmpty, !requests.isEmpty else {
            throw FuzzTargets.SetupError(message: "no seeds under \(root): expected Rules/wbmgp, Rules/letters, Fixtures/decide/valid, Fixtures/designations and Fixtures/requests")
        }
    }
}
