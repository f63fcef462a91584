#!/usr/bin/env bash
# Bounded loopback load and soak of the API as a rep's day uses it: analyses (English and Chinese drafts)
# together with ledger writes and reads. Finds the highest paced rate whose p99 stays within P99_MS, holds it
# for DURATION seconds (errors must be 0), then soaks at half that rate for SOAK seconds sampling RSS (growth
# must stay within 20%). Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only; every phase has a
# fixed duration, so the script always ends (about 8 minutes with the defaults).
#
#   scripts/load-mix.sh                          # ladder, 60 s at the best rate, 5 min soak
#   DURATION=20 SOAK=60 scripts/load-mix.sh      # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-5198}"
HOST=127.0.0.1
DURATION="${DURATION:-60}"
SOAK="${SOAK:-300}"
STEP="${STEP:-12}"                   # seconds per ladder step
P99_MS="${P99_MS:-100}"
PACE_MS="${PACE_MS:-20}"             # each connection waits this long after every answer
LADDER="${LADDER:-2 4 6 8 12 16 24 32}"
CASES="${CASES:-../shared/domain/dev-cases.jsonl}"
export LOAD_LIB="$PWD/scripts/lib"
WORK="$(mktemp -d /tmp/oc-mix.XXXXXX)"
source scripts/lib/api-process.sh
trap 'stop_api; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$CASES" ] || { echo "no cases file at $CASES (set CASES=… to a JSONL of draft bodies)" >&2; exit 1; }
CASES="$(realpath "$CASES")"

build_api

# One request sequence per connection, 20 steps: 14 analyses, 3 commitment writes, 2 lists, 1 stalled check.
cat > "$WORK/mix.lua" <<'LUA'
dofile(os.getenv("LOAD_LIB") .. "/draft-bodies.lua")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i, written = 0, 0
local pause = tonumber(os.getenv("PACE_MS") or "0")
local json = { ["Content-Type"] = "application/json" }
request = function()
  i = i + 1
  local step = i % 20
  if step < 14 then
    return wrk.format("POST", "/api/analyses", json, bodies[i % #bodies + 1])
  elseif step < 17 then
    written = written + 1
    local body = string.format(
      '{"what":"Technical exchange with the data team (load %d-%d)","who":[{"name":"Anna Lee","address":"anna@customer.example"}],' ..
      '"due":"2030-01-%02dT14:00:00+00:00","nextStep":"technicalExchange","subject":"Deep-dive","sourceMessageId":"load-%d-%d-%d"}',
      tid, written, written % 28 + 1, tid, os.time(), written)
    return wrk.format("POST", "/api/commitments", json, body)
  elseif step < 19 then
    return wrk.format("GET", "/api/commitments?take=20")
  else
    return wrk.format("GET", "/api/commitments/stalled")
  end
end
delay = function() return pause end
LUA

RATE= P50= P99= ERRORS=
threads() { [ "$1" -ge 2 ] && echo 2 || echo 1; }
mix_wrk() { # connections duration: wrk's report of the request mix
  CASES="$CASES" PACE_MS="$PACE_MS" wrk -t"$(threads "$1")" -c"$1" -d"${2}s" --timeout 5s --latency -s "$WORK/mix.lua" "http://$HOST:$PORT"
}
parse() { # wrk's report → RATE, P50, P99, ERRORS
  RATE=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$1")
  P50=$(awk '$1=="50%" {print $2}' <<<"$1")
  P99=$(awk '$1=="99%" {print $2}' <<<"$1")
  ERRORS=$(awk '/Non-2xx/ {n+=$5} /Socket errors/ {for (k=3; k<=NF; k+=2) n+=$k} END {print n+0}' <<<"$1")
}
run() { parse "$(mix_wrk "$1" "$2")"; } # connections duration
to_ms() { # wrk's "12.34ms" / "1.02s" / "850.00us" → milliseconds
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else if (v ~ /s$/) print v*1000; else print v }'
}
report() { printf '%-14s c%-3s %6s req/s   p50 %9s   p99 %9s   errors %s\n' "$1" "$2" "$RATE" "$P50" "$P99" "$ERRORS"; }

start_api "$(head -1 "$CASES")"
echo "RSS after start: $(rss_mib) MiB"
run 4 5 >/dev/null                 # warm-up

best_c= best_rate=0
for c in $LADDER; do
  run "$c" "$STEP"
  report ladder "$c"
  if awk -v p="$(to_ms "$P99")" -v max="$P99_MS" 'BEGIN { exit !(p <= max) }' && [ "$ERRORS" = 0 ] && [ "$RATE" -gt "$best_rate" ]; then
    best_c=$c best_rate=$RATE
  fi
done
[ -n "$best_c" ] || { echo "no ladder step kept p99 within ${P99_MS} ms" >&2; exit 1; }

rss_before=$(rss_mib)
run "$best_c" "$DURATION"
report "hold ${DURATION}s" "$best_c"
hold_errors=$ERRORS
echo "RSS before/after the hold: ${rss_before} / $(rss_mib) MiB"

# Half the rate: half the connections at the same pace (each connection's rate barely depends on load here).
soak_c=$(( best_c / 2 > 0 ? best_c / 2 : 1 ))
soak_start=$(rss_mib) peak=$soak_start
mix_wrk "$soak_c" "$SOAK" >"$WORK/soak.txt" &
WRK=$!
samples="$soak_start"
while kill -0 "$WRK" 2>/dev/null; do
  sleep 30
  kill -0 "$WRK" 2>/dev/null || break
  now=$(rss_mib); samples="$samples $now"; [ "$now" -gt "$peak" ] && peak=$now
done
wait "$WRK"
parse "$(cat "$WORK/soak.txt")"
report "soak ${SOAK}s" "$soak_c"
soak_end=$(rss_mib)
growth=$(awk -v a="$soak_start" -v b="$soak_end" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
echo "RSS during the soak (MiB, every 30 s): $samples $soak_end; start ${soak_start}, end ${soak_end}, peak ${peak}, growth ${growth}%"
rows=$(sqlite3 "$WORK/load.db" 'select count(*) from commitments' 2>/dev/null || echo '?')
echo "commitments stored: $rows"

status=0
[ "$hold_errors" = 0 ] || { echo "FAIL: errors during the hold" >&2; status=1; }
[ "$ERRORS" = 0 ] || { echo "FAIL: errors during the soak" >&2; status=1; }
awk -v g="$growth" 'BEGIN { exit !(g <= 20) }' || { echo "FAIL: RSS grew more than 20% in the soak" >&2; status=1; }
exit $status
