/// The expressions of one rule (or requirement) in flat form: an array of nodes whose operands
/// are indices of other nodes, evaluated by ``ExpressionEvaluator``.
///
/// The compiler's typed tree (``CompiledExpression``) is an `indirect enum`: every step through it
/// retains and releases a heap box, and when several cores decide at once those shared counts
/// bounce between them. Here every node is a plain value (indices, slots and fact names as enum
/// cases), so reading a node touches no reference count. Values that need storage (constants,
/// operand lists, measure names of request facts) sit in side tables, indexed from the nodes.
public final class ExpressionCode: @unchecked Sendable {
    /// `count` nodes, allocated once and never written after the initialiser.
    let nodes: UnsafeMutablePointer<CodeNode>
    let count: Int
    let constants: [Value]
    /// Operands of lists and builtin calls: `operands[first..<first + count]` are node indices.
    let operands: [Int32]
    /// The facts of `designationRecord` nodes whose cases carry names.
    let recordFacts: [DesignationRecordFact]

    init(nodes: [CodeNode], constants: [Value], operands: [Int32], recordFacts: [DesignationRecordFact]) {
        count = nodes.count
        self.nodes = .allocate(capacity: max(nodes.count, 1))
        self.nodes.initialize(from: nodes, count: nodes.count)
        self.constants = constants
        self.operands = operands
        self.recordFacts = recordFacts
    }

    deinit {
        nodes.deinitialize(count: count)
        nodes.deallocate()
    }

    /// Code with no nodes, for an evaluator before its first rule.
    static let empty = ExpressionCode(nodes: [], constants: [], operands: [], recordFacts: [])
}

/// An expression of an ``ExpressionCode``: the index of its root node.
public struct CodeRef: Hashable, Sendable {
    let index: Int32
}

/// One node of ``ExpressionCode``, mirroring a case of ``CompiledExpression`` with node indices in
/// place of subtrees. No payload is reference-counted.
enum CodeNode {
    /// An index into ``ExpressionCode/constants``.
    case constant(Int32)
    case local(Int32)
    case context(ContextFact)
    case person(Int32, PersonFact)
    case record(Int32, RecordFact)
    case woonverklaring(WoonverklaringFact)
    case dwelling(DwellingFact)
    case designation(DesignationFact)
    case measureField(Int32)
    case request(RequestFact)
    /// A fact of a designation value; the fact is an index into ``ExpressionCode/recordFacts``.
    case designationRecord(Int32, fact: Int32)
    case not(Int32)
    case and(Int32, Int32)
    case or(Int32, Int32)
    case compare(Comparison, Int32, Int32)
    case member(Int32, Int32)
    case intersects(Int32, Int32)
    case isAbsent(Int32, negated: Bool)
    case add(Int32, Int32)
    case subtract(Int32, Int32)
    case conditional(Int32, Int32, Int32)
    case filter(slot: Int32, Int32, Int32)
    case quantifier(all: Bool, slot: Int32, Int32, Int32)
    /// A list literal of `count` elements whose nodes are ``ExpressionCode/operands``[`first`…].
    case list(first: Int32, count: Int32)
    case call(Builtin, first: Int32, count: Int32)
    case cached(slot: Int32, Int32)
    /// A value that is the same wherever it is read in one decision, whichever rule reads it
    /// (``DecisionFactTable``): computed once a decision, then read from the evaluator's
    /// decision-wide cache, with the absent facts it noted.
    case shared(slot: Int32, Int32)
}
