#!/usr/bin/env bash
# Instructions per decision, the steady measure of Benchmarks/README.md: valgrind's callgrind
# counts the instructions of `wbmgp decide --jsonl --jobs 1` over a batch, less those of a run
# over its first line alone (start-up: compiling the rules, reading the designations), divided
# by the number of lines. Wall time on a shared virtual machine varies by up to 40 %; these
# counts do not.
#
#   Benchmarks/instructions.sh [path/to/wbmgp] [lines]
#
# Two batches: the valid decide fixtures' applications (cycled) and `wbmgp bench`'s generated
# mix, in the role the bench decides in (review); and an evaluation without texts, as `impact`
# counts it, over the bench mix. Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/wbmgp}
lines=${2:-2000}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/fixtures.jsonl" "$lines" <<'PY'
import glob, json, sys
apps = [json.dumps(json.load(open(f))["application"], separators=(",", ":"), ensure_ascii=False)
        for f in sorted(glob.glob("Fixtures/decide/valid/*.json"))]
with open(sys.argv[1], "w") as out:
    for i in range(int(sys.argv[2])):
        out.write(apps[i % len(apps)] + "\n")
PY
"$bin" bench --count "$lines" --repeat 1 --jobs 1 --keep "$work/bench" >/dev/null

count() { # instructions of `decide --jsonl --jobs 1 FILE ROLE…`; its exit status is not the point
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" decide --jsonl --jobs 1 "$@" 2>&1 >/dev/null || true; } \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for batch in fixtures bench; do
    file=$work/$batch.jsonl
    [ "$batch" = bench ] && file=$work/bench/applications.jsonl
    role=(); [ "$batch" = bench ] && role=(--role review)
    head -n 1 "$file" > "$work/one.jsonl"
    total=$(count "$file" "${role[@]}")
    start=$(count "$work/one.jsonl" "${role[@]}")
    echo "$batch: $(( (total - start) / (lines - 1) )) instructions per decision (start-up $(( start / 1000000 )) M, $lines lines)"
done

# Without texts: what `impact` counts (outcome and cited grounds, issue 16's in-process target).
# `impact --set` evaluates each bench line under the rules as they are and as changed, so the
# engine's evaluation runs twice a line; callgrind counts only inside it (the reading of the lines
# and the report are not counted). The function is named by its Swift symbol: if a change of its
# signature renames it, nothing is counted and the line says so.
evaluations=$(( 2 * lines ))
collected=$({ valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='$s5Wbmgp6EngineV8evaluate4lent7lawDate12peopleByName13notingGrounds5texts8dwelling*' \
    "$bin" impact --set "minimumResidence=3 years" --format json --role review "$work/bench/applications.jsonl" 2>&1 >/dev/null || true; } \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
if [ "${collected:-0}" -gt 0 ]; then
    echo "without texts: $(( collected / evaluations )) instructions per evaluation ($evaluations evaluations of the bench lines by impact)"
else
    echo "without texts: not measured (Engine.evaluate's symbol was not found: see this script)"
fi
