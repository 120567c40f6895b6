#!/usr/bin/env python3
"""Bounded load test of `creditbench serve` on loopback.

Starts `creditbench serve --port 0`, then CONCURRENCY client threads (this second process) each
POST SCAR credit requests (a 10-word response, spans, exact, VADER) back to back until DURATION
seconds have passed or MAX_REQUESTS requests were sent in all. Reports throughput and p50/p99
latency of the successful requests, and counts failures; writes results/service/load_test.md.
Usage: python3 benchmarks/service/load_test.py [CONCURRENCY] [DURATION]
"""
import json
import os
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))
import peer_env  # noqa: E402

MAX_REQUESTS = 200_000
BODY = json.dumps({"prompt": "Review: ", "response": "The movie was not good, but the acting was great and fun!",
                   "units": "spans", "estimator": "exact", "reward_model": "vader"}).encode()


def main():
    concurrency = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    duration = float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
    latencies, failures, lock = [], [], threading.Lock()
    sent = [0]
    with peer_env.Server([peer_env.creditbench(), "serve", "--port", "0"]) as service:
        deadline = time.monotonic() + duration

        def worker():
            while time.monotonic() < deadline:
                with lock:
                    if sent[0] >= MAX_REQUESTS:
                        return
                    sent[0] += 1
                start = time.monotonic()
                try:
                    request = urllib.request.Request(service.url, data=BODY, headers={"Content-Type": "application/json"})
                    with urllib.request.urlopen(request, timeout=30) as answer:
                        json.load(answer)
                    with lock:
                        latencies.append(time.monotonic() - start)
                except Exception as error:  # counted, never fatal: the point is to see them
                    with lock:
                        failures.append(type(error).__name__)

        began = time.monotonic()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=duration + 60)
        elapsed = time.monotonic() - began
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    text = f"""# Load test of creditbench serve

`python3 benchmarks/service/load_test.py {concurrency} {duration:g}`: {concurrency} concurrent client threads (one Python
process) POST SCAR credit requests (10-word response, spans, exact, VADER) to `creditbench serve` on
127.0.0.1 for {duration:g} s. Machine: {os.cpu_count()} cores shared by client and server (and other work), so
the client (one Python process) takes part of the CPU: the figures bound the server's capacity from below.

| requests answered | failures | seconds | throughput (requests/s) | p50 latency (ms) | p99 latency (ms) |
|---|---|---|---|---|---|
| {len(latencies)} | {len(failures)} | {elapsed:.1f} | {len(latencies) / elapsed:.1f} | {percentile(0.5):.1f} | {percentile(0.99):.1f} |
"""
    if failures:
        text += "\nFailures by kind: " + ", ".join(f"{kind} {failures.count(kind)}" for kind in sorted(set(failures))) + "\n"
    os.makedirs(peer_env.ROOT / "results" / "service", exist_ok=True)
    (peer_env.ROOT / "results" / "service" / "load_test.md").write_text(text)
    print(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
