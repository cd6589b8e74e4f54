#!/usr/bin/env bash
# End to end on loopback: three 'wann worker' processes and a 'wann train --cluster' host; worker 3 is
# SIGKILLed mid-run (KILL=1 kills the primary instead). The run's log.jsonl fitness values and best.json
# must equal a single-process run of the same seed. From a built tree (dotnet build -c Release), or
# WANN="wann" to use an installed tool.
# Last line: "cluster-check: identical ..." (exit 0) or "cluster-check: DIFFERENT ..." (exit 1).
# Environment: POP (default 600), GENS (24), CALL_TIMEOUT (seconds before a shard is re-sent, 30),
# PORT_BASE (silo ports BASE+1..3, gateways BASE+101..103; default from the process id), KEEP=1 keeps
# the work folder.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -n "${WANN:-}" ]; then read -r -a wann <<< "$WANN"
else
  dll=src/Host/bin/Release/net10.0/wann.dll
  [ -f "$dll" ] || { echo "cluster-check: $dll is missing: run 'dotnet build Wann.Gpu.sln -c Release' first" >&2; exit 2; }
  wann=(dotnet "$PWD/$dll")
fi
pop=${POP:-600}; gens=${GENS:-24}
base=${PORT_BASE:-$((20000 + ($$ % 200) * 200))}
work=$(mktemp -d /tmp/wann-cluster-check.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [ "${KEEP:-0}" = 1 ] && echo "cluster-check: work folder kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/cluster.json" <<JSON
{
  "clusterId": "wann-check-$$",
  "membership": { "kind": "static", "primary": "127.0.0.1:$((base + 1))",
                  "gateways": ["127.0.0.1:$((base + 101))", "127.0.0.1:$((base + 102))", "127.0.0.1:$((base + 103))"] },
  "worker": { "siloPort": $((base + 1)), "gatewayPort": $((base + 101)), "backend": "cpu" },
  "callTimeoutSeconds": ${CALL_TIMEOUT:-30},
  "joinTimeoutSeconds": 60
}
JSON

start_worker() {
  "${wann[@]}" worker --cluster "$work/cluster.json" --threads 1 --silo-port $((base + $1)) --gateway-port $((base + 100 + $1)) \
    > "$work/worker$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    grep -q "worker ready" "$work/worker$1.log" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.5
  done
  echo "cluster-check: worker $1 did not start:" >&2; cat "$work/worker$1.log" >&2; exit 2
}

# The first worker holds the static membership table, so it starts first and is not the one killed.
start_worker 1; start_worker 2; start_worker 3
victim=${pids[$(( ${KILL:-3} - 1 ))]}
echo "cluster-check: three workers up (silo ports $((base + 1))-$((base + 3)))"

"${wann[@]}" train --task swingup --pop "$pop" --gens "$gens" --seed 5 --backend cpu --out "$work/single" --quiet \
  || { echo "cluster-check: the single-process run failed" >&2; exit 2; }

"${wann[@]}" train --task swingup --pop "$pop" --gens "$gens" --seed 5 --cluster "$work/cluster.json" --out "$work/cluster" --quiet \
  2> "$work/host.log" &
host=$!
# Kill worker 3 once a few generations are logged: mid-run, with shards in flight.
for _ in $(seq 1 600); do
  [ -f "$work/cluster/log.jsonl" ] && [ "$(wc -l < "$work/cluster/log.jsonl")" -ge 3 ] && break
  kill -0 "$host" 2>/dev/null || break
  sleep 0.05
done
killed_at=$( [ -f "$work/cluster/log.jsonl" ] && wc -l < "$work/cluster/log.jsonl" || echo 0)
kill -9 "$victim" 2>/dev/null && echo "cluster-check: SIGKILLed worker ${KILL:-3} after $killed_at of $gens generations"
wait "$victim" 2>/dev/null
wait "$host"; status=$?
cat "$work/host.log" >&2
[ "$status" -eq 0 ] || { echo "cluster-check: DIFFERENT: the cluster run failed (exit $status)"; exit 1; }

# Timings and memory differ between runs; every other field must be equal.
strip() { sed -E 's/,"seconds":\{[^}]*\}//; s/,"(lanesPerSecond|envStepsPerSecond|peakMemoryBytes)":[^,}]*//g' "$1"; }
created() { grep -v '"created"' "$1"; }
if [ "$killed_at" -ge "$gens" ]; then
  echo "cluster-check: DIFFERENT: the run ended before worker 3 was killed (raise GENS or POP)"; exit 1
elif ! diff <(strip "$work/single/log.jsonl") <(strip "$work/cluster/log.jsonl") > "$work/log.diff"; then
  head -c 2000 "$work/log.diff" >&2
  echo "cluster-check: DIFFERENT: log.jsonl of the cluster run differs from the single-process run"; exit 1
elif ! diff <(created "$work/single/best.json") <(created "$work/cluster/best.json") > /dev/null; then
  echo "cluster-check: DIFFERENT: best.json of the cluster run differs from the single-process run"; exit 1
fi
echo "cluster-check: identical: $gens generations of $pop swingup genomes on 3 workers (worker ${KILL:-3} SIGKILLed after generation $killed_at) equal the single-process run (log.jsonl and best.json)"
