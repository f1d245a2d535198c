#!/usr/bin/env bash
# Load test of the public status page, beside a bare baseline endpoint, in one run. See docs/performance.md.
#   bench/StatusPage/run.sh [seconds-per-endpoint] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-64}
port=5099
db=$(mktemp -d)/status-bench.db
out=bench/StatusPage/results.txt

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
dotnet build -c Release -v quiet bench/StatusPage/StatusPageSeed.csproj >/dev/null
dotnet run -c Release --no-build --project bench/StatusPage/StatusPageSeed.csproj -- seed "$db"

ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__IncidentHub="Data Source=$db" Logging__LogLevel__Default=Warning \
  dotnet IncidentHub.Web/bin/Release/net10.0/IncidentHub.Web.dll --urls "http://127.0.0.1:$port" &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz/live" >/dev/null && break; sleep 1; done

{
  echo "machine: $(nproc) cores, $(uname -sr), $(dotnet --version); wrk -t2 -c$connections -d${seconds}s --latency"
  for path in /healthz/live /status /status/summary.json; do
    echo "size of $path: $(curl -fs -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$path") bytes"
  done
  for path in /healthz/live /status /status/summary.json /healthz/live /status /status/summary.json; do
    curl -fs "http://127.0.0.1:$port$path" >/dev/null   # warm up
    echo "== $path"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |99%|50%|Non-2xx|errors"
  done

  # Right after a publication (made by another process, as another replica would), how soon does the page show it?
  marker="Bench publication $(date +%s)"
  dotnet run -c Release --no-build --project bench/StatusPage/StatusPageSeed.csproj -- publish "$db" "$marker" >/dev/null
  start=$(date +%s.%N)
  for path in /status /status/summary.json /status/feed.atom; do
    until curl -fs "http://127.0.0.1:$port$path" | grep -q "$marker"; do sleep 0.1; done
    echo "publication from another process visible on $path after $(echo "$(date +%s.%N) - $start" | bc) s (cache lifetime 5 s)"
  done
} | tee "$out"
