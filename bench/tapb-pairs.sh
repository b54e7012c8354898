#!/usr/bin/env bash
# tap-b against Caravan's Algorithm B on TNTP networks at two gaps, alternating runs (bench/reference-pairs.sh).
# tap-b is not built here: build it elsewhere with `make serial` (single thread) and give its folder, which must hold
# bin/tap and net/<network>_p6.txt, net/<network>_p8.txt (its parameter files for gaps 1e-6 and 1e-8, naming
# <network>_net.txt and <network>_trips.txt in net/). Caravan reads <tntp>/<network>/ (the same _net and _trips files
# as .tntp, without _flow files, so neither solver sees a best-known solution).
# Usage: bench/tapb-pairs.sh TAPB_DIR TNTP_DIR "<caravan command>" [pairs] network...
# Example: bench/tapb-pairs.sh /tmp/tapb /tmp/bench "dotnet src/Caravan.Cli/bin/Release/net10.0/Caravan.Cli.dll" 3 ChicagoSketch Barcelona
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: $0 TAPB_DIR TNTP_DIR \"<caravan command>\" pairs network..." >&2; exit 2; }
tapb=$(cd "$1" && pwd)
tntp=$(cd "$2" && pwd)
caravan="$3"
pairs="$4"
shift 4
here=$(cd "$(dirname "$0")" && pwd)
for network in "$@"; do
  for g in 6 8; do
    "$here/reference-pairs.sh" -n "$pairs" -l "$network-1e-$g" \
      "cd $tapb && ./bin/tap net/${network}_p$g.txt" \
      "$caravan assign --tntp $tntp/$network --gap 1e-$g --threads 1 --json"
  done
done
