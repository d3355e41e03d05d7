extension Suggestions {
    /// Names longer than this get no did-you-mean in rule files: edit distance costs the product
    /// of the two lengths, so a megabyte-long name (a fuzzer's) would keep the compiler busy for
    /// minutes, and nobody misspells a name that long.
    static let longestSuggestedName = 64

    /// ``closest(to:in:)`` for a name of ordinary length, comparing only candidates whose length
    /// is within reach (the edit distance is at least the difference in length); nil for a
    /// longer name.
    static func boundedClosest(to name: String, in candidates: some Sequence<String>) -> String? {
        let length = name.count
        guard length <= longestSuggestedName else { return nil }
        let limit = max(1, length / 3)
        return closest(to: name, in: candidates.filter { abs($0.count - length) <= limit })
    }

    /// ``hint(for:in:)`` through ``boundedClosest(to:in:)``.
    static func boundedHint(for name: String, in candidates: some Sequence<String>) -> String {
        boundedClosest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
