/// Usage texts, in the manner of swift-argument-parser: OVERVIEW, USAGE, OPTIONS, EXAMPLES.
enum Help {
    static let main = """
        OVERVIEW: Decide housing-permit applications under chapter 3 of the Wet bijzondere
        maatregelen grootstedelijke problematiek (Wbmgp, the "Rotterdamwet").

        USAGE: wbmgp <subcommand> [options]

        SUBCOMMANDS:
          decide          Decide applications (one JSON file each, or JSON Lines with --jsonl).
          rules check     Compile the rules and designations and report every problem.
          help [COMMAND]  Show help for a subcommand.

        OPTIONS:
          --version       Print the version.
          --help          Show this help.

        EXAMPLES:
          wbmgp decide Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --format text --lang en Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --jsonl Fixtures/examples/rotterdam-carnisse-batch.jsonl
          wbmgp rules check

        EXIT CODES: 0 all decided; 64 usage error; 65 some input malformed; 66 file missing;
          70 internal error; 78 rules or designations broken.

        """

    static let decide = """
        OVERVIEW: Decide housing-permit applications (interface §3, §4).

        USAGE: wbmgp decide [options] FILE... | -
               wbmgp decide --jsonl [options] FILE | -

        OPTIONS:
          --jsonl                 One application per line in, one result per line out, same order;
                                  a malformed line gets an error record in its place.
          --format json|text      Output format (default json; text is for a desk clerk).
          --lang nl|en            Language of text output (default nl).
          --law-date YYYY-MM-DD   Decide under the law and designations of this date ("what if").
          --rules DIR             The rule module (default Rules).
          --designations PATH     A designation file or directory (default RULES/designations).
          --jobs N                Batch parallelism (accepted; batches run on one core for now).

        EXAMPLES:
          wbmgp decide Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --format text --lang en Fixtures/examples/rotterdam-carnisse-2021.json
          cat day.jsonl | wbmgp decide --jsonl - > decisions.jsonl

        EXIT CODES: 0 all decided (a refusal is a decision); 65 some input malformed, the rest
          still decided; 66 file missing; 78 rules or designations broken.

        """

    static let rules = """
        OVERVIEW: Compile the rule files and designations and print every diagnostic.

        USAGE: wbmgp rules check [--rules DIR] [--designations PATH]

        Diagnostics read PATH:LINE:COLUMN: error: [CODE] message for rule files and
        PATH: error: [CODE] $.json.path: message for designation files.

        EXIT CODES: 0 clean; 1 errors found.

        """

    static func text(for command: String) -> String? {
        switch command {
        case "decide": return decide
        case "rules": return rules
        default: return nil
        }
    }
}

enum Version {
    static let current = "0.1.0"
}
