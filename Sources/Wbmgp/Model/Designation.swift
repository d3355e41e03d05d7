/// A ministerial designation decision (interface §5): where, when, and which measures with which
/// by-law parameters.
public struct Designation: Hashable, Sendable {
    public var id: String
    public var path: String
    public var municipality: String
    public var decisionDate: CalendarDate?
    public var source: String?
    public var from: CalendarDate
    public var until: CalendarDate
    public var extends: String?
    public var regionName: String?
    public var regionMunicipalities: [String]
    public var areas: Areas
    public var categories: [String]
    /// The measures, sorted by name, each with its fields in the measure declaration's order.
    public var measures: [MeasureSetting]

    public func isInForce(on date: CalendarDate) -> Bool { from <= date && date <= until }

    public func measure(named name: String) -> MeasureSetting? { measures.first { $0.name == name } }
}

/// One measure of a designation with its by-law parameters, as values the rules read.
public struct MeasureSetting: Hashable, Sendable {
    public var name: String
    /// Field values in the order of ``CompiledLaw/measureFieldOrder`` for this measure; a field
    /// the declaration in force does not have is `unknown`.
    public var values: [Value]
}

/// The areas a designation covers; a dwelling is covered when it matches any entry.
public struct Areas: Hashable, Sendable {
    public var neighbourhoods: [String] = []
    public var postcodes: [PostcodePattern] = []
    public var streets: [StreetRange] = []
    public var addresses: [Address] = []

    public var isEmpty: Bool { neighbourhoods.isEmpty && postcodes.isEmpty && streets.isEmpty && addresses.isEmpty }
}

/// A 4-digit postcode area, a full postcode, or an inclusive range of full postcodes; stored
/// normalised (no spaces, upper case).
public enum PostcodePattern: Hashable, Sendable {
    case area(String)
    case exact(String)
    case range(String, String)
}

/// A house number with an optional addition, ordered by number and then addition (none first).
public struct HouseNumber: Hashable, Sendable, Comparable {
    public var number: Int
    public var addition: String

    public static func < (a: HouseNumber, b: HouseNumber) -> Bool {
        (a.number, a.addition) < (b.number, b.addition)
    }
}

public struct StreetRange: Hashable, Sendable {
    public enum Parity: String, Sendable, CaseIterable { case odd, even, all }
    public var street: String
    public var from: HouseNumber?
    public var to: HouseNumber?
    public var parity: Parity
}

public struct Address: Hashable, Sendable {
    public var postcode: String
    public var houseNumber: Int
    public var houseNumberAddition: String?
}
