#!/usr/bin/env bash
# Submits a sharded `creditbench compare` or `creditbench reproduce` to Slurm: a job array of
# SHARDS tasks and a finishing job that depends on it (afterany). Prints the two job ids.
#
#   scripts/slurm/submit.sh compare|reproduce SHARDS [command options...]
#   e.g. CREDITBENCH_BIN=$PWD/.build/release/creditbench scripts/slurm/submit.sh reproduce 32 --full --output results
#
# Extra sbatch options (partition, account, time) go in SBATCH_OPTIONS, e.g. "--partition=cpu --time=2:00:00";
# logs go to SLURM_LOG_DIR (default: the current folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command=${1:?usage: submit.sh compare|reproduce SHARDS [options...]}
shards=${2:?usage: submit.sh compare|reproduce SHARDS [options...]}
shift 2
case "$command" in compare|reproduce) ;; *) echo "submit.sh: the command must be compare or reproduce, got '$command'" >&2; exit 2 ;; esac
: "${CREDITBENCH_BIN:?set CREDITBENCH_BIN to the creditbench binary (a path every node can read)}"
CREDITBENCH_BIN=$(cd "$(dirname "$CREDITBENCH_BIN")" && pwd)/$(basename "$CREDITBENCH_BIN")  # jobs start in other folders
export CREDITBENCH_BIN CREDITBENCH_COMMAND=$command SHARDS=$shards CREDITBENCH_ARGS="$*" CREDITBENCH_SLURM_SCRIPTS=$here
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array="0-$((shards - 1))" --export=ALL \
  --output="${SLURM_LOG_DIR:-.}/$command-%A_%a.out" "$here/shard-array.sbatch")
# shellcheck disable=SC2086
finish=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency="afterany:$array" --export=ALL \
  --output="${SLURM_LOG_DIR:-.}/$command-finish-%j.out" "$here/shard-finish.sbatch")
echo "$array $finish"
