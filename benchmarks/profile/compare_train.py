#!/usr/bin/env python3
"""Two `creditbench` binaries on the same `train` run: are the results bit-identical, and how much
faster is the second?

Runs `BASE train ARGS --output ...` and `NEW train ARGS --output ...` alternately, --runs times
each, and compares every run's per-step CSV (all columns but elapsed_seconds) and summary JSON
(all keys but seconds and output) with the first base run, as text. Prints the median
whole-process wall and CPU (user + system) seconds of each binary, the median PPO-loop seconds
(the summary's `seconds`: from the first step to the last, setup excluded), and the ratios
base / new.

    python3 benchmarks/profile/compare_train.py BASE NEW [--runs 3] -- --task sentiment --scheme scar --units tokens --steps 300
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, arguments, folder, tag):
    csv_path = os.path.join(folder, f"{tag}.csv")
    start = time.perf_counter()
    before = os.times()
    result = subprocess.run([binary, "train", *arguments, "--output", csv_path], capture_output=True, text=True)
    after = os.times()
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{binary} failed: {result.stderr.strip()[-500:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    summary = json.loads(result.stdout)
    with open(csv_path) as handle:
        rows = [line.rstrip("\n").split(",") for line in handle]
    header = rows[0]
    keep = [i for i, name in enumerate(header) if name != "elapsed_seconds"]
    curve = [[row[i] for i in keep] for row in rows]
    loop = summary["seconds"]
    comparable = {k: v for k, v in summary.items() if k not in ("seconds", "output")}
    return {"wall": wall, "cpu": cpu, "loop": loop, "curve": curve, "summary": json.dumps(comparable, sort_keys=True)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=3)
    split = sys.argv.index("--") if "--" in sys.argv else len(sys.argv)
    args = parser.parse_args(sys.argv[1:split])
    train = sys.argv[split + 1:]
    results = {"base": [], "new": []}
    with tempfile.TemporaryDirectory() as folder:
        for index in range(args.runs):
            for side, binary in (("base", args.base), ("new", args.new)):
                results[side].append(run(binary, train, folder, f"{side}{index}"))
                r = results[side][-1]
                print(f"{side} run {index}: wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, loop {r['loop']:.2f} s", flush=True)
    reference = results["base"][0]
    identical = all(r["curve"] == reference["curve"] and r["summary"] == reference["summary"]
                    for side in results for r in results[side])
    print(f"train {' '.join(train)}")
    print(f"curves and summaries (timings aside) identical across all {2 * args.runs} runs: {identical}")
    print(f"steps compared: {len(reference['curve']) - 1}; summary: {reference['summary']}")
    for key in ("wall", "cpu", "loop"):
        base = statistics.median(r[key] for r in results["base"])
        new = statistics.median(r[key] for r in results["new"])
        print(f"median {key:4s}: base {base:8.2f} s, new {new:8.2f} s, ratio {base / new:5.2f}x")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
