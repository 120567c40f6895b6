"""Shared by the pilot summaries: the mean with its 95% t interval over seeds. Needs scipy."""
import statistics

from scipy import stats


def interval(values):
    """Mean and the half-width of its 95% t interval (nan for fewer than 2 values)."""
    mean = statistics.mean(values)
    if len(values) < 2:
        return mean, float("nan")
    return mean, stats.t.ppf(0.975, len(values) - 1) * statistics.stdev(values) / len(values) ** 0.5


def cell(values):
    mean, half = interval(values)
    return f"{mean:.4f} ± {half:.4f}"
