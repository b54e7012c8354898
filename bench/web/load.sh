#!/usr/bin/env bash
# Load test of GET /api/route on loopback with wrk (Debian's package): 1, 16 and 64 connections, 10 s each, then an
# overload run that must shed with 429 rather than fall over. Prints a Markdown table for bench/RESULTS.md.
# Usage: bench/web/load.sh [seconds]   env: SERVER (the server command, default the Release build's dll through
# dotnet; e.g. a native AOT binary), ENDPOINT (default /api/route; /api/route/single is the fast path), DATA (network folder, default the mini fixture), PORT (default 5098), GC_SERVER=1 to try the server GC (default: the
# runtime's default, workstation GC, as `caravan serve` runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
port="${PORT:-5098}"
base="http://127.0.0.1:${port}"
endpoint="${ENDPOINT:-/api/route}"
url="${base}${endpoint}?from=xian&to=Duisburg&avoid=RU,BY"
if ! command -v wrk >/dev/null; then
  # shellcheck source=../../scripts/lib/apt.sh
  . scripts/lib/apt.sh
  apt_install "install wrk by hand" wrk
fi
ulimit -n 8192 || true

dotnet build src/Caravan.Cli -c Release -nologo -v quiet >/dev/null
start_server() {
  DOTNET_gcServer="${GC_SERVER:-0}" ${SERVER:-dotnet src/Caravan.Cli/bin/Release/net10.0/Caravan.Cli.dll} serve \
    --data "${DATA:-tests/Caravan.Tests/Fixtures/mini}" --urls "$base" "$@" >/tmp/caravan-load-server.log 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "${base}/api/meta" >/dev/null && return 0; sleep 0.2; done
  echo "server did not start" >&2; cat /tmp/caravan-load-server.log >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }
trap 'kill "$server" 2>/dev/null || true' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; } # user + system time of the server, in clock ticks
row() { # connections, label, wrk args...
  local c="$1" label="$2"; shift 2
  local t=$(( c < 2 ? 1 : 2 ))
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t"$t" -c"$c" -d"${secs}s" --latency "$@")
  after=$(cpu_ticks)
  local rps p50 p99 non2xx sock
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx="${non2xx:-0}"
  if grep -q '^status' <<<"$out"; then # answers by status, from statuses.lua
    non2xx="$non2xx ($(grep '^status' <<<"$out" | sort -k2 | awk '{printf "%s%s %s", sep, $2, $3; sep=", "}'))"
  fi
  sock=$(awk '/Socket errors/ {print $0}' <<<"$out" | sed 's/^ *Socket errors: //'); sock="${sock:-none}"
  local requests cpu
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # Server CPU per request (µs): independent of how much of the machine other processes took meanwhile.
  cpu=$(awk -v d=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (n > 0 ? d / hz * 1e6 / n : 0) }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$c" "$rps" "$p50" "$p99" "$non2xx" "$sock" "$cpu"
}

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), GC_SERVER=${GC_SERVER:-0}"
echo
echo "| run | connections | requests/s | p50 | p99 | non-2xx | socket errors | server CPU µs/request |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
start_server
wrk -t2 -c16 -d3s "$url" >/dev/null # warm-up (JIT, tiered compilation)
for c in 1 16 64; do row "$c" "one query" "$url"; done
row 64 "8-query mix" -s bench/web/mix.lua "$base"
# Plans between random pairs of 60 places: on the embedded network (DATA=data) nearly every request is a new query,
# so this row is the cost of computing plans rather than of answering kept ones (the server keeps recent plans).
[ -n "${DATA:-}" ] && row 16 "random pairs (new queries)" -s bench/web/distinct.lua "$base"
# Overload: 1,024 connections against the default limits (2 × cores computing, 256 queued). On the mini fixture a
# route is so cheap that Kestrel, not the limiter, is the bottleneck; so the same again against tight limits
# (1 computing, 32 queued), where the excess must be shed with 429 and the server must stay up.
row 1024 "overload, default limits" -s bench/web/statuses.lua "$url"
stop_server
start_server --route-concurrency 1 --route-queue 32
row 1024 "overload, 1 + 32 queued" -s bench/web/statuses.lua "$url"
code=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "$url")
echo
echo "after the overload: GET /api/route answers ${code}; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
