/// Usage texts, in the manner of swift-argument-parser: OVERVIEW, USAGE, OPTIONS, EXAMPLES.
enum Help {
    static let main = """
        OVERVIEW: Decide housing-permit applications under chapter 3 of the Wet bijzondere
        maatregelen grootstedelijke problematiek (Wbmgp, the "Rotterdamwet").

        USAGE: wbmgp <subcommand> [options]

        SUBCOMMANDS:
          decide          Decide applications (one JSON file each, or JSON Lines with --jsonl).
          rules check     Compile the rules and designations and report every problem.
          serve           Serve the engine over HTTP (loopback by default; interface §10).
          check-request   Check a designation request against the statute (text, json, junit).
          replay          Re-decide stored decision records and show a legal diff.
          impact          Count what a reform of the rules changes over a population.
          report          The monitoring figures of decision logs (art. 5 lid 5, art. 17).
          log             Verify a decision log (verify), print its head, or redact personal data.
          test            Run the rule scenarios under Rules/tests and print rule coverage.
          bench           Measure decisions per second on generated applications.
          help [COMMAND]  Show help for a subcommand.

        OPTIONS:
          --version       Print the version.
          --help          Show this help.

        EXAMPLES:
          wbmgp decide Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --format text --lang en Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --jsonl Fixtures/examples/rotterdam-carnisse-batch.jsonl
          wbmgp rules check
          wbmgp check-request --format junit Fixtures/requests/001-rotterdam-2010-extends-2006.json

        EXIT CODES: 0 all decided; 64 usage error; 65 some input malformed; 66 an input cannot be
          opened (missing, a directory, a closed stdin); 70 internal error; 74 output or log could
          not be written; 78 rules or designations broken; 141 the reader of stdout went away.

        RULES: --rules DIR, else $WBMGP_RULES, else ./Rules, else ../share/wbmgp/Rules beside the
          executable.

        """

    static let decide = """
        OVERVIEW: Decide housing-permit applications (interface §3, §4).

        USAGE: wbmgp decide [options] FILE... | -
               wbmgp decide --jsonl [options] FILE | -

        OPTIONS:
          --jsonl                 One application per line in, one result per line out, same order;
                                  a malformed line gets an error record in its place.
          --format json|text|letter
                                  Output format (default json; text is for a desk clerk; letter is
                                  the besluit, an HTML page per application, docs/letters.md).
          --lang nl|en            Language of text output and letters (default nl).
          --out DIR               With --format letter and several files or --jsonl: one ID.html
                                  per application in DIR, readable by its owner only (0600).
          --law-date YYYY-MM-DD   Decide under the law and designations of this date ("what if").
          --role desk|mayor|review
                                  Who decides, and so what may be read (default desk). Only the
                                  mayor (for the woonverklaring) and a review read police records
                                  (Wbmgp art. 10b lid 7); at the desk they are E-POLICE-DATA (65).
          --rules DIR             The rule module (else $WBMGP_RULES, ./Rules, or beside the binary).
          --designations PATH     A designation file or directory (default RULES/designations).
          --record                Add the canonical input: each decision becomes a record for replay.
          --counterfactuals       Add "from when" to JSON decisions (interface §11): for each ground
                                  of a refusal or incompleteness, the first date a new application
                                  would no longer meet it, or null, and what else would lift it.
                                  Text output and letters always show it; records never carry it.
          --log FILE              Append each decision record to a hash-chained log (see log verify);
                                  each block is synced to the log before its decisions are printed.
          --jobs N                Batch parallelism, 1 to 4 x the cores (default: the cores); the
                                  output order never changes.
          --quiet                 No progress line (shown on long batches only when stderr is a terminal).
          --report-peak-memory    At the end, print the process's peak resident memory on stderr.

        EXAMPLES:
          wbmgp decide Fixtures/examples/rotterdam-carnisse-2021.json
          wbmgp decide --format text --lang en Fixtures/examples/rotterdam-carnisse-2021.json
          cat day.jsonl | wbmgp decide --jsonl - > decisions.jsonl
          wbmgp decide --format letter Fixtures/examples/letter-refusal-rotterdam.json > besluit.html

        EXIT CODES: 0 all decided (a refusal is a decision); 65 some input malformed, the rest
          still decided; 66 file missing; 78 rules or designations broken.

        """

    static let rules = """
        OVERVIEW: Compile the rule files and designations and print every diagnostic.

        USAGE: wbmgp rules check [--rules DIR] [--designations PATH] [--format text|json]

        Diagnostics read PATH:LINE:COLUMN: error: [CODE] message for rule files and
        PATH: error: [CODE] $.json.path: message for designation files (on stderr, with the
        source line and a caret). --format json prints them as a JSON array on stdout instead.

        EXIT CODES: 0 clean; 1 errors found.

        """

    static let serve = """
        OVERVIEW: Serve the engine over HTTP/1.1 (interface §10): the routes answer with the same
        bytes as the commands.

        USAGE: wbmgp serve [--host 127.0.0.1] [--port 8080] [--rules DIR] [--designations PATH]
                           [--role desk|mayor|review] [--token-file FILE] [--max-body N]
                           [--max-batch-body N] [--log FILE] [--desk-dir DIR] [--stop-with-parent]

        ROUTES:
          GET  /                          The desk page (in the browser; Dutch, with an English switch)
                                          (every GET route answers HEAD too: its head, no body)
          POST /v1/decide?format=json|text|letter|desk&lang=nl|en&record=true
                                          (desk: outcome, texts and letters in both languages and
                                          the record, from one decision)
          POST /v1/decide/batch           JSON Lines in, JSON Lines out (streamed)
          POST /v1/check-request?format=json|text|junit&lang=nl|en&on=DATE
          POST /v1/replay?format=json|text
          POST /v1/designations/lookup   {"dwelling": {...}, "date": "YYYY-MM-DD"}
          GET  /v1/health, /v1/version (engine version, rules and designations digests), /v1/vocabulary,
               /v1/openapi.json (OpenAPI 3.1, made from the router's table),
               /v1/schemas/{application,decision,designation,request}.json (JSON Schema 2020-12,
               made from the readers' shapes and the compiled rules' codes and measures)

        OPTIONS:
          --host ADDRESS     IPv4 address to listen on (default 127.0.0.1). Any other address needs
                             --token-file.
          --port N           TCP port (default 8080; 0: any free port, printed on stderr).
          --role ROLE        Who decides (default desk); mayor and review read police data and
                             need --token-file on any address.
          --token-file FILE  Lines 'NAME TOKEN' (tokens of 16 characters or more); requests send
                             'Authorization: Bearer TOKEN' (401 otherwise); the access log names NAME.
          --max-body N       The largest request body in bytes (default 1 MiB; 413 beyond).
          --max-batch-body N The largest batch body in bytes (default 64 MiB).
          --log FILE         Append every decision's record to the hash-chained log, synced, before
                             it is answered (503 E-LOG when it cannot be).
          --desk-dir DIR     Serve the desk page's files (index.html, desk.css, desk.js) from DIR,
                             read at each request, instead of the copies compiled in: for
                             working on the page without rebuilding.
          --stop-with-parent Stop as on SIGTERM when the process that started the server ends
                             (checked twice a second): for a supervisor or a test harness, so
                             that a server never outlives the process that owns it.

        Statuses: 400 malformed HTTP or E-JSON, 401, 403 E-POLICE-DATA, 404, 405, 408, 409
        E-DESIGNATION-CONFLICT, 411, 413, 414, 415, 422 other input errors, 431, 501 a transfer
        coding other than chunked, 503 too many connections, 505; errors as {"error": {"code", "message", "path"}}, never a stack. The access
        log on stderr: method, route, status, bytes, microseconds, who; no body, query or name.
        The desk page's files are served without a token (they hold no data); the page asks the
        clerk for one when the API answers 401.
        SIGHUP reloads the rules and designations (a broken reload keeps the old ones). SIGTERM or
        SIGINT: stop accepting, answer the requests in flight, exit 0. TLS is a reverse proxy's
        job (README).

        EXAMPLES:
          wbmgp serve --port 8080
          curl -X POST -H 'Content-Type: application/json' --data-binary @app.json \\
               'http://127.0.0.1:8080/v1/decide?format=text'

        EXIT CODES: 0 stopped by a signal; 64 usage (e.g. another host without --token-file);
        66 token file missing; 78 rules, designations or token file broken, or the port in use

        """

    static let checkRequest = """
        OVERVIEW: Check a municipality's designation request (or extension request) against
        Wbmgp arts. 5 and 6 (interface §7; the requirements live in Rules/wbmgp/requests.rules).

        USAGE: wbmgp check-request [--format text|json|junit] [--lang nl|en] [--on DATE] [--rules DIR] FILE... | -

        Each requirement is judged under the law of its own date (interface §7): the Minister's
        power (measures, extension count, total span) under the law on the day he decides (for a
        request not yet decided, the deadline); the term's limits under the law on its start;
        what the request must contain and the decision period under the law on the day of
        receipt. The deadline ends on a working day (Algemene termijnenwet; holidays in
        Rules/wbmgp/termijnen.rules).

        OPTIONS:
          --format text|json|junit  text (default) for a reader, json for tools, junit for CI
                                    (one test case per requirement checked; errors are failures).
          --lang nl|en              The language of the text and of JUnit failures (Dutch by
                                    default); JSON findings carry both in 'text'.
          --on DATE                 The day the check is about: an undecided request is deemed
                                    granted when DATE is past the deadline (without it: unknown).
          --rules DIR               The rule module (default Rules).

        EXAMPLES:
          wbmgp check-request request.json
          wbmgp check-request --format junit requests/*.json > check-request.xml

        EXIT CODES: 0 no errors (warnings allowed); 1 errors found; 65 a request cannot be read
          (bad JSON, wrong types, unknown fields, impossible dates); 66 file missing.

        """

    static let replay = """
        OVERVIEW: Re-decide decision records (made with 'decide --record', or entries of a decision
        log) under the rules and designations at hand, on each record's own law date, and compare
        outcome, reasons (rule, effect, result, facts), conditions, priority and defects.

        USAGE: wbmgp replay [--format text|json] [--role desk|mayor|review] [--rules DIR] [--designations PATH] RECORD... | -

        A RECORD file holds one record, or JSON Lines of records (a decision log too). Each record
        is replayed in the role it records (a record without one, as a review) unless --role is given.

        EXAMPLES:
          wbmgp decide --record app.json > record.json
          wbmgp replay record.json
          wbmgp replay --format json decisions.log

        EXIT CODES: 0 all identical; 1 some differ; 65 a record cannot be read (or holds an outcome
          or result the engine never gives: E-CODE); 66 file missing;
          78 rules or designations broken.

        """

    static let log = """
        OVERVIEW: The hash-chained decision log written by 'wbmgp decide --log FILE': each line holds
        a decision's skeleton, its personal part with a salted digest, its sequence number, the
        SHA-256 of the previous line and its own. Police records are never written to it.

        USAGE: wbmgp log verify [--expect-head SEQ:HASH] FILE
               wbmgp log head FILE
               wbmgp log redact FILE (--entry N | --before DATE) [--by NAME] [--reason TEXT] [--on DATE]

        verify  Prints 'FILE: intact, N entries' (and how many are redacted), or 'FILE:LINE: broken:
                …' naming the first line that was changed, removed, inserted or reordered, or whose
                personal part was removed without a redaction entry. With --expect-head, also
                fails when the log no longer ends at that entry.
        head    Prints the last entry as SEQ:HASH, to keep elsewhere for --expect-head.
        redact  Destroys the personal part of the entries named (--before compares the decision
                date, else the application date) and appends a redaction entry saying which, on
                which date (--on, else today), by whom and why.

        EXIT CODES: verify 0 intact, 1 broken; redact 0 done, 1 no entry matched, 65 the log does not
          verify or predates salting, 74 not written; 66 file missing.

        """

    static let test = """
        OVERVIEW: Run every rule scenario under RULES/tests (an application, optional designations,
        the expected outcome and rule results) and print, per rule version, whether some scenario
        made it hold (applied) and some made it not hold (passed).

        USAGE: wbmgp test [--rules DIR] [--designations PATH] [--format text|junit] [--require-coverage]

        OPTIONS:
          --require-coverage   Also fail (exit 1) when a rule version is not covered both ways.

        EXIT CODES: 0 all pass; 1 some fail (or, with --require-coverage, a rule is not covered).

        """

    static let bench = """
        OVERVIEW: Benchmark on deterministic generated applications over the designations at hand:
        in-process evaluation, end-to-end JSON Lines batches with 1 and N jobs, a cold process for
        one application, the SHA-256 digest of the rules, and peak memory. Use a release build:
        swift build -c release && .build/release/wbmgp bench

        USAGE: wbmgp bench [--count N] [--jobs N] [--repeat N] [--seed N] [--role R] [--rules DIR] [--designations PATH]
               wbmgp bench --serve [--count N] [--connections N] [--malformed N] [--slow-clients N]
               wbmgp bench --population [--count N] [--jobs N] [--keep DIR]

        OPTIONS:
          --count N    Applications to generate (default 100000).
          --jobs N     The largest number of jobs to measure (default: the number of cores).
          --repeat N   Repetitions of each figure (default 3); min, median and max are shown.
          --seed N     Generator seed (default 42).
          --role R     The role to generate for and decide in (default review, whose mix holds
                       police records; desk generates none).
          --keep DIR   Keep the generated applications (DIR/applications.jsonl) to rerun by hand.

        WITH --serve (the service under load and abuse; exits 1 when a check fails):
          Starts 'wbmgp serve' on a free loopback port and sends --count POST /v1/decide of the
          desk's mix over --connections kept-alive connections (default 32): requests/s, p50, p99
          and max latency, errors. Then --malformed hostile requests (default 10000: bad request
          lines, oversized heads, wrong, conflicting and missing lengths, broken chunks, cut-off
          bodies, random bytes), each on its own connection, and --slow-clients clients sending
          one byte a second (default 4), which must get 408; the server must still answer and
          exit 0 on SIGTERM.

        WITH --population (impact and report at scale):
          Generates --count desk applications (default 1000000), times 'impact --set
          minimumResidence=3 years' over them (two evaluations each), decides them into a decision
          log, and times 'report --by designation,quarter' over that log; each with its peak memory.

        """

    static func text(for command: String) -> String? {
        switch command {
        case "bench": return bench
        case "test": return test
        case "log": return log
        case "replay": return replay
        case "check-request": return checkRequest
        case "serve": return serve
        case "decide": return decide
        case "rules": return rules
        case "impact": return impact
        case "report": return report
        default: return nil
        }
    }
}

extension Help {
    static let impact = """
        OVERVIEW: Decide a population under the rules as they are and under a reform, and count
        what changes (interface §11): outcome transitions, each ground under both (and how often
        a hardship decision lifted it), per designation and per municipality. Decisions are made
        for counting only: no texts. Memory stays the same whatever the population's size.

        USAGE: wbmgp impact (--reform DIR | --set NAME=VALUE...) [--sweep NAME=FROM..TO[:STEP]] [options] FILE | -

        INPUT: JSON Lines, one per line: an application (interface §3), a decision record
          (decide --record), or an entry of a decision log (its input; a redacted entry is
          counted as redacted, a redaction entry skipped). Each is decided on its own law date.

        OPTIONS:
          --reform DIR            The reformed rule module (as --rules), with its own
                                  designations when DIR/designations exists, else those of the
                                  rules as they are; --designations, when given, is both sides'.
          --set NAME=VALUE        Replace every dated version of a parameter or set, in the rule
                                  language's literal syntax: minimumResidence=3 years,
                                  screeningAge=18, qualifyingIncome={employment, pension}.
                                  Repeatable.
          --sweep NAME=FROM..TO[:STEP]
                                  One reform per value, in the parameter's own unit (years for
                                  minimumResidence): minimumResidence=3..8. On top of --set.
          --format text|json|csv|html
                                  Output (default text). html is a page with an SVG chart.
          --changed FILE          Write the ids whose outcome changed, as JSON Lines
                                  {"application","from","to"[,"value"]}, in input order.
          --role desk|mayor|review
                                  The role the population is read and decided in (default desk).
          --rules DIR, --designations PATH, --jobs N
                                  As for decide.

        EXAMPLES:
          wbmgp impact --set minimumResidence=3 years population.jsonl
          wbmgp impact --sweep minimumResidence=3..8 --format html population.jsonl > impact.html
          wbmgp impact --reform ../reform/Rules --changed changed.jsonl decisions.log

        EXIT CODES: 0 compared; 64 usage error or a --set the rules cannot take; 65 some line
          malformed (counted under errors, the rest compared); 66 input cannot be opened;
          74 --changed or stdout could not be written; 78 rules, designations or reform broken.
        """
}

extension Help {
    static let report = """
        OVERVIEW: The monitoring figures of decision logs, for the evaluation an extension request
        must include (Wbmgp art. 5 lid 5) and the national evaluation (art. 17): per group,
        applications, outcomes, refusals per ground, hardship decisions per article, procedural
        defects, incomplete cases per missing fact, and the days from application to decision
        (median, 90th percentile). Only the entries' skeletons are read: redacted entries count,
        and no personal datum is. Counts from 1 to 4 show as "< 5" (--minimum-count).

        USAGE: wbmgp report [options] LOG... | -

        OPTIONS:
          --by designation|municipality|year|quarter|month
                                  Groups (comma-separated or repeated; one period at most).
                                  Without it, one group of all decisions.
          --from YYYY-MM-DD, --until YYYY-MM-DD
                                  Count decisions dated in this period (the decision date, else
                                  the application date); periods are by the same date.
          --format text|json|csv|html
                                  Output (default text, in words; html a page with a chart).
          --lang nl|en            Language of text and html (default nl).
          --minimum-count N       Counts below N are shown as "< N" (default 5).
          --jobs N                Threads parsing the entries, 1 to 4 x the cores (default: the
                                  cores); the figures are the same for any N.
          --rules DIR, --designations PATH
                                  The rules and designations that give words and municipalities.
          --verify                Verify each log's chain first (as 'log verify' does) and write
                                  no report over a log that does not verify (65). Log files only.

        EXAMPLES:
          wbmgp report decisions.log
          wbmgp report --verify --by designation,year decisions.log
          wbmgp report --by designation,year --format html decisions.log > monitoring.html
          wbmgp report --format json --from 2018-04-16 --until 2022-01-15 decisions.log

        EXIT CODES: 0 reported; 64 usage error; 65 some line is no decision (counted under errors),
          a log does not verify (with --verify: nothing written), or two logs begin with the same entry (copies of one chain: nothing written, as the
          shared decisions would count twice); 66 a log cannot be opened or read to its end
          (nothing written: the figures would be taken for the whole); 74 output could not be
          written; 78 rules broken.
        """
}

enum Version {
    static let current = "0.1.0"
}
