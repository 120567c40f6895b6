#!/usr/bin/env python3
"""Where a `creditbench train` run's CPU time goes, from a `perf record --call-graph dwarf` file.

Each sample is charged to one category: its stack is read from the leaf towards main, and the
first frame whose (mangled Swift) symbol matches a category's pattern decides; a sample with no
such frame is "other" (ArgumentParser, runtime start-up, exit). Setup (loading the data, fitting
pi_ref) is recognised first, from any frame of the experiment's initialiser, so the fit's GRU
work is not counted as the policy's. Shares are of all samples of the process.

Usage:
  perf record -F 250 --call-graph dwarf,16384 -o run.data -- .build/release/creditbench train ...
  python3 benchmarks/profile/shares.py run.data [more.data ...]
"""
import re
import subprocess
import sys

# (category, pattern) in the order the leaf-to-main walk tests them at each frame.
CATEGORIES = [
    ("reward model", r"14VaderSentiment|10VaderRules|11VaderScores|15VaderVocabulary|14VaderWordTable|9VaderWord"
                     r"|5Rouge|13PorterStemmer|IFEval|11Instruction|12Instructions|NLTKWord|6Python"
                     r"|vaderPythonRound|22AttentionSentimentModel"),
    ("reward memo + prompt (Learning)", r"19MemoizedRewardModel|19PromptedRewardModel"),
    ("game text building", r"8TextGame|13TextSegmenter|16TextSegmentation|8TextUnit"),
    ("estimator", r"\$s7Shapley"),
    ("policy forward/backward + PPO", r"13GRUWordPolicy|19ContextWindowPolicy|18LinearActionPolicy|3PPOO|4AdamV"
                                      r"|13ValueBaseline|6rollout|9SetPolicy|12WordSequence"),
    ("environment steps", r"Environment(?!V10reward)|10ActionTask|SetGames|SetUtility"),
    ("credit scheme glue (Learning)", r"12CreditScheme|16CreditAssignment|17GeneratedResponse"),
]
SETUP = re.compile(r"21SentimentRLExperimentV13configuration|18ReferencePolicyFit|ActionTaskExperimentV.*fC"
                   r"|7loadCommitted|8standard")
COMPILED = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]


def samples(path):
    """Stacks (leaf first) of the perf file's samples."""
    out = subprocess.run(["perf", "script", "-i", path, "-F", "ip,sym"], capture_output=True, text=True,
                         check=True).stdout
    stack = []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            if stack:
                yield stack
            stack = []
            continue
        parts = line.split(None, 1)
        stack.append(parts[1] if len(parts) > 1 else "")
    if stack:
        yield stack


def category(stack):
    if any(SETUP.search(frame) for frame in stack):
        return "setup (data, pi_ref fit)"
    for frame in stack:
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return "other"


def main():
    for path in sys.argv[1:]:
        counts = {}
        total = 0
        for stack in samples(path):
            name = category(stack)
            counts[name] = counts.get(name, 0) + 1
            total += 1
        print(f"{path}: {total} samples")
        for name, count in sorted(counts.items(), key=lambda item: -item[1]):
            print(f"  {100.0 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
