"""Exact Shapley values: CreditBench's `estimate --estimator exact` against shapiq 1.4.1's
ExactComputer on the same value tables, to 1e-9.

The tables are made here with numpy (independently of the Swift code): for n = 8, 12 and 16,
a standard-normal table, a sum of unanimity games and a weighted-voting game. Prints one line per
table and exits non-zero on any difference above the tolerance.

    python3 benchmarks/peers/shapiq_exact_parity.py
"""
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_env  # noqa: E402

peer_env.ensure(["shapiq==1.4.1"])

import numpy as np  # noqa: E402
from shapiq import ExactComputer  # noqa: E402
from value_tables import coalition_members, random_soum, shapiq_game, write_json_table  # noqa: E402

TOLERANCE = 1e-9


def tables(n, rng):
    yield "normal", rng.standard_normal(2**n)
    yield "soum", random_soum(n, rng)[0]
    weights = rng.integers(1, 11, size=n)
    yield "voting", (coalition_members(n) @ weights >= weights.sum() // 2 + 1).astype(float)


def main():
    rng = np.random.default_rng(20251126)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for n in (8, 12, 16):
            for name, values in tables(n, rng):
                path = Path(folder) / f"{name}-{n}.json"
                write_json_table(path, values)
                ours = np.array(json.loads(peer_env.run_creditbench(["estimate", "--game", str(path), "--estimator", "exact"]))["values"])
                reference = ExactComputer(shapiq_game(values, n), n_players=n)("SV").get_n_order_values(1)
                difference = float(np.max(np.abs(ours - reference)))
                status = "ok" if difference <= TOLERANCE else "MISMATCH"
                failures += status != "ok"
                print(f"n={n:2d} {name:7s} max |creditbench - shapiq| = {difference:.2e}  {status}")
    print(f"shapiq exact parity: {9 - failures}/9 tables agree to {TOLERANCE:g}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
