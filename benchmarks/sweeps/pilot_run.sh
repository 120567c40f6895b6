# Sourced by the pilot scripts. pilot_run OUT KEY ARGS...: one `creditbench train ARGS... --output
# TMP` run appended to OUT as one JSON line: KEY (a JSON fragment naming the run), its CPU time
# (user + system seconds from bash's `time`, the process's own pi_ref fit included), its wall time,
# then the run's JSON summary. A run whose KEY is already in OUT is skipped (a rerun resumes).
# The binary: $CREDITBENCH_BIN, default .build/release/creditbench.
pilot_run() {
  local out=$1 key=$2 csv times user system wall summary cpu
  shift 2
  mkdir -p "$(dirname "$out")"
  touch "$out"
  grep -qF "$key" "$out" && return 0
  csv=$(mktemp) times=$(mktemp)
  TIMEFORMAT="%U %S %R"
  { time "${CREDITBENCH_BIN:-.build/release/creditbench}" train "$@" --output "$csv" > "$csv.json" 2>/dev/null; } 2> "$times"
  read -r user system wall < "$times"
  summary=$(tr -d '\n' < "$csv.json")
  rm -f "$csv" "$csv.json" "$times"
  cpu=$(echo "$user + $system" | bc)
  echo "{$key,\"cpu_seconds\":$cpu,\"wall_seconds\":$wall,${summary#\{}" >> "$out"
  echo "$(date -u +%T) ${key//\"/} done (cpu $cpu s)" >&2
}
