#!/usr/bin/env bash
# Pacing accuracy of the mock server under many concurrent streams, from the server's own /stats.
#
#   scripts/pacing-check.sh [CONNECTIONS] [DURATION_S]     (defaults: 1000 connections, 20 s)
#
# Starts the mock server jar on a free loopback port, holds CONNECTIONS concurrent streams open with wrk
# (each stream: ttft 200 ms, then 100 content events 20 ms apart; override with TTFT_MS, ITL_MS,
# OUTPUT_TOKENS), resets the lateness histogram after a warm-up, and prints /stats at the end: pacing
# lateness p50/p90/p99/max (actual write time minus deadline), streams and events. Loopback only,
# bounded in time. Needs wrk (Debian: apt-get install wrk) and a built jar (mvn -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-1000}
DURATION=${2:-20}
WARMUP=${WARMUP_S:-5}
JAR=mock-server/target/streambench-mock-server.jar
PORT=${PORT:-18181}
[ -f "$JAR" ] || { echo "pacing-check: $JAR missing; run: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "pacing-check: wrk missing; run: apt-get install wrk" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || true

java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" ${TRANSPORT:+--transport "$TRANSPORT"} ${MOCK_ARGS:-} > /tmp/pacing-check-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

wrk -t1 -c"$CONNECTIONS" -d"$((DURATION + WARMUP))"s --timeout 30s -s scripts/pacing-check.lua \
    "http://127.0.0.1:$PORT/v1/chat/completions" > /tmp/pacing-check-wrk.log 2>&1 &
WRK=$!
sleep "$WARMUP"
curl -sf "http://127.0.0.1:$PORT/stats?reset=true" >/dev/null   # lateness counted from here on
sleep "$DURATION"
STATS=$(curl -sf "http://127.0.0.1:$PORT/stats")
wait $WRK || true
echo "connections=$CONNECTIONS duration_s=$DURATION warmup_s=$WARMUP"
echo "$STATS"
python3 - "$STATS" <<'PY' 2>/dev/null || true
import json, sys
s = json.loads(sys.argv[1]); l = s["pace_lateness_us"]
print(f"lateness_ms p50={l['p50']/1000:.3f} p90={l['p90']/1000:.3f} p99={l['p99']/1000:.3f} "
      f"p99.9={l['p999']/1000:.3f} max={l['max']/1000:.3f} samples={l['count']} active_streams={s['active_streams']}")
PY
