/// Gathers the `labels` of the rule module into ``TextLabels`` and checks them: a label set for a
/// vocabulary (`codes income`) or for a domain the engine fixes (`personRole`, …) labels every
/// code of it and no other, and a code labelled in two domains reads alike in both.
enum LabelCompiler {
    static func compile(_ table: DeclarationTable, vocabularies: [String: [String]], measures: [String]) -> (TextLabels, [Diagnostic]) {
        // Gathered here and made into labels once: each change to a ``TextLabels`` makes its
        // shared storage anew.
        var domains: [String: [String: TextLabels.Label]] = [:]
        var order: [String: [String]] = [:]
        var anyDomain = LabelTable()
        var diagnostics: [Diagnostic] = []
        let fixed = TextLabels.fixedDomains(measures: measures)
        for name in table.labelSets.keys.sorted() {
            guard let located = table.labelSets[name] else { continue }
            let set = located.value
            if set.citation == nil || set.citation?.text.isEmpty == true {
                diagnostics.append(
                    located.file.diagnostic(.missingCitation, "labels '\(name)' have no citation; say where the wording comes from", at: set.name.range.lowerBound))
            }
            var domain: [String: TextLabels.Label] = [:]
            let known = vocabularies[name] ?? fixed[name]
            for entry in set.entries {
                if let known, !known.contains(entry.code.text) {
                    diagnostics.append(
                        located.file.diagnostic(
                            .unknownCode, "'\(entry.code.text)' is not a code of '\(name)'\(Suggestions.boundedHint(for: entry.code.text, in: known))",
                            at: entry.code.range.lowerBound))
                }
                let label = TextLabels.Label(nl: entry.nl, en: entry.en)
                if name == TextLabels.counterfactualDomain, let event = CounterfactualEvent(rawValue: entry.code.text) {
                    for text in [entry.nl, entry.en] {
                        guard let names = EventWording.placeholders(in: text) else {
                            diagnostics.append(located.file.diagnostic(.unknownPlaceholder, "unclosed '{' or empty placeholder in the text for '\(event.rawValue)'", at: entry.code.range.lowerBound))
                            continue
                        }
                        for unknown in names where !event.placeholders.contains(unknown) {
                            diagnostics.append(
                                located.file.diagnostic(
                                    .unknownPlaceholder, "placeholder {\(unknown)} is not known in the text for '\(event.rawValue)'; expected one of \(event.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))",
                                    at: entry.code.range.lowerBound))
                        }
                    }
                }
                if domain[entry.code.text] == nil { order[name, default: []].append(entry.code.text) }
                domain[entry.code.text] = label
                // People and missing facts are named through their own domain, never as a code met
                // in a text, so their codes may repeat another domain's (`joining`).
                guard !TextLabels.ownPathDomains.contains(name) else { continue }
                if let other = anyDomain[entry.code.text], other != label {
                    diagnostics.append(
                        located.file.diagnostic(
                            .duplicateDeclaration, "'\(entry.code.text)' is labelled differently in another label set; a code reads alike wherever a text shows it",
                            at: entry.code.range.lowerBound))
                }
                anyDomain.set(label, for: entry.code.text)
            }
            for code in known ?? [] where domain[code] == nil {
                diagnostics.append(
                    located.file.diagnostic(.missingDeclaration, "labels '\(name)' have no label for '\(code)'; every code a text may show needs one", at: set.name.range.lowerBound))
            }
            domains[name] = domain
        }
        // A fixed domain must be labelled once there are labels at all (a module without any
        // labels, as in small tests, shows codes).
        let unlabelled = fixed.keys.sorted().filter { table.labelSets[$0] == nil }
        if !table.labelSets.isEmpty, !unlabelled.isEmpty {
            // Named at the file that holds the most label sets (where the missing one belongs;
            // of equals, the first by name): the same file at every run, where the first of a
            // dictionary's values changed from run to run with its seed.
            let filesBySets = Dictionary(grouping: table.labelSets.values, by: { $0.file.path }).mapValues(\.count)
            let home = filesBySets.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "Rules"
            for name in unlabelled {
                diagnostics.append(
                    Diagnostic(code: .missingDeclaration, message: "the rules label no '\(name)' codes (labels \(name) …); texts show them", path: home))
            }
        }
        return (TextLabels(domains: domains, order: order, anyDomain: anyDomain), diagnostics)
    }
}
