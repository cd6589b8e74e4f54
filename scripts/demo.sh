#!/usr/bin/env bash
# The README's main command: builds wann (and packs it as a .NET tool in artifacts/nupkg), runs a short
# swing-up search with the original release's laptop settings (64 genomes, 6 weights x 3 episodes),
# scores the best network it found and writes the run's report. Needs nothing outside this repository:
# the settings come from reference/wann-original/, swing-up needs no data set.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "demo.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 2; }
gens=${GENS:-128}
fonts=1
bash scripts/install-fonts.sh || fonts=0
dotnet pack src/Host -c Release -v quiet -nologo -o artifacts/nupkg
wann() { dotnet src/Host/bin/Release/net10.0/wann.dll "$@"; }
run=runs/swingup-$(date +%Y%m%d-%H%M%S)
wann train --config reference/wann-original/laptop_swing.json --gens "$gens" --seed 1 --out "$run"
wann eval --net "$run/best.json" --episodes 100
if [ "$fonts" -eq 1 ]; then wann report --run "$run"; else echo "demo.sh: no report: it needs a font (see above)" >&2; fi
echo "run folder: $run"
echo "to type 'wann' instead: bash scripts/install-tool.sh (installs $(ls artifacts/nupkg/Wann.Gpu.*.nupkg | tail -1))"
