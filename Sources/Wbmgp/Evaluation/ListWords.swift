/// A thread's memory of code lists it has written in words: the by-law's behaviours, say, which
/// a screening reason lists in full in each language for each person screened. Each code is a
/// label lookup (about 400 instructions); written again, the list is one copy.
///
/// A list is remembered only when it is a measure's value in the rule's designation or a
/// covering one (a list of the by-law, never an applicant's codes, which are not kept beyond
/// their decision), and every element is a code with a label (no noted escape, no designation,
/// no free text); or when it is the covering designations' ids (the lookup's `{designations}`,
/// in every decision), written as the engine's designations' words with no noted escape. Its words then depend on nothing but what the key holds: the list, the
/// language, the rule's designation, the covering designations and the rules' label table. An
/// entry keeps all of these alive, so none of their storage can be freed and reused for other
/// contents while it is remembered: the same storage is the same contents. Held by the thread's
/// ``DecisionScratch`` and used by one thread at a time.
final class ListWords {
    /// Lists shorter than this are written each time, not looked for here: one or two labels
    /// cost little, and most such lists (a person's income, characteristics) are new with every
    /// decision.
    static let shortestKept = 3
    /// At most this many lists: the bench mix's 19 designations' lists and their sets of ids, in
    /// two languages, fit. When a list more comes, all are forgotten and remembering starts again.
    static let capacity = 128

    private struct Entry {
        /// Where `list`'s elements are: compared first, as a number.
        let elements: UnsafeRawPointer?
        let list: [Value]
        let language: Language
        let designation: Designation?
        let designations: [Designation]
        /// The rules' labels the words were written with, kept alive (``TextLabels/sharesStorage(with:)``).
        let labels: TextLabels
        /// Read through a pointer: an array was counted and released at every list written.
        let words: FixedBytes
        /// The next entry of its bucket, plus one; 0 ends the chain.
        let next: Int32
    }

    /// The entries, ``count`` of them, in memory of this object's own with room for
    /// ``capacity``: gone through in an array, the array was counted and released at every look.
    private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: ListWords.capacity)
    // Unchecked exclusivity, as the evaluator's state (``ExpressionEvaluator``): one thread uses
    // the object at a time, one call at a time, and the run-time checks of each access were
    // about 300 instructions a decision.
    /// How many lists are remembered.
    @exclusivity(unchecked) private(set) var count = 0
    /// Each bucket's first entry plus one (0 when empty), by the list's address and the language.
    @exclusivity(unchecked) private var buckets = [Int32](repeating: 0, count: 2 * ListWords.capacity)

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
    }

    private static func bucket(_ elements: UnsafeRawPointer?, _ language: Language) -> Int {
        let address = UInt(bitPattern: elements)
        // Storage is aligned to 16 bytes: the low bits say nothing.
        return Int(truncatingIfNeeded: (address >> 4 ^ address >> 11) &+ (language == .en ? 1 : 0)) & (2 * ListWords.capacity - 1)
    }

    /// Appends the words of `list` remembered for `context`, if they are; false otherwise.
    func append(_ list: [Value], _ context: TextContext, to bytes: inout ByteBuffer) -> Bool {
        let elements = Self.address(of: list)
        var index = Int(buckets[Self.bucket(elements, context.language)])
        // Read through a pointer: an entry taken out would be copied, counting references to
        // all it holds, for every entry passed over.
        while index > 0 {
            let entry = entries + (index - 1)
            if entry.pointee.elements == elements, entry.pointee.list.count == list.count, matches(entry, context) {
                bytes.append(entry.pointee.words.bytes)
                return true
            }
            index = Int(entry.pointee.next)
        }
        return false
    }

    /// Remembers `words` as the words of `list` for `context`, if `list` is a designation's
    /// (the words are copied only then).
    func remember(_ list: [Value], _ context: TextContext, words: UnsafeBufferPointer<UInt8>) {
        guard Self.isDesignations(list, context) else { return }
        if count == ListWords.capacity {
            entries.deinitialize(count: count)
            count = 0
            for i in buckets.indices { buckets[i] = 0 }
        }
        let elements = Self.address(of: list)
        let bucket = Self.bucket(elements, context.language)
        (entries + count).initialize(
            to: Entry(
                elements: elements, list: list, language: context.language, designation: context.designation, designations: context.designations,
                labels: context.labels, words: FixedBytes(Array(words)), next: buckets[bucket]))
        count += 1
        buckets[bucket] = Int32(count)
    }

    private func matches(_ entry: UnsafePointer<Entry>, _ context: TextContext) -> Bool {
        guard entry.pointee.language == context.language, entry.pointee.designation === context.designation,
            entry.pointee.designations.count == context.designations.count, entry.pointee.labels.sharesStorage(with: context.labels)
        else { return false }
        for i in context.designations.indices where entry.pointee.designations[i] !== context.designations[i] { return false }
        return true
    }

    /// Whether `list` is (the storage of) a measure's value in the rule's designation or in a
    /// covering one, or the covering designations' ids (``TextContext/designationIds``).
    private static func isDesignations(_ list: [Value], _ context: TextContext) -> Bool {
        func holds(_ designation: Designation) -> Bool {
            designation.measures.contains { measure in
                measure.values.contains { value in
                    if case .list(let own) = value { return own.sharesStorage(with: list) }
                    return false
                }
            }
        }
        if let designation = context.designation, holds(designation) { return true }
        return context.isDesignationIds(list) || context.designations.contains(where: holds)
    }

    private static func address(of list: [Value]) -> UnsafeRawPointer? {
        list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
