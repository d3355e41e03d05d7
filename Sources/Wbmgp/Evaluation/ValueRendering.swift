/// How values appear in a decision: as JSON in `facts`, and as words in reason texts.
///
/// Persons and police records are values by index; `household` (the application's, nil for a
/// request) gives their ids and records. Only the household is passed, not the application, so a
/// call does not copy the application's fields.
enum ValueRendering {
    /// `value` as JSON in `facts`: read back from what
    /// ``appendJSON(_:in:designations:to:)`` writes.
    static func json(_ value: Value, in household: [Person]?, designations: [Designation] = []) -> JSONValue {
        var out = JSONBytes()
        appendJSON(value, in: household, designations: designations, to: &out)
        // Compact JSON written just above: it always reads back.
        return (try? JSONReader.parse(out.bytes)) ?? .null
    }

    /// `value` as JSON in `facts`, appended as compact JSON: a reason's facts are written once,
    /// straight into the decision's arena (``ReasonContent``).
    static func appendJSON(_ value: Value, in household: [Person]?, designations: [Designation] = [], to out: inout JSONBytes) {
        switch value {
        case .unknown: out.raw("null")
        case .bool(let flag): flag ? out.raw("true") : out.raw("false")
        case .integer(let number): out.integer(number)
        case .text(let text): out.appendString(text)
        case .date(let date): out.date(date)
        case .duration(let period):
            out.byte(0x22)
            period.appendShortText(to: &out.buffer, language: .en)
            out.byte(0x22)
        case .span(let from, let to):
            out.byte(0x22)
            CalendarPeriod.between(from, to).appendFullText(to: &out.buffer, language: .en)
            out.byte(0x22)
        case .list(let elements):
            out.byte(UInt8(ascii: "["))
            for i in elements.indices {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                appendJSON(elements[i], in: household, designations: designations, to: &out)
            }
            out.byte(UInt8(ascii: "]"))
        case .person(let index):
            if let household { out.appendString(household[index].id) } else { out.raw("null") }
        case .designation(let index):
            if index < designations.count { out.appendString(designations[index].id) } else { out.raw("null") }
        case .record(let person, let index):
            guard let record = household?[person].screening?.policeRecords?[index] else { return out.raw("null") }
            out.raw("{\"behaviour\":")
            out.appendString(record.behaviour)
            out.raw(",\"date\":")
            out.date(record.date)
            out.byte(UInt8(ascii: "}"))
        }
    }

    /// A value in the technical form of request messages (ISO dates, codes, ids), for tools and CI.
    static func technicalText(_ value: Value, designations: [Designation]) -> String {
        var bytes = ByteBuffer()
        appendTechnicalText(value, to: &bytes, designations: designations)
        return bytes.string
    }

    static func appendTechnicalText(_ value: Value, to bytes: inout ByteBuffer, designations: [Designation]) {
        switch value {
        case .unknown: bytes.append(Words.unknownEN)
        case .bool(let flag): bytes.append(flag ? Words.yesEN : Words.noEN)
        case .integer(let number): TextBytes.appendInteger(number, to: &bytes)
        case .text(let text): TextBytes.appendString(text, to: &bytes)
        case .date(let date): date.appendText(to: &bytes)
        case .duration(let period): period.appendShortText(to: &bytes, language: .en)
        case .span(let from, let to): CalendarPeriod.between(from, to).appendFullText(to: &bytes, language: .en)
        case .list(let elements):
            if elements.isEmpty {
                bytes.append(Words.noneEN)
                return
            }
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(Words.listSeparator) }
                appendTechnicalText(element, to: &bytes, designations: designations)
            }
        case .person, .record: break
        case .designation(let index):
            if index < designations.count { TextBytes.appendString(designations[index].id, to: &bytes) }
        }
    }

    /// A value as a person reads it (interface §10): codes by their labels, dates and durations
    /// in words, people by role and position (or name, when the context says so), designations
    /// by municipality and term.
    static func text(_ value: Value, _ context: TextContext) -> String {
        PlainWords.written { appendText(value, context, to: &$0) }
    }

    /// ``text(_:_:)`` appended to `bytes`: how reason texts are rendered, with no `String` per value.
    static func appendText(_ value: Value, _ context: TextContext, to bytes: inout ByteBuffer) {
        let language = context.language
        let en = language == .en
        switch value {
        case .unknown: bytes.append(en ? Words.unknownEN : Words.unknownNL)
        case .bool(let flag): bytes.append(flag ? (en ? Words.yesEN : Words.yesNL) : (en ? Words.noEN : Words.noNL))
        case .integer(let number): PlainWords.appendNumber(number, language, to: &bytes)
        case .text(let code): context.appendWords(for: code, to: &bytes)
        case .date(let date): PlainWords.appendDate(date, language, to: &bytes)
        case .duration(let period): PlainWords.appendPeriod(period, language, spelled: true, to: &bytes)
        case .span(let from, let to): PlainWords.appendPeriod(CalendarPeriod.between(from, to), language, spelled: false, to: &bytes)
        case .list(let elements):
            guard !elements.isEmpty else { return PlainWords.appendEmptyList(language, to: &bytes) }
            // The address facts a lookup left open, named together ("de postcode en het
            // huisnummer van de woning"); looked for only where a lookup was left open.
            if context.namesAddressFacts,
                let words = MissingFactWords.addressWords(elements.map { if case .text(let path) = $0 { path } else { "" } }, context)
            {
                return TextBytes.appendString(words, to: &bytes)
            }
            // The covering designations' ids are remembered however few: each is a designation
            // in words, several hundred instructions.
            if let listWords = context.listWords, elements.count >= ListWords.shortestKept || context.isDesignationIds(elements) {
                if listWords.append(elements, context, to: &bytes) { return }
                return appendList(elements, context, remembering: listWords, to: &bytes)
            }
            // Written here, not through `PlainWords.appendList`'s closure, which copied the context.
            for i in elements.indices {
                PlainWords.appendListSeparator(before: i, of: elements.count, language, to: &bytes)
                appendText(elements[i], context, to: &bytes)
            }
        case .person(let index): context.appendPerson(index, to: &bytes)
        case .designation(let index):
            if index < context.designations.count { context.appendWords(for: context.designations[index], to: &bytes) }
        case .record(let person, let index):
            guard let record = context.household?[person].screening?.policeRecords?[index] else { return }
            context.appendWords(for: record.behaviour, to: &bytes)
            bytes.append(en ? " on " : " op ")
            PlainWords.appendDate(record.date, language, to: &bytes)
        }
    }

    /// A list written as ``appendText(_:_:to:)`` writes it, remembered in `listWords` when every
    /// element was a code written as its label, or when it is the covering designations' ids and
    /// no word written noted an escape (the words then depend on nothing else).
    private static func appendList(_ elements: [Value], _ context: TextContext, remembering listWords: ListWords, to bytes: inout ByteBuffer) {
        let start = bytes.count
        var allLabelled = true
        // What was noted before is kept; what these words note is seen apart.
        let ids = context.isDesignationIds(elements)
        let notedBefore = context.escapeNote?.found ?? false
        if ids { context.escapeNote?.found = false }
        for i in elements.indices {
            PlainWords.appendListSeparator(before: i, of: elements.count, context.language, to: &bytes)
            // A code without a label appends nothing here, and is then written as any value is.
            if allLabelled, case .text(let code) = elements[i], context.appendLabel(of: code, to: &bytes) { continue }
            allLabelled = false
            appendText(elements[i], context, to: &bytes)
        }
        var known = allLabelled
        if ids, let note = context.escapeNote {
            known = !note.found
            note.found = notedBefore || note.found
        }
        if known {
            bytes.withUnsafeBytes { listWords.remember(elements, context, words: UnsafeBufferPointer(rebasing: $0[start...])) }
        }
    }

    /// The fixed words of value texts.
    private enum Words {
        static let unknownEN: StaticString = "unknown", unknownNL: StaticString = "onbekend"
        static let yesEN: StaticString = "yes", yesNL: StaticString = "ja"
        static let noEN: StaticString = "no", noNL: StaticString = "nee"
        static let noneEN: StaticString = "none", noneNL: StaticString = "geen"
        static let listSeparator: StaticString = ", "
    }
}
