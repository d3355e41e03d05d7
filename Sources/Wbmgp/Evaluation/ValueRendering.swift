/// How values appear in a decision: as JSON in `facts`, and as words in reason texts.
enum ValueRendering {
    static func json(_ value: Value, in application: Application?, designations: [Designation] = []) -> JSONValue {
        switch value {
        case .unknown: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(number)
        case .text(let text): return .string(text)
        case .date(let date): return .string(date.description)
        case .duration(let period): return .string(period.shortText(language: .en))
        case .span(let from, let to): return .string(CalendarPeriod.between(from, to).fullText(language: .en))
        case .list(let elements): return .array(elements.map { json($0, in: application, designations: designations) })
        case .person(let index): return application.map { .string($0.household[index].id) } ?? .null
        case .designation(let index): return index < designations.count ? .string(designations[index].id) : .null
        case .record(let person, let index):
            guard let record = application?.household[person].screening?.policeRecords?[index] else { return .null }
            return .sortedObject([("behaviour", .string(record.behaviour)), ("date", .string(record.date.description))])
        }
    }

    static func text(_ value: Value, in application: Application?, designations: [Designation] = [], language: Language) -> String {
        let english = language == .en
        switch value {
        case .unknown: return english ? "unknown" : "onbekend"
        case .bool(let flag): return flag ? (english ? "yes" : "ja") : (english ? "no" : "nee")
        case .integer(let number): return String(number)
        case .text(let text): return text
        case .date(let date): return date.description
        case .duration(let period): return period.shortText(language: language)
        case .span(let from, let to): return CalendarPeriod.between(from, to).fullText(language: language)
        case .list(let elements):
            if elements.isEmpty { return english ? "none" : "geen" }
            return elements.map { text($0, in: application, designations: designations, language: language) }.joined(separator: ", ")
        case .person(let index): return application?.household[index].id ?? ""
        case .designation(let index): return index < designations.count ? designations[index].id : ""
        case .record(let person, let index):
            guard let record = application?.household[person].screening?.policeRecords?[index] else { return "" }
            return english ? "\(record.behaviour) on \(record.date)" : "\(record.behaviour) op \(record.date)"
        }
    }
}
