#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from the test fixtures (tests/fuzz/corpus/<target>/).
# Network and tntp-folder seeds start with one byte that selects the file they replace (see Targets.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
mini=tests/Caravan.Tests/Fixtures/mini
sioux=tests/Caravan.Tests/Fixtures/tntp/SiouxFalls
out=tests/fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{network,demand,calibration,tntp-net,tntp-trips,tntp-node,tntp-flow,tntp-folder}
i=0
for f in sources modes commodities places links crossings transfers services; do
  { printf "\\x$(printf %02x $i)"; cat "$mini/$f.csv"; } > "$out/network/$i-$f.csv"
  i=$((i + 1))
done
cp "$mini/demand.csv" "$out/demand/"
cp "$mini/calibration.csv" "$out/calibration/"
for kind in net trips node flow; do
  cp "$sioux/SiouxFalls_$kind.tntp" "$out/tntp-$kind/"
done
i=0
for f in SiouxFalls_net.tntp SiouxFalls_trips.tntp SiouxFalls_flow.tntp README.md; do
  { printf "\\x$(printf %02x $i)"; cat "$sioux/$f"; } > "$out/tntp-folder/$i-$f"
  i=$((i + 1))
done
find "$out" -type f | sort
