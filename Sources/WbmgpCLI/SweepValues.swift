import Wbmgp

/// `--sweep NAME=FROM..TO[:STEP]`: whole numbers in the parameter's own unit (years for
/// `minimumResidence`), each an override with its label (`3 years`).
enum SweepValues {
    static let maximumValues = 200

    static func parse(_ text: String, law: CompiledLaw) throws(Arguments.UsageError) -> (name: String, assignments: [(label: String, override: LawOverride)]) {
        let usage = "expected --sweep NAME=FROM..TO[:STEP] with whole numbers (e.g. minimumResidence=3..8), found '\(text)'"
        guard let equals = text.firstIndex(of: "=") else { throw Arguments.UsageError(message: usage) }
        let name = String(text[..<equals])
        var range = String(text[text.index(after: equals)...])
        var step = 1
        if let colon = range.firstIndex(of: ":") {
            guard let value = Int(range[range.index(after: colon)...]), value >= 1 else { throw Arguments.UsageError(message: usage) }
            step = value
            range = String(range[..<colon])
        }
        let bounds = range.split(separator: "..", omittingEmptySubsequences: false)
        guard bounds.count == 2, let from = Int(bounds[0]), let to = Int(bounds[1]), from <= to else { throw Arguments.UsageError(message: usage) }
        // Counted without overflow: the bounds are any whole numbers the user typed.
        let (width, overflowed) = to.subtractingReportingOverflow(from)
        guard !overflowed, width / step < maximumValues else {
            throw Arguments.UsageError(message: "--sweep from \(from) to \(to) by \(step) gives more than \(maximumValues) values; at most \(maximumValues) are compared in one run")
        }
        guard let current = law.parameters[name]?.first?.value else {
            throw Arguments.UsageError(message: "--sweep: the rules declare no parameter '\(name)' with a number or a duration")
        }
        let unit: String
        switch current {
        case .integer: unit = ""
        case .duration(let period): unit = period.years != 0 ? " years" : period.months != 0 ? " months" : " days"
        default: throw Arguments.UsageError(message: "--sweep: '\(name)' is not a number or a duration")
        }
        var assignments: [(String, LawOverride)] = []
        for value in stride(from: from, through: to, by: step) {
            let label = "\(value)\(unit)"
            switch LawOverride.parse("\(name)=\(label)") {
            case .success(let override): assignments.append((label, override))
            case .failure(let error): throw Arguments.UsageError(message: "--sweep: \(name) cannot be \(label): \(error.message)")
            }
        }
        return (name, assignments)
    }
}
