#!/usr/bin/env bash
# Issue 16's deliverable 2, measured: reference counting's and malloc and free's share of the
# instructions of a bench decision. Two callgrind profiles of `wbmgp decide --jsonl --jobs 1` in
# the review role, over `wbmgp bench`'s generated batch and over its first line alone (start-up),
# read by `Benchmarks/profile.py shares`.
#
#   Benchmarks/shares.sh [path/to/wbmgp] [lines]
#
# 20,000 lines by default: the steady state of a batch. Over a few thousand the start weighs too
# much (with one job, the blocks read ahead second and third find no decided block to recycle
# their lists from), and malloc and free come out nearly twice as high (Benchmarks/README.md,
# step 132). Takes about five minutes at 20,000 lines. Needs valgrind and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/wbmgp}
lines=${2:-20000}
command -v valgrind >/dev/null || { echo "shares.sh: valgrind is not installed" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" bench --count "$lines" --repeat 1 --jobs 1 --keep "$work/bench" >/dev/null
head -n 1 "$work/bench/applications.jsonl" > "$work/one.jsonl"
profile() { # FILE OUT: a profile of deciding FILE; its exit status is not the point
    valgrind --tool=callgrind --callgrind-out-file="$2" "$bin" decide --jsonl --jobs 1 --role review "$1" >/dev/null 2>&1 || true
}
profile "$work/bench/applications.jsonl" "$work/full.out"
profile "$work/one.jsonl" "$work/one.out"
echo "over $lines bench lines, one job, the start-up left out:"
python3 Benchmarks/profile.py shares "$work/full.out" "$work/one.out" "$(( lines - 1 ))"
