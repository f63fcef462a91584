#!/usr/bin/env bash
# Database fault tests with many more crash rounds than the normal test command runs:
#   - the SQLite file locked by another process (sqlite3, when installed) and by a second connection;
#   - a full disk (a 4 MB tmpfs mounted by the test: needs root, else that test is skipped and says so);
#   - SIGKILL of the real API process in the middle of a burst of ledger POSTs, restart on the same file,
#     every acknowledged commitment read back, PRAGMA integrity_check — OUTLOOKCOMMIT_DBFAULT_RUNS rounds.
# Prints the figures each test records. Bounded: everything is stopped after DBFAULT_TIMEOUT seconds
# (default: 60 s per crash round plus 5 minutes for the build and the other tests).
#
#   scripts/db-faults.sh                                # 50 crash rounds
#   OUTLOOKCOMMIT_DBFAULT_RUNS=10 scripts/db-faults.sh  # fewer
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${OUTLOOKCOMMIT_DBFAULT_RUNS:-50}"
if ! [[ "$RUNS" =~ ^[0-9]+$ ]] || (( 10#$RUNS < 1 || 10#$RUNS > 1000 )); then
  echo "OUTLOOKCOMMIT_DBFAULT_RUNS must be a whole number from 1 to 1000, not '$RUNS'" >&2
  exit 2
fi
RUNS=$((10#$RUNS))
LIMIT="${DBFAULT_TIMEOUT:-$(( RUNS * 60 + 300 ))}"
if ! [[ "$LIMIT" =~ ^[0-9]+$ ]] || (( 10#$LIMIT < 1 )); then
  echo "DBFAULT_TIMEOUT must be a whole number of seconds, not '$LIMIT'" >&2
  exit 2
fi
# A build folder of its own (kept between runs, so only the first run builds everything): the working tree
# may be built and tested by others at the same time.
ARTIFACTS="${DBFAULT_ARTIFACTS:-${TMPDIR:-/tmp}/oc-dbfaults-art}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oc-dbfaults.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
REPORT="$WORK/report.txt"
: > "$REPORT"

FILTER="FullyQualifiedName~Reliability.SqliteLockTests|FullyQualifiedName~Reliability.DiskFullTests"
FILTER+="|FullyQualifiedName~Reliability.CrashDuringWritesTests|FullyQualifiedName~Reliability.DatabaseFaultMappingTests"

echo "database fault tests: $RUNS crash rounds, stopped after ${LIMIT} s at most (build: $ARTIFACTS)"
started=$(date +%s)
status=0
# timeout signals its whole process group: dotnet test, the test host and the API processes it started.
OUTLOOKCOMMIT_DBFAULT_RUNS="$RUNS" OUTLOOKCOMMIT_DBFAULT_REPORT="$REPORT" \
  timeout --kill-after=30 "$LIMIT" \
  dotnet test tests/OutlookCommit.Api.Tests --nologo --artifacts-path "$ARTIFACTS" --filter "$FILTER" \
    --logger "console;verbosity=normal" >"$WORK/test.log" 2>&1 || status=$?

echo
cat "$REPORT"
echo
grep -E -A1 '\[SKIP\]' "$WORK/test.log" | grep -v '^--' || true # the skipped test and its reason
grep -E '^Test Run|^\s*(Total tests|Passed|Failed|Skipped):' "$WORK/test.log" || true
echo "wall time: $(( $(date +%s) - started )) s"
if (( status != 0 )); then
  (( status == 124 )) && echo "stopped: no result within ${LIMIT} s" >&2
  grep -E -A25 '^\s*Failed |\[FAIL\]|error' "$WORK/test.log" | head -80 >&2 || tail -40 "$WORK/test.log" >&2
  exit "$status"
fi
