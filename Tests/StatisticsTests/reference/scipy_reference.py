#!/usr/bin/env python3
"""Reference values for Tests/StatisticsTests, produced by scipy, statsmodels and lifelines.

Run from anywhere:  python3 Tests/StatisticsTests/reference/scipy_reference.py

The script creates the virtual environment `.venv-peers` at the repository root if it is
missing, installs the pinned reference packages into it, re-runs itself inside it, computes every
expected value on the FIXED inputs written below, and writes them to `scipy_expected.json` beside
this file. The Swift tests read that JSON and compare to 1e-9; nothing here is derived from the
Swift code. Which library produced each value is stated next to it below.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
VENV = ROOT / ".venv-peers"
PINS = ["scipy==1.17.1", "statsmodels==0.15.0", "lifelines==0.30.3"]
OUTPUT = HERE / "scipy_expected.json"


def ensure_venv():
    """Re-executes this script with the interpreter of `.venv-peers`, creating it if missing."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PINS], check=True)
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


ensure_venv()

import lifelines  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import statsmodels  # noqa: E402
from scipy import stats  # noqa: E402
from scipy.special import ndtri  # noqa: E402
from lifelines import KaplanMeierFitter  # noqa: E402
from lifelines.statistics import logrank_test  # noqa: E402
from lifelines.utils import restricted_mean_survival_time  # noqa: E402
from scipy.stats._resampling import _bca_interval, _percentile_of_score  # noqa: E402
from statsmodels.stats.meta_analysis import effectsize_smd  # noqa: E402
from statsmodels.stats.multitest import multipletests  # noqa: E402
from statsmodels.stats.weightstats import DescrStatsW  # noqa: E402
from statsmodels.stats.weightstats import ttest_ind as sm_ttest_ind  # noqa: E402
from statsmodels.stats.weightstats import ttost_ind  # noqa: E402
from statsmodels.stats.weightstats import ttost_paired  # noqa: E402

# ---------------------------------------------------------------- fixed inputs
SAMPLES = {
    # a and b: unequal sizes, a tie inside a (2.78), inside b (2.40) and across them (2.31).
    "a": [2.31, 3.05, 1.87, 2.96, 3.40, 2.15, 2.78, 3.12, 2.50, 2.78, 3.61, 2.02],
    "b": [1.95, 2.40, 2.10, 1.62, 2.55, 2.40, 1.88, 2.73, 2.05, 2.31, 1.70, 2.20, 2.45, 1.99, 2.62],
    # c and d: small, no ties, very different variances.
    "c": [10.2, 9.8, 11.5, 10.9, 10.1],
    "d": [9.0, 12.5, 8.1, 13.3, 10.4, 7.7, 11.9, 9.6],
    # x and y: small, no ties (exact Mann-Whitney distribution).
    "x": [1.1, 3.4, 2.2, 5.0, 4.3, 0.7],
    "y": [2.9, 6.1, 5.5, 3.8, 7.2, 4.9, 6.6],
    # e and f: heavy ties (tie correction of the normal approximation).
    "e": [1, 2, 2, 3, 3, 3, 4],
    "f": [2, 3, 3, 4, 4, 5, 5, 5],
    # s: right-skewed sample for the bootstrap (non-zero acceleration).
    "s": [0.12, 0.35, 0.41, 0.58, 0.66, 0.73, 0.91, 1.05, 1.22, 1.38,
          1.47, 1.69, 1.93, 2.24, 2.61, 3.05, 3.72, 4.48, 5.90, 8.31],
    # p and q: paired (seed i of p with seed i of q), no zero and no tied |p_i - q_i|.
    "p": [0.812, 0.774, 0.851, 0.790, 0.836, 0.802, 0.768, 0.845, 0.821, 0.797, 0.859, 0.783],
    "q": [0.795, 0.770, 0.829, 0.788, 0.801, 0.799, 0.741, 0.838, 0.815, 0.776, 0.843, 0.792],
    # u and v: paired, four zero differences and heavily tied |u_i - v_i| (normal approximation).
    "u": [5, 7, 6, 9, 4, 8, 6, 7, 5, 9, 8, 6, 7, 5, 6],
    "v": [4, 7, 5, 7, 4, 6, 7, 5, 5, 8, 6, 6, 5, 6, 4],
}
# Censored times to threshold: `reached` is 1 where the run reached the threshold at that time and
# 0 where it stopped unreached (right-censored). Ties within and across groups, censored at an event time.
CENSORED = {
    "g": {"times": [3, 5, 5, 8, 10, 12, 12, 15, 20, 20],
          "reached": [1, 1, 0, 1, 1, 1, 1, 0, 0, 0]},
    "h": {"times": [4, 5, 7, 9, 9, 11, 14, 16, 18, 20, 20, 20],
          "reached": [1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0]},
}
RMST_HORIZONS = [10.0, 13.5, 20.0]
PAIRED = [("p", "q"), ("u", "v")]
PAIRED_TOST_CASES = [("p", "q", -0.02, 0.02), ("p", "q", -0.01, 0.03), ("u", "v", -1.0, 1.0)]
PAIRS = [("a", "b"), ("c", "d"), ("x", "y"), ("e", "f")]
ALTERNATIVES = ["two-sided", "greater", "less"]
SM_ALTERNATIVE = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}
QUANTILE_PROBABILITIES = [0.0, 0.025, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0]
HOLM_INPUTS = [
    [0.01, 0.04, 0.03, 0.005, 0.20, 0.04],
    [0.5, 0.3, 0.9],
    [0.001],
    [0.02, 0.02, 0.5, 0.8, 0.049],
]
TOST_CASES = [("a", "b", -0.5, 0.5), ("a", "b", -0.2, 0.2), ("a", "b", -0.1, 0.9), ("c", "d", -1.0, 1.0)]
BOOTSTRAP_RESAMPLES = 200        # deterministic part: resample indices are written to the JSON
BOOTSTRAP_INDEX_SEED = 2024
MONTE_CARLO_RESAMPLES = 50000    # statistical part: scipy's own random resamples
MONTE_CARLO_SEED = 7
CONFIDENCE_LEVELS = [0.95, 0.9]


def arr(name):
    return np.asarray(SAMPLES[name], dtype=float)


def descriptive():
    """numpy: mean, var(ddof=1), std(ddof=1), median, quantile(method='linear') = Hyndman-Fan type 7."""
    out = {}
    for name in ["a", "s", "e"]:
        v = arr(name)
        out[name] = {
            "mean": float(np.mean(v)),
            "variance": float(np.var(v, ddof=1)),
            "standardDeviation": float(np.std(v, ddof=1)),
            "median": float(np.median(v)),
            "quantiles": [[p, float(np.quantile(v, p, method="linear"))] for p in QUANTILE_PROBABILITIES],
        }
    return out


def welch():
    """scipy.stats.ttest_ind(equal_var=False) and, for a non-zero null difference, statsmodels ttest_ind(usevar='unequal')."""
    out = []
    for first, second in PAIRS:
        for alternative in ALTERNATIVES:
            r = stats.ttest_ind(arr(first), arr(second), equal_var=False, alternative=alternative)
            out.append({"a": first, "b": second, "alternative": alternative, "nullDifference": 0.0,
                        "statistic": float(r.statistic), "pValue": float(r.pvalue), "df": float(r.df)})
        for null in [0.3, -0.4]:
            for alternative in ALTERNATIVES:
                t, p, df = sm_ttest_ind(arr(first), arr(second), alternative=SM_ALTERNATIVE[alternative],
                                        usevar="unequal", value=null)
                out.append({"a": first, "b": second, "alternative": alternative, "nullDifference": null,
                            "statistic": float(t), "pValue": float(p), "df": float(df)})
    return out


def mann_whitney():
    """scipy.stats.mannwhitneyu, statistic = U of the first sample; asymptotic uses use_continuity=True."""
    out = []
    for first, second in PAIRS:
        for alternative in ALTERNATIVES:
            r = stats.mannwhitneyu(arr(first), arr(second), use_continuity=True,
                                   alternative=alternative, method="asymptotic")
            out.append({"a": first, "b": second, "alternative": alternative, "method": "asymptotic",
                        "statistic": float(r.statistic), "pValue": float(r.pvalue)})
    for first, second in [("c", "d"), ("x", "y"), ("y", "x")]:
        for alternative in ALTERNATIVES:
            r = stats.mannwhitneyu(arr(first), arr(second), alternative=alternative, method="exact")
            out.append({"a": first, "b": second, "alternative": alternative, "method": "exact",
                        "statistic": float(r.statistic), "pValue": float(r.pvalue)})
    return out


def tost():
    """statsmodels ttost_ind(usevar='unequal'): p = max(p_lower, p_upper)."""
    out = []
    for first, second, low, upp in TOST_CASES:
        p, (t1, p1, df1), (t2, p2, df2) = ttost_ind(arr(first), arr(second), low, upp, usevar="unequal")
        out.append({"a": first, "b": second, "lower": low, "upper": upp, "pValue": float(p),
                    "lowerTest": {"statistic": float(t1), "pValue": float(p1), "df": float(df1)},
                    "upperTest": {"statistic": float(t2), "pValue": float(p2), "df": float(df2)}})
    return out


def holm():
    """statsmodels multipletests(method='holm') adjusted p-values."""
    return [{"pValues": ps, "adjusted": [float(q) for q in multipletests(ps, method="holm")[1]]}
            for ps in HOLM_INPUTS]


def effect_sizes():
    """Hedges' g: statsmodels effectsize_smd (J = 1 - 3/(4(n1+n2)-9)); difference CI: scipy TtestResult.confidence_interval."""
    out = []
    for first, second in [("a", "b"), ("c", "d")]:
        u, v = arr(first), arr(second)
        g, _ = effectsize_smd(u.mean(), u.std(ddof=1), len(u), v.mean(), v.std(ddof=1), len(v))
        intervals = []
        for level in CONFIDENCE_LEVELS:
            ci = stats.ttest_ind(u, v, equal_var=False).confidence_interval(level)
            intervals.append({"confidenceLevel": level, "lower": float(ci.low), "upper": float(ci.high)})
        out.append({"a": first, "b": second, "hedgesG": float(g), "meanDifference": float(u.mean() - v.mean()),
                    "welchIntervals": intervals})
    return out


def bootstrap_given(data, statistic, distribution, level, method):
    """scipy.stats.bootstrap with n_resamples=0 and a given bootstrap distribution: no randomness."""
    given = SimpleNamespace(bootstrap_distribution=np.asarray(distribution))
    r = stats.bootstrap(data, statistic, n_resamples=0, bootstrap_result=given, method=method,
                        confidence_level=level, vectorized=True)
    return [float(r.confidence_interval.low), float(r.confidence_interval.high)]


def bootstrap_deterministic():
    """Intervals from resample indices fixed here, so every number is reproducible exactly.

    Bias correction z0 and acceleration a come from scipy's private helpers
    (_percentile_of_score and _bca_interval in scipy/stats/_resampling.py); the intervals from the
    public scipy.stats.bootstrap(method='percentile' | 'BCa') given the bootstrap distribution.
    """
    rng = np.random.default_rng(BOOTSTRAP_INDEX_SEED)
    out = []
    statistics = {"mean": np.mean, "median": np.median}
    s = arr("s")
    index_s = rng.integers(0, len(s), (BOOTSTRAP_RESAMPLES, len(s)))
    for stat_name, fn in statistics.items():
        def statistic(v, axis=-1, fn=fn):
            return fn(v, axis=axis)
        distribution = statistic(s[index_s])
        out.append(bootstrap_case(["s"], [index_s], (s,), statistic, distribution, stat_name))
    a, b = arr("a"), arr("b")
    index_a = rng.integers(0, len(a), (BOOTSTRAP_RESAMPLES, len(a)))
    index_b = rng.integers(0, len(b), (BOOTSTRAP_RESAMPLES, len(b)))

    def difference(u, v, axis=-1):
        return np.mean(u, axis=axis) - np.mean(v, axis=axis)
    distribution = difference(a[index_a], b[index_b])
    out.append(bootstrap_case(["a", "b"], [index_a, index_b], (a, b), difference, distribution,
                              "differenceOfMeans"))
    return out


def bootstrap_case(names, indices, data, statistic, distribution, stat_name):
    estimate = statistic(*data)
    z0 = float(ndtri(_percentile_of_score(distribution, np.asarray(estimate), axis=-1, xp=np)))
    alpha = (1 - 0.95) / 2
    _, _, a_hat = _bca_interval(data, statistic, axis=-1, alpha=alpha, theta_hat_b=distribution,
                                batch=None, xp=np)
    intervals = []
    for level in CONFIDENCE_LEVELS:
        for method in ["percentile", "BCa"]:
            low, high = bootstrap_given(data, statistic, distribution, level, method)
            intervals.append({"confidenceLevel": level, "method": method, "lower": low, "upper": high})
    return {"samples": names, "statistic": stat_name, "indices": [i.tolist() for i in indices],
            "estimate": float(estimate), "biasCorrection": z0, "acceleration": float(a_hat),
            "intervals": intervals}


def bootstrap_monte_carlo():
    """scipy.stats.bootstrap with its own random resamples; compared statistically, not exactly."""
    out = []
    cases = [(["s"], lambda v, axis=-1: np.mean(v, axis=axis), "mean"),
             (["a", "b"], lambda u, v, axis=-1: np.mean(u, axis=axis) - np.mean(v, axis=axis),
              "differenceOfMeans")]
    for names, statistic, stat_name in cases:
        for method in ["percentile", "BCa"]:
            r = stats.bootstrap(tuple(arr(n) for n in names), statistic, n_resamples=MONTE_CARLO_RESAMPLES,
                                method=method, vectorized=True, confidence_level=0.95,
                                rng=np.random.default_rng(MONTE_CARLO_SEED))
            out.append({"samples": names, "statistic": stat_name, "method": method, "confidenceLevel": 0.95,
                        "resamples": MONTE_CARLO_RESAMPLES, "lower": float(r.confidence_interval.low),
                        "upper": float(r.confidence_interval.high), "standardError": float(r.standard_error)})
    return out


def tost_paired():
    """statsmodels ttost_paired: TOST with the paired t, p = max(p_lower, p_upper)."""
    out = []
    for first, second, low, upp in PAIRED_TOST_CASES:
        p, (t1, p1, df1), (t2, p2, df2) = ttost_paired(arr(first), arr(second), low, upp)
        out.append({"a": first, "b": second, "lower": low, "upper": upp, "pValue": float(p),
                    "lowerTest": {"statistic": float(t1), "pValue": float(p1), "df": float(df1)},
                    "upperTest": {"statistic": float(t2), "pValue": float(p2), "df": float(df2)}})
    return out


def paired_t():
    """scipy.stats.ttest_rel (statistic, p, df, confidence_interval) and, for a non-zero null
    difference, statsmodels DescrStatsW(a - b).ttest_mean(value=nullDifference)."""
    out = []
    for first, second in PAIRED:
        for alternative in ALTERNATIVES:
            r = stats.ttest_rel(arr(first), arr(second), alternative=alternative)
            entry = {"a": first, "b": second, "alternative": alternative, "nullDifference": 0.0,
                     "statistic": float(r.statistic), "pValue": float(r.pvalue), "df": float(r.df)}
            if alternative == "two-sided":
                entry["intervals"] = [{"confidenceLevel": level, "lower": float(ci.low), "upper": float(ci.high)}
                                      for level in CONFIDENCE_LEVELS for ci in [r.confidence_interval(level)]]
            out.append(entry)
        for null in [0.01, -0.02]:
            for alternative in ALTERNATIVES:
                t, p, df = DescrStatsW(arr(first) - arr(second)).ttest_mean(
                    value=null, alternative=SM_ALTERNATIVE[alternative])
                out.append({"a": first, "b": second, "alternative": alternative, "nullDifference": null,
                            "statistic": float(t), "pValue": float(p), "df": float(df)})
    return out


def wilcoxon():
    """scipy.stats.wilcoxon(zero_method='wilcox'): method='exact' where there are no zeros or ties,
    method='asymptotic' with correction=True (continuity) everywhere. The statistic recorded is
    W+ = the rank sum of the positive differences (scipy's statistic with alternative='greater')."""
    out = []
    cases = [("p", "q", "exact"), ("p", "q", "asymptotic"), ("u", "v", "asymptotic")]
    for first, second, method in cases:
        for alternative in ALTERNATIVES:
            r = stats.wilcoxon(arr(first), arr(second), zero_method="wilcox", correction=True,
                               alternative=alternative, method=method)
            w_plus = stats.wilcoxon(arr(first), arr(second), zero_method="wilcox", correction=True,
                                    alternative="greater", method=method).statistic
            out.append({"a": first, "b": second, "alternative": alternative, "method": method,
                        "statistic": float(w_plus), "pValue": float(r.pvalue)})
    return out


def paired_bootstrap():
    """Paired bootstrap of mean(p) - mean(q), resampling seed indices: resample indices fixed here,
    intervals from the public scipy.stats.bootstrap((p, q), paired=True, method=...) given that
    bootstrap distribution (jackknife over pairs for BCa)."""
    rng = np.random.default_rng(BOOTSTRAP_INDEX_SEED + 1)
    p, q = arr("p"), arr("q")
    index = rng.integers(0, len(p), (BOOTSTRAP_RESAMPLES, len(p)))

    def difference(u, v, axis=-1):
        return np.mean(u, axis=axis) - np.mean(v, axis=axis)
    distribution = difference(p[index], q[index])
    intervals = []
    for level in CONFIDENCE_LEVELS:
        for method in ["percentile", "BCa"]:
            given = SimpleNamespace(bootstrap_distribution=distribution)
            r = stats.bootstrap((p, q), difference, n_resamples=0, bootstrap_result=given, paired=True,
                                method=method, confidence_level=level, vectorized=True)
            intervals.append({"confidenceLevel": level, "method": method,
                              "lower": float(r.confidence_interval.low), "upper": float(r.confidence_interval.high)})
    return {"samples": ["p", "q"], "indices": index.tolist(), "estimate": float(difference(p, q)),
            "intervals": intervals}


def censored(name):
    return np.asarray(CENSORED[name]["times"], dtype=float), np.asarray(CENSORED[name]["reached"], dtype=int)


def kaplan_meier():
    """lifelines KaplanMeierFitter: survival_function_ at its timeline (0 and every distinct time) and
    restricted_mean_survival_time(kmf, t=horizon), the exact area under the KM step function."""
    out = []
    for name in CENSORED:
        times, reached = censored(name)
        kmf = KaplanMeierFitter().fit(times, reached)
        sf = kmf.survival_function_
        out.append({"sample": name,
                    "survival": [[float(t), float(v)] for t, v in zip(sf.index, sf.values[:, 0])],
                    "restrictedMeans": [[tau, float(restricted_mean_survival_time(kmf, t=tau))]
                                        for tau in RMST_HORIZONS]})
    return out


def log_rank():
    """lifelines.statistics.logrank_test: chi-square statistic with 1 df and its p-value."""
    (ta, ea), (tb, eb) = censored("g"), censored("h")
    r = logrank_test(ta, tb, event_observed_A=ea, event_observed_B=eb)
    return [{"a": "g", "b": "h", "statistic": float(r.test_statistic), "pValue": float(r.p_value)}]


def main():
    expected = {
        "producedBy": "Tests/StatisticsTests/reference/scipy_reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__, "lifelines": lifelines.__version__},
        "samples": SAMPLES,
        "descriptive": descriptive(),
        "welch": welch(),
        "mannWhitney": mann_whitney(),
        "tost": tost(),
        "holm": holm(),
        "effectSizes": effect_sizes(),
        "bootstrap": bootstrap_deterministic(),
        "bootstrapMonteCarlo": bootstrap_monte_carlo(),
        "censored": CENSORED,
        "pairedT": paired_t(),
        "tostPaired": tost_paired(),
        "wilcoxon": wilcoxon(),
        "pairedBootstrap": paired_bootstrap(),
        "kaplanMeier": kaplan_meier(),
        "logRank": log_rank(),
    }
    text = json.dumps(expected, indent=1)
    # One line per list of numbers keeps the file short and its diffs readable.
    text = re.sub(r"\[[-0-9.eE+,\s]*\]", lambda m: re.sub(r"\s+", " ", m.group(0)).replace("[ ", "[").replace(" ]", "]"), text)
    OUTPUT.write_text(text + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(expected['welch'])} Welch, {len(expected['mannWhitney'])} "
          f"Mann-Whitney, {len(expected['tost'])} TOST, {len(expected['holm'])} Holm, "
          f"{len(expected['bootstrap'])} bootstrap cases, {len(expected['pairedT'])} paired t, "
          f"{len(expected['wilcoxon'])} Wilcoxon, {len(expected['kaplanMeier'])} Kaplan-Meier, "
          f"{len(expected['logRank'])} log-rank (scipy {scipy.__version__}, statsmodels "
          f"{statsmodels.__version__})")


if __name__ == "__main__":
    main()
