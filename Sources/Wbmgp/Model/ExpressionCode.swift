/// The expressions of one rule (or requirement) in flat form: an array of nodes whose operands
/// are indices of other nodes, evaluated by ``ExpressionEvaluator``.
///
/// The compiler's typed tree (``CompiledExpression``) is an `indirect enum`: every step through it
/// retains and releases a heap box, and when several cores decide at once those shared counts
/// bounce between them. Here every node is a plain value (indices, slots and fact names as enum
/// cases), so reading a node touches no reference count. Values that need storage (constants,
/// operand lists, measure names of request facts) sit in side tables, indexed from the nodes.
public final class ExpressionCode: @unchecked Sendable {
    /// The nodes and the side tables, each allocated once and never written after the
    /// initialiser. The evaluator reads all four through their pointers
    /// (``ExpressionEvaluator/load(_:)``), so loading a rule's code counts no reference: a
    /// reference to the code itself was counted and released at every rule.
    let nodeStorage: FixedStorage<CodeNode>
    let constantStorage: FixedStorage<Value>
    /// Operands of lists and builtin calls: `operands[first..<first + count]` are node indices.
    let operandStorage: FixedStorage<Int32>
    /// The facts of `designationRecord` nodes whose cases carry names.
    let recordFactStorage: FixedStorage<DesignationRecordFact>
    /// For each constant, where its elements lie in ``constantElementStorage`` when it is a list
    /// (``ConstantList``): `in`, `intersects` and `=` compare with a constant list's elements
    /// where they lie. Taken out of its constant, a list was counted and released at every test.
    let constantListStorage: FixedStorage<ConstantList>
    /// The elements of the constants that are lists, one list after the other.
    let constantElementStorage: FixedStorage<Value>

    init(nodes: [CodeNode], constants: [Value], operands: [Int32], recordFacts: [DesignationRecordFact]) {
        nodeStorage = FixedStorage(nodes)
        constantStorage = FixedStorage(constants)
        operandStorage = FixedStorage(operands)
        recordFactStorage = FixedStorage(recordFacts)
        var lists: [ConstantList] = [], elements: [Value] = []
        for constant in constants {
            if case .list(let items) = constant {
                lists.append(ConstantList(start: Int32(elements.count), count: Int32(items.count)))
                elements.append(contentsOf: items)
            } else {
                lists.append(ConstantList(start: 0, count: -1))
            }
        }
        constantListStorage = FixedStorage(lists)
        constantElementStorage = FixedStorage(elements)
    }

    var nodes: UnsafeMutablePointer<CodeNode> { nodeStorage.base }
    var count: Int { nodeStorage.count }
    var constants: [Value] { constantStorage.elements }
    var operands: [Int32] { operandStorage.elements }

    deinit {
        nodeStorage.free()
        constantStorage.free()
        operandStorage.free()
        recordFactStorage.free()
        constantListStorage.free()
        constantElementStorage.free()
    }

    /// Code with no nodes, for an evaluator before its first rule.
    static let empty = ExpressionCode(nodes: [], constants: [], operands: [], recordFacts: [])
}

/// Where the elements of a constant list lie in ``ExpressionCode/constantElementStorage``.
struct ConstantList {
    let start: Int32
    /// The elements; -1 for a constant that is not a list.
    let count: Int32
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

/// Elements copied into memory of their own, never written again: read through ``base`` by
/// whoever keeps the owner alive; freed by the owner (``free()``), once.
struct FixedStorage<Element> {
    /// At least one place is allocated, so an empty storage has a base too.
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: max(elements.count, 1))
        base.initialize(from: elements, count: elements.count)
    }

    var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
