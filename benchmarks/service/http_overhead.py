#!/usr/bin/env python3
"""Overhead per value call of an HTTP reward model against in-process VADER.

Runs `creditbench explain --task sentiment --units tokens --estimator exact --format json` on a
12-token text (4,096 coalitions, 4,080 distinct texts) with the built-in VADER, then with
`--reward-model` pointed at `creditbench serve-reward --task sentiment --model vader` on loopback
at batch sizes 1, 32 and 256 (4 requests in flight). The overhead per value call is
(seconds through HTTP - seconds in-process) / calls; each configuration is the median of
`REPEATS` runs. Writes results/service/http_overhead.md.
"""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))
import peer_env  # noqa: E402

TEXT = "The movie was not good, but the acting was great!"
REPEATS = 3


def seconds(extra):
    runs = [json.loads(peer_env.run_creditbench(
        ["explain", "--task", "sentiment", "--text", TEXT, "--units", "tokens", "--estimator", "exact", "--format", "json", *extra]))
        for _ in range(REPEATS)]
    return statistics.median(run["seconds"] for run in runs), runs[0]["calls"], runs[0].get("texts_sent")


def main():
    local, calls, _ = seconds([])
    rows = [f"| in-process | {local:.4f} | {calls} | - | - |"]
    server = [peer_env.creditbench(), "serve-reward", "--task", "sentiment", "--model", "vader", "--port", "0"]
    with peer_env.Server(server) as reward_server:
        for batch in (1, 32, 256):
            remote, calls, sent = seconds(["--reward-model", reward_server.url, "--batch-size", str(batch)])
            overhead = (remote - local) / calls * 1e6
            rows.append(f"| HTTP, batch {batch} | {remote:.4f} | {calls} | {sent} | {overhead:.1f} |")
    table = "\n".join(["| reward model | seconds (median of %d) | value calls | texts sent | overhead per value call (µs) |" % REPEATS,
                       "|---|---|---|---|---|", *rows])
    text = f"""# HTTP reward model overhead

`python3 benchmarks/service/http_overhead.py`: exact Shapley values of the {calls}-coalition token
game of "{TEXT}" under VADER, in-process and through `creditbench serve-reward` on 127.0.0.1
(4 requests in flight). Machine: {os.cpu_count()} cores, shared with other work while measured.

{table}
"""
    os.makedirs(peer_env.ROOT / "results" / "service", exist_ok=True)
    (peer_env.ROOT / "results" / "service" / "http_overhead.md").write_text(text)
    print(text)


if __name__ == "__main__":
    sys.exit(main())
