#!/usr/bin/env bash
# Renders the README's example letters and takes their screenshots with headless Chromium
# (Debian's `chromium` package: apt-get install chromium). Rerun after changing a template in
# Rules/letters/ or a shipped designation:  bash docs/screenshots/take.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
swift build >/dev/null
bin=.build/debug/wbmgp
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "take.sh: no chromium found; install Debian's package: apt-get install chromium" >&2
  exit 69
fi
for example in letter-refusal-rotterdam letter-conditions-zaanstad; do
  "$bin" decide --format letter "Fixtures/examples/$example.json" > "$out/$example.html"
  # An A4 page at 96 dpi is 794 × 1123 pixels; about twice that height shows a two-page letter whole.
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=794,2300 --screenshot="$PWD/$out/$example.png" "file://$PWD/$out/$example.html" 2>/dev/null
  echo "$out/$example.png"
done
# The impact of a reform (a sweep of the six years of art. 8) and the monitoring report of a log
# of the same population, as the HTML pages `impact` and `report` write.
"$bin" impact --sweep minimumResidence=3..8 --designations Fixtures/designations --format html Fixtures/impact/population.jsonl > "$out/impact-sweep.html" || true
log=$(mktemp -d)/decisions.log
"$bin" decide --jsonl --log "$log" --designations Fixtures/designations Fixtures/impact/population.jsonl >/dev/null || true
"$bin" report --designations Fixtures/designations --by municipality --minimum-count 2 --format html "$log" > "$out/report-municipality.html"
for page in impact-sweep report-municipality; do
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1000,1400 --screenshot="$PWD/$out/$page.png" "file://$PWD/$out/$page.html" 2>/dev/null
  echo "$out/$page.png"
done
# The desk page, driven through its three cases, an input error and the letter by the browser
# test (Debian's chromium-driver and python3-selenium as well).
/usr/bin/python3 Tests/Browser/desk_test.py "$bin" --screenshots "$out" >/dev/null
ls "$out"/desk-*.png
