"""Speed of CreditBench's reward models against their Python references, whole process to whole
process, on the same input file.

  vader   `creditbench score sentiment --input F`  vs  vaderSentiment 3.3.2 polarity_scores on each
          line of F; F = the texts of the four ground-truth files in tasks/sentiment/, 5 times
          (118,515 lines, read as vader_parity.py reads them).
  rouge   `creditbench score rouge --stemmer --input F`  vs  rouge-score 0.1.2 RougeScorer(rouge1,
          rouge2, rougeL, rougeLsum, use_stemmer=True).score on each line of F; F = JSON lines
          {"prediction", "reference"}: every BBC article against its summary and back, and 200
          seeded subsets of article sentences against the summary (rouge_parity.py's pairs).
  ifeval  `creditbench score ifeval --input F`  vs  Google's checks (if-verifiable 0.1.2, driven
          strict and loose as ifeval_parity.py does); F = the 540 real GPT-4 responses of
          tasks/instructions, 10 times, each with only the instruction ids that have parity
          (those outside IFEvalScorer.unfaithfulInstructions; responses left with none dropped).

Each side reads F, scores every line and writes one JSON line per input line to a file. Timing
is the wall clock of the whole process (interpreter or binary start-up, imports, lexicon loading,
output included), median of 5 runs per side, the sides alternating. Before timing, the two sides'
outputs on F are compared (VADER: compound; ROUGE: every F-measure; IFEval: every verdict), so a
ratio is never reported for results that differ.

Writes results/peers/reward_speed.csv (one row per run) and results/peers/reward_speed.md
(medians, ratios Python / CreditBench, the targets: VADER >= 10x, ROUGE >= 20x, IFEval >= 20x).
Missed targets are reported, not treated as failures; differing outputs exit non-zero.

    python3 benchmarks/peers/reward_speed.py [--runs 5]    (CREDITBENCH_BIN to use a built binary)
"""
import argparse
import csv
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_env  # noqa: E402

peer_env.ensure(["vaderSentiment==3.3.2", "rouge-score==0.1.2", "nltk==3.10.4", "if-verifiable==0.1.2"])

import ifeval_parity  # noqa: E402
import rouge_parity  # noqa: E402
import vader_parity  # noqa: E402

RESULTS = peer_env.ROOT / "results" / "peers"
TARGETS = {"vader": 10.0, "rouge": 20.0, "ifeval": 20.0}
REFERENCES = {"vader": "vaderSentiment 3.3.2", "rouge": "rouge-score 0.1.2 (nltk 3.10.4 Porter)",
              "ifeval": "if-verifiable 0.1.2 (Google's checks)"}

# The Python side of each model: argv = [model, input path, output path].
PYTHON_SIDE = r'''
import json, sys
model, source, target = sys.argv[1:4]
out = open(target, "w", encoding="utf-8")
if model == "vader":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    data = open(source, "rb").read().split(b"\n")
    if data and data[-1] == b"":
        data.pop()
    for line in data:
        text = (line[:-1] if line.endswith(b"\r") else line).decode("utf-8", errors="replace")
        out.write(json.dumps(analyzer.polarity_scores(text)) + "\n")
elif model == "rouge":
    from rouge_score import rouge_scorer
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    for line in open(source, encoding="utf-8"):
        pair = json.loads(line)
        scores = scorer.score(pair["reference"], pair["prediction"])
        out.write(json.dumps({k: {"fmeasure": s.fmeasure, "precision": s.precision, "recall": s.recall}
                              for k, s in scores.items()}) + "\n")
else:
    import logging
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, sys.argv[4])
    from ifeval_parity import reference_verdicts
    from if_verifiable.ifeval.instructions_registry import INSTRUCTION_DICT
    for line in open(source, encoding="utf-8"):
        case = json.loads(line)
        verdicts = [reference_verdicts(INSTRUCTION_DICT, i, k, case["prompt"], case["response"])
                    for i, k in zip(case["instruction_id_list"], case["kwargs"])]
        out.write(json.dumps({"strict": [s for s, _ in verdicts], "loose": [l for _, l in verdicts]}) + "\n")
out.close()
'''


def vader_input(path):
    texts = []
    for name in vader_parity.FILES:
        texts += [text for _, _, text in vader_parity.read_ground_truth(str(peer_env.ROOT / "tasks" / "sentiment" / name))]
    path.write_text("".join(text + "\n" for text in texts * 5), encoding="utf-8")
    return len(texts) * 5


def rouge_input(path):
    articles = list(rouge_parity.bbc_pairs())
    pairs = [(a, s) for _, a, s, _ in articles] + [(s, a) for _, a, s, _ in articles]
    pairs += [(p, r) for _, p, r in rouge_parity.subset_pairs(articles, 200, random.Random(20251126))]
    path.write_text("".join(json.dumps({"prediction": p, "reference": r}) + "\n" for p, r in pairs), encoding="utf-8")
    return len(pairs)


def ifeval_input(path):
    cases = []
    for case in ifeval_parity.load_real():
        kept = [(i, k) for i, k in zip(case["instruction_id_list"], case["kwargs"]) if i not in ifeval_parity.EXCLUDED]
        if kept:
            cases.append({"prompt": case["prompt"], "response": case["response"],
                          "instruction_id_list": [i for i, _ in kept], "kwargs": [k for _, k in kept]})
    path.write_text("".join(json.dumps(c) + "\n" for c in cases * 10), encoding="utf-8")
    return len(cases) * 10


def commands(model, source, target, binary):
    swift = {"vader": [binary, "score", "sentiment", "--input", str(source)],
             "rouge": [binary, "score", "rouge", "--stemmer", "--input", str(source)],
             "ifeval": [binary, "score", "ifeval", "--input", str(source)]}[model]
    python = [sys.executable, "-c", PYTHON_SIDE, model, str(source), str(target) + ".py",
              str(Path(__file__).resolve().parent)]
    return {"creditbench": (swift, Path(str(target) + ".swift")), "python": (python, Path(str(target) + ".py"))}


def run(command, output):
    """Wall seconds of one whole-process run; the Swift side's stdout goes to `output`."""
    start = time.perf_counter()
    if command[1] == "-c":
        subprocess.run(command, check=True, cwd=peer_env.ROOT)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            subprocess.run(command, check=True, stdout=handle, cwd=peer_env.ROOT)
    return time.perf_counter() - start


def same_results(model, swift_path, python_path):
    """Whether both sides' outputs agree (the quantities the parity scripts check, to 1e-9)."""
    ours = [json.loads(line) for line in swift_path.read_text(encoding="utf-8").splitlines()]
    theirs = [json.loads(line) for line in python_path.read_text(encoding="utf-8").splitlines()]
    if len(ours) != len(theirs):
        return False
    for mine, reference in zip(ours, theirs):
        if model == "vader":
            if abs(mine["compound"] - reference["compound"]) > 1e-9:
                return False
        elif model == "rouge":
            if any(abs(mine[k][m] - reference[k][m]) > 1e-9 for k in reference for m in reference[k]):
                return False
        elif (mine["strict"], mine["loose"]) != (reference["strict"], reference["loose"]):
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--models", default="vader,rouge,ifeval")
    args = parser.parse_args()
    binary = peer_env.creditbench()
    rows = []
    summary = []
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for model in args.models.split(","):
            source = folder / f"{model}.input"
            lines = {"vader": vader_input, "rouge": rouge_input, "ifeval": ifeval_input}[model](source)
            sides = commands(model, source, folder / model, binary)
            for command, output in sides.values():
                run(command, output)  # warm-up, and the outputs to compare
            if not same_results(model, sides["creditbench"][1], sides["python"][1]):
                print(f"FAIL {model}: CreditBench and {REFERENCES[model]} disagree on {source.name}")
                failed = True
                continue
            times = {"creditbench": [], "python": []}
            for index in range(args.runs):
                for tool, (command, output) in sides.items():
                    seconds = run(command, output)
                    times[tool].append(seconds)
                    rows.append({"model": model, "tool": tool, "lines": lines, "run": index, "wall_seconds": f"{seconds:.4f}"})
            medians = {tool: statistics.median(values) for tool, values in times.items()}
            ratio = medians["python"] / medians["creditbench"]
            summary.append((model, lines, medians, ratio))
            verdict = "met" if ratio >= TARGETS[model] else "MISSED"
            print(f"{model}: {lines} lines, CreditBench {medians['creditbench']:.3f} s, {REFERENCES[model]} "
                  f"{medians['python']:.3f} s, ratio {ratio:.1f}x (target {TARGETS[model]:.0f}x: {verdict})")
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "reward_speed.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["model", "tool", "lines", "run", "wall_seconds"])
        writer.writeheader()
        writer.writerows(rows)
    load = open("/proc/loadavg").read().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    lines = [
        "# Reward models: CreditBench against the Python references",
        "",
        f"Written by `benchmarks/peers/reward_speed.py` on {date.today().isoformat()} ({platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, load average {' '.join(load)} at the end). "
        f"Whole-process wall clock, median of {args.runs} runs per side on the same input file; the outputs were "
        "compared first (they agree). Raw runs: `reward_speed.csv`.",
        "",
        "| model | reference | lines | CreditBench s | reference s | ratio | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for model, count, medians, ratio in summary:
        verdict = "met" if ratio >= TARGETS[model] else "missed"
        lines.append(f"| {model} | {REFERENCES[model]} | {count:,} | {medians['creditbench']:.3f} | {medians['python']:.3f} "
                     f"| {ratio:.1f}x | {TARGETS[model]:.0f}x ({verdict}) |")
    (RESULTS / "reward_speed.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
