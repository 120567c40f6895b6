#!/usr/bin/env python3
"""Parity check: a learning run through an HTTP reward model equals the in-process one.

Starts `creditbench serve-reward --task summarization --model rouge1 --stemmer` on a free
loopback port and runs `creditbench train --task summarization --scheme scar` (5 PPO steps of 16
episodes) in process (ROUGE-1 F with stemming, the task's reward) and with `--reward-model URL`:
the learning curves (every column but elapsed_seconds), the held-out evaluations and the reward
calls must be identical, and the HTTP run must report the texts it sent. (The sentiment task
takes the same path through `SentimentRLExperiment`; its run costs half a minute of pi_ref
fitting per process, so it is left out here.) The server is stopped in every case.

Usage: python3 benchmarks/peers/http_train_parity.py     (exits 1 on any mismatch)
  CREDITBENCH_BIN=path/to/creditbench  use that binary instead of .build/release/creditbench
"""
import csv
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

RUN = ["train", "--task", "summarization", "--scheme", "scar", "--steps", "5", "--batch", "16", "--seed", "3"]


def curve(path):
    with open(path, newline="") as file:
        return [{key: value for key, value in row.items() if key != "elapsed_seconds"} for row in csv.DictReader(file)]


def main():
    server = [peer_env.creditbench(), "serve-reward", "--task", "summarization", "--model", "rouge1", "--stemmer", "--port", "0"]
    with tempfile.TemporaryDirectory() as folder, peer_env.Server(server) as rouge:
        local_csv, http_csv = os.path.join(folder, "local.csv"), os.path.join(folder, "http.csv")
        local = json.loads(peer_env.run_creditbench([*RUN, "--output", local_csv]))
        remote = json.loads(peer_env.run_creditbench([*RUN, "--output", http_csv, "--reward-model", rouge.url]))
        same_curve = curve(local_csv) == curve(http_csv)
        same_summary = all(local[key] == remote[key] for key in ("reference_evaluation", "final_evaluation", "reward_calls", "final_mean_kl"))
        ok = same_curve and same_summary and remote.get("texts_sent", 0) > 0 and "texts_sent" not in local
        print(f"  summarization scar, 5 steps: curve {'equal' if same_curve else 'DIFFERENT'}, final evaluation "
              f"{remote['final_evaluation']} (in-process {local['final_evaluation']}), reward calls {remote['reward_calls']} "
              f"(in-process {local['reward_calls']}), texts sent {remote.get('texts_sent')}")
    print("train parity check: " + ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
