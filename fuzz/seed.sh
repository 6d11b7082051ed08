#!/usr/bin/env bash
# Copies the repository's examples and fixtures into fuzz/corpus/<target>/ (git-ignored).
# Run from anywhere; safe to run again (existing corpus files are kept).
set -euo pipefail
cd "$(dirname "$0")/.."
seed() {
    local target=$1
    shift
    mkdir -p "fuzz/corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "fuzz/corpus/$target/seed-$(basename "$f")"
    done
    return 0
}
shopt -s nullglob
seed scenario scenarios/*.ron tests/bad_inputs/s_*.ron tests/bad_inputs/support/*.ron
# The shipped datasets are 70 kB; the fuzzer gets their head and tail (a few rows) plus the small broken ones.
mkdir -p fuzz/corpus/dataset
for f in assets/*.dataset.ron; do
    { head -n 45 "$f"; echo "    ],"; echo ")"; } > "fuzz/corpus/dataset/seed-head-$(basename "$f")"
done
seed dataset tests/bad_inputs/d_*.dataset.ron tests/bad_inputs/support/*.dataset.ron
seed reference_csv tests/fixtures/import/plain_* tests/fixtures/import/broken_*.csv tests/bad_inputs/t_*.csv \
    tests/fixtures/apportionment/*.csv
seed ssb_csv tests/fixtures/import/ssb_* tests/fixtures/import/broken_no_header.csv
seed jsonstat tests/fixtures/import/*.json tests/fixtures/apportionment/*.json tests/bad_inputs/t_*.json
seed map assets/map-*.bin
# Year files are made by the program itself (a request and its decisions on the 2024 data), when it is built.
seed year tests/bad_inputs/y_*.year.ron
bin=$(ls target/release/bosetting target/debug/bosetting 2>/dev/null | head -n 1 || true)
if [ -n "$bin" ]; then
    tmp=$(mktemp -d)
    "$bin" year new --scenario scenarios/plan-year-2024.ron --target 36985 --date 2024-01-10 --out "$tmp/y.year.ron" &&
        "$bin" year round "$tmp/y.year.ron" --kind request --from anmodning_2024 --date 2024-01-15 &&
        "$bin" year decisions "$tmp/y.year.ron" --from vedtak_2024 --date 2024-06-01 &&
        cp "$tmp/y.year.ron" fuzz/corpus/year/seed-2024.year.ron
    rm -rf "$tmp"
fi
seed decisions tests/fixtures/import/plain_* tests/bad_inputs/t_*.csv
# A county's workbook as exported (filled or not) and a few CSV answers, made by a built bosetting.
mkdir -p fuzz/corpus/recommendations
if [ -n "$bin" ]; then
    tmp=$(mktemp -d)
    "$bin" county-round export scenarios/imdi-2024.ron --frames anmodning_2024 --out "$tmp/out" >/dev/null &&
        cp "$tmp/out/fylkesrunden-03-oslo.xlsx" fuzz/corpus/recommendations/seed-oslo.xlsx
    rm -rf "$tmp"
fi
printf 'Kommunenummer;Kommune;Anbefaling\n0301;Oslo;1650\n' > fuzz/corpus/recommendations/seed-oslo.csv
printf 'kommunenummer,kommune,anbefaling\n4601,Bergen,600\n4602,Kinn,30\n' > fuzz/corpus/recommendations/seed-plain.csv
# Regression inputs found by the fuzzers and kept in the test corpus.
seed map tests/bad_inputs/*.map
for target in scenario dataset reference_csv ssb_csv jsonstat map year decisions recommendations; do
    echo "$target: $(ls "fuzz/corpus/$target" | wc -l) seed files"
done
