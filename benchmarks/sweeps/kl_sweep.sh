#!/usr/bin/env bash
# Reward-KL sweep on sentiment control: sparse vs span-level SCAR at several KL coefficients.
# With whitened advantages, doubling the reward (the reviewers' sparse x2 control) acts much like
# halving beta, so comparing schemes at one beta mixes credit with the reward-KL trade-off; this
# sweep compares them along the trade-off instead. Each line of the output is one run's JSON
# summary from `creditbench train` (held-out reward, final mean KL to pi_ref, reward calls).
#
# Usage: benchmarks/sweeps/kl_sweep.sh [OUTPUT.jsonl] [SEEDS] [BETAS]
#   defaults: results/sweeps/kl_sweep.jsonl, "0 1 2", "0.0125 0.025 0.05 0.1"
# Needs a release build (`make build`). Runs finished before an interruption are kept (one line
# each) and skipped on a rerun.
set -euo pipefail
out=${1:-results/sweeps/kl_sweep.jsonl}
seeds=${2:-"0 1 2"}
betas=${3:-"0.0125 0.025 0.05 0.1"}
bin=${CREDITBENCH_BIN:-.build/release/creditbench}
mkdir -p "$(dirname "$out")"
touch "$out"
for beta in $betas; do
  for seed in $seeds; do
    for scheme in sparse scar; do
      key="\"beta\":$beta,\"scheme_name\":\"$scheme\",\"seed_value\":$seed"
      grep -qF "$key" "$out" && continue
      csv=$(mktemp)
      summary=$("$bin" train --task sentiment --scheme "$scheme" --units spans --steps 300 --batch 32 \
        --seed "$seed" --kl-coefficient "$beta" --output "$csv" 2>/dev/null)
      rm -f "$csv"
      echo "{$key,${summary#\{}" >> "$out"
      echo "beta $beta seed $seed $scheme done" >&2
    done
  done
done
