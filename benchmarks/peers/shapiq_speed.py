"""Speed and accuracy of CreditBench's Shapley estimators side by side with shapiq 1.4.1, in one run.

Games: SOUM-like value tables made here with numpy (independently of the Swift code): for a seed s
and n players, 2n unanimity terms with sizes uniform in 1..n, uniform members and standard-normal
weights; v(S) = sum of w_T over terms T inside S. Their Shapley values are known in closed form,
phi_i = sum over terms T containing i of w_T / |T|, which is the reference for the errors.

Pairs timed at equal budgets (budget = distinct value calls, v(empty) and v(N) included):
  exact:        shapiq ExactComputer(game, n)("SV")      vs  creditbench --estimator exact  (n = 12, 16, 20; budget 2^n)
  kernelshap:   shapiq KernelSHAP(pairing_trick=False)   vs  creditbench kernelshap         (n = 16, 20; 4,000 calls)
  paired:       shapiq KernelSHAP(pairing_trick=True)    vs  creditbench kernelshap-paired  (n = 16, 20; 4,000 calls)
  permutation:  shapiq PermutationSamplingSV             vs  creditbench permutation        (n = 16, 20; 4,000 calls)
and creditbench exact alone at n = 24 (target: under 5 s).

Timings: for shapiq, `seconds` is the approximator's call given the game function (a numpy
look-up into the table already in memory); its `wall_seconds` is the same number, as nothing else
is spent. For CreditBench, `seconds` is the estimator's own time as the CLI reports it, and
`wall_seconds` the whole process (start-up, JSON parsing of the table, output). Errors are the
relative squared error ||phi_hat - phi||^2 / ||phi||^2 against the closed form.

Writes results/peers/speed.csv (one row per tool, estimator, players, budget, seed) and
results/peers/speed.md (median ratios shapiq / CreditBench and the targets), and prints one line
per target. Exits non-zero if a CreditBench run fails or an exact result is wrong (relative squared
error above 1e-18); missed speed targets are reported, not treated as failures.

shapiq's exact computation at n = 20 takes minutes (110 to 390 s on the 2-core machine, with load), so it is timed on
the first seed only unless --shapiq-exact-20-seeds says otherwise (0 skips it); CreditBench runs
every seed.

    python3 benchmarks/peers/shapiq_speed.py [--seeds 3] [--shapiq-exact-20-seeds 1]
"""
import argparse
import csv
import json
import platform
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_env  # noqa: E402

peer_env.ensure(["shapiq==1.4.1"])

import numpy as np  # noqa: E402
from shapiq import ExactComputer, KernelSHAP, PermutationSamplingSV  # noqa: E402
from value_tables import shapiq_game, soum_table, write_json_table  # noqa: E402

RESULTS = peer_env.ROOT / "results" / "peers"
BUDGET = 4_000
EXACT_TOLERANCE = 1e-18
COLUMNS = ["tool", "estimator", "players", "budget", "seed", "seconds", "wall_seconds", "relative_squared_error"]
SHAPIQ_SAMPLERS = {
    "kernelshap": lambda n, seed: KernelSHAP(n=n, pairing_trick=False, random_state=seed),
    "kernelshap-paired": lambda n, seed: KernelSHAP(n=n, pairing_trick=True, random_state=seed),
    "permutation": lambda n, seed: PermutationSamplingSV(n=n, random_state=seed),
}


def relative_squared_error(estimate, truth):
    return float(np.sum((np.asarray(estimate) - truth) ** 2) / np.sum(truth**2))


def run_ours(path, estimator, budget, seed):
    arguments = ["estimate", "--game", str(path), "--estimator", estimator, "--seed", str(seed)]
    if budget is not None:
        arguments += ["--budget", str(budget)]
    start = time.perf_counter()
    output = peer_env.run_creditbench(arguments)
    wall = time.perf_counter() - start
    report = json.loads(output)
    return np.array(report["values"]), report["seconds"], wall, report["calls"]


def run_shapiq(estimator, values, n, budget, seed):
    game = shapiq_game(values, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        if estimator == "exact":
            result = ExactComputer(game, n_players=n)("SV").get_n_order_values(1)
        else:
            result = SHAPIQ_SAMPLERS[estimator](n, seed).approximate(budget, game).get_n_order_values(1)
        seconds = time.perf_counter() - start
    return result, seconds


def measure(rows, estimator, n, seed, folder, budget, with_shapiq=True):
    """Runs both tools (or CreditBench only) on the seed's table and appends their rows."""
    values, truth = soum_table(n, seed)
    path = Path(folder) / f"soum-{n}-{seed}.json"
    if not path.exists():
        write_json_table(path, values)
    ours, seconds, wall, calls = run_ours(path, estimator, budget, seed)
    expected_calls = 2**n if budget is None else budget
    if calls > expected_calls:
        raise RuntimeError(f"creditbench {estimator} n={n} used {calls} calls, more than the budget {expected_calls}")
    rows.append(dict(tool="creditbench", estimator=estimator, players=n, budget=expected_calls, seed=seed,
                     seconds=seconds, wall_seconds=wall, relative_squared_error=relative_squared_error(ours, truth)))
    if with_shapiq:
        theirs, seconds = run_shapiq(estimator, values, n, budget, seed)
        rows.append(dict(tool="shapiq", estimator=estimator, players=n, budget=expected_calls, seed=seed,
                         seconds=seconds, wall_seconds=seconds, relative_squared_error=relative_squared_error(theirs, truth)))


def select(rows, tool, estimator, n):
    return [row for row in rows if row["tool"] == tool and row["estimator"] == estimator and row["players"] == n]


def median(rows, key):
    return statistics.median(row[key] for row in rows)


def error_summary(rows):
    """Mean relative squared error and its standard error over seeds."""
    errors = [row["relative_squared_error"] for row in rows]
    mean = statistics.fmean(errors)
    spread = statistics.stdev(errors) / len(errors) ** 0.5 if len(errors) > 1 else float("nan")
    return mean, spread


def comparison_lines(rows, pairs):
    """Markdown rows: median seconds of both tools, ratios, and mean errors with a z-score of their difference."""
    lines = [
        "| estimator | n | budget | runs (shapiq/ours) | shapiq s | ours s (estimator) | ours s (process) | ratio shapiq/ours (estimator) | ratio shapiq/ours (process) | shapiq rel. sq. error | ours rel. sq. error | z (error difference) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for estimator, n in pairs:
        theirs, ours = select(rows, "shapiq", estimator, n), select(rows, "creditbench", estimator, n)
        if not theirs or not ours:
            continue
        their_error, their_spread = error_summary(theirs)
        our_error, our_spread = error_summary(ours)
        combined = (their_spread**2 + our_spread**2) ** 0.5
        # Exact errors are rounding (~1e-27); comparing them says nothing.
        z = "—" if estimator == "exact" or combined == 0 else f"{(their_error - our_error) / combined:+.2f}"
        lines.append(
            f"| {estimator} | {n} | {ours[0]['budget']} | {len(theirs)}/{len(ours)} | {median(theirs, 'seconds'):.4g} | {median(ours, 'seconds'):.4g} | "
            f"{median(ours, 'wall_seconds'):.4g} | {median(theirs, 'seconds') / median(ours, 'seconds'):.1f}x | "
            f"{median(theirs, 'seconds') / median(ours, 'wall_seconds'):.1f}x | {their_error:.3g} ± {their_spread:.2g} | "
            f"{our_error:.3g} ± {our_spread:.2g} | {z} |")
    return lines


def targets(rows):
    """(description, measured, met) for the issue's three speed targets."""
    results = []
    for estimator, n, needed in (("exact", 16, 50), ("kernelshap", 20, 10)):
        theirs, ours = select(rows, "shapiq", estimator, n), select(rows, "creditbench", estimator, n)
        if theirs and ours:
            ratio = median(theirs, "seconds") / median(ours, "seconds")
            process = median(theirs, "seconds") / median(ours, "wall_seconds")
            results.append((f"{estimator} n={n}: >= {needed}x faster than shapiq",
                            f"{ratio:.1f}x (estimator time), {process:.1f}x (whole process)", ratio >= needed))
    ours = select(rows, "creditbench", "exact", 24)
    if ours:
        seconds, wall = median(ours, "seconds"), median(ours, "wall_seconds")
        results.append(("exact n=24 (ours): < 5 s", f"{seconds:.3g} s estimator, {wall:.3g} s whole process (JSON load included)",
                        seconds < 5))
    return results


def write_outputs(rows, pairs, seeds):
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "speed.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: (f"{row[key]:.6g}" if isinstance(row[key], float) else row[key]) for key in COLUMNS})
    met = targets(rows)
    lines = [
        "# Estimator speed: CreditBench vs shapiq 1.4.1",
        "",
        f"Written by `benchmarks/peers/shapiq_speed.py` on {date.today().isoformat()} ({platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}); all numbers below come from that one run. "
        f"Games: random SOUM value tables (2n terms), {seeds} seeds each (a seed picks the table and the estimator's random state). "
        "Times are medians over seeds. shapiq's time is its approximator given the game function "
        "(a numpy look-up into the table in memory); ours is the estimator's own time as `creditbench estimate` "
        "reports it, and separately the whole process including reading the table's JSON. "
        "Errors: mean relative squared error ||phi_hat - phi||^2 / ||phi||^2 against the closed-form SOUM Shapley values, "
        "± its standard error over seeds; z is the difference of the two means over its standard error "
        "(|z| < 2: equal within noise; not given for exact, whose errors are rounding).",
        "",
        "The machine has 2 shared cores and other jobs ran beside this one: timings are noisy, ratios more so at small times.",
        "",
        *comparison_lines(rows, pairs),
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *[f"| {name} | {measured} | {'yes' if ok else 'NO'} |" for name, measured, ok in met],
        "",
        "Raw rows: `speed.csv` (seconds = estimator time, wall_seconds = whole process for creditbench, the same as seconds for shapiq).",
        "",
    ]
    (RESULTS / "speed.md").write_text("\n".join(lines))
    return met


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="seeds (tables and random states) per comparison")
    parser.add_argument("--shapiq-exact-20-seeds", type=int, default=1,
                        help="seeds on which shapiq's exact n=20 is timed too (it takes minutes each)")
    arguments = parser.parse_args()
    seeds = range(arguments.seeds)
    rows = []
    pairs = [("exact", 12), ("exact", 16), ("exact", 20)]
    pairs += [(estimator, n) for n in (16, 20) for estimator in SHAPIQ_SAMPLERS]
    with tempfile.TemporaryDirectory() as folder:
        for estimator, n in pairs:
            for seed in seeds:
                with_shapiq = not (estimator == "exact" and n == 20 and seed >= arguments.shapiq_exact_20_seeds)
                measure(rows, estimator, n, seed, folder, None if estimator == "exact" else BUDGET, with_shapiq)
            print(f"measured {estimator} n={n}", file=sys.stderr)
        measure(rows, "exact", 24, 0, folder, None, with_shapiq=False)
    bad = [row for row in rows if row["estimator"] == "exact" and row["relative_squared_error"] > EXACT_TOLERANCE]
    met = write_outputs(rows, pairs, arguments.seeds)
    for name, measured, ok in met:
        print(f"{'met' if ok else 'MISSED'}: {name}: {measured}")
    print(f"shapiq speed: {len(rows)} runs, {len(met) - sum(ok for _, _, ok in met)} of {len(met)} targets missed, "
          f"{len(bad)} wrong exact results; see {RESULTS / 'speed.md'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
