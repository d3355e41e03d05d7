/// The emptied arrays of the lines a worker is done with (their applications, and a decision's
/// reasons), kept by the worker (a slice of a `decide --jsonl` block or of the service's batch,
/// a slice of `impact`'s) for its next lines: storage a worker reuses (issue 16).
///
/// Reading an application made an array for its household and, for each member, one for the
/// residence periods, one for the police records and one for the characteristics: five or six
/// arrays a line, each freed again once its decision was written or counted. ``recycle(_:)``
/// takes those arrays out of an application that is done with, empties them and keeps them; the
/// reader (``ApplicationReader/read(_:reusing:)``) takes them back instead of asking for new ones.
/// A decision's list of reasons is kept the same way once the decision is written
/// (``recycle(_:)`` of a decision), and the engine writes the next decision's reasons into it.
///
/// Only room is kept, never content: every array is emptied as it is recycled (its elements
/// destroyed), so nothing of one application (personal data) can be read into the next one; the
/// old bytes lie in that memory until overwritten, as in memory freed, only in this process and
/// never read or stored. At most ``keptPerKind`` arrays of a
/// kind are kept, each with room for at most ``keptCapacity`` elements, so an unusual line does
/// not hold its memory for the rest of the batch.
///
/// A value passed `inout` (a worker's own, or a reader's for one document): taking and keeping
/// need no lock, and none of the run-time checks of exclusive access a class's fields get.
struct LineSpares {
    private var household: [Person] = []
    private var periods: [[ResidencePeriod]] = []
    private var records: [[PoliceRecord]] = []
    private var texts: [[String]] = []
    /// A decision's list of reasons, kept the same way once the decision is written.
    private var reasons: [Reason] = []

    /// How many arrays of each kind are kept: a household of a few members uses that many.
    static var keptPerKind: Int { 8 }
    /// The most elements an array kept may have room for: enough for any usual household or
    /// list; a larger one is let go.
    static var keptCapacity: Int { 64 }

    init() {}

    /// An empty household list with room for `count` members.
    mutating func takeHousehold(capacity count: Int) -> [Person] {
        var people = household.takeAll()
        people.reserveCapacity(count)
        return people
    }

    /// An empty list of residence periods with room for `count`.
    mutating func takePeriods(capacity count: Int) -> [ResidencePeriod] {
        LineSpares.take(from: &periods, capacity: count)
    }

    /// An empty list of police records with room for `count`.
    mutating func takeRecords(capacity count: Int) -> [PoliceRecord] {
        LineSpares.take(from: &records, capacity: count)
    }

    /// An empty list of strings with room for `count`.
    mutating func takeTexts(capacity count: Int) -> [String] {
        LineSpares.take(from: &texts, capacity: count)
    }

    /// Takes the arrays the reader filled out of `application`, empties them and keeps them. The
    /// application is left without a household; the lists read from the rules' vocabularies
    /// (income) are shared with them and are not taken.
    mutating func recycle(_ application: inout Application) {
        var people = application.household.takeAll()
        for i in people.indices {
            if let list = people[i].residence.take() { LineSpares.keep(list, in: &periods) }
            if let list = people[i].characteristics.take() { LineSpares.keep(list, in: &texts) }
            if let list = people[i].screening?.policeRecords.take() ?? nil { LineSpares.keep(list, in: &records) }
        }
        LineSpares.keepOnly(people, in: &household)
    }

    /// An empty list of reasons, with the room of a decision's before.
    mutating func takeReasons() -> [Reason] {
        reasons.takeAll()
    }

    /// Takes the reasons out of `decision` (written, no longer needed), empties them and keeps
    /// the room for the next decision's.
    mutating func recycle(_ decision: inout Decision) {
        LineSpares.keepOnly(decision.reasons.takeAll(), in: &reasons)
    }

    /// Keeps `list`, emptied, as the one of its kind (the household, the reasons), unless its
    /// room is more than ``keptCapacity``.
    private static func keepOnly<Element>(_ list: consuming [Element], in place: inout [Element]) {
        guard list.capacity <= keptCapacity else { return }
        list.removeAll(keepingCapacity: true)
        place = list
    }

    private static func take<Element>(from kept: inout [[Element]], capacity count: Int) -> [Element] {
        var list = kept.popLast() ?? []
        list.reserveCapacity(count)
        return list
    }

    private static func keep<Element>(_ list: consuming [Element], in kept: inout [[Element]]) {
        guard kept.count < keptPerKind, list.capacity <= keptCapacity else { return }
        list.removeAll(keepingCapacity: true)
        kept.append(list)
    }
}
