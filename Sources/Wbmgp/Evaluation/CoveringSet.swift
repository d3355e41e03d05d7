/// The designations covering one dwelling on one date, with what a decision makes of them: their
/// ids (the decision's `designations`) and those ids as the rules' list value (`designations`).
///
/// A dwelling is covered by none, one or two designations, as a rule (one for each set of
/// measures). The engine makes those sets once (``MunicipalityDesignations``), so a decision
/// finds its set made and builds no array of designations, of ids or of values for it: each of
/// the three was an allocation per decision. Only a dwelling covered by three or more gets a set
/// of its own.
///
/// Unchecked: ``measureFieldStorage`` is written once, in the initialiser, and only read after.
final class CoveringSet: @unchecked Sendable {
    let designations: [Designation]
    let ids: [String]
    /// ``ids`` as a list of codes.
    let idsValue: Value
    /// For each measure some designation of the set carries, the first that carries it, in
    /// the set's order: the designation and measure a rule of that measure is applied under.
    let carriers: [(designation: Designation, setting: MeasureSetting)]
    /// For each of the law's measures, by number (``CompiledLaw/measureNames``), its place in
    /// ``carriers``; -1 for a measure no designation of the set carries.
    private let carrierByMeasure: [Int]
    /// Two designations of the set that carry one measure (the first such pair, as the
    /// designations and their measures come): no application they cover can be decided
    /// (``Engine/evaluate(_:lawDate:peopleByName:notingGrounds:texts:dwelling:)``). Found once
    /// for the set, not at every decision.
    let conflict: (earlier: String, later: String, measure: String)?
    /// The carriers' field values (``MeasureSetting/values``), one carrier's after the other's,
    /// in memory of their own: the evaluator reads a rule's measure fields where they lie
    /// (``measureFields(ofCarrier:)``). Copied out of the setting's list at each read, a code or
    /// list was counted and released (about twenty-five reads a decision).
    private let measureFieldStorage: FixedStorage<Value>
    /// Where each carrier's values begin in ``measureFieldStorage``, and (last) where they end.
    private let measureFieldStarts: [Int]

    /// No designation: what covers a dwelling no designation covers (``Engine``), and what a
    /// thread's run holds before its first decision (``DecisionRun``).
    static let none = CoveringSet([], measureNames: [])

    /// - Parameter measureNames: the law's measure names (``CompiledLaw/measureNames``), which
    ///   number the measures a rule asks the carrier of.
    init(_ designations: [Designation], measureNames: [String]) {
        self.designations = designations
        ids = designations.map(\.id)
        idsValue = .list(ids.map { .text($0) })
        var carriers: [(designation: Designation, setting: MeasureSetting)] = []
        var conflict: (earlier: String, later: String, measure: String)?
        for designation in designations {
            for setting in designation.measures {
                if let earlier = carriers.first(where: { $0.setting.name == setting.name }) {
                    if conflict == nil, earlier.designation !== designation { conflict = (earlier.designation.id, designation.id, setting.name) }
                } else {
                    carriers.append((designation, setting))
                }
            }
        }
        self.carriers = carriers
        self.conflict = conflict
        var carrierByMeasure = [Int](repeating: -1, count: measureNames.count)
        for (place, carrier) in carriers.enumerated() {
            if let number = measureNames.firstIndex(of: carrier.setting.name) { carrierByMeasure[number] = place }
        }
        self.carrierByMeasure = carrierByMeasure
        measureFieldStorage = FixedStorage(carriers.flatMap(\.setting.values))
        measureFieldStarts = carriers.reduce(into: [0]) { starts, carrier in starts.append(starts[starts.count - 1] + carrier.setting.values.count) }
    }

    deinit {
        measureFieldStorage.free()
    }

    /// The field values of the carrier at `place` in ``carriers``, where they lie: valid while
    /// this set is held (a decision's run holds its set until the next decision begins).
    func measureFields(ofCarrier place: Int) -> UnsafeBufferPointer<Value> {
        UnsafeBufferPointer(start: measureFieldStorage.base + measureFieldStarts[place], count: measureFieldStarts[place + 1] - measureFieldStarts[place])
    }

    /// Where in ``carriers`` the measure numbered `measure` is (``CompiledRule/measureNumber``);
    /// nil when no designation of the set carries it. An index, not the pair: returning the
    /// pair counted a reference to each of its parts.
    func carrier(ofMeasure measure: Int) -> Int? {
        guard measure >= 0, measure < carrierByMeasure.count, carrierByMeasure[measure] >= 0 else { return nil }
        return carrierByMeasure[measure]
    }
}

/// The designations of one municipality, in the engine's order, with the set of each alone and
/// of each two whose terms overlap (``CoveringSet``): up to ``pairedUpTo`` designations, so the
/// pairs of a municipality with many (a test's thousands) take no memory to speak of.
final class MunicipalityDesignations: Sendable {
    static let pairedUpTo = 64

    let designations: [Designation]
    private let alone: [CoveringSet]
    /// The set of designations `i < j` at `i * count + j`; nil where their terms do not overlap,
    /// so no dwelling is ever covered by both on one date.
    private let pairs: [CoveringSet?]

    /// The law's measure names (``CoveringSet/init(_:measureNames:)``).
    private let measureNames: [String]

    init(_ designations: [Designation], measureNames: [String]) {
        self.designations = designations
        self.measureNames = measureNames
        alone = designations.map { CoveringSet([$0], measureNames: measureNames) }
        let count = designations.count <= MunicipalityDesignations.pairedUpTo ? designations.count : 0
        var pairs = [CoveringSet?](repeating: nil, count: count * count)
        for i in 0..<count {
            for j in 0..<count where i < j && designations[i].from <= designations[j].until && designations[j].from <= designations[i].until {
                pairs[i * count + j] = CoveringSet([designations[i], designations[j]], measureNames: measureNames)
            }
        }
        self.pairs = pairs
    }

    /// Those in force on `date` that cover the dwelling of `key`, in order; nil for none.
    func covering(_ key: AreaMatcher.DwellingKey, on date: CalendarDate) -> CoveringSet? {
        var first = -1, second = -1
        var several: [Designation]?
        for i in designations.indices where designations[i].isInForce(on: date) && AreaMatcher.coversWithinMunicipality(designations[i], key) {
            if first < 0 {
                first = i
            } else if second < 0 {
                second = i
            } else {
                if several == nil { several = [designations[first], designations[second]] }
                several?.append(designations[i])
            }
        }
        if let several { return CoveringSet(several, measureNames: measureNames) }
        guard first >= 0 else { return nil }
        guard second >= 0 else { return alone[first] }
        // Both in force on one date: their terms overlap, so the pair was made (when paired at all).
        let pair = first * designations.count + second
        return (pair < pairs.count ? pairs[pair] : nil) ?? CoveringSet([designations[first], designations[second]], measureNames: measureNames)
    }
}
