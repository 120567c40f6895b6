#!/usr/bin/env bash
# Is the transformer's [CLS] attention uniform because of how it was trained? (issue 12, item 1)
# Retrains the sentiment transformer under a few fixed variants of its recipe (weight decay off,
# one layer, six epochs, one head; chosen before looking at any result, never on the RL evaluation
# prompts) and reports, per variant: the held-out Pearson r and sign accuracy (the 20% split of
# seed 2025), the inner-validation r after the last epoch (--inner-split: a split of the training
# part only), and how peaked each layer's attention from [CLS] is on held-out texts (mean of
# 1 - H(w) / log T, 0 = uniform, and mean max weight x T, 1 = uniform) from `sentiment-report`.
# Training is deterministic, so the table is a pure function of the commit.
#
# Usage: benchmarks/sweeps/transformer_attention.sh [OUTPUT.md] [WORK_FOLDER]
#   defaults: results/sweeps/transformer_attention.md, a fresh temporary folder (a given folder's
#   finished variants are reused).
set -euo pipefail
out=${1:-results/sweeps/transformer_attention.md}
work=${2:-$(mktemp -d)}
bin=${CREDITBENCH_BIN:-.build/release/creditbench}
variants=("default|" "wd0|--weight-decay 0" "layers1|--layers 1" "layers1wd0|--layers 1 --weight-decay 0" "epochs6|--epochs 6" "heads1|--heads 1")
mkdir -p "$work" "$(dirname "$out")"
{
  echo "| variant | options | held-out r | held-out sign accuracy | inner-validation r (last epoch) | [CLS] attention peakedness per layer, 1 - H/log T (max weight x T) |"
  echo "|---|---|---|---|---|---|"
  for variant in "${variants[@]}"; do
    name=${variant%%|*} options=${variant#*|}
    # shellcheck disable=SC2086
    if [ ! -s "$work/$name.report.md" ]; then
      "$bin" train-reward-model sentiment --model transformer $options --output "$work/$name.json" > "$work/$name.train.log" 2>&1
      "$bin" train-reward-model sentiment --model transformer $options --inner-split > "$work/$name.inner.log" 2>&1
      "$bin" train-reward-model sentiment-report --transformer-file "$work/$name.json" --coalitions 5 > "$work/$name.report.md" 2>&1
    fi
    heldout=$(grep -o "held-out Pearson r [0-9.]*, sign accuracy [0-9.]*" "$work/$name.train.log" | awk '{print $4, $7}' | tr -d ',')
    inner=$(grep "validation r" "$work/$name.inner.log" | tail -1 | grep -o "validation r [0-9.]*" | awk '{print $3}')
    layers=$(grep "^- transformer layer" "$work/$name.report.md" | tr -d ',' | awk '{printf "%s%s %s %s (%s)", sep, $3, $4, $5, $6; sep="; "}')
    echo "| $name | \`${options:-defaults}\` | ${heldout% *} | ${heldout#* } | $inner | $layers |"
  done
  echo
  echo "For comparison, the attention-pooling model ('learned'): $(grep '^- learned: ' "$work/default.report.md" | sed 's/^- learned: //') (same measures)."
} > "$out"
cat "$out"
