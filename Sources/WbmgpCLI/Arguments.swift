/// A small command-line parser: `--name value`, `--name=value`, boolean `--flag`, positionals,
/// and `--` to end options. Unknown options get a did-you-mean hint.
struct Arguments {
    struct UsageError: Error {
        var message: String
    }

    var positionals: [String] = []
    var values: [String: String] = [:]
    /// Every value of an option given more than once (`--set A=1 --set B=2`), in order;
    /// ``values`` keeps the last.
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The options that may be given more than once, each value kept in ``lists``. Any other
    /// given twice is a usage error: keeping the last silently (`--log a --log b`) left the
    /// user without the record asked for first.
    static let repeatable: Set<String> = ["set", "by"]

    /// Parses `arguments` given the options that take a value and the boolean flags.
    init(_ arguments: [String], options: [String], flags allowedFlags: [String]) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
                if argument == "--" && !optionsEnded {
                    optionsEnded = true
                } else {
                    positionals.append(argument)
                }
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if options.contains(name) {
                if values[name] != nil, !Arguments.repeatable.contains(name) {
                    throw UsageError(message: "option '--\(name)' is given twice; give it once")
                }
                if let inlineValue {
                    values[name] = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError(message: "missing value for option '--\(name)'") }
                    values[name] = arguments[index]
                    index += 1
                }
                lists[name, default: []].append(values[name] ?? "")
            } else if allowedFlags.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                let hint = Suggestions.closest(to: name, in: options + allowedFlags).map { " Did you mean '--\($0)'?" } ?? ""
                throw UsageError(message: "Unknown option '--\(name)'.\(hint)")
            }
        }
    }

    /// The value of an option that names a file or folder to write (`--log`, `--changed`,
    /// `--out`); nil when not given. `-` is refused: everywhere else it stands for a standard
    /// stream, and taken as a name it left a file called `-`, holding personal data, in the
    /// current folder.
    func outputPath(_ name: String) throws(UsageError) -> String? {
        guard let path = values[name] else { return nil }
        guard path != "-" else {
            throw UsageError(message: "invalid value '-' for '--\(name)'; expected the path of a file (a standard stream cannot be written here)")
        }
        return path
    }

    /// `--role desk|mayor|review` (interface §2); nil when not given.
    func role() throws(UsageError) -> Role? {
        guard values["role"] != nil else { return nil }
        return Role(rawValue: try choice("role", Role.allCases.map(\.rawValue), default: Role.desk.rawValue))
    }

    /// The value of a date option (`--law-date`, `--on`); nil when not given.
    func date(_ name: String) throws(UsageError) -> CalendarDate? {
        guard let text = values[name] else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw UsageError(message: "invalid value '\(text)' for '--\(name)'; expected a date YYYY-MM-DD that exists")
        }
        return date
    }

    /// The value of an option that must be one of `choices`.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws(UsageError) -> String {
        guard let value = values[name] else { return fallback }
        guard choices.contains(value) else {
            throw UsageError(message: "invalid value '\(value)' for '--\(name)'; expected one of \(choices.joined(separator: ", "))")
        }
        return value
    }
}

import Wbmgp
