#!/usr/bin/env bash
# Hardware floor for paced streaming on this machine: the paced benchmark's load (mock-bench.sh paced),
# served by scripts/paced-floor.c, a minimal C epoll server that does the same paced work (one send() per
# event of about 200 bytes, absolute deadlines, lateness = send time - deadline), instead of the mock.
#
#   scripts/paced-floor.sh [STREAMS] [THREADS]      (defaults: 10000 streams, 1 server thread)
#
# Builds the server with gcc -O2 into a temp dir, starts it on a free loopback port, runs
# wrk -t1 -cSTREAMS for 40 s with scripts/pacing-check.lua (ttft uniform:0:100 ms, an event every 100 ms,
# 50-150 events a stream), resets the server's lateness histogram after 15 s, and after 20 s more prints
# the lateness p50/p99/max, events/s, and the CPU in cores over those 20 s of the server and of wrk (user
# and system, from /proc/PID/stat) and of the whole machine (from /proc/stat). Loopback only, bounded in
# time. Environment: ITL_MS=GAP changes the gap (ttft stays uniform:0:GAP); FLOOR_ARGS adds server
# options (-b US: poll instead of sleeping when the next deadline is closer than US µs; -s US: timer
# slack, i.e. wake up to US µs after a deadline and send all that is due by then, as the mock's wheel
# does with -s 262; see the head of paced-floor.c); WARMUP_S and MEASURE_S (15, 20) shorten the run for
# tests (wrk runs WARMUP_S + MEASURE_S + 5 s). Needs gcc, curl, python3 and wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) echo "usage: scripts/paced-floor.sh [STREAMS] [THREADS]" >&2; exit 2 ;; esac
[ $# -le 2 ] || { echo "usage: scripts/paced-floor.sh [STREAMS] [THREADS]" >&2; exit 2; }
STREAMS=${1:-10000}
THREADS=${2:-1}
ITL=${ITL_MS:-100}
WARMUP=${WARMUP_S:-15}
MEASURE=${MEASURE_S:-20}
for tool in gcc wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "paced-floor: $tool missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -gt $((STREAMS + 100)) ] \
  || { echo "paced-floor: open files limit $(ulimit -n) is too low for $STREAMS streams" >&2; exit 2; }
OUT=$(mktemp -d)
gcc -std=c11 -O2 -Wall -Wextra -pthread -o "$OUT/paced-floor" scripts/paced-floor.c

SERVER=; WRK=
cleanup() {
  [ -n "$WRK" ] && kill "$WRK" 2>/dev/null || true
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$OUT/paced-floor" -t "$THREADS" ${FLOOR_ARGS:-} 0 > "$OUT/server.log" 2>&1 &   # port 0: any free port
SERVER=$!
PORT=
for _ in $(seq 50); do
  PORT=$(sed -n 's/^paced-floor: listening on 127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$OUT/server.log")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "paced-floor: server did not start:" >&2; cat "$OUT/server.log" >&2; exit 1; }
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null

TTFT_MS=uniform:0:$ITL ITL_MS=$ITL OUTPUT_TOKENS=uniform:50:150 \
  wrk -t1 -c"$STREAMS" -d"$((WARMUP + MEASURE + 5))"s --timeout 60s -s scripts/pacing-check.lua \
  "http://127.0.0.1:$PORT/v1/chat/completions" > "$OUT/wrk.log" 2>&1 &
WRK=$!

ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }      # user, system (clock ticks)
machine() { awk '/^cpu /{print $2 + $3, $4, $8, $7, $5 + $6, $9}' /proc/stat; }   # usr sys softirq irq idle steal

sleep "$WARMUP"                                              # connect, warm up, reach steady state
curl -sf "http://127.0.0.1:$PORT/stats?reset=true" >/dev/null
S0=$(ticks $SERVER); W0=$(ticks $WRK); M0=$(machine); T0=$(date +%s.%N)
sleep "$MEASURE"
S1=$(ticks $SERVER); W1=$(ticks $WRK); M1=$(machine); T1=$(date +%s.%N)
STATS=$(curl -sf "http://127.0.0.1:$PORT/stats")
wait "$WRK" || true
WRK=

echo "streams=$STREAMS threads=$THREADS itl_ms=$ITL window_s=$MEASURE server_args='${FLOOR_ARGS:-}'"
echo "$STATS"
python3 - "$STATS" "$S0" "$S1" "$W0" "$W1" "$M0" "$M1" "$T0" "$T1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
s = json.loads(sys.argv[1]); l = s["pace_lateness_us"]
num = lambda a: [float(x) for x in a.split()]
s0, s1, w0, w1, m0, m1 = (num(a) for a in sys.argv[2:8])
secs = float(sys.argv[9]) - float(sys.argv[8]); hz = float(sys.argv[10])
cores = lambda a, b: [(y - x) / hz / secs for x, y in zip(a, b)]
su, ss = cores(s0, s1); wu, ws = cores(w0, w1)
mu, ms, msi, mi, mid, mst = cores(m0, m1)
print(f"lateness_ms p50={l['p50']/1000:.3f} p90={l['p90']/1000:.3f} p99={l['p99']/1000:.3f} "
      f"p99.9={l['p999']/1000:.3f} max={l['max']/1000:.3f} mean={l['mean']/1000:.3f}")
print(f"events={l['count']} events/s={l['count']/secs:.0f} active_streams={s['active_streams']}")
print(f"cpu_cores server usr={su:.2f} sys={ss:.2f} total={su+ss:.2f} | wrk usr={wu:.2f} sys={ws:.2f} total={wu+ws:.2f}")
print(f"cpu_cores machine usr={mu:.2f} sys={ms:.2f} softirq={msi:.2f} irq={mi:.2f} idle={mid:.2f} steal={mst:.2f}"
      f" | server us/event={(su+ss)*secs*1e6/max(l['count'],1):.2f}")
PY
echo "wrk: $(grep -E 'requests in|Socket errors|Non-2xx' "$OUT/wrk.log" | tr -s ' ' | paste -sd';' -)"
echo "logs: $OUT"
