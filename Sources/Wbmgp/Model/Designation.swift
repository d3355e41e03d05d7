/// A ministerial designation decision (interface §5): where, when, and which measures with which
/// by-law parameters.
/// A class: decisions refer to the designations that cover a dwelling without copying them.
/// Equality is identity (the same loaded file).
public final class Designation: Hashable, Sendable {
    public let id: String
    public let path: String
    public let municipality: String
    public let decisionDate: CalendarDate?
    public let source: String?
    public let from: CalendarDate
    public let until: CalendarDate
    public let extends: String?
    public let regionName: String?
    public let regionMunicipalities: [String]
    public let areas: Areas
    public let categories: [String]
    /// The measures, sorted by name, each with its fields in the measure declaration's order.
    public let measures: [MeasureSetting]
    /// Whether its municipality or a code label holds a byte JSON escapes (``TextEscaping``).
    let textsNeedEscaping: Bool
    /// The words for this designation's own codes (a measure's `labels` field, such as
    /// `art9.characteristicLabels`), before the rules' general labels.
    public let codeLabels: LabelTable
    /// The by-law and the publication of the designation decision (interface §5 `byLaw`,
    /// `publication`), for the considerations of a letter.
    public let citations: Citations

    public struct Citations: Hashable, Sendable {
        public init() {}

        public var byLawTitle: String?
        /// The by-law's article per measure name.
        public var byLawArticles: [String: String] = [:]
        public var publicationReference: String?
        public var publicationDate: CalendarDate?
    }

    public init(id: String, path: String, municipality: String, decisionDate: CalendarDate?, source: String?, from: CalendarDate, until: CalendarDate, extends: String?, regionName: String?, regionMunicipalities: [String], areas: Areas, categories: [String], measures: [MeasureSetting], codeLabels: [String: TextLabels.Label] = [:], citations: Citations = Citations()) {
        self.codeLabels = LabelTable(codeLabels)
        textsNeedEscaping = JSONBytes.needsEscaping(municipality) || codeLabels.values.contains(where: \.needsEscaping)
        self.citations = citations
        self.id = id
        self.path = path
        self.municipality = municipality
        self.decisionDate = decisionDate
        self.source = source
        self.from = from
        self.until = until
        self.extends = extends
        self.regionName = regionName
        self.regionMunicipalities = regionMunicipalities
        self.areas = areas
        self.categories = categories
        self.measures = measures
        self.areaKey = AreaMatcher.AreaKey(municipality: municipality, areas: areas)
        self.regionValue = .list(regionMunicipalities.map { .text($0) })
        self.regionKeys = ResidenceRun.keys(of: regionValue.listElements ?? [])
    }

    /// ``regionMunicipalities`` as the list value rules read, made once (rules read it per person).
    let regionValue: Value
    /// ``regionMunicipalities`` folded (``FoldedName``), for finding a registration's
    /// municipality in the region (``ResidenceRun``).
    let regionKeys: FoldedNameTable<Void>

    /// The areas in the forms the matcher compares, made once here. Stored, not computed: the
    /// matcher reads its fields where they lie (a getter gave a copy, counting each of its lists).
    public let areaKey: AreaMatcher.AreaKey

    public static func == (a: Designation, b: Designation) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

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
    /// The postcodes the range is limited to (`"postcode": "3026"`): a street designated only
    /// within a postcode area, such as Rotterdam's Mathenesserdijk (legal spec B13); nil for the
    /// whole range.
    public var postcode: PostcodePattern? = nil
}

public struct Address: Hashable, Sendable {
    public var postcode: String
    public var houseNumber: Int
    public var houseNumberAddition: String?
}
