/// Where a value lies in a document, as a JSON path (`$.household[2].residence[0]`), written out
/// only when a message needs it.
///
/// A reader passes a path down to every object it reads, and almost every document is valid, so
/// the path of most values is never written. A path is plain bytes, copied without reference
/// counting: up to ``capacity`` steps, each one word, an index or a member name given as a
/// literal (whose bytes live as long as the program). An application's deepest value is five
/// steps down (`$.household[0].screening.policeRecords[0]`).
struct JSONPath: CustomStringConvertible {
    static let capacity = 8
    private var steps = InlineArray<8, UInt64>(repeating: 0)
    private var count = 0
    /// Steps beyond ``capacity``: written as `…`, never reached by the readers.
    private var dropped = false

    /// A step's top bit says it is an index; the next says it is a name of one scalar (its
    /// value below); else it holds a name's address (below 2^47 on the 64-bit systems this runs
    /// on) and, above that, its length.
    private static let indexTag: UInt64 = 1 << 63
    private static let scalarTag: UInt64 = 1 << 62
    private static let addressBits: UInt64 = 47

    /// The document itself, `$`.
    init() {}

    @inline(__always)
    private func appending(_ step: UInt64) -> JSONPath {
        var path = self
        guard count < JSONPath.capacity else {
            path.dropped = true
            return path
        }
        path.steps[path.count] = step
        path.count += 1
        return path
    }

    /// The path of member `key` of the value here.
    @inline(__always)
    func member(_ key: StaticString) -> JSONPath {
        guard key.hasPointerRepresentation else { return appending(JSONPath.scalarTag | UInt64(key.unicodeScalar.value)) }
        let address = UInt64(UInt(bitPattern: key.utf8Start))
        let length = UInt64(key.utf8CodeUnitCount)
        guard address >> JSONPath.addressBits == 0, length < 1 << 15 else {
            // Not packable on this system: the name is left out, like a dropped step.
            var path = self
            path.dropped = true
            return path
        }
        return appending(length << JSONPath.addressBits | address)
    }

    /// The path of element `index` of the array here.
    @inline(__always)
    func element(_ index: Int) -> JSONPath {
        appending(JSONPath.indexTag | UInt64(truncatingIfNeeded: max(index, 0)))
    }

    var description: String {
        var text = "$"
        for i in 0..<count {
            let step = steps[i]
            if step & JSONPath.indexTag != 0 {
                text += "[\(step & ~JSONPath.indexTag)]"
            } else if step & JSONPath.scalarTag != 0 {
                text += "." + String(Character(Unicode.Scalar(UInt32(truncatingIfNeeded: step)) ?? "?"))
            } else {
                let length = Int(step >> JSONPath.addressBits)
                let address = UInt(step & ((1 << JSONPath.addressBits) - 1))
                guard let start = UnsafePointer<UInt8>(bitPattern: address) else { continue }
                text += "." + String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
            }
        }
        return dropped ? text + "…" : text
    }
}
