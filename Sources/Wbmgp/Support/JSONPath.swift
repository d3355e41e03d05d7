/// Where a value lies in a document, as a JSON path (`$.household[2].residence[0]`), written out
/// only when a message needs it.
///
/// A reader passes a path down to every object it reads, and almost every document is valid, so
/// the path of most values is never written. Up to six member names and indices wait behind the
/// written part (enough for every value of an application); a further step writes them first.
/// Each waiting step is one word, so a path is copied as plain bytes: an index, or a member name
/// given as a literal (whose bytes live as long as the program).
struct JSONPath: CustomStringConvertible {
    private var base: String
    private var steps = InlineArray<6, UInt64>(repeating: 0)
    private var count = 0

    /// A step's top bit says it is an index; else it holds a name's address (below 2^47 on the
    /// 64-bit systems this runs on) and, above that, its length.
    private static let indexTag: UInt64 = 1 << 63
    private static let addressBits: UInt64 = 47

    init(_ text: String) {
        base = text
    }

    @inline(__always)
    private func appending(_ step: UInt64) -> JSONPath {
        var path = count < 6 ? self : JSONPath(description)
        path.steps[path.count] = step
        path.count += 1
        return path
    }

    /// The path of member `key` of the value here. A name too long or at an address too high to
    /// be packed is written out at once.
    @inline(__always)
    func member(_ key: StaticString) -> JSONPath {
        let address = UInt64(UInt(bitPattern: key.utf8Start))
        let length = UInt64(key.utf8CodeUnitCount)
        guard key.hasPointerRepresentation, address >> JSONPath.addressBits == 0, length < 1 << 16 else {
            return JSONPath(description + "." + key.description)
        }
        return appending(length << JSONPath.addressBits | address)
    }

    /// The path of element `index` of the array here.
    @inline(__always)
    func element(_ index: Int) -> JSONPath {
        guard index >= 0 else { return JSONPath("\(description)[\(index)]") }
        return appending(JSONPath.indexTag | UInt64(index))
    }

    var description: String {
        var text = base
        for i in 0..<count {
            let step = steps[i]
            if step & JSONPath.indexTag != 0 {
                text += "[\(step & ~JSONPath.indexTag)]"
            } else {
                let length = Int(step >> JSONPath.addressBits)
                let address = UInt(step & ((1 << JSONPath.addressBits) - 1))
                guard let start = UnsafePointer<UInt8>(bitPattern: address) else { continue }
                text += "." + String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
            }
        }
        return text
    }
}
