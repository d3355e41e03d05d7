extension ExpressionCompiler {
    mutating func compileBinary(_ op: String, _ left: Syntax.Expression, _ right: Syntax.Expression, _ range: Range<Int>)
        -> (CompiledExpression, ValueType)?
    {
        // The parser writes runs of `and`/`or` as chains; a two-operand one compiles alike.
        if op == "and" || op == "or" { return compileChain(op, [left, right], range) }
        guard let (l, lType) = compileTyped(left), let (r, rType) = compileTyped(right) else { return nil }
        func mismatch(_ expectation: String) -> (CompiledExpression, ValueType)? {
            report(.typeMismatch, "'\(op)' \(expectation); found \(lType) and \(rType)", at: range)
            return nil
        }
        switch op {
        case "=", "!=":
            guard lType.fits(rType) else { return mismatch("compares values of one type") }
            return (.compare(op == "=" ? .equal : .notEqual, l, r), .bool)
        case "<", "<=", ">", ">=":
            let comparable: Bool
            switch (lType, rType) {
            case (.integer, .integer), (.date, .date), (.span, .duration): comparable = true
            default: comparable = false
            }
            guard comparable, let comparison = Comparison(rawValue: op) else {
                return mismatch("compares numbers, dates, or a span with a duration")
            }
            return (.compare(comparison, l, r), .bool)
        case "in":
            guard case .list(let element) = rType, lType.fits(element) else { return mismatch("needs a value and a list of such values") }
            return (.member(l, r), .bool)
        case "intersects":
            guard case .list = lType, lType.fits(rType) else { return mismatch("needs two lists of one type") }
            return (.intersects(l, r), .bool)
        case "+", "-":
            switch (lType, rType) {
            case (.date, .duration): return (op == "+" ? .add(l, r) : .subtract(l, r), .date)
            case (.integer, .integer): return (op == "+" ? .add(l, r) : .subtract(l, r), .integer)
            case (.list(let a), .list(let b)) where op == "+" && lType.fits(rType): return (.add(l, r), .list(a == .anything ? b : a))
            default: return mismatch("needs a date and a duration, two numbers, or (for '+') two lists")
            }
        default:
            report(.unexpectedCharacter, "unknown operator '\(op)'", at: range)
            return nil
        }
    }
}
