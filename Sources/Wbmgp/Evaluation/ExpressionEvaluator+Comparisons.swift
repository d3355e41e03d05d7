extension ExpressionEvaluator {
    /// A comparison's outcome; nil (unknown) when either side is, or they cannot be ordered.
    ///
    /// Both sides are read where they lie: usually a constant of the rule's code (a code, a
    /// number, a duration) or a measure's field, which taken out as a value was copied, its text
    /// counted and released, at every comparison.
    func compare(_ comparison: Comparison, _ a: UnsafePointer<Value>, _ b: UnsafePointer<Value>) -> Bool? {
        if case .unknown = a.pointee { return nil }
        if case .unknown = b.pointee { return nil }
        switch comparison {
        case .equal: return Self.equal(a, b)
        case .notEqual: return !Self.equal(a, b)
        default: break
        }
        // Each side's case matched on its own: a pair of the two would copy the right side.
        let order: Int
        switch a.pointee {
        case .integer(let x):
            guard case .integer(let y) = b.pointee else { return nil }
            order = x < y ? -1 : (x == y ? 0 : 1)
        case .date(let x):
            guard case .date(let y) = b.pointee else { return nil }
            order = x < y ? -1 : (x == y ? 0 : 1)
        case .span(let from, let to):
            guard case .duration(let period) = b.pointee else { return nil }
            // A span is at least `period` long when it starts on or before its end minus the period (interface §9).
            let threshold = to.subtracting(period, monthEnd: monthEnd)
            order = from <= threshold ? (from == threshold ? 0 : 1) : -1
        default: return nil
        }
        switch comparison {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        case .equal, .notEqual: return nil
        }
    }

    /// `a.pointee == b.pointee`, both read where they lie for the cases the rules compare
    /// (codes, numbers, dates, people); any other case is compared as values.
    @inline(__always)
    static func equal(_ a: UnsafePointer<Value>, _ b: UnsafePointer<Value>) -> Bool {
        switch a.pointee {
        case .text(let x):
            guard case .text(let y) = b.pointee else { return false }
            return x == y
        case .integer(let x):
            guard case .integer(let y) = b.pointee else { return false }
            return x == y
        case .bool(let x):
            guard case .bool(let y) = b.pointee else { return false }
            return x == y
        case .date(let x):
            guard case .date(let y) = b.pointee else { return false }
            return x == y
        case .person(let x):
            guard case .person(let y) = b.pointee else { return false }
            return x == y
        default: return a.pointee == b.pointee
        }
    }

    /// Whether `elements` holds `element` (``equal(_:_:)``).
    static func contains(_ elements: UnsafeBufferPointer<Value>, _ element: Value) -> Bool {
        guard let base = elements.baseAddress else { return false }
        return withUnsafePointer(to: element) { element in
            for i in 0..<elements.count where equal(element, base + i) { return true }
            return false
        }
    }

    /// `element in list`: whether the list (read where it lies) holds the element; unknown when
    /// it is no list.
    static func membership(_ element: Value, in list: UnsafePointer<Value>) -> Bool? {
        guard case .list(let elements) = list.pointee else { return nil }
        return elements.withUnsafeBufferPointer { contains($0, element) }
    }

    /// `a intersects b`: whether the lists share an element; unknown unless both are lists. The
    /// right-hand list's elements are given where they lie (a constant list's in the code).
    static func intersection(_ a: Value, _ right: UnsafeBufferPointer<Value>?) -> Bool? {
        guard case .list(let left) = a, let right else { return nil }
        return left.contains { contains(right, $0) }
    }
}
