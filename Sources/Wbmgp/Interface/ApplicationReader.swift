/// Reads and validates an application document (interface §3) into an ``Application``.
///
/// Every problem is an ``InputError`` with a code and the JSON path; the statutory vocabularies
/// (income sources, behaviours, hardship articles) come from the compiled rules. Input beyond
/// ``InputLimits`` is `E-LIMIT`.
///
/// - Complexity: linear in the document, apart from sorting a person's residence periods when
///   there are more than a few (``firstOverlap(_:pairwiseUpTo:work:)``).
public struct ApplicationReader: Sendable {
    /// The rules' vocabularies, each a closed list of codes.
    let incomeCodes: FieldNames
    let behaviourCodes: FieldNames
    let hardshipCodes: FieldNames
    /// What an error about a behaviour code calls it, with the vocabulary's citation.
    let behaviourCodeName: String
    /// The role reading: who decides, and so whether the police data may be read.
    public let role: Role
    /// Whether ``role`` may read police records: it is one of `codes policeDataReaders` in the
    /// rules. This is the one place the role limits what is read; the rules never see police
    /// data the role may not read, as if no overview had been supplied.
    let readsPoliceData: Bool
    /// The citation of `policeDataReaders`, for the error at the desk.
    let policeDataCitation: String?
    /// The members, names and codes read, found once (``ApplicationKeys``).
    let keys = ApplicationKeys.shared

    /// - Parameter role: who is deciding (interface §2); `desk` by default, which may not read
    ///   police records.
    public init(law: CompiledLaw, role: Role = .desk) {
        incomeCodes = .codes(law.vocabularies["income"] ?? [])
        behaviourCodes = .codes(law.vocabularies["behaviour"] ?? [])
        hardshipCodes = .codes(law.vocabularies["hardship"] ?? [])
        behaviourCodeName = law.vocabularyCitations["behaviour"].map { "behaviour code (\($0))" } ?? "behaviour code"
        self.role = role
        readsPoliceData = (law.vocabularies["policeDataReaders"] ?? []).contains(role.rawValue)
        policeDataCitation = law.vocabularyCitations["policeDataReaders"]
    }

    /// Parses JSON text and reads the application in it. The text is checked and written down
    /// as a tape (``JSONTape``), and the application is read from the tape in place.
    public func read(_ bytes: [UInt8]) throws(InputError) -> Application {
        var spares = LineSpares()
        return try read(bytes, reusing: &spares)
    }

    /// ``read(_:)`` into the arrays `spares` keeps (a batch worker's, ``LineSpares``).
    func read(_ bytes: [UInt8], reusing spares: inout LineSpares) throws(InputError) -> Application {
        try bytes.withUnsafeBufferPointer { (bytes) throws(InputError) -> Application in try read(lent: bytes, reusing: &spares) }
    }

    /// ``read(_:reusing:)`` of bytes lent where they lie (a batch line in the input's buffer;
    /// `isBatchLine`, its syntax errors name the column only: ``InputDocument/root(lent:in:isBatchLine:)``).
    func read(lent bytes: UnsafeBufferPointer<UInt8>, reusing spares: inout LineSpares, isBatchLine: Bool = false) throws(InputError) -> Application {
        // The tape is only read here, so it is written in the thread's reused storage.
        let storage = JSONTape.Storage.take()
        defer { storage.finish() }
        let root = try InputDocument.root(lent: bytes, in: storage, isBatchLine: isBatchLine)
        // The root points into the storage, kept to the end of the reading.
        return try withExtendedLifetime(storage) { () throws(InputError) -> Application in try read(node: root, reusing: &spares) }
    }

    /// Reads the application in a parsed document (a decision record's `input`, a scenario's).
    public func read(_ value: JSONValue) throws(InputError) -> Application {
        var spares = LineSpares()
        return try read(node: value, reusing: &spares)
    }

    func read<Node: JSONNode>(node value: Node, reusing spares: inout LineSpares) throws(InputError) -> Application {
        do {
            return try InputDocument.read(value) { v throws(InputError) in try readApplication(v, reusing: &spares) }
        } catch {
            throw InputLimits.cappingId(error)
        }
    }

    private func readApplication<Node: JSONNode>(_ value: Node, reusing spares: inout LineSpares) throws(InputError) -> Application {
        let root = try FieldReader(value, at: JSONPath(), allowing: keys.root.fields)
        let id = try root.requiredString(keys.root.id)
        let kind = try root.code(keys.root.kind, in: keys.codes.kindNames, "application kind").map { keys.codes.kinds[$0] } ?? .newTenancy
        let applicationDate = try root.requiredDate(keys.root.applicationDate)
        let decisionDate = try root.date(keys.root.decisionDate)
        if let decisionDate, decisionDate < applicationDate {
            throw InputError(code: "E-CHRONOLOGY", path: "$.decisionDate", message: "the decision date \(decisionDate) lies before the application date \(applicationDate)")
        }
        guard let dwellingValue = root.value(keys.root.dwelling) else { throw root.missing("dwelling", "an object") }
        let dwelling = try readDwelling(dwellingValue)
        guard let members = try root.array(keys.root.household, limit: InputLimits.householdMembers) else {
            throw root.missing("household", "an array of household members")
        }
        var household = spares.takeHousehold(capacity: members.count)
        for (i, member) in members.enumerated() {
            household.append(try readPerson(member, at: root.location.member("household").element(i), applicationDate: applicationDate, reusing: &spares))
        }
        let applicantIndex = try checkHousehold(household, kind: kind)
        // Read with `if let`, not `Optional.map`, whose closure would copy the reader.
        var woonverklaring: Woonverklaring?
        if let value = root.value(keys.root.woonverklaring) { woonverklaring = try readWoonverklaring(value) }
        var hardship: [HardshipDecision] = []
        if let entries = try root.array(keys.root.hardship) {
            for (i, entry) in entries.enumerated() { hardship.append(try readHardship(entry, at: root.location.member("hardship").element(i))) }
        }
        return Application(
            id: id, kind: kind, applicationDate: applicationDate, decisionDate: decisionDate, dwelling: dwelling,
            household: household, woonverklaring: woonverklaring, hardship: hardship, applicantIndex: applicantIndex, role: role)
    }

    func readDwelling<Node: JSONNode>(_ value: Node) throws(InputError) -> Dwelling {
        let object = try FieldReader(value, at: JSONPath().member("dwelling"), allowing: keys.dwelling.fields)
        return Dwelling(
            municipality: try object.requiredString(keys.dwelling.municipality), postcode: try object.postcode(keys.dwelling.postcode),
            houseNumber: try object.houseNumber(keys.dwelling.houseNumber), houseNumberAddition: try object.string(keys.dwelling.houseNumberAddition),
            street: try object.string(keys.dwelling.street), neighbourhood: try object.string(keys.dwelling.neighbourhood), category: try object.requiredString(keys.dwelling.category))
    }

    private func checkHousehold(_ household: [Person], kind: Application.Kind) throws(InputError) -> Int {
        // Counted by index, without a list of them: the first two are all an error names.
        var applicants = 0, first = -1, second = -1
        for i in household.indices where household[i].role == .applicant {
            applicants += 1
            if first < 0 { first = i } else if second < 0 { second = i }
        }
        guard applicants == 1 else {
            // Point at the second applicant when there is one; otherwise at the household.
            let path = second >= 0 ? "$.household[\(second)].role" : "$.household"
            throw InputError(code: "E-HOUSEHOLD", path: path, message: "expected exactly one member with role 'applicant', found \(applicants)")
        }
        // The first member whose id repeats an earlier one fails before any later member's role.
        let repeated = ApplicationReader.firstRepeatedId(household)
        for i in household.indices {
            if i == repeated {
                throw InputError(
                    code: "E-HOUSEHOLD", path: "$.household[\(i)].id", message: "member id '\(InputLimits.echo(household[i].id))' is used twice; expected unique ids")
            }
            if household[i].role == .joining, kind != .joining {
                throw InputError(code: "E-HOUSEHOLD", path: "$.household[\(i)].role", message: "role 'joining' is only allowed in an application of kind 'joining'")
            }
        }
        if kind == .joining, !household.contains(where: { $0.role == .joining }) {
            throw InputError(code: "E-HOUSEHOLD", path: "$.household", message: "an application of kind 'joining' needs at least one member with role 'joining'")
        }
        return first
    }
}
