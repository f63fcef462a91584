#!/usr/bin/env bash
# Bounded load test of POST /api/analyses on loopback: a mix of English and Chinese drafts (the dev cases),
# latency at ~100 and ~200 requests/s, the maximum sustained rate, RSS after the run, and the time from
# process start to the first answered analysis. Needs wrk (Debian: apt-get install wrk). Every run stops by
# itself (fixed durations) and sends traffic to 127.0.0.1 only.
#
#   scripts/load-analyses.sh                # all phases, ~2 minutes
#   DURATION=10 scripts/load-analyses.sh    # shorter phases
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-5199}"
DURATION="${DURATION:-20}"          # seconds per measured phase
HOST=127.0.0.1
CASES="${CASES:-../shared/domain/dev-cases.jsonl}"
export LOAD_LIB="$PWD/scripts/lib"
WORK="$(mktemp -d /tmp/oc-load.XXXXXX)"
source scripts/lib/api-process.sh
trap 'stop_api; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [ ! -f "$CASES" ]; then
  CASES="$WORK/cases.jsonl"
  cat > "$CASES" <<'JSON'
{"kind":"message","subject":"Technical deep-dive","body":"Hi Anna, could your data engineering team join a 90-minute deep-dive next Tuesday at 2pm? Can you confirm by Monday?","bodyType":"text","to":[{"name":"Anna Lee","address":"anna@customer.example"}],"referenceTime":"2026-11-27T10:00:00+01:00"}
{"kind":"message","subject":"技术交流会","body":"王主任，下周三下午3点我们请售前专家到贵司做一次技术交流，您看能否约上技术团队？这个时间可以吗？","bodyType":"text","to":[{"name":"王主任","address":"wang@kehu.cn"}],"referenceTime":"2026-11-27T10:00:00+08:00"}
{"kind":"message","subject":"Following up","body":"Hi Tom, great meeting today! Let's touch base soon. Let me know your thoughts.","bodyType":"text","to":[{"name":"Tom","address":"tom@customer.example"}],"referenceTime":"2026-11-27T10:00:00-05:00"}
{"kind":"message","subject":"项目","body":"张总，这个项目就靠您了，多多照顾了哈，以后有什么事我随叫随到。","bodyType":"text","to":[{"name":"张总","address":"zhang@kehu.cn"}],"referenceTime":"2026-11-27T10:00:00+08:00"}
JSON
fi
CASES="$(realpath "$CASES")"
echo "cases: $CASES ($(grep -c . "$CASES") drafts)"

build_api

cat > "$WORK/mix.lua" <<'LUA'
dofile(os.getenv("LOAD_LIB") .. "/draft-bodies.lua")
local i = 0
local pause = tonumber(os.getenv("DELAY_MS") or "0")
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/analyses", { ["Content-Type"] = "application/json" }, bodies[i])
end
delay = function() return pause end
LUA

# A fresh process and database START_RUNS times, timing the first answered analysis; the last stays up.
FIRST_BODY="$(head -1 "$CASES")"
for n in $(seq 1 "${START_RUNS:-3}"); do
  stop_api
  start_api "$FIRST_BODY"
done

run() { # name connections delay_ms duration
  local out
  out=$(CASES="$CASES" DELAY_MS="$3" wrk -t2 -c"$2" -d"${4}s" --timeout 5s --latency -s "$WORK/mix.lua" "http://$HOST:$PORT/api/analyses")
  local rate p50 p99 errors
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5} /Socket errors/ {print $0}' <<<"$out")
  printf '%-10s rate %8s req/s   p50 %8s   p99 %8s   errors %s\n' "$1" "$rate" "$p50" "$p99" "${errors:-0}"
}

# Paced phases: each connection waits 100 ms after every answer, so N connections offer about N*1000/(100+latency) req/s.
run warmup 8 0 5 >/dev/null
run "~100/s" 14 100 "$DURATION"
run "~200/s" 28 100 "$DURATION"
# Unpaced: as fast as the server answers, at two concurrency levels.
run "max c8" 8 0 "$DURATION"
run "max c32" 32 0 "$DURATION"
# The same pipeline with a one-word draft: what HTTP, JSON, validation and logging cost without the engine's work.
cat > "$WORK/tiny.lua" <<'LUA'
request = function()
  return wrk.format("POST", "/api/analyses", { ["Content-Type"] = "application/json" }, '{"kind":"message","subject":"Hi","body":"ok"}')
end
LUA
out=$(wrk -t2 -c8 -d"${DURATION}s" --latency -s "$WORK/tiny.lua" "http://$HOST:$PORT/api/analyses")
printf '%-10s rate %8s req/s   p50 %8s   p99 %8s\n' "tiny c8" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
echo "RSS after the run: $(rss_mib) MiB"
