#!/usr/bin/env bash
# The README's main command: builds wann, runs a short swing-up search with the original release's
# laptop settings (64 genomes, 6 weights x 3 episodes), then scores the best network it found.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "demo.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 2; }
gens=${GENS:-128}
bash scripts/install-datasets.sh
dotnet build src/Host -c Release -v quiet -nologo
wann() { dotnet src/Host/bin/Release/net10.0/wann.dll "$@"; }
run=runs/swingup-$(date +%Y%m%d-%H%M%S)
wann train --config ../shared/reference/wann-original/laptop_swing.json --gens "$gens" --seed 1 --out "$run"
wann eval --net "$run/best.json" --task swingup --episodes 100
echo "run folder: $run"
