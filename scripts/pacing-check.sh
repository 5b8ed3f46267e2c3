#!/usr/bin/env bash
# Pacing accuracy of the mock server under many concurrent streams, from the server's own /stats.
#
#   scripts/pacing-check.sh [CONNECTIONS] [DURATION_S]     (defaults: 1000 connections, 20 s)
#
# Starts the mock server jar on a free loopback port, holds CONNECTIONS concurrent streams open with wrk
# (each stream: ttft 200 ms, then 100 content events 20 ms apart; override with TTFT_MS, ITL_MS,
# OUTPUT_TOKENS), resets the lateness histogram after a warm-up, and prints /stats at the end: pacing
# lateness p50/p90/p99/max (actual write time minus deadline), streams and events. Loopback only,
# bounded in time. The server runs with -Xmx$HEAP (default 512m) plus JAVA_OPTS; the peak heap in use and GC time
# come from jstat. Needs wrk (Debian: apt-get install wrk) and a built jar (mvn -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-1000}
DURATION=${2:-20}
WARMUP=${WARMUP_S:-5}
JAR=${JAR:-mock-server/target/streambench-mock-server.jar}
PORT=${PORT:-18181}
[ -f "$JAR" ] || { echo "pacing-check: $JAR missing; run: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "pacing-check: wrk missing; run: apt-get install wrk" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || true

java -Xmx"${HEAP:-512m}" ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" ${TRANSPORT:+--transport "$TRANSPORT"} ${MOCK_ARGS:-} > /tmp/pacing-check-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done  # mock --warmup first

wrk -t1 -c"$CONNECTIONS" -d"$((DURATION + WARMUP + 3))"s --timeout 30s -s scripts/pacing-check.lua \
    "http://127.0.0.1:$PORT/v1/chat/completions" > /tmp/pacing-check-wrk.log 2>&1 &
WRK=$!
# heap in use (KB) and GC time (s) once a second, for the peak heap and the GC share of the window.
# jstat is a JVM of its own: it starts now, during the warm-up, so its start-up (a second of CPU on a
# 2-core machine) does not land in the measured window; only its rows from the window are used.
jstat -gc "$SERVER" 1000 > /tmp/pacing-check-jstat.log 2>/dev/null &
JSTAT=$!
sleep "$WARMUP"
curl -sf "http://127.0.0.1:$PORT/stats?reset=true" >/dev/null   # lateness counted from here on
JSTAT_FROM=$(wc -l < /tmp/pacing-check-jstat.log)                 # rows before the window
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }   # user + system, in clock ticks
SERVER_T0=$(cpu_ticks $SERVER); WRK_T0=$(cpu_ticks $WRK)
sleep "$DURATION"
kill $JSTAT 2>/dev/null || true
STATS=$(curl -sf "http://127.0.0.1:$PORT/stats")
SERVER_CPU=$(( $(cpu_ticks $SERVER) - SERVER_T0 )); WRK_CPU=$(( $(cpu_ticks $WRK) - WRK_T0 ))
wait $WRK || true
echo "connections=$CONNECTIONS duration_s=$DURATION warmup_s=$WARMUP"
echo "$STATS"
python3 - "$STATS" "$SERVER_CPU" "$WRK_CPU" "$DURATION" "$(getconf CLK_TCK)" /tmp/pacing-check-jstat.log "$JSTAT_FROM" <<'PY' 2>/dev/null || true
import json, sys
s = json.loads(sys.argv[1]); l = s["pace_lateness_us"]
server, wrk, secs, hz = (float(a) for a in sys.argv[2:6])
print(f"lateness_ms p50={l['p50']/1000:.3f} p90={l['p90']/1000:.3f} p99={l['p99']/1000:.3f} "
      f"p99.9={l['p999']/1000:.3f} max={l['max']/1000:.3f} samples={l['count']} active_streams={s['active_streams']}")
events = l['count']
print(f"events/s={events/secs:.0f} server_cpu_cores={server/hz/secs:.2f} wrk_cpu_cores={wrk/hz/secs:.2f} "
      f"server_cpu_us_per_event={server/hz*1e6/max(events,1):.2f}")
lines = [l.split() for l in open(sys.argv[6])]
head = lines[0]
# the window's rows, and the last row before it as the baseline for GC time and counts
rows = [r for r in lines[max(1, int(sys.argv[7]) - 1):] if r and r[0] != head[0]]
col = lambda r, name: float(r[head.index(name)])
used = [sum(col(r, c) for c in ("S0U", "S1U", "EU", "OU")) / 1024 for r in rows]
gct = col(rows[-1], "GCT") - col(rows[0], "GCT") if len(rows) > 1 else float("nan")
print(f"heap_peak_used_mb={max(used):.0f} gc_time_s={gct:.3f} "
      f"gc_count={col(rows[-1], 'YGC') + col(rows[-1], 'FGC') - col(rows[0], 'YGC') - col(rows[0], 'FGC'):.0f}")
PY
