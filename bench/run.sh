#!/usr/bin/env bash
# Usage: bench/run.sh [--quick] [--sizes 1000,1000000[,10000000]] [--overload-minutes M]
#                     [--ledger-size N] [--out bench/results/<name>.jsonl]
#
# Builds log-server, mirror and bench, then runs, in this order, appending every figure as one JSON
# line to the results file: raw limits (durable LMDB appends, SHA-256), JMH micro-benchmarks,
# end-to-end load against the real server (java -jar log-server/target/tlog-server.jar, fresh data
# dirs), several logs in one server process, the publishing ceiling (the real server publishing to
# S3Proxy in the bench JVM, against raw PUTs), the mirror's catch-up (against a plain download),
# ledger queries (in process, N events, default 1000000), and the Go peer (skipped when Go cannot
# be installed). Prints the table at the end.
# Default run: about 15-20 minutes on 2 cores. --quick: 4-5 minutes, sizes 1000, a mirror of
# 100000 entries and a ledger of 100000 events only (smoke test).
# Scratch data goes to a temporary directory under ${TLOG_BENCH_TMP:-/tmp}, removed at the end
# unless TLOG_BENCH_KEEP=1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

quick=0
sizes=""
overload=0
ledger_size=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --sizes) sizes="$2"; shift ;;
    --sizes=*) sizes="${1#*=}" ;;
    --overload-minutes) overload="$2"; shift ;;
    --overload-minutes=*) overload="${1#*=}" ;;
    --ledger-size) ledger_size="$2"; shift ;;
    --ledger-size=*) ledger_size="${1#*=}" ;;
    --out) out="$2"; shift ;;
    --out=*) out="${1#*=}" ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$quick" = 1 ]; then
  raw_seconds=1; append_seconds=2; read_seconds=2; go_seconds=0.5
  jmh_opts=(-f 1 -wi 1 -i 1 -w 500ms -r 500ms -p size=1000)
  sizes="${sizes:-1000}"
  ledger_size="${ledger_size:-100000}"; ledger_queries=500
  mirror_size=100000
else
  raw_seconds=3; append_seconds=10; read_seconds=5; go_seconds=2
  jmh_opts=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
  sizes="${sizes:-1000,1000000}"
  ledger_size="${ledger_size:-1000000}"; ledger_queries=2000
  mirror_size=1000000
fi
out="${out:-bench/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl}"
mkdir -p "$(dirname "$out")"

work="$(mktemp -d "${TLOG_BENCH_TMP:-/tmp}/tlog-bench.XXXXXX")"
if [ "${TLOG_BENCH_KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi

step() { echo; echo "== $* ($(date -u +%H:%M:%S))"; }

step "build log-server, mirror and bench"
mvn -B -q -DskipTests -pl log-server,mirror,bench -am package

bench=(java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  -jar bench/target/tlog-bench.jar)
common=(--out "$out" --work-dir "$work")

step "raw limits (LMDB durable appends, SHA-256)"
"${bench[@]}" raw "${common[@]}" --seconds "$raw_seconds"

step "JMH micro-benchmarks"
"${bench[@]}" jmh "${jmh_opts[@]}" -rf json -rff "$work/jmh.json" dev.tlog.bench.micro
"${bench[@]}" jmh-import "${common[@]}" --jmh-json "$work/jmh.json" >/dev/null

step "end-to-end load against log-server/target/tlog-server.jar (sizes $sizes)"
load_status=0
ledger_status=0
"${bench[@]}" load "${common[@]}" --server-jar log-server/target/tlog-server.jar \
  --sizes "$sizes" --append-seconds "$append_seconds" --read-seconds "$read_seconds" \
  --overload-minutes "$overload" || load_status=$?

step "several logs in one server process (1, 2, 4 logs)"
logs_status=0
"${bench[@]}" logs "${common[@]}" --server-jar log-server/target/tlog-server.jar \
  --counts 1,2,4 --seconds "$append_seconds" || logs_status=$?

step "publishing to S3 (S3Proxy in process; raw PUTs, then the server under full-speed appends)"
publish_status=0
"${bench[@]}" publish "${common[@]}" --server-jar log-server/target/tlog-server.jar \
  --seconds "$append_seconds" --raw-seconds "$raw_seconds" || publish_status=$?

step "mirror catch-up ($mirror_size entries)"
mirror_status=0
"${bench[@]}" mirror "${common[@]}" --server-jar log-server/target/tlog-server.jar \
  --mirror-jar mirror/target/tlog-mirror.jar --size "$mirror_size" || mirror_status=$?

step "ledger queries, in process ($ledger_size events)"
"${bench[@]}" ledger "${common[@]}" --size "$ledger_size" --queries "$ledger_queries" || ledger_status=$?

step "Go peer (golang.org/x/mod/sumdb/tlog)"
go_sizes="$(echo "$sizes" | tr ',' '\n' | awk '$1 <= 1000000' | paste -sd, -)"
if bench/go/run.sh -sizes "$go_sizes" -seconds "$go_seconds" > "$work/go.jsonl"; then
  "${bench[@]}" import "${common[@]}" < "$work/go.jsonl" >/dev/null
else
  echo "Go peer skipped (see the SKIPPED line above)"
fi

step "results: $out"
"${bench[@]}" table --in "$out"
if [ "$logs_status" != 0 ]; then
  echo
  echo "SEVERAL-LOGS BENCHMARK FAILED (exit $logs_status): see its output above."
fi
if [ "$mirror_status" != 0 ]; then
  echo
  echo "MIRROR BENCHMARK FAILED (exit $mirror_status): see its output above."
fi
if [ "$publish_status" != 0 ]; then
  echo
  echo "PUBLISH BENCHMARK FAILED (exit $publish_status): see PHASE FAILED / PUBLISH FAILED above."
fi
if [ "$ledger_status" != 0 ]; then
  echo
  echo "LEDGER BENCHMARK FAILED (exit $ledger_status): see its output above."
fi
if [ "$load_status" != 0 ]; then
  echo
  echo "LOAD FAILED (exit $load_status): see PHASE FAILED / SERVER CRASH lines above; figures of the"
  echo "phases that ran are in the table. Crash reports, if any, are next to $out."
  exit 1
fi
[ "$ledger_status" = 0 ] && [ "$logs_status" = 0 ] && [ "$publish_status" = 0 ] \
  && [ "$mirror_status" = 0 ] || exit 1
