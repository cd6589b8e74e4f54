#!/usr/bin/env bash
# One script for a GPU machine: devices, bit-for-bit agreement checks of the ILGPU kernels (shared-memory,
# global-memory and buffer-state paths, small and large networks, every task, the swing-up champion), and the
# throughput suite at 8k and 100k genomes (kernel time apart from copies, host work up to 1M genomes), and the
# walker (M6) at 12k and 600k lanes in both rollout schedules (grid and queue).
# Writes one report: REPORT_DIR/report.json (every figure and agreement result) and report.md (summary).
# Runs from the self-contained publish (no .NET SDK): tar -xJf wann-linux-x64.tar.xz && wann-linux-x64/gpu-check.sh
#
#   gpu-check.sh [--backend cuda] [--out DIR] [--genomes 8192,100000] [--small]
#     --small   tiny sizes for a CPU-only machine (CI runs it on ilgpu-cpu): checks everything runs end to end
# Exit status: 0 when every check passed and every step ran, 1 otherwise.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
backend=cuda; out=""; genomes="8192,100000"; small=0
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --genomes) genomes=$2; shift 2 ;;
    --small) small=1; shift ;;
    *) echo "gpu-check.sh: unknown option '$1' (see the comment at the top of the script)" >&2; exit 2 ;;
  esac
done

# The wann to run: $WANN, the publish folder this script sits in, or a build of the repository.
if [ -n "${WANN:-}" ]; then wann_cmd=($WANN)
elif [ -x "$here/wann" ]; then wann_cmd=("$here/wann")
elif [ -f "$here/../src/Host/bin/Release/net10.0/wann.dll" ]; then wann_cmd=(dotnet "$here/../src/Host/bin/Release/net10.0/wann.dll")
elif [ -x "$here/../publish/wann-linux-x64/wann" ]; then wann_cmd=("$here/../publish/wann-linux-x64/wann")
else echo "gpu-check.sh: no wann found (set WANN, run from the publish folder, or build: dotnet build src/Host -c Release)" >&2; exit 2
fi
champion=""
for f in "$here/swing.out" "$here/../reference/wann-original/swing.out"; do [ -f "$f" ] && champion=$f && break; done
out=${out:-gpu-check-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$out" || { echo "gpu-check.sh: cannot create $out" >&2; exit 2; }
failed=0
step() { # step NAME COMMAND...: runs and logs one step, remembering a failure
  local name=$1; shift
  echo "gpu-check: $name ..." >&2
  local start=$SECONDS
  "$@" > "$out/$name.txt" 2> "$out/$name.err"; local status=$?
  echo "$name $status $((SECONDS - start))" >> "$out/steps.txt"
  [ "$status" -eq 0 ] || { failed=1; echo "gpu-check: $name FAILED (status $status); see $out/$name.err" >&2; }
}

gpu_name=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)
driver=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -1)
: > "$out/steps.txt"
step devices "${wann_cmd[@]}" devices
step check "${wann_cmd[@]}" check --backend "$backend" ${champion:+--champion "$champion"} --json-out "$out/check.json"
bench_files=()
if [ "$small" -eq 1 ]; then
  # M5 at 256 genomes: its evaluation of 2,000 (the smoke default) took half the bench's time on ilgpu-cpu.
  step bench-smoke "${wann_cmd[@]}" bench --backend "$backend" --smoke --host-genomes 256 --json-out "$out/bench-smoke.json"
  bench_files+=("$out/bench-smoke.json")
else
  IFS=, read -ra sizes <<< "$genomes"
  last=${sizes[${#sizes[@]}-1]}
  for n in "${sizes[@]}"; do
    # Host work (M5) once, in the last bench: it does not depend on M1/M2's population.
    host=none; [ "$n" = "$last" ] && host=10000,100000,1000000
    step "bench-$n" "${wann_cmd[@]}" bench --backend "$backend" --genomes "$n" --host-genomes "$host" --json-out "$out/bench-$n.json"
    bench_files+=("$out/bench-$n.json")
  done
  # M6, the walker, at the issue's two sizes: 2,000 and 100,000 episodes a weight (12k and 600k lanes), in both
  # rollout schedules (--gpu-schedule: a thread a lane, or persistent threads taking the next lane as episodes end).
  for episodes in 2000 100000; do
    for schedule in grid queue; do
      name=bench-biped-$episodes; [ "$schedule" = grid ] || name=$name-$schedule
      step "$name" "${wann_cmd[@]}" bench --backend "$backend" --only M6 --biped-episodes "$episodes" --gpu-schedule "$schedule" --json-out "$out/$name.json"
      bench_files+=("$out/$name.json")
    done
  done
fi

# report.json: the pieces as they are, one document.
json_string() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/\\n$//'; }
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"backend\": \"$backend\","
  echo "  \"gpu\": \"$(json_string "${gpu_name:-none}")\","
  echo "  \"driver\": \"$(json_string "${driver:-none}")\","
  echo "  \"passed\": $([ "$failed" -eq 0 ] && echo true || echo false),"
  echo "  \"devices\": \"$(json_string "$(cat "$out/devices.txt" 2>/dev/null)")\","
  echo "  \"steps\": \"$(json_string "$(cat "$out/steps.txt")")\","
  echo "  \"check\": $( [ -s "$out/check.json" ] && cat "$out/check.json" || echo null ),"
  echo "  \"bench\": ["
  sep=""
  for f in "${bench_files[@]}"; do
    if [ -s "$f" ]; then printf '%s' "$sep"; cat "$f"; sep=","; fi
  done
  echo "  ]"
  echo "}"
} > "$out/report.json"

{
  echo "# wann gpu-check, $(date -u "+%Y-%m-%d %H:%M") UTC"
  echo
  echo "- backend: $backend; GPU: ${gpu_name:-none}; driver: ${driver:-none}"
  echo "- result: $([ "$failed" -eq 0 ] && echo "every check passed, every step ran" || echo "FAILED (see the steps below and their .err files)")"
  echo
  echo "| step | exit status | seconds |"
  echo "| --- | --- | --- |"
  while read -r name status seconds; do echo "| $name | $status | $seconds |"; done < "$out/steps.txt"
  for name in devices check "${bench_files[@]##*/}"; do
    name=${name%.json}
    [ -f "$out/$name.txt" ] || continue
    echo
    echo "## $name"
    echo '```'
    cat "$out/$name.txt"
    echo '```'
  done
} > "$out/report.md"
echo "gpu-check: wrote $out/report.json and $out/report.md" >&2
exit "$failed"
