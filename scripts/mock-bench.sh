#!/usr/bin/env bash
# Speed and scale of the mock server on this machine, each scenario run RUNS times (default 3), with
# min/median/max. Loopback only, bounded in time. Needs wrk (Debian: apt-get install wrk) and the jar
# (mvn -B -q package -DskipTests).
#
#   scripts/mock-bench.sh unpaced   # 63-event streams, no delays, wrk -t1 -c100: events/s
#   scripts/mock-bench.sh paced     # 10,000 streams at 10 events/s: lateness p50/p99/max, heap, the server's
#                                   # CPU (s per s) and voluntary context switches per s (its threads' sleeps,
#                                   # so about its wake-ups) over the measured window
#                                   # (STREAMS=N and ITL_MS=GAP change the load; RUNS=N the repeats;
#                                   # WARMUP_S=S the seconds before the 20 s measured window, default 15)
#
# Unpaced: each stream is role + 60 content events + finish + [DONE]; events/s comes from the server's
# own /stats counters over the measured window (after a warm-up).
# Paced: every stream sends an event every 100 ms; streams start at random phases (ttft uniform 0-100 ms)
# and have random lengths (50-150 events), as real traffic does: identical constant gaps started at one
# instant would all fall due together, and identical lengths would make every stream end and restart at
# once (10,000 new requests in the same second);
# the server runs with -Xmx512m and its GC log gives the largest heap in use. MODEL=NAME asks for another
# profile than paced (with MOCK_ARGS="--profiles FILE" for one of your own; the headers still set its timing).
# JAR=PATH runs another build of the mock (to compare two commits). TRANSPORT=io_uring (or epoll,
# nio) picks the server transport; MOCK_ARGS adds server options (e.g. --io-threads 1).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-unpaced}
RUNS=${RUNS:-3}
JAR=${JAR:-mock-server/target/streambench-mock-server.jar}
PORT=${PORT:-18383}
[ -f "$JAR" ] || { echo "mock-bench: $JAR missing; run: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "mock-bench: wrk missing; run: apt-get install wrk" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || true
OUT=$(mktemp -d)

start_server() {
  java -Xmx512m -Xlog:gc:file="$OUT/gc-$1.log" ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" ${TRANSPORT:+--transport "$TRANSPORT"} ${MOCK_ARGS:-} > "$OUT/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.2; done  # mock --warmup first
  echo "mock-bench: server did not start" >&2; exit 1
}
stop_server() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
trap 'stop_server 2>/dev/null || true' EXIT

# CPU seconds (user + system) of process $1 so far, and its threads' voluntary context switches.
cpu_and_switches() {
  python3 - "$1" <<'PY'
import glob, os, sys
pid = sys.argv[1]
fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
switches = 0
for status in glob.glob(f"/proc/{pid}/task/*/status"):
    try:
        for line in open(status):
            if line.startswith("voluntary_ctxt_switches:"):
                switches += int(line.split()[1])
    except FileNotFoundError:
        pass  # a thread that ended meanwhile
print(cpu, switches)
PY
}

summary() { # name values...
  python3 - "$@" <<'PY'
import statistics, sys
name, values = sys.argv[1], sorted(float(v) for v in sys.argv[2:])
print(f"{name}: min={values[0]:.3f} median={statistics.median(values):.3f} max={values[-1]:.3f} runs={len(values)}")
PY
}

case "$MODE" in
unpaced)
  EPS=()
  for run in $(seq "$RUNS"); do
    start_server "$run"
    wrk -t1 -c100 -d5s -s scripts/unpaced.lua "http://127.0.0.1:$PORT/v1/chat/completions" >/dev/null
    A=$(curl -sf "http://127.0.0.1:$PORT/stats")
    wrk -t1 -c100 -d10s -s scripts/unpaced.lua "http://127.0.0.1:$PORT/v1/chat/completions" > "$OUT/wrk-$run.log"
    B=$(curl -sf "http://127.0.0.1:$PORT/stats")
    E=$(python3 -c "import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2]); print((b['events_sent']-a['events_sent'])/10)" "$A" "$B")
    echo "run $run: events/s=$E $(grep Requests/sec "$OUT/wrk-$run.log")"
    EPS+=("$E")
    stop_server
  done
  summary "unpaced events/s" "${EPS[@]}"
  ;;
paced)
  STREAMS=${STREAMS:-10000}
  WARMUP=${WARMUP_S:-15}
  P50=(); P99=(); MAX=(); HEAP=(); CPU=(); WAKE=()
  for run in $(seq "$RUNS"); do
    start_server "$run"
    TTFT_MS=uniform:0:${ITL_MS:-100} ITL_MS=${ITL_MS:-100} OUTPUT_TOKENS=uniform:50:150 \
      wrk -t1 -c"$STREAMS" -d"$((WARMUP + 25))"s --timeout 60s -s scripts/pacing-check.lua \
      "http://127.0.0.1:$PORT/v1/chat/completions" > "$OUT/wrk-$run.log" 2>&1 &
    WRK=$!
    sleep "$WARMUP"                                            # connect, warm up, reach steady state
    curl -sf "http://127.0.0.1:$PORT/stats?reset=true" >/dev/null
    read -r cpu0 sw0 < <(cpu_and_switches "$SERVER")
    sleep 20
    read -r cpu1 sw1 < <(cpu_and_switches "$SERVER")
    S=$(curl -sf "http://127.0.0.1:$PORT/stats")
    wait $WRK || true
    read -r p50 p99 mx active eps < <(python3 -c "
import json,sys; s=json.loads(sys.argv[1]); l=s['pace_lateness_us']
print(l['p50']/1000, l['p99']/1000, l['max']/1000, s['active_streams'], l['count']/20)" "$S")
    heap=$(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc-$run.log" | tr -d M | tr '>' ' ' | tr '-' ' ' | awk '{ if ($1>m) m=$1 } END { print m+0 }')
    cpu=$(python3 -c "print(($cpu1 - $cpu0) / 20)")
    wakeups=$(python3 -c "print(($sw1 - $sw0) / 20)")
    echo "run $run: lateness_ms p50=$p50 p99=$p99 max=$mx events/s=$eps streams_at_end=$active heap_max_mb=$heap" \
      "server_cpu_s/s=$cpu switches/s=$wakeups"
    P50+=("$p50"); P99+=("$p99"); MAX+=("$mx"); HEAP+=("$heap"); CPU+=("$cpu"); WAKE+=("$wakeups")
    stop_server
  done
  summary "lateness p50 ms" "${P50[@]}"
  summary "lateness p99 ms" "${P99[@]}"
  summary "lateness max ms" "${MAX[@]}"
  summary "heap max MB (before GC)" "${HEAP[@]}"
  summary "server CPU s per s" "${CPU[@]}"
  summary "server voluntary context switches per s" "${WAKE[@]}"
  ;;
*) echo "usage: scripts/mock-bench.sh unpaced|paced" >&2; exit 2 ;;
esac
echo "logs: $OUT"
