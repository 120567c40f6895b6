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

TOLERANCE = 1e-9


def coalition_indices(n):
    indices = np.arange(2**n)
    return ((indices[:, None] >> np.arange(n)) & 1).astype(bool)


def tables(n, rng):
    members = coalition_indices(n)
    yield "normal", rng.standard_normal(2**n)
    soum = np.zeros(2**n)
    for _ in range(2 * n):
        term = rng.choice(n, size=rng.integers(1, n + 1), replace=False)
        soum += rng.standard_normal() * members[:, term].all(axis=1)
    yield "soum", soum
    weights = rng.integers(1, 11, size=n)
    yield "voting", (members @ weights >= weights.sum() // 2 + 1).astype(float)


def shapiq_values(values, n):
    def game(coalitions):
        return values[(coalitions.astype(np.int64) << np.arange(n)).sum(axis=1)]

    return ExactComputer(game, n_players=n)("SV").get_n_order_values(1)


def main():
    rng = np.random.default_rng(20251126)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for n in (8, 12, 16):
            for name, values in tables(n, rng):
                path = Path(folder) / f"{name}-{n}.json"
                path.write_text(json.dumps({"players": n, "values": values.tolist()}))
                ours = np.array(json.loads(peer_env.run_creditbench(["estimate", "--game", str(path), "--estimator", "exact"]))["values"])
                reference = shapiq_values(values, n)
                difference = float(np.max(np.abs(ours - reference)))
                status = "ok" if difference <= TOLERANCE else "MISMATCH"
                failures += status != "ok"
                print(f"n={n:2d} {name:7s} max |creditbench - shapiq| = {difference:.2e}  {status}")
    print(f"shapiq exact parity: {9 - failures}/9 tables agree to {TOLERANCE:g}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
