#!/usr/bin/env python3
"""Where a `creditbench train` run's CPU time goes, from a `perf record --call-graph dwarf` file.

Each sample is charged to one category: its stack is read from the leaf towards main, and the
first frame whose (mangled Swift) symbol matches a category's pattern decides; a sample with no
such frame is "other" (ArgumentParser, runtime start-up, exit). Setup (loading the data, fitting
pi_ref) is recognised first, from any frame of the experiment's initialiser, so the fit's GRU
work is not counted as the policy's. Shares are printed of all samples of the process and of the
samples outside setup (the PPO loop).

Usage:
  perf record -F 250 --call-graph dwarf,16384 -o run.data -- .build/release/creditbench train ...
  python3 benchmarks/profile/shares.py run.data [more.data ...]
"""
import re
import subprocess
import sys

# (category, pattern) in the order the leaf-to-main walk tests them at each frame.
CATEGORIES = [
    ("reward model", r"Vader(Sentiment|Rules|Scores|Vocabulary|WordTable|Word|String)|vaderPythonRound"
                     r"|Rouge(NGrams|Tokenizer|Summary|Scorer|LCS|Reward|Score)|LCSTable|PorterStemmer"
                     r"|IFEval|Instruction(Check|Registry|Arguments)|NLTKWordTokenizer|Python(Text|Patterns|JSON)"
                     r"|[0-9][A-Za-z]+CheckV|ScriptLanguageRule|CountRelation|AttentionSentimentModel"),
    ("reward memo + prompt (Learning)", r"MemoizedRewardModel|PromptedRewardModel"),
    ("game text building", r"TextGame|TextSegmenter|TextSegmentation|TextUnit|TextPieces"),
    ("estimator", r"\$s7Shapley"),
    ("policy forward/backward + PPO", r"GRUWordPolicy|ContextWindowPolicy|LinearActionPolicy|3PPOO|4AdamV|BLASO"
                                      r"|ValueBaseline|rollout|SetPolicy|WordSequence|ActionDistribution"),
    ("environment steps", r"Environment|ActionTask|SetGames|SetUtility|SentenceBank"),
    ("credit scheme glue (Learning)", r"CreditScheme|CreditAssignment|GeneratedResponse"),
]
SETUP = re.compile(r"21SentimentRLExperimentV13configuration|18ReferencePolicyFit|ActionTaskExperimentV.*fC"
                   r"|7loadCommitted|8standard|9BBCCorpus|13IFEvalDataset")
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


SETUP_NAME = "setup (data, pi_ref fit)"


def category(stack):
    if any(SETUP.search(frame) for frame in stack):
        return SETUP_NAME
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
        setup = counts.get(SETUP_NAME, 0)
        print(f"{path}: {total} samples, {total - setup} outside setup")
        print(f"  {'process':>8s} {'loop':>8s}  category")
        for name, count in sorted(counts.items(), key=lambda item: -item[1]):
            loop = "" if name == SETUP_NAME else f"{100.0 * count / max(total - setup, 1):7.1f}%"
            print(f"  {100.0 * count / total:7.1f}% {loop:>8s}  {name}")


if __name__ == "__main__":
    main()
