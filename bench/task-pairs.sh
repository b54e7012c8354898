#!/usr/bin/env bash
# TAsK (Perederieieva et al.'s traffic-assignment framework: TAPAS, its Algorithm B) against Caravan's Algorithm B
# on TNTP networks at two gaps, alternating whole processes (bench/reference-pairs.sh), then each solver's answer
# checked: the Beckmann objective and relative gap of its link flows, recomputed the same way for both.
# TAsK is not built here: build it elsewhere and give its `ta` binary. Its network reader stops at a
# <ORIGINAL HEADER> metadata line, so this script hands it copies of the _net files without that line (the rows are
# unchanged). TAsK has no distance cost, so ChicagoSketch is solved by both with --distance-factor 0 (a different
# problem from the one the folder's README states; its best-known flows do not apply).
# Usage: bench/task-pairs.sh TA_BINARY TNTP_DIR "<caravan command>" [pairs] [algorithm] network...
#   algorithm: TAPAS (default) or Bstep (TAsK's Algorithm B with a quadratic step)
# Example: bench/task-pairs.sh /tmp/refs/TAsK/src/ta ../shared/tntp "dotnet src/Caravan.Cli/bin/Release/net10.0/Caravan.Cli.dll" 3 TAPAS Barcelona Winnipeg
set -euo pipefail
[ $# -ge 6 ] || { echo "usage: $0 TA_BINARY TNTP_DIR \"<caravan command>\" pairs algorithm network..." >&2; exit 2; }
ta=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tntp=$(cd "$2" && pwd)
caravan="$3"
pairs="$4"
algorithm="$5"
shift 5
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for network in "$@"; do
  grep -v '<ORIGINAL HEADER>' "$tntp/$network/${network}_net.tntp" >"$work/${network}_net.tntp"
  cp "$tntp/$network/${network}_trips.tntp" "$work/"
  df=""
  [ "$network" = ChicagoSketch ] && df="--distance-factor 0"
  for g in 6 8; do
    params="$work/${network}_$g.params"
    {
      echo "<NETWORK>: {$work/${network}_net.tntp}"
      echo "<OD_MATRIX>: {$work/${network}_trips.tntp}"
      for f in WRITE_RND_TOLLS_TO_FILE RND_TOLLS_PROBABILITY RND_TOLLS_MAX_TOLL INDIFF_CURVE_TYPE INDIFF_CURVE \
               MAX_NB_POINTS_PER_CURVE MAX_TOLL MAX_TIME NODES UseP2PShPathWithRandomReturn FIXED_PROBABILITY \
               NEWTON_STEPS BIOBJ_SHPATH_P2P BLS_BOUNDS USE_EXISTING_PATHS USE_PATH_COST_DOMINATION SHOW_CONVERGENCE \
               CONVERGENCE PATH_SET LATEX_OUTPUT; do echo "<$f>: {}"; done
      echo "<TIME_LIMIT>: {20000}"; echo "<ShPathAlgo>: {LC}"; echo "<CONV_MEASURE>: {RGAP}"
      echo "<PRECISION>: {1e-$g}"; echo "<ZERO_FLOW>: {1e-15}"; echo "<DIR_TOLERANCE>: {1e-15}"
      echo "<ALGORITHM>: {$algorithm}"; echo "<LINE_SEARCH>: {QUAD_APP}"; echo "<LS_PRECISION>: {1e-15}"
      echo "<ARMIJO_DEC>: {2}"; echo "<EQUILIBRATION>: {EQI}"; echo "<MAX_ITER>: {0}"; echo "<APPROACH>: {APP1}"
      echo "<ALPHA>: {0}"; echo "<SLOPE>: {0.1}"; echo "<ISP_SCALE>: {0.1}"; echo "<MU>: {0.5}"; echo "<V>: {0.25}"
      echo "<LINK_FLOWS>: {$work/${network}_$g.task.flows}"
    } >"$params"
    "$here/reference-pairs.sh" -n "$pairs" -l "$network-1e-$g-$algorithm" \
      "$ta $params" \
      "$caravan assign --tntp $tntp/$network --gap 1e-$g --threads 1 $df --out $work/${network}_$g.caravan.tntp"
    python3 - "$tntp/$network" "$network" "$work/${network}_$g.task.flows" "$work/${network}_$g.caravan.tntp" "${df:+0}" <<'PY'
import heapq, re, sys
folder, name, task_flows, caravan_flows, df = sys.argv[1:6]
net, trips = f"{folder}/{name}_net.tntp", f"{folder}/{name}_trips.tntp"
dist_factor = 0.0
readme = open(f"{folder}/README.md").read() if df == "" else ""
m = re.search(r"Distance:\s*([0-9.]+)\s*minutes/mile", readme)
if m and df == "":
    dist_factor = float(m.group(1))
links, first_thru = [], 1
for line in open(net):
    if "<FIRST THRU NODE>" in line:
        first_thru = int(line.split(">")[1])
    s = line.strip()
    if not s or s[0] in "~<":
        continue
    p = s.replace(";", "").split()
    links.append((int(p[0]), int(p[1]), float(p[2]), float(p[3]), float(p[4]), float(p[5]), float(p[6])))
demand, o = {}, None
for line in open(trips):
    if line.startswith("Origin"):
        o = int(line.split()[1])
        continue
    for d, v in re.findall(r"(\d+)\s*:\s*([0-9.eE+-]+)", line):
        demand.setdefault(o, {})[int(d)] = float(v)
adj = {}
for i, (a, b, *_) in enumerate(links):
    adj.setdefault(a, []).append((b, i))
def read_flows(path):
    flow = {}
    for line in open(path):
        p = line.replace(";", " ").split()
        if len(p) >= 3 and p[0].isdigit() and p[1].isdigit():
            flow[(int(p[0]), int(p[1]))] = float(p[2])
    return flow
def evaluate(flow):
    obj = tstt = 0.0
    cost = []
    for (a, b, c, length, t0, beta, power) in links:
        x = flow.get((a, b), 0.0)
        x = max(x, 0.0)  # a solver may leave -1e-12 on an unused link
        t = t0 * (1 + beta * (x / c) ** power) + dist_factor * length
        cost.append(t)
        tstt += x * t
        obj += t0 * x + (t0 * beta * c / (power + 1) * (x / c) ** (power + 1) if beta else 0.0) + dist_factor * length * x
    sptt = 0.0
    for o, ds in demand.items():
        dist, pq, done = {o: 0.0}, [(0.0, o)], set()
        while pq:
            du, u = heapq.heappop(pq)
            if u in done:
                continue
            done.add(u)
            if u != o and u < first_thru:
                continue
            for v, i in adj.get(u, []):
                nd = du + cost[i]
                if nd < dist.get(v, float("inf")):
                    dist[v] = nd
                    heapq.heappush(pq, (nd, v))
        sptt += sum(v * dist[d] for d, v in ds.items() if v > 0 and d != o)
    return obj, (tstt - sptt) / tstt
for who, path in (("TAsK", task_flows), ("Caravan", caravan_flows)):
    obj, gap = evaluate(read_flows(path))
    print(f"  {who:>16}: objective {obj:.6f}  relative gap {gap:.3e} (recomputed from its link flows)")
PY
  done
done
