#!/usr/bin/env python3
"""Summarise kl_sweep.sh's JSON lines: per (beta, scheme), the number of seeds, the mean held-out
reward with its standard error, and the mean final KL to pi_ref. Standard library only.

Usage: python3 benchmarks/sweeps/summarize_kl_sweep.py [results/sweeps/kl_sweep.jsonl] > results/sweeps/kl_sweep.md
"""
import json
import statistics
import sys
from collections import defaultdict

path = sys.argv[1] if len(sys.argv) > 1 else "results/sweeps/kl_sweep.jsonl"
groups = defaultdict(list)
with open(path) as lines:
    for line in lines:
        run = json.loads(line)
        groups[(run["beta"], run["scheme_name"])].append(run)

print("| beta | scheme | seeds | held-out reward (mean ± SE) | final KL to pi_ref (mean) |")
print("|---|---|---|---|---|")
for (beta, scheme), runs in sorted(groups.items()):
    rewards = [r["final_evaluation"] for r in runs]
    kls = [r["final_mean_kl"] for r in runs]
    se = statistics.stdev(rewards) / len(rewards) ** 0.5 if len(rewards) > 1 else float("nan")
    print(f"| {beta} | {scheme} | {len(runs)} | {statistics.mean(rewards):.4f} ± {se:.4f} | {statistics.mean(kls):.3f} |")
