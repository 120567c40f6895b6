#!/usr/bin/env bash
# perf profiles of one short `creditbench train` run per task and scheme family, summarised by
# shares.py (share of the process's CPU samples per category, and of the PPO loop alone).
#
# Usage: benchmarks/profile/profile_runs.sh BIN OUTDIR
# Needs perf (cpu-clock sampling works without hardware counters) and DWARF unwinding, because
# GSL's cblas has no frame pointers.
set -euo pipefail
bin=$1; out=$2
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
runs=(
  "sentiment-scar-tokens:--task sentiment --scheme scar --units tokens --steps 30 --batch 32"
  "sentiment-scar-spans:--task sentiment --scheme scar --units spans --steps 30 --batch 32"
  "sentiment-sparse:--task sentiment --scheme sparse --steps 30 --batch 32"
  "sentiment-abc:--task sentiment --scheme abc --steps 30 --batch 32"
  "summarization-scar:--task summarization --scheme scar --steps 100 --batch 32"
  "instructions-scar:--task instructions --scheme scar --steps 100 --batch 32"
)
for entry in "${runs[@]}"; do
  name=${entry%%:*}; args=${entry#*:}
  # shellcheck disable=SC2086
  perf record -q -F 250 --call-graph dwarf,16384 -o "$out/$name.data" -- \
    "$bin" train $args --seed 1 --output "$out/$name.csv" >"$out/$name.json" 2>/dev/null
done
python3 "$here/shares.py" "$out"/*.data
