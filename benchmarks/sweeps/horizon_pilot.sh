#!/usr/bin/env bash
# CPU cost of the horizon grid (issue 12 item 6): one full-size run (300 PPO steps of 32, VADER,
# default critic and beta) of each scheme at each horizon T, one at a time, to size the full grid.
# Each output line is one run's JSON summary from `creditbench train --horizon T`, prefixed with
# the horizon, the scheme, the seed, its CPU time (user + system seconds from bash's `time`; it
# includes the process's own pi_ref fit) and its wall time.
#
# Usage: benchmarks/sweeps/horizon_pilot.sh [OUTPUT.jsonl] [SEEDS] [HORIZONS] [SCHEMES]
#   defaults: results/sweeps/horizon_pilot.jsonl, "0", "8 16 32",
#   "sparse scar(units=spans:12) scar(units=tokens) abc(b=0.8)"
# Needs a release build (`make build`). Finished runs are kept (one line each) and skipped on a rerun.
set -euo pipefail
out=${1:-results/sweeps/horizon_pilot.jsonl}
seeds=${2:-"0"}
horizons=${3:-"8 16 32"}
schemes=${4:-"sparse scar(units=spans:12) scar(units=tokens) abc(b=0.8)"}
. "$(dirname "$0")/pilot_run.sh"
for seed in $seeds; do
  for horizon in $horizons; do
    for scheme in $schemes; do
      pilot_run "$out" "\"horizon_value\":$horizon,\"scheme_name\":\"$scheme\",\"seed_value\":$seed" \
        --task sentiment --horizon "$horizon" --scheme "$scheme" --steps 300 --batch 32 --seed "$seed"
    done
  done
done
