#!/usr/bin/env bash
# Callgrind profile of one `creditbench train` run's PPO loop, setup excluded.
#
# Usage: benchmarks/profile/callgrind_train.sh BIN OUT.callgrind TRAIN-ARGS...
# The run starts under valgrind with instrumentation off (the pi_ref fit of sentiment runs at
# valgrind's uninstrumented speed); when the progress line of PPO step 1 appears on standard
# error, `callgrind_control -i on` turns it on, so the profile counts steps 2..N: rollouts,
# credit (reward model, games, estimator), PPO updates. Instruction counts (Ir) do not depend
# on machine load. Summarise with benchmarks/profile/shares.py OUT.callgrind.
set -euo pipefail
bin=$1; out=$2; shift 2
log=$(mktemp)
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" "$bin" train "$@" \
  >/dev/null 2>"$log" &
pid=$!
until tr '\r' '\n' <"$log" | grep -q 'PPO steps 1/'; do
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
callgrind_control -i on "$pid" >/dev/null
wait "$pid"
rm -f "$log"
