#!/usr/bin/env bash
# Sweep throughput with 1, 2 and 3 silos on this machine (bench/RESULTS.md, sweep section).
#
#   bench/sweep/run.sh [SPEC]     default data/sweeps/silo-bench.json (96 runs)
#
# Builds the CLI (Release), then times the same sweep: in-process (one silo inside caravan sweep), and on a cluster
# of 1, 2 and 3 `caravan silo` processes with membership in a throwaway PostgreSQL (scripts/lib/postgres.sh). Every
# configuration starts from an empty run store, so all runs are computed; `caravan sweep` prints the runs/s of the
# sweep itself (silo start-up not counted). Also one in-process run with --parallel 1: the cost of one run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
spec=${1:-$root/data/sweeps/silo-bench.json}
dotnet build "$root/src/Caravan.Cli" -c Release -v q >/dev/null
cli="$root/src/Caravan.Cli/bin/Release/net10.0/Caravan.Cli.dll"
work=$(mktemp -d)
chmod 755 "$work" # the PostgreSQL server runs as user postgres and must reach its folder
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$root/scripts/lib/postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
sweep() { # label, extra args…
  local label=$1; shift
  local line
  line=$(dotnet "$cli" sweep "$spec" --db "$work/$label.db" --json "$@" 2>&1 >/dev/null | grep -a "computed .* runs/s" | tail -n 1)
  echo "$label: $line (load: $(cut -d' ' -f1-3 /proc/loadavg))"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
sweep "in-process --parallel 1" --parallel 1
sweep "in-process"
url=$(bash "$root/scripts/lib/postgres.sh" start "$work/pg" --watch $$)
base=$(( 12000 + RANDOM % 20000 ))
for n in 1 2 3; do
  db="sweep$n"
  psql "$url" -qc "CREATE DATABASE $db" >/dev/null
  cluster="${url%/postgres}/$db"
  for i in $(seq 1 "$n"); do
    dotnet "$cli" silo --cluster "$cluster" --port $(( base + 10 * n + i )) 2>"$work/silo$n-$i.log" &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 120); do grep -q "joined cluster" "$work/silo$n-$i.log" && break; sleep 1; done
  done
  sweep "$n silo(s)" --cluster "$cluster"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
done
