#!/usr/bin/env bash
# Coverage-guided fuzzing of Caravan's readers in-process (Caravan.Fuzz --inprocess; run by hand, never in the tests).
#   tests/fuzz/run-inprocess.sh RUNS [SECONDS] [PARALLEL] [target...]
#     RUNS      executions per target (e.g. 1000000)      SECONDS  time cap per target (default 3600)
#     PARALLEL  targets at once (default 2)               targets  default: every target
# Builds the harness into tests/fuzz/out/bin, instruments Caravan.dll and Sep.dll there with SharpFuzz (the build
# under src/ is not touched) and runs each target under `nice -n 19` from the seed corpus corpus/<target>/.
# Findings: tests/fuzz/findings/inprocess/<target>/ (queue/, crashes/ with each exception beside its input,
# hangs/, stats); a table of the stats is printed at the end.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:?usage: run-inprocess.sh RUNS [SECONDS] [PARALLEL] [target...]}
seconds=${2:-3600}
parallel=${3:-2}
shift $(($# < 3 ? $# : 3))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(network demand calibration tntp-net tntp-trips tntp-node tntp-flow tntp-folder)
fi

bin=$PWD/out/bin
rm -rf "$bin"
dotnet build Caravan.Fuzz/Caravan.Fuzz.csproj -c Release -nologo -v quiet -o "$bin"
dotnet "$bin/Caravan.Fuzz.dll" --instrument "$bin/Caravan.dll" "$bin/Sep.dll"
export CARAVAN_ROOT
CARAVAN_ROOT=$(cd ../.. && pwd)
mkdir -p findings/inprocess

running=0
for t in "${targets[@]}"; do
  rm -rf "findings/inprocess/$t"
  mkdir -p "findings/inprocess/$t"
  echo "== $t: up to $runs executions or ${seconds} s"
  # Server GC off and one heap: the fuzzer is one thread; the machine is shared.
  DOTNET_gcServer=0 DOTNET_GCHeapCount=1 nice -n 19 dotnet "$bin/Caravan.Fuzz.dll" "$t" --inprocess --runs "$runs" --seconds "$seconds" \
    >"findings/inprocess/$t.log" 2>&1 &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

echo
for t in "${targets[@]}"; do
  cat "findings/inprocess/$t/stats" 2>/dev/null || { echo "$t: no stats (see findings/inprocess/$t.log)"; tail -5 "findings/inprocess/$t.log"; }
done
