# Shared by the load scripts: build the API in Release and run it in local mode on loopback with its own
# SQLite file. Source it after setting WORK (a temp dir), HOST and PORT; it defines build_api, start_api,
# stop_api and rss_mib, and leaves the server's PID in PID.

build_api() {
  echo "building (Release) ..."
  dotnet build api/OutlookCommit.Api -c Release --artifacts-path "$WORK/art" -nologo -v quiet >/dev/null
  DLL="$(find "$WORK/art/bin/OutlookCommit.Api" -name OutlookCommit.Api.dll | head -1)"
}

# start_api FIRST_BODY: a fresh database, then waits until FIRST_BODY is analysed; prints the time it took.
start_api() {
  local first_body="$1"
  rm -f "$WORK"/load.db*
  local start_ns; start_ns=$(date +%s%N)
  (cd api/OutlookCommit.Api && ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$WORK/load.db" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__OutlookCommit=Information exec dotnet "$DLL" --urls "http://$HOST:$PORT") >"$WORK/api.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary "$first_body" "http://$HOST:$PORT/api/analyses"; then break; fi
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/api.log"; exit 1; }
    sleep 0.02
  done
  local first=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  local warm; warm=$(grep -o 'built in [0-9]* ms and warmed up in [0-9]* ms' "$WORK/api.log" || echo '?')
  echo "first analysis answered ${first} ms after process start (engine ${warm})"
}

stop_api() {
  if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}

rss_mib() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
