#!/usr/bin/env bash
# Runs an outside reference and Caravan alternately (reference, Caravan, reference, ...), whole processes under
# /usr/bin/time, and prints every run with the machine's load, then the medians and the Caravan / reference ratios of
# CPU time (user + system), wall time and peak RSS. When a command prints a line "RESULT <name> key value ...", its
# numeric fields (e.g. median_query_s) are compared too. Nothing here builds a reference: give the command of one
# built elsewhere.
# Usage: bench/reference-pairs.sh [-n pairs] [-l label] "<reference command>" "<caravan command>"
# Example: bench/reference-pairs.sh -n 5 -l dijkstra-1m "/tmp/rkref/dimacs_ref dijkstra /tmp/grid1m.gr 10 1" \
#          "bench/Caravan.RoutingBench/bin/Release/net10.0/Caravan.RoutingBench dijkstra --gr /tmp/grid1m.gr --sources 10"
set -euo pipefail
pairs=3
label=run
while getopts "n:l:" o; do
  case "$o" in
    n) pairs="$OPTARG" ;;
    l) label="$OPTARG" ;;
    *) echo "usage: $0 [-n pairs] [-l label] \"<reference command>\" \"<caravan command>\"" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-n pairs] [-l label] \"<reference command>\" \"<caravan command>\"" >&2; exit 2; }
reference="$1"
caravan="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # who, command
  local who="$1" cmd="$2" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "TIME %e %U %S %M" -o "$work/time" bash -c "$cmd" >"$work/out" 2>"$work/err" || { echo "$who failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
  read -r _ wall user sys rss <"$work/time"
  local result
  result=$(grep -h '^RESULT' "$work/out" "$work/err" | tail -1 | cut -d' ' -f3- || true)
  echo "$label $who load $load wall $wall cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u+s}') rss_mib $(awk -v m="$rss" 'BEGIN{printf "%.1f", m/1024}') $result" | tee -a "$work/runs"
}
echo "# $label: $pairs pairs, $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "# reference: $reference"
echo "# caravan:   $caravan"
for _ in $(seq 1 "$pairs"); do
  run reference "$reference"
  run caravan "$caravan"
done
python3 - "$work/runs" "$label" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
label = sys.argv[2]
def fields(row):
    d = {}
    for k, v in zip(row[2::2], row[3::2]):
        try:
            d[k] = float(v)
        except ValueError:
            pass
    return d
runs = {"reference": [], "caravan": []}
for r in rows:
    runs[r[1]].append(fields(r))
keys = [k for k in runs["caravan"][0] if k != "load" and all(k in x for x in runs["reference"] + runs["caravan"])]
loads = [x["load"] for x in runs["reference"] + runs["caravan"]]
print(f"{label}: load {min(loads):.1f}-{max(loads):.1f}; medians reference / caravan / ratio (caravan / reference)")
for k in keys:
    ref = statistics.median(x[k] for x in runs["reference"])
    car = statistics.median(x[k] for x in runs["caravan"])
    ratio = car / ref if ref else float("nan")
    print(f"  {k:>16}: {ref:10.4f} {car:10.4f} {ratio:6.2f}")
PY
