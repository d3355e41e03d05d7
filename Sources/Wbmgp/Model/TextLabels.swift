/// The words a person reads for codes (`labels` in `Rules/`): per domain (`income`, `behaviour`,
/// `personRole`, …), and one table over all domains for codes met in a text without their domain.
public struct TextLabels: Sendable {
    public struct Label: Hashable, Sendable {
        public var nl: String
        public var en: String

        public func text(_ language: Language) -> String { language == .en ? en : nl }

        /// Whether either text holds a byte JSON escapes (checked once per engine, ``TextEscaping``).
        var needsEscaping: Bool { JSONBytes.needsEscaping(nl) || JSONBytes.needsEscaping(en) }
    }

    /// What the labels hold, in one object shared by every copy: a decision's text context
    /// copies the labels, and a copy of the fields themselves counted and released a dozen
    /// references per decision. Never changed once made; a change makes a new one.
    private final class Storage: Sendable {
        let domains: [String: [String: Label]]
        /// The `personRole` labels, and each ``Person/Role``'s place among them (at its
        /// ``Person/Role/position``): texts name a household member by role several times per
        /// decision. Two dictionary lookups each time were a twentieth of a decision's work, and
        /// a label taken out of an array still copied both its strings; the words are copied as bytes.
        let roleNouns: LabelTable
        let roleNounIndex: [Int?]
        let order: [String: [String]]
        let anyDomain: LabelTable

        init(domains: [String: [String: Label]], order: [String: [String]], anyDomain: LabelTable) {
            self.domains = domains
            self.order = order
            self.anyDomain = anyDomain
            let roleNouns = LabelTable(domains["personRole"] ?? [:])
            var indices = [Int?](repeating: nil, count: Person.Role.allCases.count)
            for role in Person.Role.allCases { indices[role.position] = TextBytes.withUTF8(of: role.rawValue) { roleNouns.index(of: LabelTable.Probe($0)) } }
            self.roleNouns = roleNouns
            roleNounIndex = indices
        }
    }

    private var storage = Storage(domains: [:], order: [:], anyDomain: LabelTable())

    /// Labels by domain, then code.
    public var domains: [String: [String: Label]] {
        get { storage.domains }
        set { storage = Storage(domains: newValue, order: storage.order, anyDomain: storage.anyDomain) }
    }
    /// Each domain's codes in the order the rules list them (the statute's order: income
    /// sources a–f first), for lists a person chooses from.
    public var order: [String: [String]] {
        get { storage.order }
        set { storage = Storage(domains: storage.domains, order: newValue, anyDomain: storage.anyDomain) }
    }
    /// Every code of every domain; a code labelled alike in two domains is one entry. Lent, not
    /// copied, to a reader (each code of a text is looked up in it).
    public var anyDomain: LabelTable {
        _read { yield storage.anyDomain }
        _modify {
            var table = storage.anyDomain
            yield &table
            storage = Storage(domains: storage.domains, order: storage.order, anyDomain: table)
        }
    }

    public init() {}

    /// Whether `other` holds the same storage: then the same labels, as a change makes a new
    /// storage (``ListWords`` compares its remembered lists' labels so, by one identity).
    func sharesStorage(with other: TextLabels) -> Bool { storage === other.storage }

    public init(domains: [String: [String: Label]], order: [String: [String]], anyDomain: LabelTable) {
        storage = Storage(domains: domains, order: order, anyDomain: anyDomain)
    }

    /// Domains read only where the engine knows it names one (a person's role, a missing fact):
    /// not in ``anyDomain``.
    static let ownPathDomains: Set<String> = ["personRole", "missingFact", "addressFact", counterfactualDomain]

    /// The domain of the counterfactual event texts (``CounterfactualEvent``): sentences with
    /// placeholders, not words for a code.
    public static let counterfactualDomain = "counterfactual"

    public func label(_ code: String, in domain: String) -> Label? { domains[domain]?[code] }

    /// Appends the noun the rules give a household member's `role` (`personRole`) in
    /// `language`, and says so; appends nothing when they give none.
    func appendNoun(of role: Person.Role, _ language: Language, to bytes: inout ByteBuffer) -> Bool {
        guard let index = storage.roleNounIndex[role.position] else { return false }
        storage.roleNouns.appendWords(at: index, language, to: &bytes)
        return true
    }

    /// The domains whose codes the engine itself defines (interface §2–§3), and those codes: the
    /// rules must label each of them, as a text may show any.
    public static func fixedDomains(measures: [String]) -> [String: [String]] {
        [
            "personRole": Person.Role.allCases.map(\.rawValue),
            "applicationKind": Application.Kind.allCases.map(\.rawValue),
            "woonverklaringOutcome": Woonverklaring.Outcome.allCases.map(\.rawValue),
            "vogStatus": CertificateOfConduct.Status.allCases.map(\.rawValue),
            "role": Role.allCases.map(\.rawValue),
            "measure": measures,
            counterfactualDomain: CounterfactualEvent.allCases.map(\.rawValue),
        ]
    }
}

extension Person.Role {
    /// The role's place in a table with one entry per role, from 0.
    var position: Int {
        switch self {
        case .applicant: return 0
        case .partner: return 1
        case .coOccupant: return 2
        case .joining: return 3
        }
    }
}
