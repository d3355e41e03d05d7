extension Parser {
    /// rule = "rule" RULE-ID citation validity { clause }
    mutating func parseRule(_ keyword: Token) -> Syntax.Rule? {
        guard let id = parseDottedName("after 'rule'") else { return nil }
        var rule = Syntax.Rule(id: id, keywordRange: keyword.range)
        rule.citation = parseCitation()
        rule.validity = parseValidity()
        while !atEnd {
            guard let word = current.word, !Parser.declarationKeywords.contains(word) else { break }
            guard Parser.clauseKeywords.contains(word) else {
                let hint = Suggestions.boundedHint(for: word, in: Parser.clauseKeywords.sorted())
                report(.unknownClause, "unknown clause \(current.display) in rule '\(id.text)'\(hint)", at: current.range)
                rule.hasSyntaxErrors = true
                synchroniseClause()
                continue
            }
            let start = position
            if !parseClause(into: &rule) {
                rule.hasSyntaxErrors = true
                if position == start { position += 1 }
                synchroniseClause()
            }
        }
        return rule
    }

    /// clause = "under" NAME | "applies" "when" expression | "for" "each" NAME "in" expression
    ///        | effect | "flag" NAME "=" expression [ citation ] | "lifted" "by" STRING citation
    ///        | "fact" NAME "=" expression [ "when" expression ] | "uses" expression
    ///        | "dated" "by" expression | reason | "would" "lift" reason-body
    /// effect = "refuse" "when" expression | "conditions" expression "when" expression
    ///        | "priority" expression "when" expression | "defect" STRING "when" expression
    ///        | "screen" "from" expression "until" expression "behaviours" expression "when" expression
    ///        | "lookup"
    mutating func parseClause(into rule: inout Syntax.Rule) -> Bool {
        let keyword = advance()
        switch keyword.word {
        case "under":
            guard let name = expectName("after 'under'") else { return false }
            rule.measure = name
        case "dated":
            guard expectWord("by", "after 'dated'"), let date = parseExpression() else { return false }
            rule.datedBy = date
        case "applies":
            guard expectWord("when", "after 'applies'"), let condition = parseExpression() else { return false }
            rule.gates.append(condition)
        case "for":
            guard expectWord("each", "after 'for'"), let variable = expectName("after 'for each'"),
                expectWord("in", "after the variable"), let list = parseExpression()
            else { return false }
            rule.subjectVariable = variable
            rule.subjectList = list
        case "refuse":
            guard let condition = parseWhen("after 'refuse'") else { return false }
            setEffect(.refuse(when: condition), on: &rule, at: keyword)
        case "conditions":
            guard let list = parseExpression(), let condition = parseWhen("after the conditions") else { return false }
            setEffect(.conditions(list, when: condition), on: &rule, at: keyword)
        case "priority":
            guard let list = parseExpression(), let condition = parseWhen("after the characteristics") else { return false }
            setEffect(.priority(characteristics: list, when: condition), on: &rule, at: keyword)
        case "defect":
            guard let (code, _) = expectString("after 'defect'"), let condition = parseWhen("after the defect code") else { return false }
            setEffect(.defect(code: code, when: condition), on: &rule, at: keyword)
        case "screen":
            guard expectWord("from", "after 'screen'"), let from = parseExpression(),
                expectWord("until", "after the window start"), let until = parseExpression(),
                expectWord("behaviours", "after the window end"), let behaviours = parseExpression(),
                let condition = parseWhen("after the behaviours")
            else { return false }
            setEffect(.screen(from: from, until: until, behaviours: behaviours, when: condition), on: &rule, at: keyword)
        case "lookup":
            setEffect(.lookup, on: &rule, at: keyword)
        case "flag":
            guard let name = expectName("after 'flag'"), expectSymbol("=", "after the flag name"), let value = parseExpression() else {
                return false
            }
            rule.flagNames.append(name)
            rule.flagValues.append(value)
            rule.flagCitations.append(parseCitation())
        case "lifted":
            guard expectWord("by", "after 'lifted'"), let (code, codeRange) = expectString("after 'lifted by'") else { return false }
            guard let citation = parseCitation() else { return expected("a quoted citation", "after the hardship code") }
            rule.liftCodes.append(Syntax.Name(text: code, range: codeRange))
            rule.liftCitations.append(citation)
        case "uses":
            guard let list = parseExpression() else { return false }
            rule.uses.append(list)
        case "fact":
            guard let (name, value, factGuard) = parseFactClause() else { return false }
            rule.factNames.append(name)
            rule.factValues.append(value)
            rule.factGuards.append(factGuard)
        case "would":
            guard expectWord("lift", "after 'would'"), let text = parseReasonBody("after 'would lift' (applied or unknown)") else { return false }
            rule.wouldLift.append(text)
        default:
            guard let text = parseReasonBody("after 'reason' (applied, passed, unknown or unreached)") else { return false }
            rule.reasons.append(text)
        }
        return true
    }

    /// fact-clause = NAME "=" expression [ "when" expression ]   (after "fact"; rules and requirements)
    mutating func parseFactClause() -> (Syntax.Name, Syntax.Expression, Syntax.Expression?)? {
        guard let name = expectName("after 'fact'"), expectSymbol("=", "after the fact name"), let value = parseExpression() else {
            return nil
        }
        guard consume("when") else { return (name, value, nil) }
        guard let condition = parseExpression() else { return nil }
        return (name, value, condition)
    }

    mutating func parseWhen(_ context: String) -> Syntax.Expression? {
        guard expectWord("when", context) else { return nil }
        return parseExpression()
    }

    mutating func setEffect(_ effect: Syntax.Effect, on rule: inout Syntax.Rule, at keyword: Token) {
        if rule.effect != nil {
            report(.duplicateDeclaration, "rule '\(rule.id.text)' has a second effect; a rule has exactly one", at: keyword.range)
        }
        rule.effect = effect
    }

    /// reason = "reason" reason-body
    /// reason-body = RESULT [ "when" expression ] "nl" STRING "en" STRING
    mutating func parseReasonBody(_ context: String) -> Syntax.ReasonText? {
        guard let result = expectName(context) else { return nil }
        var guardExpression: Syntax.Expression?
        if consume("when") {
            guard let condition = parseExpression() else { return nil }
            guardExpression = condition
        }
        guard expectWord("nl", "before the Dutch text"), let (nl, nlRange) = expectString("after 'nl'"),
            expectWord("en", "before the English text"), let (en, enRange) = expectString("after 'en'")
        else { return nil }
        return Syntax.ReasonText(result: result, guardExpression: guardExpression, nl: nl, en: en, nlRange: nlRange, enRange: enRange)
    }
}
