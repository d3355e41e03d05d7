extension Parser {
    /// rule-file = { declaration } EOF
    mutating func parseRuleFile() -> Syntax.RuleFile {
        var declarations: [Syntax.Declaration] = []
        while !atEnd {
            let start = position
            if let declaration = parseDeclaration() {
                declarations.append(declaration)
            } else {
                if position == start { position += 1 }
                synchronise()
            }
            precondition(position > start || atEnd, "the parser loop must make progress")
        }
        return Syntax.RuleFile(source: source, declarations: declarations)
    }

    /// declaration = version | parameter | set | codes | define | measure | rule | requirement
    ///             | date | holiday | equated | labels
    mutating func parseDeclaration() -> Syntax.Declaration? {
        guard let word = current.word, atDeclarationKeyword else {
            let hint = Suggestions.boundedHint(for: current.word ?? "", in: Parser.declarationKeywords.sorted())
            report(.unknownDeclaration, "expected a declaration (rule, parameter, set, codes, define, measure, version, requirement, date, holiday, equated), found \(current.display)\(hint)", at: current.range)
            return nil
        }
        let keyword = advance()
        switch word {
        case "version": return parseVersion(keyword).map { .version($0) }
        case "parameter": return parseParameter().map { .parameter($0) }
        case "set": return parseCodeList(isVocabulary: false).map { .codeList($0) }
        case "codes": return parseCodeList(isVocabulary: true).map { .codeList($0) }
        case "define": return parseDefinition().map { .definition($0) }
        case "measure": return parseMeasure().map { .measure($0) }
        case "requirement": return parseRequirement().map { .requirement($0) }
        case "date": return parseNamedDate().map { .namedDate($0) }
        case "holiday": return parseHoliday(keyword).map { .holiday($0) }
        case "equated": return parseEquatedYear(keyword).map { .equatedYear($0) }
        case "labels": return parseLabelSet().map { .labels($0) }
        default: return parseRule(keyword).map { .rule($0) }
        }
    }

    /// version = "version" date-ref STRING
    mutating func parseVersion(_ keyword: Token) -> Syntax.Version? {
        guard let (date, reference) = parseDateOrReference("after 'version'"), let (title, _) = expectString("after the version date") else {
            return nil
        }
        return Syntax.Version(date: date, title: title, range: keyword.range.lowerBound..<previousEnd, reference: reference)
    }

    /// labels = "labels" NAME [ citation ] { CODE "nl" STRING "en" STRING }
    ///
    /// An entry is a word followed by `nl`; anything else ends the set.
    mutating func parseLabelSet() -> Syntax.LabelSet? {
        guard let name = expectName("after 'labels'") else { return nil }
        var set = Syntax.LabelSet(name: name, citation: parseCitation(), entries: [])
        while current.word != nil, token(at: position + 1).word == "nl" {
            guard let code = expectName("as the code"), expectWord("nl", "after the code"), let (nl, _) = expectString("after 'nl'"),
                expectWord("en", "after the Dutch label"),
                let (en, _) = expectString("after 'en'")
            else { return nil }
            set.entries.append(Syntax.LabelSet.Entry(code: code, nl: nl, en: en))
        }
        return set
    }

    /// date = "date" NAME "=" DATE citation
    mutating func parseNamedDate() -> Syntax.NamedDate? {
        guard let name = expectName("after 'date'"), expectSymbol("=", "after the date's name"), let date = expectDate("after '='") else {
            return nil
        }
        return Syntax.NamedDate(name: name, date: date, citation: parseCitation())
    }

    /// date-ref = DATE | NAME [ ( "+" | "-" ) NUMBER unit ]
    ///
    /// A name is resolved later (a `date` may be declared in any file); until then the returned
    /// date is a stand-in.
    mutating func parseDateOrReference(_ context: String) -> (CalendarDate, Syntax.DateReference?)? {
        if case .date(let date) = current.kind {
            position += 1
            return (date, nil)
        }
        guard current.word != nil, let name = expectName(context) else {
            expected("a date (YYYY-MM-DD) or the name of a 'date' declaration", context)
            return nil
        }
        var reference = Syntax.DateReference(name: name, offset: nil, subtracts: false)
        if atSymbol("+") || atSymbol("-") {
            reference.subtracts = atSymbol("-")
            position += 1
            guard case .integer(let value) = current.kind else {
                expected("a duration (e.g. '1 day')", "after '\(reference.subtracts ? "-" : "+")'")
                return nil
            }
            let number = advance()
            guard let period = parseUnit(value, at: number.range) else {
                expected("a unit (day, week, month, year)", "after the number")
                return nil
            }
            reference.offset = period
        }
        return (CalendarDate(dayNumber: 0), reference)
    }

    /// citation = STRING
    mutating func parseCitation() -> Syntax.Citation? {
        guard case .string(let text) = current.kind else { return nil }
        let token = advance()
        return Syntax.Citation(text: text, range: token.range)
    }

    /// validity = "from" date-ref [ "until" date-ref ]
    mutating func parseValidity() -> Syntax.Validity? {
        let start = current.range.lowerBound
        guard consume("from") else { return nil }
        guard let (from, fromReference) = parseDateOrReference("after 'from'") else { return nil }
        var until: CalendarDate?
        var untilReference: Syntax.DateReference?
        if consume("until") {
            guard let (date, reference) = parseDateOrReference("after 'until'") else { return nil }
            until = date
            untilReference = reference
        }
        return Syntax.Validity(from: from, until: until, range: start..<previousEnd, fromReference: fromReference, untilReference: untilReference)
    }

    /// literal = INTEGER [ unit ] | DATE | "true" | "false" | STRING
    mutating func parseLiteral(_ context: String) -> Syntax.Literal? {
        switch current.kind {
        case .integer(let value):
            let token = advance()
            if let period = parseUnit(value, at: token.range) { return .duration(period) }
            return .integer(value)
        case .date(let date):
            position += 1
            return .date(date)
        case .string(let text):
            position += 1
            return .text(text)
        case .identifier("true"):
            position += 1
            return .bool(true)
        case .identifier("false"):
            position += 1
            return .bool(false)
        default:
            expected("a value (number, duration, date, true/false or text)", context)
            return nil
        }
    }

    /// unit = "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"
    /// (a week is 7 days, interface §9)
    ///
    /// A duration is at most 9,999 years (``maximumDuration``), so a date moved by it stays in
    /// the range dates represent; a larger one is an error at the number (`range`), and the
    /// largest allowed duration stands in for it so no follow-on error is reported.
    mutating func parseUnit(_ value: Int, at range: Range<Int>) -> CalendarPeriod? {
        guard let unit = current.word, let limit = Parser.maximumDuration[unit] else { return nil }
        position += 1
        let count = min(value, limit)
        if value > limit {
            report(
                .numberOutOfRange,
                "duration '\(value) \(unit)' is too long; a duration is at most 9999 years (119988 months, 521722 weeks, 3652059 days)",
                at: range)
        }
        switch unit {
        case "year", "years": return CalendarPeriod(years: count)
        case "month", "months": return CalendarPeriod(months: count)
        case "week", "weeks": return CalendarPeriod(days: 7 * count)
        default: return CalendarPeriod(days: count)
        }
    }

    /// The longest duration in each unit: 9,999 years, 119,988 months, 521,722 weeks and
    /// 3,652,059 days (the days of 9,999 Gregorian years). See docs/rule-language.md, "Limits".
    static let maximumDuration: [String: Int] = [
        "year": 9_999, "years": 9_999, "month": 119_988, "months": 119_988,
        "week": 521_722, "weeks": 521_722, "day": 3_652_059, "days": 3_652_059,
    ]

    /// parameter = "parameter" NAME "=" literal citation validity
    mutating func parseParameter() -> Syntax.Parameter? {
        guard let name = expectName("after 'parameter'"), expectSymbol("=", "after the parameter name"),
            let value = parseLiteral("after '='")
        else { return nil }
        let citation = parseCitation()
        return Syntax.Parameter(name: name, value: value, citation: citation, validity: parseValidity())
    }

    /// set = "set" NAME "=" CODE { "," CODE } citation validity
    /// codes = "codes" NAME "=" CODE { "," CODE } citation
    mutating func parseCodeList(isVocabulary: Bool) -> Syntax.CodeList? {
        guard let name = expectName("after '\(isVocabulary ? "codes" : "set")'"), expectSymbol("=", "after the list name") else {
            return nil
        }
        var codes: [Syntax.Name] = []
        repeat {
            guard let code = expectName("in the list of codes") else { return nil }
            codes.append(code)
        } while consumeSymbol(",")
        let citation = parseCitation()
        return Syntax.CodeList(name: name, codes: codes, citation: citation, validity: parseValidity(), isVocabulary: isVocabulary)
    }

    /// define = "define" NAME [ "(" NAME { "," NAME } ")" ] "=" expression
    mutating func parseDefinition() -> Syntax.Definition? {
        guard let name = expectName("after 'define'") else { return nil }
        var parameters: [Syntax.Name] = []
        if consumeSymbol("(") {
            repeat {
                guard let parameter = expectName("in the parameter list") else { return nil }
                parameters.append(parameter)
            } while consumeSymbol(",")
            guard expectSymbol(")", "after the parameters") else { return nil }
        }
        guard expectSymbol("=", "after the definition's name"), let body = parseExpression() else { return nil }
        return Syntax.Definition(name: name, parameters: parameters, body: body)
    }

    /// measure = "measure" NAME citation validity { field }
    /// field = "field" NAME ":" type [ "default" literal | "required" [ "when" NAME "=" NAME ] ]
    /// type = "bool" | "days" | "labels" | "code" "of" NAME | "codes" [ "of" NAME ] | "one" "of" NAME { "," NAME }
    mutating func parseMeasure() -> Syntax.Measure? {
        guard let name = expectName("after 'measure'") else { return nil }
        let citation = parseCitation()
        let validity = parseValidity()
        var fields: [Syntax.MeasureField] = []
        while consume("field") {
            guard let fieldName = expectName("after 'field'"), expectSymbol(":", "after the field name") else { return nil }
            let type: Syntax.FieldType
            if consume("bool") {
                type = .bool
            } else if consume("days") {
                type = .days
            } else if consume("labels") {
                type = .labels
            } else if consume("code") {
                guard expectWord("of", "after 'code'"), let list = expectName("after 'code of'") else { return nil }
                type = .code(of: list)
            } else if consume("codes") {
                // `codes` alone: free codes the by-law names; `codes of LIST`: codes from a vocabulary.
                if consume("of") {
                    guard let list = expectName("after 'codes of'") else { return nil }
                    type = .codes(of: list)
                } else {
                    type = .codes(of: nil)
                }
            } else if consume("one") {
                guard expectWord("of", "after 'one'") else { return nil }
                var options: [Syntax.Name] = []
                repeat {
                    guard let option = expectName("in the list of options") else { return nil }
                    options.append(option)
                } while consumeSymbol(",")
                type = .oneOf(options)
            } else {
                expected("a field type (bool, days, code of LIST, codes of LIST, one of A, B)", "after ':'")
                return nil
            }
            var defaultValue: Syntax.Literal?
            var isRequired = false
            if consume("default") {
                if let word = current.word, case .oneOf = type {
                    position += 1
                    defaultValue = .text(word)
                } else {
                    guard let literal = parseLiteral("after 'default'") else { return nil }
                    defaultValue = literal
                }
            } else if consume("required") {
                isRequired = true
            }
            var field = Syntax.MeasureField(name: fieldName, type: type, defaultValue: defaultValue, isRequired: isRequired)
            if isRequired, consume("when") {
                guard let other = expectName("after 'required when'"), expectSymbol("=", "after the field name"),
                    let value = expectName("after '='")
                else { return nil }
                field.isRequired = false
                field.requiredWhen = (other, value)
            }
            fields.append(field)
        }
        return Syntax.Measure(name: name, citation: citation, validity: validity, fields: fields)
    }

    /// rule-id = NAME { "." NAME }
    mutating func parseDottedName(_ context: String) -> Syntax.Name? {
        guard var name = expectName(context) else { return nil }
        while atSymbol("."), let next = token(at: position + 1).word,
            token(at: position + 1).range.lowerBound == current.range.upperBound
        {
            position += 2
            name = Syntax.Name(text: name.text + "." + next, range: name.range.lowerBound..<previousEnd)
        }
        return name
    }
}
