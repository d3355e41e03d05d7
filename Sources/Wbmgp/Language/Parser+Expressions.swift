extension Parser {
    /// expression = "if" expression "then" expression "else" expression | or
    ///
    /// Each expression is one level of nesting (``Parser/maximumNesting``): parentheses, list
    /// elements, arguments and the parts of `if` and `[… where …]` are parsed through here.
    mutating func parseExpression() -> Syntax.Expression? {
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        let start = current.range.lowerBound
        if consume("if") {
            guard let condition = parseExpression(), expectWord("then", "after the condition"), let yes = parseExpression(),
                expectWord("else", "after the 'then' branch"), let no = parseExpression()
            else { return nil }
            return .conditional(condition, yes, no, start..<previousEnd)
        }
        return parseOr()
    }

    /// or = and { "or" and }
    mutating func parseOr() -> Syntax.Expression? {
        parseChain("or") { $0.parseAnd() }
    }

    /// and = not { "and" not }
    mutating func parseAnd() -> Syntax.Expression? {
        parseChain("and") { $0.parseNot() }
    }

    /// A run of one operator (`a and b and c`) as one ``Syntax/Expression/chain(_:_:_:)`` node,
    /// read in a loop: however long the run, it nests one level, not one per operand.
    mutating func parseChain(_ word: String, _ operand: (inout Parser) -> Syntax.Expression?) -> Syntax.Expression? {
        guard let first = operand(&self) else { return nil }
        guard at(word) else { return first }
        var operands = [first]
        while at(word) {
            position += 1
            guard let next = operand(&self) else { return nil }
            operands.append(next)
        }
        return .chain(word, operands, first.range.lowerBound..<previousEnd)
    }

    /// not = "not" not | comparison   (each `not` a level of nesting)
    mutating func parseNot() -> Syntax.Expression? {
        let start = current.range.lowerBound
        if at("not") {
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            position += 1
            guard let operand = parseNot() else { return nil }
            return .unary("not", operand, start..<previousEnd)
        }
        return parseComparison()
    }

    /// comparison = additive [ ( "=" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "intersects" ) additive
    ///                       | "is" [ "not" ] "absent" ]
    mutating func parseComparison() -> Syntax.Expression? {
        guard let left = parseAdditive() else { return nil }
        let operatorText: String?
        switch current.kind {
        case .symbol(let s) where ["=", "!=", "<", "<=", ">", ">="].contains(s): operatorText = s
        case .identifier(let w) where w == "in" || w == "intersects": operatorText = w
        case .identifier("is"):
            position += 1
            let negated = consume("not")
            guard expectWord("absent", "after 'is'") else { return nil }
            return .isAbsent(left, negated: negated, left.range.lowerBound..<previousEnd)
        default: operatorText = nil
        }
        guard let operatorText else { return left }
        position += 1
        guard let right = parseAdditive() else { return nil }
        return .binary(operatorText, left, right, left.range.lowerBound..<previousEnd)
    }

    /// additive = postfix { ( "+" | "-" ) postfix }
    ///
    /// Each operator nests its left side one level deeper (the tree is left-nested, and a date
    /// plus durations is not associative), so each counts a level of nesting.
    mutating func parseAdditive() -> Syntax.Expression? {
        guard var left = parsePostfix() else { return nil }
        var levels = 0
        defer { depth -= levels }
        while atSymbol("+") || atSymbol("-") {
            guard enterNesting() else { return nil }
            levels += 1
            let symbol = atSymbol("+") ? "+" : "-"
            position += 1
            guard let right = parsePostfix() else { return nil }
            left = .binary(symbol, left, right, left.range.lowerBound..<previousEnd)
        }
        return left
    }

    /// postfix = primary { "." NAME }   (each field a level of nesting, as it wraps its base)
    mutating func parsePostfix() -> Syntax.Expression? {
        guard var base = parsePrimary() else { return nil }
        var levels = 0
        defer { depth -= levels }
        while atSymbol(".") {
            guard enterNesting() else { return nil }
            levels += 1
            position += 1
            guard let name = expectName("after '.'") else { return nil }
            base = .field(base, name)
        }
        return base
    }

    /// primary = INTEGER [ unit ] | DATE | STRING | NAME [ "(" [ expression { "," expression } ] ")" ]
    ///         | "(" expression ")" | "{" [ expression { "," expression } ] "}"
    ///         | "[" NAME "in" expression "where" expression "]"
    ///         | ( "any" | "every" ) NAME "in" expression ":" not
    mutating func parsePrimary() -> Syntax.Expression? {
        let token = current
        let start = token.range.lowerBound
        switch token.kind {
        case .integer(let value):
            position += 1
            if let period = parseUnit(value, at: token.range) { return .duration(period, start..<previousEnd) }
            return .integer(value, token.range)
        case .date(let date):
            position += 1
            return .date(date, token.range)
        case .string(let text):
            position += 1
            return .string(text, token.range)
        case .symbol("("):
            position += 1
            guard let inner = parseExpression(), expectSymbol(")", "to close '('") else { return nil }
            return inner
        case .symbol("{"):
            position += 1
            var elements: [Syntax.Expression] = []
            if !atSymbol("}") {
                repeat {
                    guard let element = parseExpression() else { return nil }
                    elements.append(element)
                } while consumeSymbol(",")
            }
            guard expectSymbol("}", "to close the list") else { return nil }
            return .list(elements, start..<previousEnd)
        case .symbol("["):
            position += 1
            guard let variable = expectName("after '['"), expectWord("in", "after the variable"), let list = parseExpression(),
                expectWord("where", "after the list"), let condition = parseExpression(), expectSymbol("]", "to close the filter")
            else { return nil }
            return .filter(variable, list, condition, start..<previousEnd)
        case .identifier(let word) where word == "any" || word == "every":
            // The body is parsed by parseNot, not parseExpression: count the level here.
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            position += 1
            guard let variable = expectName("after '\(word)'"), expectWord("in", "after the variable"), let list = parseAdditive(),
                expectSymbol(":", "after the list"), let body = parseNot()
            else { return nil }
            return .quantifier(all: word == "every", variable, list, body, start..<previousEnd)
        case .identifier(let word):
            position += 1
            let name = Syntax.Name(text: word, range: token.range)
            guard consumeSymbol("(") else { return .name(name) }
            var arguments: [Syntax.Expression] = []
            if !atSymbol(")") {
                repeat {
                    guard let argument = parseExpression() else { return nil }
                    arguments.append(argument)
                } while consumeSymbol(",")
            }
            guard expectSymbol(")", "to close the call of '\(word)'") else { return nil }
            return .call(name, arguments, start..<previousEnd)
        default:
            expected("an expression", "here")
            return nil
        }
    }
}
