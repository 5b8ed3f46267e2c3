#!/usr/bin/env bash
# The driver's time-to-first-token error against the standalone mock's paced profile (200 ms to the first
# token, then 100 tokens 20 ms apart), at one stream and at 256, runs alternated so that a machine that grows
# busier hurts both alike.
#
#   scripts/ttft-floor.sh [RUNS] [DURATION]      (defaults: 4 runs at each concurrency, 30s each)
#
# Starts `streambench mock` on a free loopback port and loads it for 5 s (its own warm-up, not reported), then
# RUNS times: a run at --concurrency 1, then one at --concurrency 256, each for DURATION with send stamps after
# a 2 s --warmup (a run's first requests open its connections: at 256 streams their median error was about 3 ms).
# After each run it prints the load average at its start, the median of ttft minus 200 ms over its measured
# requests (exact, from requests.csv: summary.csv's percentiles are histogram buckets, 131 µs wide at 200 ms),
# the median ttfb, stamp_overhead p50 (the mock's write to the driver's read of each event) and the mock's
# pacing lateness p50 over that run (/stats, reset before it); at the end, per concurrency, the median and the
# range of the runs' median errors. RUN_ARGS adds run options (e.g. RUN_ARGS="--client-warmup 0"); JAR=PATH runs
# another build (driver and mock both; to compare two commits).
# Loopback only, bounded in time. Needs the built jar (mvn -B -q package -DskipTests), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) echo "usage: scripts/ttft-floor.sh [RUNS] [DURATION]" >&2; exit 2 ;; esac
RUNS=${1:-4}
DURATION=${2:-30s}
JAR=${JAR:-bench/target/streambench.jar}
[ -f "$JAR" ] || { echo "ttft-floor: $JAR missing: mvn -B -q package -DskipTests" >&2; exit 2; }
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "ttft-floor: $tool missing" >&2; exit 2; }
done
OUT=$(mktemp -d)
MOCK=
cleanup() {
  [ -n "$MOCK" ] && kill "$MOCK" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$JAR" mock --port "$PORT" >"$OUT/mock.log" 2>&1 &
MOCK=$!
# up to 30 s: the mock warms its own code before it listens (mock --warmup, at most 10 s)
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "ttft-floor: the mock did not start" >&2; exit 1; }

# shellcheck disable=SC2086  # RUN_ARGS is a list of options
run() {
  local concurrency=$1 duration=$2 report=$3 load dir
  curl -sf "http://127.0.0.1:$PORT/stats?reset=true" >/dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  java -jar "$JAR" run --url "http://127.0.0.1:$PORT/v1" --model paced --concurrency "$concurrency" \
    --warmup 2s --duration "$duration" --header 'x-mock-timestamps: true' --out "$OUT/runs" --name "c$concurrency" \
    --quiet ${RUN_ARGS:-} >"$OUT/run.log" 2>&1 || { cat "$OUT/run.log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$PORT/stats" >"$OUT/stats.json"
  dir=$(ls -d "$OUT"/runs/*-"c$concurrency" | tail -1)
  if [ "$report" = yes ]; then
    python3 - "$dir" "$OUT/stats.json" "$concurrency" "$load" "$OUT/results" <<'EOF'
import csv, json, statistics, sys
folder, stats, concurrency, load, results = sys.argv[1:]
rows = [r for r in csv.DictReader(open(folder + "/requests.csv"))
        if r["phase"] == "measured" and r["error_class"] == "none" and r["ttft_ms"]]
ttft = statistics.median(float(r["ttft_ms"]) for r in rows) - 200
ttfb = statistics.median(float(r["ttfb_ms"]) for r in rows)
overhead = next((r["p50"] for r in csv.DictReader(open(folder + "/summary.csv"))
                 if r["metric"] == "stamp_overhead"), "")
late = json.load(open(stats))["pace_lateness_us"]["p50"]
print(f"c={concurrency:<4} load {load:>5}  ttft-200 {ttft:7.3f} ms  ttfb {ttfb:6.3f} ms  "
      f"stamp_overhead p50 {overhead:>7} ms  mock lateness p50 {late:7.1f} us  ({len(rows)} requests)", flush=True)
open(results, "a").write(f"{concurrency} {ttft}\n")
EOF
  fi
  rm -rf "$dir"
}

run 256 5s no
for i in $(seq "$RUNS"); do
  run 1 "$DURATION" yes
  run 256 "$DURATION" yes
done
python3 - "$OUT/results" <<'EOF'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    c, e = line.split()
    by.setdefault(int(c), []).append(float(e))
for c, errors in sorted(by.items()):
    print(f"c={c}: median ttft error {statistics.median(errors):.3f} ms over {len(errors)} runs "
          f"(runs' medians {min(errors):.3f} to {max(errors):.3f} ms)")
EOF
