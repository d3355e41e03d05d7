import Glibc
import Wbmgp

/// Where the rule module is found (interface §2): `--rules DIR`, else `$WBMGP_RULES`, else
/// `Rules` in the current directory, else the rules installed beside the executable
/// (`../share/wbmgp/Rules`, as the README's install step lays them out, or `Rules` next to it).
enum RulesLocation {
    /// The rules directory to use, or nil after printing every place tried (exit 78).
    static func find(_ args: Arguments) -> String? {
        if let given = args.values["rules"] { return given }
        if let variable = getenv("WBMGP_RULES").map({ String(cString: $0) }), !variable.isEmpty { return variable }
        let candidates = ["./Rules"] + installed()
        if let found = candidates.first(where: holdsRules) { return found }
        Output.error(
            "wbmgp: error: [F001] no rule module found; looked in: --rules (not given), $WBMGP_RULES (not set), "
                + candidates.map { "\($0) (no wbmgp/*.rules)" }.joined(separator: ", ")
                + ". Pass --rules DIR or set WBMGP_RULES to the folder that holds wbmgp/ and designations/")
        return nil
    }

    /// The places beside the running executable where an install puts the rules.
    static func installed() -> [String] {
        guard let executable = FileSystem.executablePath else { return [] }
        let folder = FileSystem.parentPath(executable)
        return [FileSystem.standardized(folder + "/../share/wbmgp/Rules"), FileSystem.standardized(folder + "/Rules")]
    }

    /// A folder holds a rule module when it has a `wbmgp` folder of rule files.
    static func holdsRules(_ path: String) -> Bool {
        FileSystem.kind(at: path + "/wbmgp") == .directory
    }
}
