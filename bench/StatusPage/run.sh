#!/usr/bin/env bash
# Load test of the public status page, beside a bare baseline endpoint, in one run. See docs/performance.md.
#   bench/StatusPage/run.sh [seconds-per-endpoint] [connections]
# The server is pinned to CPU 0 and wrk to CPU 1 (taskset), so they do not compete for a core; the machine is shared
# with other work, so compare each run's ratios to its own baseline, not absolute numbers across runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-64}
port=5099
db=$(mktemp -d)/status-bench.db
out=bench/StatusPage/results.txt
bust=bench/StatusPage/bust.lua

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
dotnet build -c Release -v quiet bench/StatusPage/StatusPageSeed.csproj >/dev/null
dotnet run -c Release --no-build --project bench/StatusPage/StatusPageSeed.csproj -- seed "$db"

start_app() {
  # $1: extra environment (rate limits), as NAME=value words
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__IncidentHub="Data Source=$db" Logging__LogLevel__Default=Warning \
    IncidentHub__PublicUrl="http://127.0.0.1:$port" $1 \
    taskset -c 0 dotnet IncidentHub.Web/bin/Release/net10.0/IncidentHub.Web.dll --urls "http://127.0.0.1:$port" &
  app=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz/live" >/dev/null && return; sleep 1; done
  echo "the app did not start"; exit 1
}
stop_app() { [ -n "${app:-}" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=""; }

load() {
  # $1: label, $2: path, $3: optional wrk script
  local script=()
  [ -n "${3:-}" ] && script=(-s "$3")
  curl -fs "http://127.0.0.1:$port$2" >/dev/null   # warm up
  echo "== $1"
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency "${script[@]}" "http://127.0.0.1:$port$2" \
    | grep -E "Requests/sec|Latency  |99%|50%|Non-2xx|errors"
}

{
  # This block runs in its own shell (it is piped to tee): it stops what it starts, however it ends.
  trap stop_app EXIT
  echo "machine: $(nproc) cores, $(uname -sr), $(dotnet --version); wrk -t1 -c$connections -d${seconds}s --latency"
  echo "pinned: server on CPU 0, wrk on CPU 1 (taskset); load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"

  # The rate limit is raised here so that one wrk (one client address) measures the cache, not the limiter.
  start_app "RateLimits__PublicPerAddressPerMinute=1000000000 RateLimits__PublicBurstPerAddress=1000000000"
  for path in /healthz/live /status /status/summary.json; do
    echo "size of $path: $(curl -fs -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$path") bytes"
  done
  for pass in 1 2; do
    echo "### pass $pass$([ $pass = 1 ] && echo ' (JIT warm-up, not used)')"
    load "/healthz/live (bare baseline)" /healthz/live
    load "/status (plain)" /status
    load "/status (cache-busting: new query string per request)" /status "$bust"
    load "/status/summary.json (plain)" /status/summary.json
    load "/status/summary.json (cache-busting)" /status/summary.json "$bust"
  done

  # Right after a publication (made by another process, as another replica would), how soon does the page show it?
  marker="Bench publication $(date +%s)"
  dotnet run -c Release --no-build --project bench/StatusPage/StatusPageSeed.csproj -- publish "$db" "$marker" >/dev/null
  start=$(date +%s.%N)
  for path in /status /status/summary.json /status/feed.atom; do
    until curl -fs "http://127.0.0.1:$port$path" | grep -q "$marker"; do sleep 0.1; done
    echo "publication from another process visible on $path after $(echo "$(date +%s.%N) - $start" | bc) s (cache lifetime 5 s)"
  done
  stop_app

  # The default limits, and one abusive client (this wrk, one address) hammering the page with cache-busting requests.
  echo "### default rate limits (1,200 a minute and a burst of 300 per client address): one abusive client"
  start_app ""
  ( sleep $((seconds / 2))
    echo "meanwhile, another client address (127.0.0.2): /status answered $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --interface 127.0.0.2 "http://127.0.0.1:$port/status"); the flooding address's /healthz/live answered $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz/live")" ) &
  meanwhile=$!
  load "/status (cache-busting, one client, default limits)" /status "$bust"
  wait "$meanwhile"
  stop_app
} | tee "$out"
