#!/usr/bin/env bash
# The long run of the fuzz harness (issue 11): N application mutations and N/10 of each other
# format (rule files, designations, requests, decision records, logs, letter templates, HTTP
# requests), on a release build, from
# the package root. Deterministic: the same N and SEED check the same inputs.
#
#   Tests/fuzz.sh [N] [SEED]        # default N = 1000000, SEED = 11
#
# Exits non-zero on any failing input, crash or hang; each names its target and input index, to
# reproduce with: .build/release/wbmgp-fuzz --target NAME --from INDEX --count 1 --save input.bin
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
seed=${2:-11}
swift build -c release --product wbmgp-fuzz >&2
fuzz=.build/release/wbmgp-fuzz
start=$(date +%s)
"$fuzz" --target application --count "$n" --seed "$seed"
for target in rules designation request record log letter http override report; do
  "$fuzz" --target "$target" --count $((n / 10)) --seed "$seed"
done
echo "fuzz: all targets clean in $(( $(date +%s) - start )) s (N=$n, seed $seed)"
