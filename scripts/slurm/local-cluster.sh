#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, for the sharding tests.
#
#   scripts/slurm/local-cluster.sh start   install slurm-wlm and munge if missing (apt-get, as root),
#                                          write a one-node configuration naming this host and its
#                                          CPUs, start munged, slurmctld and slurmd, wait until the
#                                          node is idle, and print the SLURM_CONF to export
#   scripts/slurm/local-cluster.sh stop    stop the daemons this script started, by their process ids
#
# Everything lives under $CREDITBENCH_SLURM_DIR (default /tmp/creditbench-slurm): the configuration,
# state, logs and pid files. Nothing under /etc/slurm is changed; clients find the cluster through
# SLURM_CONF=$CREDITBENCH_SLURM_DIR/slurm.conf. Needs root (the daemons run as root).
set -euo pipefail
dir=${CREDITBENCH_SLURM_DIR:-/tmp/creditbench-slurm}
conf=$dir/slurm.conf

say() { echo "local-cluster: $*" >&2; }

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null; then return; fi
  say "installing slurm-wlm and munge"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurm-wlm munge >/dev/null
}

write_configuration() {
  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
  mkdir -p "$dir/ctld" "$dir/d"
  cat >"$conf" <<CONF
ClusterName=creditbench
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  install_packages
  if [ -f "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
    say "already running (SLURM_CONF=$conf)"; echo "$conf"; return
  fi
  write_configuration
  mkdir -p /run/munge
  if ! pgrep -x munged >/dev/null; then
    [ -f /etc/munge/munge.key ] || mungekey --create >/dev/null 2>&1 || /usr/sbin/create-munge-key -f >/dev/null
    munged --force --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed"
  fi
  SLURM_CONF=$conf slurmctld
  SLURM_CONF=$conf slurmd
  for _ in $(seq 1 60); do
    state=$(SLURM_CONF=$conf sinfo -h -o %T 2>/dev/null | head -n 1 || true)
    if [ "$state" = idle ]; then say "node $(hostname -s) is idle (SLURM_CONF=$conf)"; echo "$conf"; return; fi
    sleep 1
  done
  say "the node did not become idle within 60 s; logs: $dir/slurmctld.log, $dir/slurmd.log"
  stop
  exit 1
}

stop() {
  for daemon in slurmd slurmctld munged; do
    pidfile=$dir/$daemon.pid
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
