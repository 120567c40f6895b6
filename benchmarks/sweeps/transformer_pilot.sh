#!/usr/bin/env bash
# Pilot of the transformer-reward sentiment task (issue 12): sparse, SCAR (spans, tokens) and ABC
# from the transformer's own attention (b = 0.5, 0.8), at the claims' sentiment settings (300 PPO
# steps of 32). One run at a time, seed-major so an interrupted pilot has balanced seeds. Each line
# of the output is one run's JSON summary from `creditbench train --model transformer`, prefixed
# with the scheme, the seed and the run's CPU time (user + system seconds, from bash's `time`) and
# wall time.
#
# Usage: benchmarks/sweeps/transformer_pilot.sh [OUTPUT.jsonl] [SEEDS] [SCHEMES]
#   defaults: results/sweeps/transformer_pilot.jsonl, "0 1 2 3 4",
#   "sparse abc(b=0.5) abc(b=0.8) scar(units=spans:12) scar(units=tokens)"
# Needs a release build (`make build`). Runs finished before an interruption are kept (one line
# each) and skipped on a rerun. Summary: benchmarks/sweeps/summarize_transformer_pilot.py.
set -euo pipefail
out=${1:-results/sweeps/transformer_pilot.jsonl}
seeds=${2:-"0 1 2 3 4"}
schemes=${3:-"sparse abc(b=0.5) abc(b=0.8) scar(units=spans:12) scar(units=tokens)"}
. "$(dirname "$0")/pilot_run.sh"
for seed in $seeds; do
  for scheme in $schemes; do
    pilot_run "$out" "\"scheme_name\":\"$scheme\",\"seed_value\":$seed" \
      --task sentiment --model transformer --scheme "$scheme" --steps 300 --batch 32 --seed "$seed"
  done
done
