/// Compiled rules and requirements shared by the periods of one compile (``LawCompiler``): a
/// version compiled for one period serves another when each parameter and set it read has the
/// same value there (the law has nine periods, and compiling every version with its texts nine
/// times was most of start-up). Only what compiled cleanly is stored, so a reuse never hides a
/// diagnostic.
final class CompileCache {
    private var requirements: [String: [(used: [String: Value], compiled: CompiledRequirement)]] = [:]
    private var rules: [String: [(used: [String: Value], compiled: CompiledRule)]] = [:]

    func requirement(_ key: String, constants: [String: (Value, ValueType)]) -> CompiledRequirement? {
        requirements[key]?.first { CompileCache.matches($0.used, constants) }?.compiled
    }

    func store(_ requirement: CompiledRequirement, _ key: String, used: Set<String>, constants: [String: (Value, ValueType)]) {
        requirements[key, default: []].append((CompileCache.values(used, constants), requirement))
    }

    func rule(_ key: String, constants: [String: (Value, ValueType)]) -> CompiledRule? {
        rules[key]?.first { CompileCache.matches($0.used, constants) }?.compiled
    }

    func store(_ rule: CompiledRule, _ key: String, used: Set<String>, constants: [String: (Value, ValueType)]) {
        rules[key, default: []].append((CompileCache.values(used, constants), rule))
    }

    static func matches(_ used: [String: Value], _ constants: [String: (Value, ValueType)]) -> Bool {
        used.allSatisfy { constants[$0.key]?.0 == $0.value }
    }

    static func values(_ used: Set<String>, _ constants: [String: (Value, ValueType)]) -> [String: Value] {
        var values: [String: Value] = [:]
        for name in used { values[name] = constants[name]?.0 }
        return values
    }
}
