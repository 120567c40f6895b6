#!/usr/bin/env python3
"""Check of `compare --reward-model URL` under a fault: the reward server killed mid-run, then `--resume`.

With real processes on loopback:
1. `creditbench serve-reward --task sentiment --model vader` on a free port; an uninterrupted
   `compare --suite tasks --reward-model URL` (small plan, 4 sentiment games) into run A.
2. The same comparison into run B; as soon as its records.csv holds the
   first finished instance, the server is killed (SIGKILL). The comparison must exit non-zero with
   one line naming the URL, and keep the finished instances' rows.
3. The server restarted on the same port; `compare ... --resume` into B must finish, run only the
   instances not kept (it says how many it kept), leave the kept rows byte for byte as they were
   (their `seconds` cells too: a recomputed run could not reproduce its wall time), and end with
   records.csv and summary.csv equal to run A's once the timing columns are removed. It must also
   send the server fewer texts than run A did (both ask for every game's 2^n coalitions for the
   exact truth; the resume asks for the kept instances' estimator runs no more). No `--cache`
   here: the truth's texts would fill it with every coalition before the estimators run, so the
   server would not be asked again and its death would go unnoticed.
Every server is stopped in every case, failures included.

Usage: python3 benchmarks/peers/http_compare_resume_parity.py     (exits 1 on any failure)
  CREDITBENCH_BIN=path/to/creditbench  use that binary instead of .build/release/creditbench
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

PLAN = ["--suite", "tasks", "--instances", "2", "--repetitions", "3", "--budgets", "2,5",
        "--estimators", "permutation,kernelshap-paired", "--seed", "0", "--jobs", "1"]
TIMING_COLUMNS = {"seconds", "mean_seconds"}


def compare_command(url, output, *extra):
    return [peer_env.creditbench(), "compare", *PLAN, "--reward-model", url, "--output", output, *extra]


def texts_sent(stderr):
    found = re.findall(r"^reward model \S+: (\d+) texts sent$", stderr, re.MULTILINE)
    return int(found[-1]) if found else None


def without_timing(path):
    """The CSV's rows with the timing columns left out."""
    with open(path, newline="") as file:
        rows = list(csv.reader(file))
    keep = [index for index, name in enumerate(rows[0]) if name not in TIMING_COLUMNS]
    return [[row[index] for index in keep] for row in rows]


def data_lines(path):
    with open(path) as file:
        return file.read().splitlines()[1:]


def main():
    failures = 0

    def check(label, ok, detail=""):
        nonlocal failures
        print(f"  {label}: {'ok' if ok else 'FAILED'} {detail}")
        failures += not ok

    serve = [peer_env.creditbench(), "serve-reward", "--task", "sentiment", "--model", "vader"]
    with tempfile.TemporaryDirectory() as folder:
        run_a, run_b = (os.path.join(folder, name) for name in ("a", "b"))
        started = time.monotonic()
        with peer_env.Server(serve + ["--port", "0"]) as server:
            url = server.url
            port = url.rsplit(":", 1)[1].strip("/")
            uninterrupted = subprocess.run(compare_command(url, run_a), capture_output=True, text=True, cwd=peer_env.ROOT)
            check("uninterrupted run", uninterrupted.returncode == 0, uninterrupted.stderr.strip()[-300:] if uninterrupted.returncode else "")
            if uninterrupted.returncode:
                return 1
            sent_a = texts_sent(uninterrupted.stderr)

            records_b = os.path.join(run_b, "records.csv")
            killed = subprocess.Popen(compare_command(url, run_b), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, cwd=peer_env.ROOT)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and killed.poll() is None:
                if os.path.exists(records_b) and len(data_lines(records_b)) > 0:
                    server.process.kill()
                    server.process.wait()
                    break
                time.sleep(0.005)
            _, stderr = killed.communicate(timeout=60)
        last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        check("killed server: non-zero exit", killed.returncode != 0, f"(exit {killed.returncode})")
        check("killed server: one line naming the URL", last.startswith("Error: reward model " + url) and "--resume" in last,
              f"({last[:240]})")
        kept = data_lines(records_b) if os.path.exists(records_b) else []
        kept_instances = sorted({tuple(row[:3]) for row in csv.reader(io.StringIO("\n".join(kept)))})
        all_instances = sorted({tuple(row[:3]) for row in without_timing(os.path.join(run_a, "records.csv"))[1:]})
        check("finished rows kept", 0 < len(kept_instances) < len(all_instances),
              f"({len(kept)} rows of {len(kept_instances)} of {len(all_instances)} instances)")

        with peer_env.Server(serve + ["--port", port]) as server:
            resumed = subprocess.run(compare_command(server.url, run_b, "--resume"),
                                     capture_output=True, text=True, cwd=peer_env.ROOT)
        check("resumed run", resumed.returncode == 0, resumed.stderr.strip()[-300:] if resumed.returncode else "")
        said = re.search(r"resuming: (\d+) of (\d+) instances finished before", resumed.stderr)
        check("resume ran only the unfinished instances",
              said is not None and int(said.group(1)) == len(kept_instances) and int(said.group(2)) == len(all_instances),
              f"({said.group(0) if said else 'no resuming line'})")
        final = data_lines(records_b)
        check("kept rows not recomputed (timing cells too)", final[:len(kept)] == kept, f"({len(kept)} rows)")
        for name in ("records.csv", "summary.csv"):
            same = without_timing(os.path.join(run_a, name)) == without_timing(os.path.join(run_b, name))
            check(f"{name} equals the uninterrupted run's (timing columns excluded)", same)
        sent_b = texts_sent(resumed.stderr)
        check("resume sent fewer texts than the uninterrupted run",
              sent_a is not None and sent_b is not None and sent_b < sent_a, f"({sent_b} against {sent_a})")
        print(f"  {time.monotonic() - started:.1f} s in all")
    print("compare resume check: " + ("ok" if failures == 0 else f"{failures} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
