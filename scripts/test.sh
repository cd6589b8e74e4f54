#!/usr/bin/env bash
# The README's test command: builds everything and runs every test project (no GPU needed: the ILGPU
# kernels run on ILGPU's CPU accelerator) and packs wann as a .NET tool (artifacts/nupkg).
# Needs nothing outside this repository. Prints why tests were skipped in one line, then
# "Tests: N passed, N failed, N skipped" from the TRX results.
# Expected time: about 4-5 minutes on two free cores (CI 2026-12-08 with the queued-schedule tests: 4 min 43 s;
# CI 2026-12-07, clean build: 4 min 21 s, before the tests lost
# about 40 s; 2026-12-08, build up to date: 3 min 8 s); up to 15 on a loaded machine. docs/testing.md: the slowest tests.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 2; }
started=$SECONDS
echo "test.sh: builds, then runs every test project: about 4-5 minutes on two free cores, up to 15 on a loaded machine"

# The drawing tests need a font; the original's champions and settings are in reference/wann-original/.
bash scripts/install-fonts.sh || echo "test.sh: no font for the drawings: their tests will fail (see above)" >&2
# The classification tests also read the real data sets when they are installed.
bash scripts/install-datasets.sh || echo "test.sh: could not install the data sets; their tests will be skipped" >&2

results=TestResults/run
rm -rf "$results"
dotnet build Wann.Gpu.sln -c Release -nologo -v quiet
status=$?
if [ "$status" -eq 0 ]; then
  # The .NET tool package that scripts/install-tool.sh and 'dotnet tool install' take (artifacts/nupkg).
  dotnet pack src/Host -c Release --no-build -nologo -v quiet -o artifacts/nupkg || status=$?
fi
if [ "$status" -eq 0 ]; then
  # One results folder per test project, so no two TRX files can collide.
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    # Minimal console output without the skipped tests' lines (their reasons are summed up below); failures in full.
    dotnet test "$project" -c Release --no-build --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
      --results-directory "$results/$name" "$@" | grep -v -E '^  Skipped |^\[xUnit\.net [0-9:.]+\] .*\[SKIP\]$' || status=$?
  done
fi

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$files" -eq 0 ] && [ "$status" -ne 0 ]; then failed=$((failed + 1)); fi
# Why tests were skipped, one line: each reason (a missing device or data set) with its count.
reasons=$(cat "$results"/*/*.trx 2>/dev/null | grep -A3 'outcome="NotExecuted"' | grep -o '<Message>[^<]*' | sed 's/<Message>//' \
  | sort | uniq -c | sort -rn | awk '{ n = $1; $1 = ""; printf "%s%s x%s", (NR > 1 ? ";" : ""), $0, n }')
[ -n "$reasons" ] && echo "Skipped:$reasons"
echo "test.sh: took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$files" -gt 0 ]
