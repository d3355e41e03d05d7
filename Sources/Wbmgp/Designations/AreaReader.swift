/// Reads the `areas` object of a designation (interface §5).
enum AreaReader {
    static func read(_ value: JSONValue, path: String = "$.areas") throws(InputError) -> Areas {
        let object = try ObjectReader(value, path: path)
        try object.allowOnly(DesignationShapes.areas.names)
        var areas = Areas()
        areas.neighbourhoods = try object.strings("neighbourhoods") ?? []
        for (i, text) in (try object.strings("postcodes") ?? []).enumerated() {
            areas.postcodes.append(try postcode(text, path: "\(path).postcodes[\(i)]"))
        }
        for (i, entry) in (try object.array("streets") ?? []).enumerated() {
            let street = try ObjectReader(entry, path: "\(path).streets[\(i)]")
            try street.allowOnly(DesignationShapes.streetRange.names)
            let parityCode = try street.code("parity", in: StreetRange.Parity.allCases.map(\.rawValue), "parity") ?? "all"
            let from = try houseNumber(street, "from")
            let to = try houseNumber(street, "to")
            if let from, let to, to < from {
                throw InputError(code: "E-VALUE", path: street.pathOf("to"), message: "the house-number range ends before it starts")
            }
            let limit = try street.string("postcode").map { text throws(InputError) in try postcode(text, path: street.pathOf("postcode")) }
            areas.streets.append(
                StreetRange(
                    street: try street.requiredString("street"), from: from, to: to, parity: StreetRange.Parity(rawValue: parityCode) ?? .all,
                    postcode: limit))
        }
        for (i, entry) in (try object.array("addresses") ?? []).enumerated() {
            let address = try ObjectReader(entry, path: "\(path).addresses[\(i)]")
            try address.allowOnly(DesignationShapes.address.names)
            let code = AreaMatcher.normalisedPostcode(try address.requiredString("postcode"))
            guard isFullPostcode(code) else {
                throw InputError(code: "E-VALUE", path: address.pathOf("postcode"), message: "expected a full postcode such as 3311AB, found '\(InputLimits.echo(code))'")
            }
            guard let number = try address.houseNumber("houseNumber") else { throw address.missing("houseNumber", "a whole number") }
            areas.addresses.append(Address(postcode: code, houseNumber: number, houseNumberAddition: try address.string("houseNumberAddition")))
        }
        if areas.isEmpty {
            throw InputError(code: "E-VALUE", path: path, message: "a designation needs at least one neighbourhood, postcode, street or address")
        }
        return areas
    }

    static func isFullPostcode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return bytes.count == 6 && bytes[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 } && bytes[4..<6].allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    static func postcode(_ text: String, path: String) throws(InputError) -> PostcodePattern {
        let code = AreaMatcher.normalisedPostcode(text)
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, isFullPostcode(parts[0]), isFullPostcode(parts[1]) {
            guard parts[0] <= parts[1] else { throw InputError(code: "E-VALUE", path: path, message: "the postcode range '\(InputLimits.echo(text))' ends before it starts") }
            return .range(parts[0], parts[1])
        }
        if isFullPostcode(code) { return .exact(code) }
        if code.utf8.count == 4, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return .area(code) }
        throw InputError(code: "E-VALUE", path: path, message: "expected a 4-digit postcode area (1503), a full postcode (3026AB) or a range (3026AA-3026ZZ), found '\(InputLimits.echo(text))'")
    }

    /// `49` or `"49B"`: a number of 1 or more, as a dwelling's is.
    static func houseNumber(_ object: ObjectReader<JSONValue>, _ key: String) throws(InputError) -> HouseNumber? {
        guard let value = object.value(key) else { return nil }
        switch value {
        case .integer:
            // The dwelling's own check (``MemberReader/houseNumber(_:)``), its words and bound.
            return try object.houseNumber(key).map { HouseNumber(number: $0, addition: "") }
        case .string(let text):
            try InputLimits.checkString(text, at: object.pathOf(key))
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), number >= 1 else {
                throw InputError(code: "E-VALUE", path: object.pathOf(key), message: "expected a house number such as 49 or \"49B\", found '\(InputLimits.echo(text))'")
            }
            return HouseNumber(number: number, addition: String(text.dropFirst(digits.count)).trimmingSpaces.uppercased())
        default:
            throw object.wrongType(key, "a house number (49 or \"49B\")", value)
        }
    }
}
