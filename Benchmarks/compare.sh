#!/usr/bin/env bash
# Byte-identical output of two builds, the check issue 16 asks after every speed step: each
# command below is run by both executables and their standard output, standard error and exit
# status compared.
#
#   Benchmarks/compare.sh path/to/old/wbmgp path/to/new/wbmgp [lines]
#
# The batches: `wbmgp bench`'s generated mix (default 100,000 lines, decided in the review role
# it needs) and the valid decide fixtures' applications cycled to the same count, each with one,
# two and three jobs and from standard input; every invalid fixture alone and all of them as
# lines of one batch; the examples as JSON, text and letter in both languages, with counterfactuals,
# as records and replayed; every designation request in each format; `rules check`, `test` and
# `impact`. Prints one line a comparison and exits 1 if any differs.
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 lines=${3:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0 compared=0

python3 - "$work/fixtures.jsonl" "$work/invalid.jsonl" "$lines" <<'PY'
import glob, json, sys
apps = [json.dumps(json.load(open(f))["application"], separators=(",", ":"), ensure_ascii=False)
        for f in sorted(glob.glob("Fixtures/decide/valid/*.json"))]
with open(sys.argv[1], "w") as out:
    for i in range(int(sys.argv[3])):
        out.write(apps[i % len(apps)] + "\n")
with open(sys.argv[2], "w") as out:
    for f in sorted(glob.glob("Fixtures/decide/invalid/*.json")):
        out.write(open(f, encoding="utf-8", errors="replace").read().replace("\n", " ") + "\n")
PY
"$old" bench --count "$lines" --repeat 1 --jobs 1 --keep "$work/bench" >/dev/null
bench=$work/bench/applications.jsonl

# same NAME ARGS...: both builds run ARGS (stdin from $input when set); standard output, standard
# error (the error messages) and exit status compared.
same() {
    local name=$1; shift
    local a=$work/a.out b=$work/b.out sa sb
    "$old" "$@" <"${input:-/dev/null}" >"$a" 2>"$a.err"; sa=$?
    "$new" "$@" <"${input:-/dev/null}" >"$b" 2>"$b.err"; sb=$?
    compared=$((compared + 1))
    if [ "$sa" = "$sb" ] && cmp -s "$a" "$b" && cmp -s "$a.err" "$b.err"; then
        echo "same     $name (exit $sa, $(wc -c <"$a") bytes)"
    else
        echo "DIFFERS  $name (exit $sa / $sb)"; failed=1
    fi
}

for jobs in 1 2 3; do
    same "bench batch, $jobs jobs" decide --jsonl --jobs "$jobs" --role review "$bench"
    same "fixture batch, $jobs jobs" decide --jsonl --jobs "$jobs" --role review "$work/fixtures.jsonl"
done
input=$bench same "bench batch from standard input" decide --jsonl --role review -
same "bench batch as records" decide --jsonl --record --role review "$bench"
same "bench batch with counterfactuals" decide --jsonl --counterfactuals --role review "$bench"
same "fixture batch at the desk" decide --jsonl --jobs 2 "$work/fixtures.jsonl"
same "fixture batch, law date 2010-01-01" decide --jsonl --law-date 2010-01-01 --role review "$work/fixtures.jsonl"
same "invalid fixtures as lines" decide --jsonl --role review "$work/invalid.jsonl"
for file in Fixtures/decide/invalid/*.json; do
    same "invalid $(basename "$file")" decide --role review "$file"
done
for file in Fixtures/examples/*.json; do
    for lang in nl en; do
        for format in json text letter; do
            same "$(basename "$file") $format $lang" decide --format "$format" --lang "$lang" --counterfactuals --role review "$file"
        done
    done
    "$old" decide --record --role review "$file" >"$work/record.json" 2>/dev/null
    same "$(basename "$file") replayed" replay --format json "$work/record.json"
done
same "example batch" decide --jsonl --counterfactuals Fixtures/examples/rotterdam-carnisse-batch.jsonl
for file in Fixtures/requests/*.json; do
    for format in text json junit; do
        same "request $(basename "$file") $format" check-request --format "$format" "$file"
    done
done
same "rules check" rules check
same "test" test
same "impact" impact --set "minimumResidence=3 years" --format json --role review "$bench"

echo "$compared comparisons, $([ $failed = 0 ] && echo "all identical" || echo "SOME DIFFER")"
exit $failed
