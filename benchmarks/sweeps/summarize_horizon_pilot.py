#!/usr/bin/env python3
"""Summarise horizon_pilot.sh's JSON lines: per horizon T and scheme, the seeds run, the held-out
reward of the trained policy (final_evaluation, mean and 95% t interval over seeds), the difference to
sparse at the same T paired by seed, the final exact KL to pi_ref, reward-model calls per episode
and CPU seconds per run (user + system, the process's own pi_ref fit included). Then the trend of each scheme's difference to
sparse: per seed present at every T, the least-squares slope against log2 T (the change per doubling
of T; with T = 8, 16, 32 it is (d(32) - d(8)) / 2), mean and 95% t interval over those seeds.

Usage: python3 benchmarks/sweeps/summarize_horizon_pilot.py [results/sweeps/horizon_pilot.jsonl] > results/sweeps/horizon_pilot.md
"""
import json
import math
import statistics
import sys
from collections import defaultdict

from pilot_stats import cell

path = sys.argv[1] if len(sys.argv) > 1 else "results/sweeps/horizon_pilot.jsonl"
runs = defaultdict(dict)  # (T, scheme) -> seed -> run
with open(path) as lines:
    for line in lines:
        run = json.loads(line)
        runs[(run["horizon_value"], run["scheme_name"])][run["seed_value"]] = run
horizons = sorted({t for t, _ in runs})
schemes = list(dict.fromkeys(s for _, s in runs))


def difference(t, scheme, seed):
    """Final reward of scheme minus sparse's at T = t and this seed, or None."""
    a, b = runs[(t, scheme)].get(seed), runs[(t, "sparse")].get(seed)
    return None if a is None or b is None else a["final_evaluation"] - b["final_evaluation"]


print("Sentiment (VADER) at responses of at most T words, 300 PPO steps of 32 per run, beta 0.05 per token;")
print("± is the 95% t interval's half-width over seeds; differences to sparse are paired by seed.\n")
print("| T | scheme | seeds | held-out reward | minus sparse (paired) | final exact KL | reward calls per episode | CPU s per run (mean) |")
print("|---|---|---|---|---|---|---|---|")
for t in horizons:
    for scheme in schemes:
        by_seed = runs.get((t, scheme), {})
        if not by_seed:
            continue
        seeds = sorted(by_seed)
        rewards = [by_seed[s]["final_evaluation"] for s in seeds]
        shared = [d for d in (difference(t, scheme, s) for s in seeds) if d is not None]
        print(f"| {t} | `{scheme}` | {','.join(map(str, seeds))} | {cell(rewards)} | "
              f"{cell(shared) if scheme != 'sparse' and shared else '—'} | "
              f"{statistics.mean(by_seed[s]['final_exact_kl'] for s in seeds):.3f} | "
              f"{statistics.mean(by_seed[s]['reward_calls'] / (by_seed[s]['steps'] * by_seed[s]['batch']) for s in seeds):.1f} | "
              f"{statistics.mean(by_seed[s]['cpu_seconds'] for s in seeds):.1f} |")

x = [math.log2(t) for t in horizons]
x_mean = statistics.mean(x)
spread = sum((v - x_mean) ** 2 for v in x)
print("\n| scheme - sparse | seeds at every T | change per doubling of T (slope against log2 T) |\n|---|---|---|")
for scheme in schemes[1:] if schemes and schemes[0] == "sparse" else schemes:
    slopes, used = [], []
    for seed in sorted({s for t in horizons for s in runs.get((t, scheme), {})}):
        d = [difference(t, scheme, seed) for t in horizons]
        if None in d:
            continue
        d_mean = statistics.mean(d)
        slopes.append(sum((xi - x_mean) * (di - d_mean) for xi, di in zip(x, d)) / spread)
        used.append(seed)
    if slopes:
        print(f"| `{scheme}` | {','.join(map(str, used))} | {cell(slopes)} |")
