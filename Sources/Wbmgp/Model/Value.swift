/// A value the rules compute with. `unknown` stands for an absent fact (three-valued logic).
public enum Value: Hashable, Sendable {
    case unknown
    case bool(Bool)
    case integer(Int)
    case text(String)
    case date(CalendarDate)
    case duration(CalendarPeriod)
    /// An uninterrupted run of days `[from, to)`, e.g. residence before the application date.
    case span(from: CalendarDate, to: CalendarDate)
    case list([Value])
    /// A household member, by index.
    case person(Int)
    /// A police record, by member index and record index.
    case record(person: Int, index: Int)
    /// A designation of a request's chain, by index (previous designations first, the requested last).
    case designation(Int)

    public var isUnknown: Bool { self == .unknown }

    public var listElements: [Value]? {
        if case .list(let elements) = self { return elements }
        return nil
    }

    /// The texts in a list, in order (none for any other value); room made once for them all,
    /// where `compactMap` grew its array as it went (two allocations for most lists).
    var listTexts: [String] {
        guard case .list(let elements) = self, !elements.isEmpty else { return [] }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for case .text(let text) in elements { texts.append(text) }
        return texts
    }
}

/// The static type of an expression, checked before anything runs.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case bool, integer, text, date, duration, span, person, record
    /// A designation as a value (a request's `requested` or one of its `previous`).
    case designationRecord
    case list(ValueType)
    /// A JSON object of the input or a designation, reached by field access.
    case object(ObjectKind)
    /// The element type of an empty list literal, compatible with any list.
    case anything

    public var description: String {
        switch self {
        case .bool: return "bool"
        case .integer: return "integer"
        case .text: return "code"
        case .date: return "date"
        case .duration: return "duration"
        case .span: return "span"
        case .person: return "person"
        case .record: return "police record"
        case .designationRecord: return "designation"
        case .list(let element): return "list of \(element)"
        case .object(let kind): return kind.description
        case .anything: return "anything"
        }
    }

    /// Whether a value of this type may stand where `other` is expected.
    func fits(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (.anything, _), (_, .anything): return true
        case (.list(let a), .list(let b)): return a.fits(b)
        default: return self == other
        }
    }
}

public enum ObjectKind: Hashable, Sendable, CustomStringConvertible {
    case woonverklaring, dwelling, designation, screening, vog
    case measure(String)
    case request, substantiation, localEvaluation
    /// A measure of a designation value: `requested.art10`.
    case recordMeasure(String)

    public var description: String {
        switch self {
        case .woonverklaring: return "woonverklaring"
        case .dwelling: return "dwelling"
        case .designation: return "designation"
        case .screening: return "screening"
        case .vog: return "vog"
        case .measure(let name), .recordMeasure(let name): return "measure \(name)"
        case .request: return "request"
        case .substantiation: return "substantiation"
        case .localEvaluation: return "local evaluation"
        }
    }
}
