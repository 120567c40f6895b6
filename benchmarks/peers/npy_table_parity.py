"""NumPy .npy value tables: tables written by numpy.save are read by `creditbench estimate --game
FILE.npy`, and tables written by `creditbench game --output FILE.npy` are read by numpy.load.

For n = 4, 10 and 16, a standard-normal table and a sum of unanimity games are made here with
numpy; CreditBench's exact Shapley values from the .npy file must equal an independent in-Python
exact computation (phi_i = sum over T of v(T) w(|T|, i in T), w(t, in) = (t-1)!(n-t)!/n!,
w(t, out) = -t!(n-t-1)!/n!) to 1e-9, and the JSON table of the same values must give the same
result. The reverse direction: a `game soum --output X.npy` table loaded by numpy must equal the
JSON table `game soum --table` writes for the same seed, value for value. Prints one line per check
and exits non-zero on any failure.

    python3 benchmarks/peers/npy_table_parity.py
"""
import json
import sys
import tempfile
from math import factorial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_env  # noqa: E402

peer_env.ensure(["numpy==2.4.6"])

import numpy as np  # noqa: E402
from value_tables import random_soum, write_json_table  # noqa: E402

TOLERANCE = 1e-9


def exact_shapley(values, n):
    indices = np.arange(2**n)
    sizes = np.array([bin(i).count("1") for i in indices])
    inside = np.array([factorial(t - 1) * factorial(n - t) / factorial(n) if t > 0 else 0.0 for t in range(n + 1)])
    outside = np.array([-factorial(t) * factorial(n - t - 1) / factorial(n) if t < n else 0.0 for t in range(n + 1)])
    return np.array([np.sum(values * np.where((indices >> i) & 1, inside[sizes], outside[sizes])) for i in range(n)])


def tables(n, rng):
    yield "normal", rng.standard_normal(2**n)
    yield "soum", random_soum(n, rng)[0]


def estimate(path):
    return np.array(json.loads(peer_env.run_creditbench(["estimate", "--game", str(path), "--estimator", "exact"]))["values"])


def main():
    rng = np.random.default_rng(20261130)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for n in (4, 10, 16):
            for name, values in tables(n, rng):
                npy, json_path = Path(folder) / f"{name}-{n}.npy", Path(folder) / f"{name}-{n}.json"
                np.save(npy, values)
                write_json_table(json_path, values)
                from_npy, from_json = estimate(npy), estimate(json_path)
                reference = exact_shapley(values, n)
                difference = float(np.max(np.abs(from_npy - reference)))
                same = bool(np.array_equal(from_npy, from_json))
                ok = difference <= TOLERANCE and same
                failures += not ok
                print(f"{'ok  ' if ok else 'FAIL'} numpy.save {name} n={n}: max |ours - python| = {difference:.2e}, .npy and JSON results identical: {same}")
        for n in (3, 12):
            npy = Path(folder) / f"game-{n}.npy"
            peer_env.run_creditbench(["game", "soum", "--players", str(n), "--seed", "7", "--output", str(npy)])
            loaded = np.load(npy)
            table = np.array(json.loads(peer_env.run_creditbench(["game", "soum", "--players", str(n), "--seed", "7", "--table"]))["values"])
            ok = loaded.dtype == np.dtype("<f8") and loaded.shape == (2**n,) and np.array_equal(loaded, table)
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} creditbench game --output soum n={n}: numpy.load gives dtype {loaded.dtype}, shape {loaded.shape}, equal to the JSON table: {np.array_equal(loaded, table)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
