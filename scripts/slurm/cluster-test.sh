#!/usr/bin/env bash
# The sharding test on a real one-node Slurm cluster (`make cluster-test`, run by `make test`):
# brings the cluster up (local-cluster.sh), runs a reduced comparison plan (every estimator on the
# quick board's synthetic and task games) once in one process and once as a job array
# of 4 shards plus the finishing job through sbatch, and checks that the result files are
# byte-identical (timing columns and run.json excluded). Then the fault path: a shard killed with
# SIGKILL mid-run and run again leaves every instance exactly once. The cluster is torn down on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CREDITBENCH_BIN:-$root/.build/release/creditbench}
work=$(mktemp -d /tmp/creditbench-cluster-test.XXXXXX)
plan=(--quick)
trap '"$root/scripts/slurm/local-cluster.sh" stop; rm -rf "$work"' EXIT

SLURM_CONF=$("$root/scripts/slurm/local-cluster.sh" start)
export SLURM_CONF

start=$(date +%s)
"$bin" compare "${plan[@]}" --jobs 1 --output "$work/single" >/dev/null 2>"$work/single.log"
single_seconds=$(( $(date +%s) - start ))

start=$(date +%s)
cd "$work"
read -r array finish < <(CREDITBENCH_BIN=$bin SLURM_LOG_DIR=$work "$root/scripts/slurm/submit.sh" 4 "${plan[@]}" --output "$work/sharded")
for _ in $(seq 1 600); do
  squeue -h -j "$array,$finish" 2>/dev/null | grep -q . || break
  sleep 1
done
sharded_seconds=$(( $(date +%s) - start ))
if [ ! -f "$work/sharded/summary.csv" ]; then
  echo "cluster-test: the sharded run wrote no summary; finishing job log:" >&2
  cat "$work"/compare-finish-*.out >&2 || true
  exit 1
fi

python3 - "$work/single" "$work/sharded" <<'PY'
import csv, sys
def table(path):
    rows = list(csv.reader(open(path)))
    keep = [i for i, name in enumerate(rows[0]) if "second" not in name]
    return [[row[i] for i in keep] for row in rows]
single, sharded = sys.argv[1], sys.argv[2]
for name in ["records.csv", "summary.csv"]:
    a, b = table(f"{single}/{name}"), table(f"{sharded}/{name}")
    if a != b:
        sys.exit(f"cluster-test: {name} differs between the single-process and the sharded run")
    print(f"cluster-test: {name} identical ({len(a) - 1} rows, timing columns excluded)")
PY

# Fault: kill shard 1 of 4 with SIGKILL once it has written part of its file, run it again, and
# check every instance of its share is there exactly once.
"$bin" compare "${plan[@]}" --jobs 1 --output "$work/fault" --shard 1/4 >/dev/null 2>&1 &
victim=$!
shard_file=$work/fault/shards/shard-1-of-4.jsonl
for _ in $(seq 1 300); do
  [ -s "$shard_file" ] && break
  sleep 0.1
done
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
before=$(grep -c . "$shard_file" || true)
"$bin" compare "${plan[@]}" --jobs 1 --output "$work/fault" --shard 1/4 >/dev/null 2>&1
python3 - "$shard_file" "$work/sharded/shards/shard-1-of-4.jsonl" "$before" <<'PY'
import json, sys
def instances(path):
    return [json.loads(line)["instance"] for line in open(path) if line.endswith("\n")]
resumed, clean = instances(sys.argv[1]), instances(sys.argv[2])
if sorted(resumed) != sorted(clean) or len(set(resumed)) != len(resumed):
    sys.exit(f"cluster-test: after SIGKILL and a rerun shard 1 holds {resumed}, expected each of {clean} once")
print(f"cluster-test: shard 1 killed after {sys.argv[3]} instance(s), resumed to {len(resumed)}: none lost, none twice")
PY
echo "cluster-test: single process ${single_seconds} s, 4 shards through Slurm ${sharded_seconds} s"
