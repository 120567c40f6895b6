#!/usr/bin/env python3
"""Parity check: Shapley values through an HTTP reward model equal the in-process VADER game's.

Starts two reward servers on free loopback ports, examples/vader_reward_server.py (Python,
vaderSentiment 3.3.2) and `creditbench serve-reward --task sentiment --model vader`, and runs
`creditbench explain --task sentiment --format json` on a few texts with the built-in VADER and
with `--reward-model URL` for each server: exact values (all 2^n coalitions sent in one
prefetch, in batches) and permutation sampling (one ordering's coalitions per prefetch) must
agree within 1e-12, with the same number of value calls; likewise ROUGE-1 summarization through
`serve-reward --task summarization --model rouge1` (the reference travels with each batch). Also checks that `--cache DIR` makes
a second run send no text, and that a server that is down gives a one-line error naming the
URL. The servers are stopped in every case, failures included.

Usage: python3 benchmarks/peers/http_reward_parity.py     (exits 1 on any mismatch)
  CREDITBENCH_BIN=path/to/creditbench  use that binary instead of .build/release/creditbench
"""
import json
import os
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

TOLERANCE = 1e-12
TEXTS = [
    ("The movie was not good, but the acting was great!", "tokens"),
    ("The plot was dull, though the cast is VERY SMART and FUNNY!", "tokens"),
    ("I hated the first hour. Then it got better, and the ending made me cry :) Would watch again!", "spans"),
]


def explain(text, units, extra):
    return json.loads(peer_env.run_creditbench(
        ["explain", "--task", "sentiment", "--text", text, "--units", units, "--format", "json", *extra]))


def compare(label, reference, remote):
    difference = max(abs(a - b) for a, b in zip(reference["credits"], remote["credits"]))
    same_calls = reference["calls"] == remote["calls"]
    ok = difference <= TOLERANCE and same_calls and len(reference["credits"]) == len(remote["credits"])
    print(f"  {label}: {len(remote['credits'])} units, max |difference| = {difference:.3g}, "
          f"calls {remote['calls']} (in-process {reference['calls']}), texts sent {remote.get('texts_sent')}"
          f"{'' if ok else '  MISMATCH'}")
    return ok


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    peer_env.ensure(["vaderSentiment==3.3.2"])
    failures = 0
    python_server = [sys.executable, "examples/vader_reward_server.py", "--port", "0"]
    swift_server = [peer_env.creditbench(), "serve-reward", "--task", "sentiment", "--model", "vader", "--port", "0"]
    with peer_env.Server(python_server) as python, peer_env.Server(swift_server) as swift:
        for text, units in TEXTS:
            print(f"{text!r} ({units})")
            for estimator in (["--estimator", "exact"], ["--estimator", "permutation", "--budget", "200", "--seed", "7"]):
                reference = explain(text, units, estimator)
                for name, server in (("vaderSentiment 3.3.2 server", python), ("creditbench serve-reward", swift)):
                    remote = explain(text, units, [*estimator, "--reward-model", server.url, "--batch-size", "32"])
                    failures += not compare(f"{estimator[1]} via {name}", reference, remote)
        with tempfile.TemporaryDirectory() as cache:
            text, units = TEXTS[0]
            arguments = ["--reward-model", python.url, "--cache", cache]
            first, second = explain(text, units, arguments), explain(text, units, arguments)
            cached = first["texts_sent"] > 0 and second["texts_sent"] == 0 and first["credits"] == second["credits"]
            print(f"--cache: first run sent {first['texts_sent']} texts, second {second['texts_sent']}{'' if cached else '  MISMATCH'}")
            failures += not cached
    summary = ["--task", "summarization", "--text", "The cat sat on the red mat. Dogs bark.",
               "--reference", "A cat sat on a red mat.", "--units", "tokens"]
    with peer_env.Server([peer_env.creditbench(), "serve-reward", "--task", "summarization", "--model", "rouge1", "--port", "0"]) as rouge:
        print("summarization, rouge1 (the reference sent with each batch)")
        reference = json.loads(peer_env.run_creditbench(["explain", *summary, "--format", "json"]))
        remote = json.loads(peer_env.run_creditbench(["explain", *summary, "--format", "json", "--reward-model", rouge.url]))
        failures += not compare("exact via creditbench serve-reward", reference, remote)
    down = f"http://127.0.0.1:{free_port()}/"
    result = subprocess.run(
        [peer_env.creditbench(), "explain", "--task", "sentiment", "--text", TEXTS[0][0], "--reward-model", down,
         "--retries", "1", "--timeout", "5"], capture_output=True, text=True, cwd=peer_env.ROOT, timeout=60)
    message = result.stderr.strip()
    clear = result.returncode != 0 and len(message.splitlines()) == 1 and down in message and "not reachable" in message
    print(f"server down: exit {result.returncode}, {message!r}{'' if clear else '  UNCLEAR'}")
    failures += not clear
    print("http reward parity: " + ("ok" if failures == 0 else f"{failures} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
