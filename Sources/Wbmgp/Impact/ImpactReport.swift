/// The result of an impact comparison (interface §11), ready to be written as JSON, text, CSV or
/// an HTML page: the counts of each reform (one, or one per value of a sweep) against the law as
/// it is, with the digests of both rule sets.
public struct ImpactReport: Sendable {
    /// One reform: its label in a sweep (`"3 years"`), the digest of its rules, and its counts.
    public struct Series: Sendable {
        public var label: String?
        public var digest: String
        /// The digest of the designations it decided with.
        public var designationsDigest: String
        public var tally: ImpactTally

        public init(label: String?, digest: String, designationsDigest: String = "", tally: ImpactTally) {
            self.label = label
            self.digest = digest
            self.designationsDigest = designationsDigest
            self.tally = tally
        }
    }

    /// Lines that could not be read or decided (interface §11 `errors`).
    public var errors: Int
    /// Log entries whose personal part was destroyed: no input is left to decide them.
    public var redacted: Int
    public var baseDigest: String
    /// The digest of the designations of the law as it is.
    public var baseDesignationsDigest = ""
    /// What the reform is: `--reform DIR`, or the `--set` assignments, for the reader.
    public var reform: String
    /// The parameter swept (`--sweep NAME=…`), nil without a sweep.
    public var sweep: String?
    public var series: [Series]
    /// The rules' order, so grounds are listed as the rules list them.
    public var ruleOrder: [String]

    public init(errors: Int, redacted: Int, baseDigest: String, reform: String, sweep: String?, series: [Series], ruleOrder: [String]) {
        self.errors = errors
        self.redacted = redacted
        self.baseDigest = baseDigest
        self.reform = reform
        self.sweep = sweep
        self.series = series
        self.ruleOrder = ruleOrder
    }

    /// Applications compared: each was decided under the law as it is and every reform.
    public var applications: Int { series.first?.tally.applications ?? 0 }

    /// The grounds of a tally in the rules' order (then by citation).
    public func grounds(_ tally: ImpactTally) -> [(ground: ImpactTally.Ground, counts: ImpactTally.GroundCounts)] {
        let position = Dictionary(ruleOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return tally.grounds.sorted { a, b in
            let pa = position[a.key.rule] ?? Int.max, pb = position[b.key.rule] ?? Int.max
            return pa != pb ? pa < pb : (a.key.rule, a.key.citation) < (b.key.rule, b.key.citation)
        }.map { ($0.key, $0.value) }
    }

    // MARK: - JSON (interface §11)

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("applications", .integer(applications)), ("errors", .integer(errors)), ("redacted", .integer(redacted)),
            ("reform", .string(reform)),
        ]
        if let sweep, series.count > 0 {
            members.append(("rules", .sortedObject([("base", .string(baseDigest))])))
            members.append(("designations", .sortedObject([("base", .string(baseDesignationsDigest))])))
            members.append(("sweep", .string(sweep)))
            members.append(("series", .array(series.map { s in .sortedObject([("value", .string(s.label ?? ""))] + body(s)) })))
        } else if let only = series.first {
            members += body(only).filter { $0.0 != "rules" && $0.0 != "designations" }
            members.append(("rules", .sortedObject([("base", .string(baseDigest)), ("reform", .string(only.digest))])))
            members.append(("designations", .sortedObject([("base", .string(baseDesignationsDigest)), ("reform", .string(only.designationsDigest))])))
        }
        return .sortedObject(members)
    }

    func body(_ s: Series) -> [(String, JSONValue)] {
        [
            ("rules", .sortedObject([("reform", .string(s.digest))])),
            ("designations", .sortedObject([("reform", .string(s.designationsDigest))])),
            ("transitions", Self.transitions(s.tally.transitions)),
            ("grounds", .array(grounds(s.tally).map { g in
                .sortedObject([
                    ("rule", .string(g.ground.rule)), ("citation", .string(g.ground.citation)), ("base", .integer(g.counts.base)),
                    ("reform", .integer(g.counts.reform)), ("baseLifted", .integer(g.counts.baseLifted)), ("reformLifted", .integer(g.counts.reformLifted)),
                ])
            })),
            ("byDesignation", .array(s.tally.byDesignation.keys.sorted().map { id in
                .sortedObject([("designation", .string(id)), ("transitions", Self.transitions(s.tally.byDesignation[id] ?? .init()))])
            })),
            ("byMunicipality", .array(s.tally.byMunicipality.keys.sorted().map { name in
                .sortedObject([("municipality", .string(name)), ("transitions", Self.transitions(s.tally.byMunicipality[name] ?? .init()))])
            })),
        ]
    }

    static func transitions(_ t: ImpactTally.Transitions) -> JSONValue {
        .array(t.pairs.map { .sortedObject([("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)), ("count", .integer($0.count))]) })
    }
}
