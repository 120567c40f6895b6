#!/usr/bin/env python3
"""Parity check: the Swift VADER port against vaderSentiment 3.3.2.

Scores every text of the four Hutto & Gilbert ground-truth files in tasks/sentiment/ with
both `creditbench score sentiment --model vader` and vaderSentiment 3.3.2's
SentimentIntensityAnalyzer.polarity_scores, and compares compound, neg, neu and pos on every
line (|difference| <= 1e-9). Also prints, per file, the Pearson correlation between VADER's
compound score (the Swift outputs) and the mean human rating.

Reading the files (identically for both sides): the bytes are split on b"\\n", one trailing
b"\\r" is dropped, each line is split on the first two tabs into id, mean rating, text, and the
text is decoded as UTF-8 with errors="replace". The Swift CLI receives the decoded texts
re-encoded as UTF-8, one per line, so both implementations see the same code points.

Usage: python3 benchmarks/peers/vader_parity.py     (from anywhere; exits 1 on any mismatch)
  CREDITBENCH_BIN=path/to/creditbench  use that binary instead of .build/release/creditbench
  (built with `swift build -c release --scratch-path .build` when absent).

Exactness note: the port sums word valences left to right, as Python <= 3.11's sum() does;
Python 3.12+ sums floats with Neumaier compensation, which can move the last bits of a sum
(the 1e-9 tolerance absorbs that except at a rounding boundary of round(x, 4)).

The expected values in Tests/TasksTests/VaderTests.swift come from
`python3 benchmarks/peers/vader_parity.py --print-test-cases`.
"""
import math
import os
import subprocess
import sys
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

ROOT = str(peer_env.ROOT)
REQUIREMENT = "vaderSentiment==3.3.2"
FILES = ["tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
         "amazonReviewSnippets_GroundTruth.txt", "nytEditorialSnippets_GroundTruth.txt"]
KEYS = ["compound", "neg", "neu", "pos"]
TOLERANCE = 1e-9

# Sentences for the Swift unit tests (VaderTests.swift); --print-test-cases prints their scores.
TEST_CASES = [
    "",
    "The book was good.",
    "The book was not good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is very smart, handsome, and funny.",
    "The book was kind of good.",
    "With VADER, sentiment analysis is the shit!",
    "VADER is smart, handsome, and funny!!!",
    "Is it good??",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001F498 and \U0001F48B and \U0001F601",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "At least it isn't a horrible book.",
    "No problem at all, no bad news.",
    "It isn't bad but it isn't great but it's fine.",
    "The best but lts",
    "Sentiment analysis has never been this good!",
    "Without a doubt, an excellent idea.",
    "It is \u212aind of good.",
    "See you \u037e) or ;)",
]


def read_ground_truth(path):
    """(id, mean rating, text) per line, read as the module docstring says."""
    rows = []
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if line.endswith(b"\r"):
            line = line[:-1]
        fields = line.split(b"\t", 2)
        if len(fields) != 3:
            sys.exit(f"{path}:{number}: expected id<TAB>rating<TAB>text")
        rows.append((fields[0].decode("ascii"), float(fields[1]), fields[2].decode("utf-8", errors="replace")))
    return rows


def swift_scores(binary, texts):
    for text in texts:
        if "\n" in text or text.endswith("\r"):
            sys.exit(f"text cannot travel as one line: {text!r}")
    feed = "".join(text + "\n" for text in texts).encode("utf-8")
    result = subprocess.run([binary, "score", "sentiment", "--model", "vader"], input=feed,
                            capture_output=True, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"creditbench failed: {result.stderr.decode(errors='replace').strip()}")
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    if len(out) != len(texts):
        sys.exit(f"creditbench wrote {len(out)} lines for {len(texts)} texts")
    return out


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def print_test_cases():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    for text in TEST_CASES:
        s = analyzer.polarity_scores(text)
        print(f"({json.dumps(text, ensure_ascii=False)}, compound: {s['compound']!r}, neg: {s['neg']!r}, "
              f"neu: {s['neu']!r}, pos: {s['pos']!r}),")


def main():
    peer_env.ensure([REQUIREMENT])
    if "--print-test-cases" in sys.argv:
        print_test_cases()
        return
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    binary = peer_env.creditbench()
    print(f"python {sys.version.split()[0]}, vaderSentiment 3.3.2, creditbench {binary}")
    total_lines = 0
    total_mismatches = 0
    for name in FILES:
        rows = read_ground_truth(os.path.join(ROOT, "tasks", "sentiment", name))
        texts = [text for _, _, text in rows]
        swift = swift_scores(binary, texts)
        mismatches = []
        identical = 0
        for (row_id, _, text), got in zip(rows, swift):
            want = analyzer.polarity_scores(text)
            identical += all(repr(float(got[key])) == repr(want[key]) for key in KEYS)
            if any(abs(got[key] - want[key]) > TOLERANCE for key in KEYS):
                mismatches.append((row_id, text, want, got))
        r = pearson([s["compound"] for s in swift], [rating for _, rating, _ in rows])
        print(f"{name}: {len(rows)} lines, {len(mismatches)} mismatches, {identical} bit-identical, "
              f"Pearson r(VADER compound, human mean) = {r:.4f}")
        for row_id, text, want, got in mismatches[:5]:
            print(f"  id {row_id}: {text!r}\n    python {want}\n    swift  {got}")
        total_lines += len(rows)
        total_mismatches += len(mismatches)
    verdict = "PASS" if total_mismatches == 0 else "FAIL"
    print(f"vader parity {verdict}: {total_lines} lines, {total_mismatches} mismatches "
          f"(compound, neg, neu, pos within {TOLERANCE})")
    sys.exit(0 if total_mismatches == 0 else 1)


if __name__ == "__main__":
    main()
