/// Resolves names and checks types of one expression, turning ``Syntax/Expression`` into
/// ``CompiledExpression`` under the law of one snapshot.
///
/// Errors are recorded, not thrown; a failed sub-expression yields `nil` and no follow-on errors.
struct ExpressionCompiler {
    enum Binding {
        case slot(Int)
        /// A compiled value put where the name is used (a definition's argument, a fact), with
        /// the height and node count of its tree, which count again at every use
        /// (``reserve(levels:nodes:at:)``).
        case inline(CompiledExpression, height: Int, size: Int)
    }

    /// The global names of a snapshot: parameters and sets folded to constants, definitions.
    struct Globals {
        var constants: [String: (Value, ValueType)]
        /// Each definition with the file it is written in, where errors in its body are reported.
        var definitions: [String: (definition: Syntax.Definition, file: SourceFile)]
        var measureFields: [String: [String: (slot: Int, type: ValueType)]]
        /// Shared by all rules of one compile: whether one has grown too large (``CompileBudget``).
        var budget: CompileBudget
    }

    /// What is being evaluated: an application (rules) or a designation request (requirements).
    enum Subject { case application, request }

    let globals: Globals
    /// The file whose text is being compiled: the rule's, or a definition's while it is inlined.
    var source: SourceFile
    var subject: Subject = .application
    /// The measure the rule is under, if any (`measure.x` resolves against it).
    let measure: String?
    var locals: [String: (Binding, ValueType)] = [:]
    var slotCount = 0
    /// The parameters and sets this compile read: a compiled requirement can serve every period
    /// in which they hold the same values (``CompileCache``).
    var usedConstants: Set<String> = []
    /// The definitions being inlined, innermost last.
    var expanding: [String] = []
    /// Errors in the rule's (or requirement's) own text.
    var diagnostics: [Diagnostic] = []
    /// Errors in the body of a definition being inlined: reported at the definition, once
    /// however many rules use it (``LawCompiler``).
    var definitionDiagnostics: [Diagnostic] = []
    /// The level in the compiled tree of the node being compiled; 0 outside any expression.
    var depth = 0
    /// The deepest level a node has reached, for the height of an inlined value (``compileInlined(_:)``).
    var deepest = 0
    /// The compiled nodes made so far (``maximumNodes``).
    var size = 0
    /// The flat code the rule's (or requirement's) expressions are emitted into.
    var code = CodeBuilder()

    init(globals: Globals, source: SourceFile, measure: String?) {
        self.globals = globals
        self.source = source
        self.measure = measure
    }

    /// Records an error at `range` of ``source``, the file being compiled at that moment.
    mutating func report(_ code: DiagnosticCode, _ message: String, at range: Range<Int>) {
        let diagnostic = source.diagnostic(code, message, at: range.lowerBound)
        if expanding.isEmpty { diagnostics.append(diagnostic) } else { definitionDiagnostics.append(diagnostic) }
    }

    mutating func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    static let contextNames: [String: (CompiledExpression, ValueType)] = [
        "applicationDate": (.context(.applicationDate), .date),
        "lawDate": (.context(.lawDate), .date),
        "kind": (.context(.kind), .text),
        "household": (.context(.household), .list(.person)),
        "applicant": (.context(.applicant), .person),
        "designations": (.context(.designations), .list(.text)),
        "hardshipBeforeApplication": (.context(.hardshipBeforeApplication), .list(.text)),
        "hardshipAfterDecision": (.context(.hardshipAfterDecision), .list(.text)),
        "undeterminedDesignations": (.context(.undeterminedDesignations), .list(.text)),
        "undeterminedDwellingFacts": (.context(.undeterminedDwellingFacts), .list(.text)),
        "lookupLeftOpen": (.context(.lookupLeftOpen), .bool),
        "woonverklaring": (.woonverklaring(.presence), .object(.woonverklaring)),
        "dwelling": (.constant(.unknown), .object(.dwelling)),
        "designation": (.constant(.unknown), .object(.designation)),
        "true": (.constant(.bool(true)), .bool),
        "false": (.constant(.bool(false)), .bool),
    ]

    static let requestContextNames: [String: (CompiledExpression, ValueType)] = [
        "request": (.request(.id), .object(.request)),
        "requested": (.context(.requested), .designationRecord),
        "previous": (.context(.previous), .list(.designationRecord)),
        "measuresInForce": (.context(.measuresInForce), .list(.text)),
        "lawDate": (.context(.lawDate), .date),
        "checkedOn": (.context(.checkedOn), .date),
        "true": (.constant(.bool(true)), .bool),
        "false": (.constant(.bool(false)), .bool),
    ]

    var contextNames: [String: (CompiledExpression, ValueType)] {
        subject == .application ? ExpressionCompiler.contextNames : ExpressionCompiler.requestContextNames
    }

    /// The names an expression may use, each group in name order: a "did you mean" takes the
    /// first of equally close names, and a dictionary's order changes from run to run.
    var visibleNames: [String] {
        locals.keys.sorted() + contextNames.keys.sorted() + globals.constants.keys.sorted()
            + globals.definitions.keys.sorted() + (measure == nil ? [] : ["measure"])
    }

    /// Compiles `expression`, checking that its type fits `expected` when given.
    /// ``compile(_:expecting:_:)`` and emit the result into ``code``.
    mutating func emit(_ expression: Syntax.Expression, expecting expected: ValueType? = nil, _ context: String = "") -> CodeRef? {
        compile(expression, expecting: expected, context).map { code.emit($0) }
    }

    mutating func compile(_ expression: Syntax.Expression, expecting expected: ValueType? = nil, _ context: String = "")
        -> CompiledExpression?
    {
        guard let (compiled, type) = compileTyped(expression) else { return nil }
        if let expected, !type.fits(expected) {
            report(.typeMismatch, "expected \(expected)\(context.isEmpty ? "" : " " + context), found \(type)", at: expression.range)
            return nil
        }
        return compiled
    }

    /// Compiles one node one level deeper in the compiled tree (see ``reserve(levels:nodes:at:)``).
    mutating func compileTyped(_ expression: Syntax.Expression) -> (CompiledExpression, ValueType)? {
        guard reserve(levels: 1, nodes: 1, at: expression.range) else { return nil }
        depth += 1
        defer { depth -= 1 }
        return compileNode(expression)
    }

    private mutating func compileNode(_ expression: Syntax.Expression) -> (CompiledExpression, ValueType)? {
        switch expression {
        case .integer(let value, _): return (.constant(.integer(value)), .integer)
        case .duration(let period, _): return (.constant(.duration(period)), .duration)
        case .date(let date, _): return (.constant(.date(date)), .date)
        case .string(let text, _): return (.constant(.text(text)), .text)
        case .list(let elements, _): return compileList(elements)
        case .name(let name): return resolve(name)
        case .field(let base, let name): return compileField(base, name)
        case .call(let name, let arguments, let range): return compileCall(name, arguments, range)
        case .unary(_, let operand, _):
            guard let inner = compile(operand, expecting: .bool, "after 'not'") else { return nil }
            return (.not(inner), .bool)
        case .binary(let op, let left, let right, let range): return compileBinary(op, left, right, range)
        case .chain(let op, let operands, let range): return compileChain(op, operands, range)
        case .isAbsent(let operand, let negated, _):
            guard let (inner, _) = compileTyped(operand) else { return nil }
            return (.isAbsent(inner, negated: negated), .bool)
        case .conditional(let condition, let yes, let no, let range):
            guard let c = compile(condition, expecting: .bool, "as the condition of 'if'"), let (y, yType) = compileTyped(yes),
                let (n, nType) = compileTyped(no)
            else { return nil }
            guard yType.fits(nType) else {
                report(.typeMismatch, "both branches of 'if' must have one type; found \(yType) and \(nType)", at: range)
                return nil
            }
            return (.conditional(c, y, n), yType == .anything ? nType : yType)
        case .filter(let variable, let list, let condition, _):
            guard let (compiledList, element) = compileListOperand(list) else { return nil }
            let slot = newSlot()
            guard let body = withLocal(variable.text, .slot(slot), element, { $0.compile(condition, expecting: .bool, "in 'where'") })
            else { return nil }
            return (.filter(slot: slot, compiledList, body), .list(element))
        case .quantifier(let all, let variable, let list, let body, _):
            guard let (compiledList, element) = compileListOperand(list) else { return nil }
            let slot = newSlot()
            guard let compiledBody = withLocal(variable.text, .slot(slot), element, { $0.compile(body, expecting: .bool, "after ':'") })
            else { return nil }
            return (.quantifier(all: all, slot: slot, compiledList, compiledBody), .bool)
        }
    }

    mutating func withLocal<T>(_ name: String, _ binding: Binding, _ type: ValueType, _ body: (inout ExpressionCompiler) -> T?) -> T? {
        let saved = locals[name]
        locals[name] = (binding, type)
        defer { locals[name] = saved }
        return body(&self)
    }

    mutating func compileList(_ elements: [Syntax.Expression]) -> (CompiledExpression, ValueType)? {
        var compiled: [CompiledExpression] = []
        var elementType = ValueType.anything
        for element in elements {
            guard let (c, t) = compileTyped(element) else { return nil }
            if !t.fits(elementType) {
                report(.typeMismatch, "list elements must have one type; expected \(elementType), found \(t)", at: element.range)
                return nil
            }
            if elementType == .anything { elementType = t }
            compiled.append(c)
        }
        if compiled.allSatisfy({ if case .constant = $0 { return true } else { return false } }) {
            let values = compiled.compactMap { c -> Value? in if case .constant(let v) = c { return v } else { return nil } }
            return (.constant(.list(values)), .list(elementType))
        }
        return (.list(compiled), .list(elementType))
    }

    mutating func compileListOperand(_ expression: Syntax.Expression) -> (CompiledExpression, ValueType)? {
        // A person is wrapped in a list of one below its user: count that level and node.
        guard reserve(levels: 1, nodes: 1, at: expression.range) else { return nil }
        depth += 1
        defer { depth -= 1 }
        guard let (compiled, type) = compileTyped(expression) else { return nil }
        switch type {
        case .list(let element): return (compiled, element)
        case .person: return (.list([compiled]), .person)
        default:
            report(.typeMismatch, "expected a list, found \(type)", at: expression.range)
            return nil
        }
    }

    mutating func resolve(_ name: Syntax.Name) -> (CompiledExpression, ValueType)? {
        if let (binding, type) = locals[name.text] {
            switch binding {
            case .slot(let slot): return (.local(slot), type)
            case .inline(let expression, let height, let size):
                // The inlined tree hangs from this node: its levels and nodes count here too.
                guard reserve(levels: height - 1, nodes: size - 1, at: name.range) else { return nil }
                return (expression, type)
            }
        }
        if name.text == "measure" {
            guard let measure else {
                report(.unknownName, "'measure' is only known in a rule that is 'under' a measure", at: name.range)
                return nil
            }
            return (.constant(.unknown), .object(.measure(measure)))
        }
        if let context = contextNames[name.text] { return context }
        if let (value, type) = globals.constants[name.text] {
            usedConstants.insert(name.text)
            return (.constant(value), type)
        }
        if globals.definitions[name.text] != nil {
            return compileCall(name, [], name.range)
        }
        report(.unknownName, "unknown name '\(name.text)'\(Suggestions.boundedHint(for: name.text, in: visibleNames))", at: name.range)
        return nil
    }
}
