#!/usr/bin/env bash
# Submits a sharded `creditbench compare` to Slurm: a job array of SHARDS tasks and a finishing job
# that depends on it (afterany). Prints the two job ids.
#
#   scripts/slurm/submit.sh SHARDS [compare options...]
#   e.g. CREDITBENCH_BIN=$PWD/.build/release/creditbench scripts/slurm/submit.sh 16 --output results/estimators
#
# Extra sbatch options (partition, account, time) go in SBATCH_OPTIONS, e.g. "--partition=cpu --time=1:00:00".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: submit.sh SHARDS [compare options...]}
shift
: "${CREDITBENCH_BIN:?set CREDITBENCH_BIN to the creditbench binary (an absolute path every node can read)}"
export CREDITBENCH_BIN SHARDS=$shards CREDITBENCH_ARGS="$*" CREDITBENCH_SLURM_SCRIPTS=$here
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array="0-$((shards - 1))" --export=ALL \
  --output="${SLURM_LOG_DIR:-.}/compare-%A_%a.out" "$here/compare-array.sbatch")
# shellcheck disable=SC2086
finish=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency="afterany:$array" --export=ALL \
  --output="${SLURM_LOG_DIR:-.}/compare-finish-%j.out" "$here/compare-finish.sbatch")
echo "$array $finish"
