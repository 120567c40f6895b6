#!/usr/bin/env python3
"""Summarise transformer_pilot.sh's JSON lines: per scheme, the seeds run, the held-out reward of the
trained policy (final_evaluation) with its mean and 95% t interval over seeds, the difference to
sparse paired by seed (mean and 95% t interval over the shared seeds), the final KL to pi_ref, the
reward-model calls and the CPU time per run. Needs scipy for the t quantiles.

Usage: python3 benchmarks/sweeps/summarize_transformer_pilot.py [results/sweeps/transformer_pilot.jsonl] > results/sweeps/transformer_pilot.md
"""
import json
import statistics
import sys
from collections import defaultdict

from pilot_stats import cell

path = sys.argv[1] if len(sys.argv) > 1 else "results/sweeps/transformer_pilot.jsonl"
runs = defaultdict(dict)
with open(path) as lines:
    for line in lines:
        run = json.loads(line)
        runs[run["scheme_name"]][run["seed_value"]] = run


print("Transformer-reward sentiment task, 300 PPO steps of 32 per run; ± is the 95% t interval's half-width over seeds;")
print("the difference to sparse is paired by seed (same seeds only). CPU = user + system seconds of one run.\n")
print("| scheme | seeds | held-out reward | minus sparse (paired) | final KL to pi_ref | reward calls per run | CPU s per run (mean, max) |")
print("|---|---|---|---|---|---|---|")
sparse = runs.get("sparse", {})
for scheme, by_seed in runs.items():
    seeds = sorted(by_seed)
    rewards = [by_seed[s]["final_evaluation"] for s in seeds]
    shared = [s for s in seeds if s in sparse]
    difference = cell([by_seed[s]["final_evaluation"] - sparse[s]["final_evaluation"] for s in shared]) if scheme != "sparse" and shared else "—"
    cpu = [by_seed[s]["cpu_seconds"] for s in seeds]
    print(f"| `{scheme}` | {','.join(map(str, seeds))} | {cell(rewards)} | {difference} | "
          f"{statistics.mean(by_seed[s]['final_mean_kl'] for s in seeds):.3f} | "
          f"{statistics.mean(by_seed[s]['reward_calls'] for s in seeds):.0f} | {statistics.mean(cpu):.0f}, {max(cpu):.0f} |")
