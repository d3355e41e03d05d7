/// Runs the request requirements marked `checks designations` (term, extension count, chain span,
/// contiguity, art. 10 dates, behaviours) on every designation file, as if it were requested with
/// the chain its `extends` links lead back to. Findings become diagnostics on the file.
enum DesignationChainChecks {
    static func check(_ designations: [Designation], law: CompiledLaw) -> [Diagnostic] {
        let byId = Dictionary(designations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let checker = RequestChecker(law: law)
        var diagnostics: [Diagnostic] = []
        for designation in designations {
            var chain: [Designation] = []
            var seen: Set<String> = [designation.id]
            var link = designation.extends
            while let id = link, let earlier = byId[id] {
                guard seen.insert(id).inserted else {
                    diagnostics.append(Diagnostic(code: .designationExtends, message: "the 'extends' links form a cycle through '\(id)'", path: designation.path, jsonPath: "$.extends"))
                    break
                }
                chain.insert(earlier, at: 0)
                link = earlier.extends
            }
            let request = DesignationRequest(
                id: designation.id, kind: designation.extends == nil ? "initial" : "extension",
                receivedDate: designation.decisionDate ?? designation.from, dispatchDate: nil, requested: designation, previous: chain,
                substantiation: nil, regionalAlternatives: nil, instrumentChoice: nil, localEvaluation: nil, provincialAdvice: nil,
                ministerDecisionDate: designation.decisionDate ?? designation.from)
            guard let report = try? checker.check(request, designationsOnly: true) else { continue }
            for finding in report.findings where finding.severity == .error {
                diagnostics.append(
                    Diagnostic(code: .designationChain, message: "[\(finding.code)] \(finding.message) (\(finding.citation))", path: designation.path,
                               jsonPath: filePath(finding.path)))
            }
        }
        return diagnostics
    }

    /// A request path as a path in the designation file: `$.requested.term.until` → `$.term.until`.
    static func filePath(_ requestPath: String) -> String {
        if requestPath.hasPrefix("$.requested") { return "$" + requestPath.dropFirst("$.requested".count) }
        if requestPath.hasPrefix("$.previous") { return "$.extends" }
        return requestPath
    }
}
