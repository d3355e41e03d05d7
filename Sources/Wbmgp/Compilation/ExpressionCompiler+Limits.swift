/// Whether some rule of this compile has grown past ``ExpressionCompiler/maximumNodes``.
///
/// Definitions are inlined, so `define d2 = d1 and d1`, `define d3 = d2 and d2`, … doubles the
/// code with every line; without a bound such a file would compile for ever. Each rule (in each
/// period) may make that many nodes; once one has gone past, every later expression of the
/// compile fails at once, so however many rules use the definition, the work stays bounded. A
/// class, so value-typed compilers share the one flag.
final class CompileBudget {
    var exhausted = false
}

extension ExpressionCompiler {
    /// The most compiled nodes of one rule or requirement (in one period), counting every inlined
    /// definition and fact at each use. Far above the shipped rules (hundreds of nodes), room
    /// for a run of some 200,000 names joined by `and`, and reached within a second or so.
    static let maximumNodes = 524_288

    /// Makes room for a node `levels` below the current one (``depth``) and for `nodes` more
    /// nodes; past ``Parser/maximumNesting`` levels or ``maximumNodes`` nodes reports an error
    /// at `range` and returns false.
    ///
    /// The levels counted bound the height of every compiled tree, counting inlined definitions
    /// and facts, and so the recursion of this compiler, of ``CodeBuilder`` and of
    /// ``ExpressionEvaluator``, which all walk the tree one call per level.
    mutating func reserve(levels: Int, nodes: Int, at range: Range<Int>) -> Bool {
        guard depth + levels <= Parser.maximumNesting else {
            report(
                .nestingTooDeep,
                "expression nests deeper than \(Parser.maximumNesting) levels once its definitions and facts are inlined", at: range)
            return false
        }
        guard !globals.budget.exhausted, size + nodes <= ExpressionCompiler.maximumNodes else {
            if !globals.budget.exhausted {
                globals.budget.exhausted = true
                report(
                    .expressionTooLarge,
                    "the rule grows past \(ExpressionCompiler.maximumNodes) expression nodes once its definitions are inlined; does a definition use another several times over, line after line?",
                    at: range)
            }
            return false
        }
        size += nodes
        deepest = max(deepest, depth + levels)
        return true
    }

    /// Compiles a value that will be inlined where a name is used (a definition's argument, a
    /// fact), with the height and node count of its tree.
    mutating func compileInlined(_ expression: Syntax.Expression) -> (CompiledExpression, ValueType, height: Int, size: Int)? {
        let outerDeepest = deepest
        let sizeBefore = size
        deepest = depth
        defer { deepest = max(outerDeepest, deepest) }
        guard let (compiled, type) = compileTyped(expression) else { return nil }
        return (compiled, type, deepest - depth, size - sizeBefore)
    }

    /// Compiles a run `a and b and …` (or `or`) into binary nodes, operands left to right.
    ///
    /// Up to ``shortChain`` operands the tree is left-nested, as two-operand nodes always were;
    /// a longer run is split in halves, so it nests about log2(n) levels. Three-valued `and` and
    /// `or` are associative, and the evaluator takes the left operand first and stops at the
    /// first deciding one, so every grouping evaluates the same operands in the same order: the
    /// same result and the same missing facts.
    mutating func compileChain(_ op: String, _ operands: [Syntax.Expression], _ range: Range<Int>)
        -> (CompiledExpression, ValueType)?
    {
        let height = ExpressionCompiler.chainHeight(operands.count)
        // This node (the chain's root) is counted already; the rest of the tree sits below it.
        guard reserve(levels: height - 1, nodes: max(operands.count - 2, 0), at: range) else { return nil }
        depth += height - 1
        defer { depth -= height - 1 }
        var compiled: [CompiledExpression] = []
        compiled.reserveCapacity(operands.count)
        for (i, operand) in operands.enumerated() {
            // Stop at the first error, as the nested form did: one diagnostic per run.
            guard let c = compile(operand, expecting: .bool, i == 0 ? "before '\(op)'" : "after '\(op)'") else { return nil }
            compiled.append(c)
        }
        return (ExpressionCompiler.combine(op, compiled[...]), .bool)
    }

    /// Runs up to this many operands are left-nested.
    static let shortChain = 8

    /// The levels of binary nodes over `count` operands, as ``combine(_:_:)`` builds them.
    static func chainHeight(_ count: Int) -> Int {
        count <= shortChain ? max(count - 1, 0) : 1 + chainHeight((count + 1) / 2)
    }

    /// The binary tree of a run (see ``compileChain(_:_:_:)``); recursion only log2(n) deep.
    static func combine(_ op: String, _ operands: ArraySlice<CompiledExpression>) -> CompiledExpression {
        func node(_ l: CompiledExpression, _ r: CompiledExpression) -> CompiledExpression { op == "and" ? .and(l, r) : .or(l, r) }
        guard operands.count > shortChain else {
            var result = operands[operands.startIndex]
            for operand in operands.dropFirst() { result = node(result, operand) }
            return result
        }
        let middle = operands.startIndex + (operands.count + 1) / 2
        return node(combine(op, operands[..<middle]), combine(op, operands[middle...]))
    }
}
