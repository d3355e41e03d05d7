/// Generates applications for benchmarks over the designations at hand: deterministic for a
/// seed, reaching every outcome (granted, with conditions, refused, not applicable, incomplete).
/// Codes come from the rules' vocabularies, so no statutory list lives here.
public struct ApplicationGenerator {
    let designations: [Designation]
    let incomeCodes: [String]
    let behaviourCodes: [String]
    let hardshipCodes: [String]
    /// Where the art. 9 measure keeps its characteristics, to give some applicants a listed one.
    let characteristicsSlot: Int?
    /// Whether the role the applications are for may read police records (only then are some
    /// generated: at the desk they would all be refused as input).
    let withPoliceRecords: Bool
    var random: SplitMix64

    /// - Parameter role: who will decide the applications; it decides whether they carry police records.
    public init(law: CompiledLaw, designations: [Designation], seed: UInt64, role: Role = .review) {
        withPoliceRecords = ApplicationReader(law: law, role: role).readsPoliceData
        self.designations = designations.sorted { $0.id < $1.id }
        incomeCodes = law.vocabularies["income"] ?? []
        behaviourCodes = law.vocabularies["behaviour"] ?? []
        hardshipCodes = law.vocabularies["hardship"] ?? []
        characteristicsSlot = law.measureFieldOrder["art9"]?.firstIndex(of: "characteristics")
        random = SplitMix64(seed: seed)
    }

    /// The next application, as one line of compact JSON.
    public mutating func next(index: Int) -> String {
        JSONWriter.compact(application(index: index))
    }

    mutating func date(between low: CalendarDate, _ high: CalendarDate) -> CalendarDate {
        CalendarDate(dayNumber: random.int(in: low.dayNumber...max(low.dayNumber, high.dayNumber)))
    }

    mutating func application(index: Int) -> JSONValue {
        guard let designation = random.pick(designations) else { return .null }
        let applied = date(between: designation.from, designation.until)
        // A whole address, as a housing desk gives it: one fact in the area picked, the others
        // in none ("Elders", postcode 9999 ZZ). Left out, a fact some other designation of the
        // municipality is matched on would leave the lookup open (incomplete).
        var neighbourhood = "Elders", street = "Elders", houseNumber = 1, addition = "", postcode = "9999 ZZ"
        if random.chance(10) {
            // covered by no designation
        } else if let name = random.pick(designation.areas.neighbourhoods) {
            neighbourhood = name
        } else if let range = random.pick(designation.areas.streets) {
            street = range.street
            houseNumber = (range.from?.number ?? 1) | 1
            addition = range.from?.addition ?? ""
            if let limit = range.postcode { postcode = DesignationSetChecks.bounds(limit).0 }
        }
        var dwelling: [(String, JSONValue)] = [
            ("municipality", .string(designation.municipality)), ("category", .string(designation.categories.first ?? "rental")),
            ("neighbourhood", .string(neighbourhood)), ("street", .string(street)), ("houseNumber", .integer(houseNumber)), ("postcode", .string(postcode)),
        ]
        if !addition.isEmpty { dwelling.append(("houseNumberAddition", .string(addition))) }
        var household = [person(id: "p1", role: "applicant", age: random.int(in: 19...80), on: applied, designation: designation)]
        if random.chance(50) { household.append(person(id: "p2", role: "partner", age: random.int(in: 19...80), on: applied, designation: designation)) }
        if random.chance(40) { household.append(person(id: "p3", role: "co-occupant", age: random.int(in: 14...19), on: applied, designation: designation)) }
        var members: [(String, JSONValue)] = [
            ("id", .string("bench-\(index)")), ("applicationDate", .string(applied.description)),
            ("dwelling", .sortedObject(dwelling)), ("household", .array(household)),
        ]
        if random.chance(70) {
            let outcomes = ["positive", "positive", "positive-with-conditions", "negative"]
            let outcome = random.pick(outcomes) ?? "positive"
            var statement: [(String, JSONValue)] = [("outcome", .string(outcome)), ("date", .string(applied.adding(days: 20).description))]
            if outcome != "positive" { statement.append(("hearingOffered", .bool(random.chance(80)))) }
            if outcome == "positive-with-conditions" { statement.append(("conditions", .array([.string("Geen huisdieren")]))) }
            members.append(("woonverklaring", .sortedObject(statement)))
        }
        if random.chance(5), let article = random.pick(hardshipCodes) {
            members.append(("hardship", .array([.sortedObject([
                ("article", .string(article)), ("granted", .bool(true)), ("date", .string(applied.adding(days: 30).description)),
                ("decidedBy", .string("B&W")), ("reason", .string("Onbillijkheid van overwegende aard")),
            ])])))
        }
        return .sortedObject(members)
    }

    mutating func person(id: String, role: String, age: Int, on applied: CalendarDate, designation: Designation) -> JSONValue {
        let born = applied.adding(years: -age).adding(days: -random.int(in: 0...364))
        var members: [(String, JSONValue)] = [("id", .string(id)), ("role", .string(role)), ("birthDate", .string(born.description))]
        let home = random.pick(designation.regionMunicipalities) ?? designation.municipality
        let since = applied.adding(days: -random.int(in: 30...(12 * 365)))
        var periods: [JSONValue] = [.sortedObject([("municipality", .string(home)), ("from", .string(max(since, born).description))])]
        if random.chance(30) {
            periods.insert(.sortedObject([("municipality", .string("Utrecht")), ("from", .string(born.description)),
                                          ("until", .string(max(since, born.adding(days: 1)).adding(days: -1).description))]), at: 0)
        }
        if since > born.adding(days: 1) || periods.count == 1 { members.append(("residence", .array(periods))) }
        if random.chance(95), let income = random.pick(incomeCodes) { members.append(("income", .array([.string(income)]))) }
        if random.chance(60) {
            var listed: [String] = []
            if let slot = characteristicsSlot, let values = designation.measure(named: "art9")?.values, slot < values.count {
                listed = values[slot].listTexts
            }
            let own = random.chance(50) ? (random.pick(listed) ?? "other") : "other"
            members.append(("characteristics", .array([.string(own)])))
        }
        var screening: [(String, JSONValue)] = []
        if random.chance(80) { screening.append(("vog", .sortedObject([("submitted", .bool(random.chance(85)))]))) }
        if random.chance(80), withPoliceRecords {
            var records: [JSONValue] = []
            for _ in 0..<random.int(in: 0...2) {
                let when = applied.adding(days: -random.int(in: 1...(6 * 365)))
                records.append(.sortedObject([("behaviour", .string(random.pick(behaviourCodes) ?? "a")), ("date", .string(when.description))]))
            }
            screening.append(("policeRecords", .array(records)))
        }
        if !screening.isEmpty { members.append(("screening", .sortedObject(screening))) }
        return .sortedObject(members)
    }
}
