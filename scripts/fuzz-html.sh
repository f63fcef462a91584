#!/usr/bin/env bash
# Fuzzes the engine's first step (HTML to text, control characters, quotes, forwards, signatures, sentences:
# DraftDocument.Read) with afl-fuzz through SharpFuzz for a bounded time, then keeps the minimised queue as the
# regression corpus that FuzzCorpusReplayTests replays in every test run.
#
#   scripts/fuzz-html.sh [minutes]        default 10
#
# Installs afl++ with apt when it is missing (needs root) and the sharpfuzz tool under the work folder.
# Work files: $FUZZ_WORK (default /tmp/outlookcommit-fuzz-html). Crashing and hanging inputs are left in
# $FUZZ_WORK/out/default/{crashes,hangs}; replay one with `dotnet $FUZZ_WORK/bin/OutlookCommit.Fuzz.dll replay FILE`.
# FUZZ_SKIP_RUN=1 skips building and fuzzing and only minimises and reports the last run in $FUZZ_WORK.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-10}"
work="${FUZZ_WORK:-/tmp/outlookcommit-fuzz-html}"
seeds=tests/fuzz/seeds/html
corpus=tests/fuzz/corpus/html
max_corpus_kb=1500

if ! command -v afl-fuzz >/dev/null; then
  echo "== installing afl++"
  apt-get update -qq && apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
  echo "== installing the sharpfuzz tool"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

if [ "${FUZZ_SKIP_RUN:-}" != 1 ]; then
  echo "== building and instrumenting"
  rm -rf "$work/bin" "$work/in" "$work/out" "$work/cmin"
  dotnet publish tests/OutlookCommit.Fuzz -c Release -o "$work/bin" --artifacts-path "$work/artifacts" -v q --nologo >/dev/null
  # The engine and its HTML parser give afl the coverage; the tool is built for an older runtime, hence roll-forward.
  for dll in OutlookCommit.Analysis.dll AngleSharp.dll; do
    DOTNET_ROLL_FORWARD=Major "$work/tools/sharpfuzz" "$work/bin/$dll"
  done
fi

mkdir -p "$work/in"
cp "$seeds"/* "$work/in/"
if [ -d "$corpus" ]; then find "$corpus" -type f -exec cp {} "$work/in/" \; ; fi

# The target is `dotnet`, not an instrumented binary. A new child process builds the lexicons before its first input
# (seconds on a busy machine), which afl times as that input: hence the long -t; the engine itself has no 10 s path.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1
export AFL_FORKSRV_INIT_TMOUT=120000
# afl-cmin refuses folders under /tmp (shared, symlink races) unless told; the work folder is this run's own.
export AFL_ALLOW_TMP=1
target=("$(command -v dotnet)" "$work/bin/OutlookCommit.Fuzz.dll" afl)

if [ "${FUZZ_SKIP_RUN:-}" != 1 ]; then
  echo "== afl-fuzz for $minutes min ($(ls "$work/in" | wc -l) starting inputs)"
  if ! afl-fuzz -V $((minutes * 60)) -i "$work/in" -o "$work/out" -t 10000 -m none -- "${target[@]}" >"$work/afl.log" 2>&1; then
    tail -30 "$work/afl.log"
    echo "afl-fuzz failed; log: $work/afl.log" >&2
    exit 1
  fi
fi

stats="$work/out/default/fuzzer_stats"
stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }

echo "== minimising the queue"
rm -rf "$work/cmin"
afl-cmin -i "$work/out/default/queue" -o "$work/cmin" -t 10000 -m none -- "${target[@]}" >"$work/cmin.log" 2>&1 \
  || { tail -20 "$work/cmin.log"; exit 1; }
rm -rf "$corpus"
mkdir -p "$corpus"
# Named by content, so a later run that keeps an input keeps its name.
for f in "$work/cmin"/*; do cp "$f" "$corpus/$(sha1sum "$f" | cut -c1-16)"; done
# Past the size cap, the largest inputs go first: they are the slowest to replay and rarely the only path to a branch.
while [ "$(cat "$corpus"/* | wc -c)" -gt $((max_corpus_kb * 1024)) ]; do
  rm -f "$(ls -S "$corpus" | head -1 | sed "s|^|$corpus/|")"
done

crashes=$(find "$work/out/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$work/out/default/hangs" -type f -name 'id:*' | wc -l)
echo "== result"
echo "run time:        $(stat run_time) s"
echo "execs:           $(stat execs_done) ($(stat execs_per_sec)/s)"
echo "paths (queue):   $(stat corpus_count), edges $(stat edges_found), bitmap $(stat bitmap_cvg)"
echo "crashes / hangs: $crashes / $hangs  (unique saved by afl; inputs in $work/out/default/{crashes,hangs})"
echo "corpus:          $(ls "$corpus" | wc -l) files, $(( $(cat "$corpus"/* | wc -c) / 1024 )) KB in $corpus"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
