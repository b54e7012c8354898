#!/usr/bin/env bash
# Coverage-guided fuzzing of Caravan's readers with AFL++ and SharpFuzz (run by hand; never part of the tests).
#   tests/fuzz/run.sh [seconds per target] [target...]     default: 60 s, every target
# Installs afl++ when missing (Debian package; needs root), builds the harness into tests/fuzz/out/bin,
# instruments Caravan.dll and Sep.dll there (the build under src/ is never touched), then runs afl-fuzz on each
# target for a bounded time from the seed corpus in tests/fuzz/corpus/<target>/. Findings go to
# tests/fuzz/findings/<target>/ (crashes/, hangs/), and a summary table is printed at the end.
set -euo pipefail
cd "$(dirname "$0")"
fuzz_dir=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(network demand calibration tntp-net tntp-trips tntp-node tntp-flow tntp-folder)
fi

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq afl++
fi

bin=$fuzz_dir/out/bin
rm -rf "$bin"
dotnet build Caravan.Fuzz/Caravan.Fuzz.csproj -c Release -nologo -v quiet -o "$bin"
dotnet "$bin/Caravan.Fuzz.dll" --instrument "$bin/Caravan.dll" "$bin/Sep.dll"

export AFL_SKIP_BIN_CHECK=1             # dotnet itself is not instrumented; SharpFuzz reports coverage
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1                # the machine is shared: do not pin a core
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000     # the .NET runtime takes a while to start
export CARAVAN_ROOT
CARAVAN_ROOT=$(cd ../.. && pwd)
mkdir -p findings

for t in "${targets[@]}"; do
  dict=dict/csv.dict
  case $t in tntp-*) dict=dict/tntp.dict ;; esac
  out=findings/$t
  rm -rf "$out"
  echo "== $t: ${seconds}s"
  # -t: an input taking over 5 s is a hang; -m none: the .NET runtime reserves far more address space than it uses.
  afl-fuzz -i "corpus/$t" -o "$out" -x "$dict" -t 5000 -m none -V "$seconds" \
    -- dotnet "$bin/Caravan.Fuzz.dll" "$t" >"findings/$t.log" 2>&1 || { echo "afl-fuzz failed, see findings/$t.log"; tail -20 "findings/$t.log"; }
done

echo
printf '%-12s %10s %8s %10s %8s %8s %6s\n' target execs seconds execs/s edges crashes hangs
for t in "${targets[@]}"; do
  stats=findings/$t/default/fuzzer_stats
  [ -f "$stats" ] || { echo "$t: no stats"; continue; }
  get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  printf '%-12s %10s %8s %10s %8s %8s %6s\n' "$t" "$(get execs_done)" "$(get run_time)" "$(get execs_per_sec)" "$(get edges_found)" "$(get saved_crashes)" "$(get saved_hangs)"
done
