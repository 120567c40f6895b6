#!/usr/bin/env python3
"""Exact enumeration on a large value table: in-process and whole-process seconds, from .npy and
from JSON.

Writes `creditbench game soum --players N --seed 3` as a .npy table (`--output X.npy`) and, unless
--no-json, as a JSON table (`--table`), then runs `estimate --estimator exact` on each --runs
times. Prints the median of the estimate's own `seconds` (in-process: the enumeration, the table
already in memory) and of the whole-process wall seconds (start, reading the file, enumeration,
output), and checks that both files give identical values.

    python3 benchmarks/profile/exact_table_timing.py [--players 24] [--runs 3] [--binary .build/release/creditbench]
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--players", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=".build/release/creditbench")
    parser.add_argument("--no-json", action="store_true", help="time the .npy table only (JSON at n = 28 is about 4.6 GB)")
    arguments = parser.parse_args()
    game = ["game", "soum", "--players", str(arguments.players), "--seed", "3"]
    with tempfile.TemporaryDirectory() as folder:
        files = {"npy": Path(folder) / "table.npy"}
        subprocess.run([arguments.binary, *game, "--output", str(files["npy"])], check=True)
        if not arguments.no_json:
            files["json"] = Path(folder) / "table.json"
            subprocess.run([arguments.binary, *game, "--table", "--output", str(files["json"])], check=True)
        results = {}
        for kind, path in files.items():
            inside, whole = [], []
            for _ in range(arguments.runs):
                start = time.perf_counter()
                output = subprocess.run([arguments.binary, "estimate", "--game", str(path), "--estimator", "exact"],
                                        check=True, capture_output=True, text=True).stdout
                whole.append(time.perf_counter() - start)
                report = json.loads(output)
                inside.append(report["seconds"])
                results[kind] = report["values"]
            size = path.stat().st_size / 2**20
            print(f"n={arguments.players} {kind} ({size:.0f} MiB): exact in-process {statistics.median(inside):.3f} s, "
                  f"whole process {statistics.median(whole):.2f} s (median of {arguments.runs})")
        if "json" in results and results["json"] != results["npy"]:
            sys.exit("the .npy and JSON tables gave different values")


if __name__ == "__main__":
    main()
