#!/usr/bin/env bash
# Benchmark entry point: bench/run.sh [scenario ...]   (all scenarios by default; see bench/README.md)
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${BENCH_DURATION:=20s}" "${BENCH_CONNECTIONS:=64}" "${BENCH_THREADS:=2}" "${BENCH_WARMUP:=10s}"
BENCH_RESULTS="$BENCH_OUT/results.txt"

SCENARIOS=()
register_scenario() { SCENARIOS+=("$1"); }
for f in "$BENCH_DIR"/scenarios/*.sh; do
  # shellcheck source=/dev/null
  source "$f"
done

case ${1:-} in
  -h | --help)
    echo "usage: bench/run.sh [scenario ...]   scenarios: ${SCENARIOS[*]}"
    exit 0
    ;;
  -l | --list)
    printf '%s\n' "${SCENARIOS[@]}"
    exit 0
    ;;
esac
selected=("$@")
[ $# -gt 0 ] || selected=("${SCENARIOS[@]}")
for name in "${selected[@]}"; do
  declare -F "scenario_$name" >/dev/null || die "unknown scenario '$name' (known: ${SCENARIOS[*]})"
done

SCENARIO_PID=""
cleanup() {
  [ -z "$SCENARIO_PID" ] || kill -TERM -- "-$SCENARIO_PID" 2>/dev/null || true
  stop_api
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pick_jdk
ensure_wrk
mkdir -p "$BENCH_OUT"
: >"$BENCH_RESULTS"

commit=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null) || commit=none
[ -z "$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit-dirty"
echo "== benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine:  $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$(awk '/^MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "jdk:      $("$JAVA_BIN" -version 2>&1 | head -n 1)"
echo "commit:   $commit"
echo "wrk:      $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), threads=$BENCH_THREADS" \
  "connections=$BENCH_CONNECTIONS duration=$BENCH_DURATION warmup=$BENCH_WARMUP"
echo "scenarios: ${selected[*]}"

start_api

for name in "${selected[@]}"; do
  log "scenario $name"
  # In its own process group (set -m), so that Ctrl-C reaches only this shell, whose `wait` returns
  # at once; cleanup then stops the scenario's wrk and the API. Being a subshell outside any `if`
  # also keeps set -e in force inside the scenario function.
  set -m
  (set -e; "scenario_$name") </dev/null &
  SCENARIO_PID=$!
  set +m
  rc=0
  wait "$SCENARIO_PID" || rc=$?
  SCENARIO_PID=""
  [ "$rc" -eq 0 ] || echo "scenario=$name status=failed" >>"$BENCH_RESULTS"
done

echo
echo "== summary (latencies in ms; results also in $BENCH_RESULTS)"
# Exit status 1 when a scenario failed or had socket errors / error statuses.
awk '
  BEGIN { printf "%-20s %12s %9s %9s %8s %8s  %s\n", "scenario", "req/s", "p50", "p99", "errors", "non2xx", "result" }
  {
    split("", f)
    for (i = 1; i <= NF; i++) { eq = index($i, "="); f[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
    ok = !("status" in f) && f["errors"] == 0 && f["non2xx"] == 0
    if (!ok) bad = 1
    printf "%-20s %12s %9s %9s %8s %8s  %s\n", f["scenario"], v("rps"), v("p50_ms"), v("p99_ms"),
      v("errors"), v("non2xx"), ok ? "ok" : "FAIL"
  }
  function v(k) { return (k in f) ? f[k] : "-" }
  END { exit bad }
' "$BENCH_RESULTS"
