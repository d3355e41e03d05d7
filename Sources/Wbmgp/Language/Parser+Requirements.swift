extension Parser {
    /// requirement = "requirement" CODE citation SEVERITY validity { requirement-clause }
    /// requirement-clause = "applies" "when" expression | "fails" "when" expression | "path" TEXT
    ///        | "dated" "by" NAME { "," NAME } | "checks" "designations"
    ///        | "fact" NAME "=" expression [ "when" expression ] | "message" [ "when" expression ] TEXT
    ///        | "text" [ "when" expression ] "nl" TEXT "en" TEXT
    mutating func parseRequirement() -> Syntax.Requirement? {
        guard let code = expectName("after 'requirement'") else { return nil }
        var requirement = Syntax.Requirement(code: code)
        requirement.citation = parseCitation()
        if let word = current.word, word != "from" {
            requirement.severity = Syntax.Name(text: word, range: advance().range)
        }
        requirement.validity = parseValidity()
        while let word = current.word, !Parser.declarationKeywords.contains(word) {
            let start = position
            guard Parser.requirementClauseKeywords.contains(word) else {
                let hint = Suggestions.boundedHint(for: word, in: Parser.requirementClauseKeywords.sorted())
                report(.unknownClause, "unknown clause \(current.display) in requirement '\(code.text)'\(hint)", at: current.range)
                requirement.hasSyntaxErrors = true
                synchroniseClause()
                continue
            }
            if !parseRequirementClause(into: &requirement) {
                requirement.hasSyntaxErrors = true
                if position == start { position += 1 }
                synchroniseClause()
            }
        }
        return requirement
    }

    mutating func parseRequirementClause(into requirement: inout Syntax.Requirement) -> Bool {
        let keyword = advance()
        switch keyword.word {
        case "applies":
            guard expectWord("when", "after 'applies'"), let condition = parseExpression() else { return false }
            requirement.gates.append(condition)
        case "fails":
            guard expectWord("when", "after 'fails'"), let condition = parseExpression() else { return false }
            requirement.failsWhen = condition
        case "path":
            guard let (text, range) = expectString("after 'path'") else { return false }
            requirement.path = (text, range)
        case "dated":
            guard expectWord("by", "after 'dated'") else { return false }
            repeat {
                guard let name = expectName("after 'dated by'") else { return false }
                requirement.datedBy.append(name)
            } while consumeSymbol(",")
        case "checks":
            guard expectWord("designations", "after 'checks'") else { return false }
            requirement.checksDesignations = true
        case "fact":
            guard let (name, value, factGuard) = parseFactClause() else { return false }
            requirement.factNames.append(name)
            requirement.factValues.append(value)
            requirement.factGuards.append(factGuard)
        case "text":
            var guardExpression: Syntax.Expression?
            if consume("when") {
                guard let condition = parseExpression() else { return false }
                guardExpression = condition
            }
            guard expectWord("nl", "before the Dutch text"), let (nl, nlRange) = expectString("after 'nl'"), expectWord("en", "after the Dutch text"),
                let (en, enRange) = expectString("after 'en'")
            else { return false }
            requirement.texts.append(Syntax.Requirement.Text(guardExpression: guardExpression, nl: nl, en: en, nlRange: nlRange, enRange: enRange))
        default:
            var guardExpression: Syntax.Expression?
            if consume("when") {
                guard let condition = parseExpression() else { return false }
                guardExpression = condition
            }
            guard let (text, range) = expectString("as the message") else { return false }
            requirement.messages.append(Syntax.Requirement.Message(guardExpression: guardExpression, text: text, range: range))
        }
        return true
    }
}
