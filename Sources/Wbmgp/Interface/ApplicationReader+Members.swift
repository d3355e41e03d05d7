extension ApplicationReader {
    func readPerson<Node: JSONNode>(_ value: Node, at path: JSONPath, applicationDate: CalendarDate, reusing spares: inout LineSpares) throws(InputError) -> Person {
        let object = try FieldReader(value, at: path, allowing: keys.person.fields)
        let id = try object.requiredString(keys.person.id)
        guard let role = try object.code(keys.person.role, in: keys.codes.roleNames, "role").map({ keys.codes.roles[$0] }) else {
            throw object.missing("role", "one of \(keys.codes.roleNames.names.joined(separator: ", "))")
        }
        let birthDate = try object.requiredDate(keys.person.birthDate)
        if birthDate > applicationDate {
            throw InputError(code: "E-CHRONOLOGY", path: object.pathOf("birthDate"), message: "birth date \(birthDate) lies after the application date \(applicationDate)")
        }
        var residence: [ResidencePeriod]?
        if let periods = try object.array(keys.person.residence, limit: InputLimits.residencePeriods) {
            residence = try readResidence(periods, at: path.member("residence"), into: spares.takePeriods(capacity: periods.count))
        }
        // The usual list, every code on the list, is taken as it is; any other is read with the checks.
        var income = object.codes(keys.person.income, allIn: incomeCodes)
        if income == nil { income = try readIncome(object, at: path) }
        // In this order, which says which of two errors is given.
        var screening: Screening?
        if let value = object.value(keys.person.screening) { screening = try readScreening(value, at: path.member("screening"), reusing: &spares) }
        let address = try readAddress(object, at: path)
        return Person(
            id: id, role: role, birthDate: birthDate, residence: residence, income: income,
            characteristics: try object.strings(keys.person.characteristics, reusing: &spares), screening: screening, name: try object.string(keys.person.name), address: address)
    }

    private func readIncome<Node: JSONNode>(_ object: FieldReader<Node>, at path: JSONPath) throws(InputError) -> [String]? {
        let income = try object.strings(keys.person.income)
        if let income {
            guard !income.isEmpty else {
                throw InputError(code: "E-VALUE", path: object.pathOf("income"), message: "'income' is empty; write [\"none\"] for a person without income, or leave the field out when it is unknown")
            }
            for (i, code) in income.enumerated() { try CodeCheck.check(code, in: incomeCodes.names, "income code", at: path.member("income").element(i).description) }
        }
        return income
    }

    private func readAddress<Node: JSONNode>(_ object: FieldReader<Node>, at path: JSONPath) throws(InputError) -> PostalAddress? {
        var address: PostalAddress?
        if let value = object.value(keys.person.address) {
            let fields = try FieldReader(value, at: path.member("address"), allowing: keys.address.fields)
            guard let houseNumber = try fields.integer(keys.address.houseNumber) else { throw fields.missing("houseNumber", "a whole number") }
            address = PostalAddress(
                street: try fields.requiredString(keys.address.street), houseNumber: houseNumber, houseNumberAddition: try fields.string(keys.address.houseNumberAddition),
                postcode: try fields.requiredString(keys.address.postcode), city: try fields.requiredString(keys.address.city))
        }
        return address
    }

    /// The periods in order. The error is the one a check of each period, right after reading
    /// it, against every earlier one would give: so the periods are read up to the first one that
    /// fails, and an overlap among those read comes first (naming the first period that overlaps
    /// an earlier one, and the first earlier one it overlaps), else that failure.
    /// Read into `result`, empty with room for them.
    func readResidence<Periods: Collection>(_ periods: Periods, at path: JSONPath, into result: consuming [ResidencePeriod]) throws(InputError) -> [ResidencePeriod] where Periods.Element: JSONNode {
        var failure: InputError?
        for (i, value) in periods.enumerated() {
            do {
                result.append(try readPeriod(value, at: path.element(i)))
            } catch {
                failure = error
                break
            }
        }
        if let (i, j) = ApplicationReader.firstOverlap(result) {
            throw InputError(code: "E-PERIOD", path: "\(path)[\(i)].from", message: "this residence period overlaps \(path)[\(j)]; expected periods that do not overlap")
        }
        if let failure { throw failure }
        return result
    }

    /// One residence period, with `until` not before `from`.
    func readPeriod<Node: JSONNode>(_ value: Node, at path: JSONPath) throws(InputError) -> ResidencePeriod {
        let object = try FieldReader(value, at: path, allowing: keys.period.fields)
        let period = ResidencePeriod(municipality: try object.requiredString(keys.period.municipality), from: try object.requiredDate(keys.period.from), until: try object.date(keys.period.until))
        if let until = period.until, until < period.from {
            throw InputError(code: "E-PERIOD", path: object.pathOf("until"), message: "'until' \(until) lies before 'from' \(period.from)")
        }
        return period
    }

    func readScreening<Node: JSONNode>(_ value: Node, at path: JSONPath, reusing spares: inout LineSpares) throws(InputError) -> Screening {
        let object = try FieldReader(value, at: path, allowing: keys.screening.fields)
        var vog: CertificateOfConduct?
        if let vogValue = object.value(keys.screening.vog) {
            let vogObject = try FieldReader(vogValue, at: path.member("vog"), allowing: keys.vog.fields)
            let code = try vogObject.code(keys.vog.status, in: keys.codes.vogStatusNames, "VOG status")
            let submitted = try vogObject.bool(keys.vog.submitted)
            if code != nil, submitted != nil {
                throw InputError(
                    code: "E-VALUE", path: vogObject.pathOf("submitted"),
                    message: "give either 'status' or the older 'submitted', not both")
            }
            let status: CertificateOfConduct.Status
            if let code {
                status = keys.codes.vogStatuses[code]
            } else if let submitted {
                status = submitted ? .submitted : .notSubmitted
            } else {
                throw vogObject.missing("status", "one of \(keys.codes.vogStatusNames.names.joined(separator: ", ")) (or the older 'submitted': true or false)")
            }
            vog = CertificateOfConduct(status: status, date: try vogObject.date(keys.vog.date))
        }
        var records: [PoliceRecord]?
        // The key refused whatever it holds, `null` too (interface §3: "even `[]`").
        if !readsPoliceData, object.isPresent(keys.screening.policeRecords) {
            throw InputError(
                code: "E-POLICE-DATA", path: object.pathOf("policeRecords"),
                message: "police records may be read only by the mayor, for the woonverklaring\(policeDataCitation.map { " (\($0))" } ?? ""); "
                    + "in the role '\(role.rawValue)' leave 'policeRecords' out, or decide in the role mayor or review (--role)")
        }
        if let list = try object.array(keys.screening.policeRecords, limit: InputLimits.policeRecords) {
            var read = spares.takeRecords(capacity: list.count)
            for (i, entry) in list.enumerated() {
                let recordObject = try FieldReader(entry, at: path.member("policeRecords").element(i), allowing: keys.record.fields)
                guard let behaviour = try recordObject.code(keys.record.behaviour, in: behaviourCodes, behaviourCodeName).map({ behaviourCodes.names[$0] }) else {
                    throw recordObject.missing("behaviour", "one of \(behaviourCodes.names.joined(separator: ", "))")
                }
                read.append(PoliceRecord(behaviour: behaviour, date: try recordObject.requiredDate(keys.record.date)))
            }
            records = read
        }
        return Screening(vog: vog, policeRecords: records)
    }

    func readWoonverklaring<Node: JSONNode>(_ value: Node) throws(InputError) -> Woonverklaring {
        let object = try FieldReader(value, at: JSONPath().member("woonverklaring"), allowing: keys.woonverklaring.fields)
        guard let position = try object.code(keys.woonverklaring.outcome, in: keys.codes.outcomeNames, "woonverklaring outcome") else {
            throw object.missing("outcome", "one of \(keys.codes.outcomeNames.names.joined(separator: ", "))")
        }
        let outcome = keys.codes.outcomes[position]
        let code = outcome.rawValue
        let hearingOffered = try object.bool(keys.woonverklaring.hearingOffered)
        // The shape says which members another one makes required (the schema says it too).
        for rule in ApplicationShapes.woonverklaring.requiredUnless where object.value(rule.member) == nil {
            if let held = object.value(rule.other)?.stringValue, held == rule.value { continue }
            throw object.missing(rule.member, "true or false (required for a \(code) woonverklaring)")
        }
        let conditions = try object.strings(keys.woonverklaring.conditions) ?? []
        if outcome == .positiveWithConditions, conditions.isEmpty {
            throw InputError(code: "E-VALUE", path: object.pathOf("conditions"), message: "a positive-with-conditions woonverklaring needs at least one condition")
        }
        if outcome != .positiveWithConditions, !conditions.isEmpty {
            throw InputError(code: "E-VALUE", path: object.pathOf("conditions"), message: "only a positive-with-conditions woonverklaring carries conditions; this one is \(code)")
        }
        // Its date says whether it can concern this application (interface §3), so it is required.
        return Woonverklaring(outcome: outcome, date: try object.requiredDate(keys.woonverklaring.date), hearingOffered: hearingOffered, conditions: conditions, decidedBy: try object.string(keys.woonverklaring.decidedBy))
    }

    func readHardship<Node: JSONNode>(_ value: Node, at path: JSONPath) throws(InputError) -> HardshipDecision {
        let object = try FieldReader(value, at: path, allowing: keys.hardship.fields)
        guard let article = try object.code(keys.hardship.article, in: hardshipCodes, "hardship article").map({ hardshipCodes.names[$0] }) else {
            throw object.missing("article", "one of \(hardshipCodes.names.joined(separator: ", "))")
        }
        // A hardship decision listed without `granted` is taken as granted; the README says so.
        return HardshipDecision(
            article: article, granted: try object.bool(keys.hardship.granted) ?? true, date: try object.requiredDate(keys.hardship.date),
            decidedBy: try object.requiredString(keys.hardship.decidedBy), reason: try object.requiredString(keys.hardship.reason))
    }
}
