/// Lowers typed expression trees into the flat ``ExpressionCode`` of one rule or requirement.
///
/// Each tree is emitted in post-order (operands before the node that uses them). A rule's fact is
/// a `cached` subtree inlined wherever the fact is named; it is emitted once and every use refers
/// to that one node, so the code stays as small as the rule text.
///
/// An expression the same throughout a decision, whichever rule reads it, is wrapped in a
/// `shared` node numbered by the law's ``DecisionFactTable``, and computed once a decision.
///
/// ``lower(_:)`` recurses once per level of the tree (through ``lowerNode(_:)``); the compiler
/// bounds every tree it hands over at ``Parser/maximumNesting`` levels
/// (``ExpressionCompiler/reserve(levels:nodes:at:)``), which bounds this recursion and the
/// evaluator's over the same nodes (a shared node adds one level to the evaluator's).
struct CodeBuilder {
    private var nodes: [CodeNode] = []
    private var constants: [Value] = []
    private var operands: [Int32] = []
    private var recordFacts: [DesignationRecordFact] = []
    private var cachedNodes: [Int: Int32] = [:]
    /// The law's numbering of expressions the same throughout a decision; nil where there is
    /// no decision (a request's requirements), and then nothing is shared.
    private let decisionFacts: DecisionFactTable?
    /// Whether the node being emitted lies inside a shared one.
    private var withinShared = false

    init(decisionFacts: DecisionFactTable? = nil) {
        self.decisionFacts = decisionFacts
    }

    /// Emits `expression` and returns its root.
    mutating func emit(_ expression: CompiledExpression) -> CodeRef {
        CodeRef(index: lower(expression))
    }

    /// The code of everything emitted so far.
    func finish() -> ExpressionCode {
        ExpressionCode(nodes: nodes, constants: constants, operands: operands, recordFacts: recordFacts)
    }

    private mutating func add(_ node: CodeNode) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// A node of two operands, emitted left first.
    private mutating func pair(_ left: CompiledExpression, _ right: CompiledExpression, _ node: (Int32, Int32) -> CodeNode) -> Int32 {
        let l = lower(left)
        let r = lower(right)
        return add(node(l, r))
    }

    private mutating func operandList(_ expressions: [CompiledExpression]) -> (first: Int32, count: Int32) {
        let lowered = expressions.map { lower($0) }
        let first = Int32(operands.count)
        operands += lowered
        return (first, Int32(lowered.count))
    }

    /// Emits `expression`, as a ``CodeNode/shared(slot:_:)`` node around it when the law's
    /// ``DecisionFactTable`` numbers it. Inside one, only filters and quantifiers are shared
    /// again (the lists a rule goes through: `screened` within `count(screened) > 0`): each
    /// shared node costs a look into the cache.
    private mutating func lower(_ expression: CompiledExpression) -> Int32 {
        guard let decisionFacts, !withinShared || expression.isFilterOrQuantifier, DecisionFactTable.qualifies(expression) else {
            return lowerNode(expression)
        }
        let slot = decisionFacts.slot(for: expression)
        let outer = withinShared
        withinShared = true
        let inner = lowerNode(expression)
        withinShared = outer
        return add(.shared(slot: slot, inner))
    }

    private mutating func lowerNode(_ expression: CompiledExpression) -> Int32 {
        switch expression {
        case .constant(let value):
            constants.append(value)
            return add(.constant(Int32(constants.count - 1)))
        case .local(let slot): return add(.local(Int32(slot)))
        case .context(let fact): return add(.context(fact))
        case .person(let base, let fact): return add(.person(lower(base), fact))
        case .record(let base, let fact): return add(.record(lower(base), fact))
        case .woonverklaring(let fact): return add(.woonverklaring(fact))
        case .dwelling(let fact): return add(.dwelling(fact))
        case .designation(let fact): return add(.designation(fact))
        case .measureField(let index): return add(.measureField(Int32(index)))
        case .request(let fact): return add(.request(fact))
        case .designationRecord(let base, let fact):
            let b = lower(base)
            recordFacts.append(fact)
            return add(.designationRecord(b, fact: Int32(recordFacts.count - 1)))
        case .not(let inner): return add(.not(lower(inner)))
        case .and(let l, let r): return pair(l, r, CodeNode.and)
        case .or(let l, let r): return pair(l, r, CodeNode.or)
        case .compare(let comparison, let l, let r): return pair(l, r) { .compare(comparison, $0, $1) }
        case .member(let element, let list): return pair(element, list, CodeNode.member)
        case .intersects(let l, let r): return pair(l, r, CodeNode.intersects)
        case .isAbsent(let inner, let negated): return add(.isAbsent(lower(inner), negated: negated))
        case .add(let l, let r): return pair(l, r, CodeNode.add)
        case .subtract(let l, let r): return pair(l, r, CodeNode.subtract)
        case .conditional(let condition, let yes, let no):
            let c = lower(condition)
            let y = lower(yes)
            return add(.conditional(c, y, lower(no)))
        case .filter(let slot, let list, let condition): return pair(list, condition) { .filter(slot: Int32(slot), $0, $1) }
        case .quantifier(let all, let slot, let list, let body): return pair(list, body) { .quantifier(all: all, slot: Int32(slot), $0, $1) }
        case .list(let elements):
            let (first, count) = operandList(elements)
            return add(.list(first: first, count: count))
        case .call(let builtin, let arguments):
            let (first, count) = operandList(arguments)
            return add(.call(builtin, first: first, count: count))
        case .cached(let slot, let inner):
            if let node = cachedNodes[slot] { return node }
            let node = add(.cached(slot: Int32(slot), lower(inner)))
            cachedNodes[slot] = node
            return node
        }
    }
}
