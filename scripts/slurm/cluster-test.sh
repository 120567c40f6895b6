#!/usr/bin/env bash
# The sharding test on a real one-node Slurm cluster (`make cluster-test`, run by `make test`):
# brings the cluster up (local-cluster.sh), runs the quick reproduction (the estimator comparison,
# every learning run and every claim) once in one process and once as a job array of 4 shards plus
# the finishing job through sbatch (submit.sh), and checks that the result files are identical
# (timing columns and the C7a timing measurements excluded). Then the fault paths: a comparison
# shard killed with SIGKILL and run again leaves every instance exactly once, and putting together
# a reproduction with a shard missing is refused, naming that shard. The cluster is torn down on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CREDITBENCH_BIN:-$root/.build/release/creditbench}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")  # the jobs run in another folder
work=$(mktemp -d /tmp/creditbench-cluster-test.XXXXXX)
trap '"$root/scripts/slurm/local-cluster.sh" stop; rm -rf "$work"' EXIT

SLURM_CONF=$("$root/scripts/slurm/local-cluster.sh" start)
export SLURM_CONF

start=$(date +%s)
"$bin" reproduce --quick --jobs 1 --output "$work/single" --paper-check "$work/single/paper-check.md" >/dev/null 2>"$work/single.log"
single_seconds=$(( $(date +%s) - start ))

start=$(date +%s)
cd "$work"
read -r array finish < <(CREDITBENCH_BIN=$bin SLURM_LOG_DIR=$work "$root/scripts/slurm/submit.sh" reproduce 4 \
  --quick --output "$work/sharded" --paper-check "$work/sharded/paper-check.md")
for _ in $(seq 1 1800); do
  squeue -h -j "$array,$finish" 2>/dev/null | grep -q . || break
  sleep 1
done
sharded_seconds=$(( $(date +%s) - start ))
if [ ! -f "$work/sharded/paper-check.md" ]; then
  echo "cluster-test: the sharded reproduction wrote no paper-check.md; logs:" >&2
  tail -n 20 "$work"/reproduce-*.out >&2 || true
  exit 1
fi

python3 - "$work/single" "$work/sharded" <<'PY'
import csv, sys
single, sharded = sys.argv[1], sys.argv[2]
def table(path, drop_row=lambda row: False):
    rows = list(csv.reader(open(path)))
    keep = [i for i, name in enumerate(rows[0]) if "second" not in name]
    return [[row[i] for i in keep] for row in rows if not drop_row(row)]
def timing(row):  # C7a's timing measurements vary between any two runs
    return row[0] == "C7a" and any(word in row[2] for word in ("seconds", "doublings", "slope"))
for name, drop in [("estimators/records.csv", None), ("estimators/summary.csv", None), ("claims/claims.csv", None),
                   ("claims/claim_samples.csv", None), ("claims/claim_numbers.csv", timing)]:
    a = table(f"{single}/{name}", drop or (lambda row: False))
    b = table(f"{sharded}/{name}", drop or (lambda row: False))
    if a != b:
        sys.exit(f"cluster-test: {name} differs between the single-process and the sharded reproduction")
    print(f"cluster-test: {name} identical ({len(a) - 1} rows; timings excluded)")
PY

# Fault 1: kill comparison shard 1 of 4 with SIGKILL once it has written part of its file, run it
# again, and check every instance of its share is there exactly once.
"$bin" compare --quick --jobs 1 --output "$work/fault" --shard 1/4 >/dev/null 2>&1 &
victim=$!
shard_file=$work/fault/shards/shard-1-of-4.jsonl
for _ in $(seq 1 300); do
  [ -s "$shard_file" ] && break
  sleep 0.1
done
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
before=$(grep -c . "$shard_file" || true)
"$bin" compare --quick --jobs 1 --output "$work/fault" --shard 1/4 >/dev/null 2>&1
python3 - "$shard_file" "$work/sharded/estimators/shards/shard-1-of-4.jsonl" "$before" <<'PY'
import json, sys
def instances(path):
    return [json.loads(line)["instance"] for line in open(path) if line.endswith("\n")]
resumed, clean = instances(sys.argv[1]), instances(sys.argv[2])
if sorted(resumed) != sorted(clean) or len(set(resumed)) != len(resumed):
    sys.exit(f"cluster-test: after SIGKILL and a rerun shard 1 holds {resumed}, expected each of {clean} once")
print(f"cluster-test: comparison shard 1 killed after {sys.argv[3]} instance(s), resumed to {len(resumed)}: none lost, none twice")
PY

# Fault 2: a reproduction whose shard 0 never ran is not put together; the error names shard 0.
small=(--quick --seeds 2 --skip-estimators --scar-tasks summarization --output "$work/missing" --paper-check "$work/missing/paper-check.md")
"$bin" reproduce "${small[@]}" --shard 1/2 >/dev/null 2>&1
if "$bin" reproduce "${small[@]}" --merge-shards 2 >/dev/null 2>"$work/missing.log"; then
  echo "cluster-test: a reproduction with shard 0 missing was put together" >&2
  exit 1
fi
grep -q "rerun shards 0 with --shard I/2" "$work/missing.log" || { echo "cluster-test: the merge error does not name shard 0:" >&2; cat "$work/missing.log" >&2; exit 1; }
echo "cluster-test: a reproduction with shard 0 missing is refused: $(tail -n 1 "$work/missing.log")"

echo "cluster-test: quick reproduction in one process ${single_seconds} s, as 4 shards + finishing job through Slurm ${sharded_seconds} s"
