/// How values appear in a decision: as JSON in `facts`, and as words in reason texts.
///
/// Persons and police records are values by index; `household` (the application's, nil for a
/// request) gives their ids and records. Only the household is passed, not the application, so a
/// call does not copy the application's fields.
enum ValueRendering {
    static func json(_ value: Value, in household: [Person]?, designations: [Designation] = []) -> JSONValue {
        switch value {
        case .unknown: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(number)
        case .text(let text): return .string(text)
        case .date(let date): return .string(date.description)
        case .duration(let period): return .string(period.shortText(language: .en))
        case .span(let from, let to): return .string(CalendarPeriod.between(from, to).fullText(language: .en))
        case .list(let elements): return .array(elements.map { json($0, in: household, designations: designations) })
        case .person(let index): return household.map { .string($0[index].id) } ?? .null
        case .designation(let index): return index < designations.count ? .string(designations[index].id) : .null
        case .record(let person, let index):
            guard let record = household?[person].screening?.policeRecords?[index] else { return .null }
            return .sortedObject([("behaviour", .string(record.behaviour)), ("date", .string(record.date.description))])
        }
    }

    static func text(_ value: Value, in household: [Person]?, designations: [Designation] = [], language: Language) -> String {
        var bytes = ByteBuffer()
        appendText(value, to: &bytes, in: household, designations: designations, language: language)
        return bytes.string
    }

    /// ``text(_:in:designations:language:)`` appended as UTF-8 to `bytes`: reason texts are
    /// rendered this way, with no intermediate `String` per placeholder.
    static func appendText(_ value: Value, to bytes: inout ByteBuffer, in household: [Person]?, designations: [Designation] = [], language: Language) {
        let english = language == .en
        switch value {
        case .unknown: bytes.append(english ? Words.unknownEN : Words.unknownNL)
        case .bool(let flag): bytes.append(flag ? (english ? Words.yesEN : Words.yesNL) : (english ? Words.noEN : Words.noNL))
        case .integer(let number): TextBytes.appendInteger(number, to: &bytes)
        case .text(let text): TextBytes.appendString(text, to: &bytes)
        case .date(let date): date.appendText(to: &bytes)
        case .duration(let period): period.appendShortText(to: &bytes, language: language)
        case .span(let from, let to): CalendarPeriod.between(from, to).appendFullText(to: &bytes, language: language)
        case .list(let elements):
            if elements.isEmpty {
                bytes.append(english ? Words.noneEN : Words.noneNL)
                return
            }
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(Words.listSeparator) }
                appendText(element, to: &bytes, in: household, designations: designations, language: language)
            }
        case .person(let index):
            if let household { TextBytes.appendString(household[index].id, to: &bytes) }
        case .designation(let index):
            if index < designations.count { TextBytes.appendString(designations[index].id, to: &bytes) }
        case .record(let person, let index):
            guard let record = household?[person].screening?.policeRecords?[index] else { return }
            TextBytes.appendString(record.behaviour, to: &bytes)
            bytes.append(english ? Words.onEN : Words.onNL)
            record.date.appendText(to: &bytes)
        }
    }

    /// The fixed words of value texts.
    private enum Words {
        static let unknownEN: StaticString = "unknown", unknownNL: StaticString = "onbekend"
        static let yesEN: StaticString = "yes", yesNL: StaticString = "ja"
        static let noEN: StaticString = "no", noNL: StaticString = "nee"
        static let noneEN: StaticString = "none", noneNL: StaticString = "geen"
        static let onEN: StaticString = " on ", onNL: StaticString = " op "
        static let listSeparator: StaticString = ", "
    }
}
