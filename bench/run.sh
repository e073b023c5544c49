#!/usr/bin/env bash
# The jpegmt benchmark suite in one command; writes bench/results/<date>-<host>.md, the JMH JSON
# and the charts (bench/results/<date>-<host>/).
#
#   bench/run.sh quick            # minutes: tiny image, no warm-up, one short iteration (checks the suite runs)
#   bench/run.sh full             # the real run, on a quiet machine
#   bench/run.sh full -p image=elephants_5640x3172_q95_444.jpg    # extra JMH parameters for every core count
#   bench/run.sh speedup          # 2 threads vs 1 on the 20 MP photo, paired alternating trials (SpeedupRun), ~7 min;
#                                 # writes bench/results/<date>-<host>-speedup.md; extra SpeedupRun/JMH arguments
#                                 # are appended and override (e.g. --rounds 3 -p restart=row -wi 1)
#
# Environment: CORES="1 2 4" (core counts to run; default 1..nproc, above 8 only powers of two and nproc),
# JAVA (java binary), JPEGMT_SHARED (default ../shared), BANDWIDTH (GB/s ceiling for the model; default: measured
# here with all cores by BandwidthProbe),
# SKIP_BUILD=1 (use the existing bench/target/benchmarks.jar), JMH_IGNORE_LOCK=1 (run although another
# JMH holds its lock; quick mode always does), TURBO_JAR (default /usr/share/java/turbojpeg.jar).
set -euo pipefail
MODE=${1:-full}
shift || true
case "$MODE" in quick|full|speedup) ;; *) echo "usage: bench/run.sh quick|full|speedup [-p name=v1,v2 ...]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-java}
SHARED=${JPEGMT_SHARED:-$ROOT/../shared}
START=$(date +%s)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -pl bench -am package -DskipTests
fi
# run from a copy, so that a rebuild during the run cannot change the jar under the forked JVMs
JAR=bench/target/benchmarks-run.jar
if [ "$MODE" = speedup ]; then JAR=bench/target/benchmarks-speedup.jar; fi   # its own copy: a suite run may use the other
cp bench/target/benchmarks.jar "$JAR"
CP=$JAR
TURBO_JAR=${TURBO_JAR:-/usr/share/java/turbojpeg.jar}   # Debian libturbojpeg-java: the optional TurboJPEG peer
if [ -f "$TURBO_JAR" ]; then CP="$CP:$TURBO_JAR"; fi

HOST=$(hostname -s 2>/dev/null || hostname)

if [ "$MODE" = speedup ]; then
  # k threads vs 1 thread in one unpinned JVM per trial, rounds alternating 1,2 / 2,1 so that the machine's drift
  # cancels in the per-round ratios; a later -p or --rounds overrides the defaults here, a benchmark regex replaces
  # SpeedupRun's default (ParallelBenchmark). The forked JVMs inherit this JVM's -D options (jpegmt.shared,
  # jmh.ignoreLock).
  MD=bench/results/$(date +%Y-%m-%d)-$HOST-speedup.md
  LOCK=()
  if [ "${JMH_IGNORE_LOCK:-0}" = 1 ]; then LOCK=(-Djmh.ignoreLock=true); fi
  "$JAVA" "${LOCK[@]}" -Djava.awt.headless=true -Djpegmt.shared="$SHARED" -cp "$CP" org.jpegmt.bench.SpeedupRun \
    --rounds 5 --out "$MD" \
    -p image=kleiber_6028x3391_q95_444.jpg -p subsampling=420 -p quality=90 -p restart=row,none "$@"
  echo "== done in $(($(date +%s) - START)) s: $MD"
  exit 0
fi

NAME=$(date +%Y-%m-%d)-$HOST
[ "$MODE" = quick ] && NAME=$NAME-quick
OUT=bench/results/$NAME
MD=bench/results/$NAME.md
rm -rf "$OUT"
mkdir -p "$OUT"

NCPU=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
if [ -z "${CORES:-}" ]; then
  CORES=""
  for ((k = 1; k <= NCPU; k++)); do
    if [ "$k" -le 8 ] || [ $((k & (k - 1))) -eq 0 ] || [ "$k" -eq "$NCPU" ]; then CORES="$CORES $k"; fi
  done
fi
MAXK=$(echo $CORES | tr ' ' '\n' | sort -n | tail -1)

if command -v taskset >/dev/null 2>&1; then
  PINNING="taskset -c 0-(k-1) around each JVM, plus -XX:ActiveProcessorCount=k"
else
  PINNING="no taskset: only -XX:ActiveProcessorCount=k (the OS may still use every core)"
fi
run_pinned() { # k, java args...
  local k=$1; shift
  if command -v taskset >/dev/null 2>&1; then
    taskset -c "0-$((k - 1))" "$JAVA" -XX:ActiveProcessorCount="$k" "$@"
  else
    "$JAVA" -XX:ActiveProcessorCount="$k" "$@"
  fi
}

LOCK=()
if [ "$MODE" = quick ] || [ "${JMH_IGNORE_LOCK:-0}" = 1 ]; then LOCK=(-Djmh.ignoreLock=true); fi
if [ "$MODE" = quick ]; then HEAP=(-Xms1g -Xmx1g); JMHSET="1 fork, 0 warm-up, 1 x 200 ms"
else HEAP=(-Xms4g -Xmx4g -XX:+AlwaysPreTouch); JMHSET="1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, -Xms4g -Xmx4g -XX:+AlwaysPreTouch"; fi
PROPS=(-Djava.awt.headless=true -Djpegmt.shared="$SHARED")

{
  echo "date=$(date +%Y-%m-%d)"
  echo "host=$HOST"
  echo "mode=$MODE"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || uname -p)"
  echo "cores=$NCPU"
  echo "core_counts=$CORES"
  echo "pinning=$PINNING"
  echo "jmh=$JMHSET"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  echo "git=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
} > "$OUT/system.txt"
echo "== jpegmt bench ($MODE): core counts$CORES, results in $OUT"
if [ "$MODE" = full ]; then
  # rough duration: about 12 s per JMH trial (3 x 1 s warm-up, 5 x 1 s measurement, fork, setup), the full matrix
  # (2 images x 12 settings x 2 ops x 3 thread counts) at k = 1 and k = max, 4:2:0 q90 only in between, single-threaded
  # peers at k = 1; about 4 min of batch per core count; 5 min for the model and tjbench
  TRIALS=0
  for k in $CORES; do
    if [ "$k" = 1 ] || [ "$k" = "$MAXK" ]; then TRIALS=$((TRIALS + 144)); else TRIALS=$((TRIALS + 36)); fi
  done
  TRIALS=$((TRIALS + 72)); [ -f "$TURBO_JAR" ] && TRIALS=$((TRIALS + 48))
  echo "   expect roughly $(( (TRIALS * 12 + $(echo $CORES | wc -w) * 240 + 300) / 60 )) minutes ($TRIALS JMH trials)"
fi

for k in $CORES; do
  FULL=false
  if [ "$k" = 1 ] || [ "$k" = "$MAXK" ]; then FULL=true; fi
  echo "== JMH, $k core(s)"
  run_pinned "$k" "${LOCK[@]}" "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.ScalingRun \
    --cores "$k" --mode "$MODE" --out "$OUT" --full-matrix "$FULL" "$@" > "$OUT/jmh-k$k.log" 2>&1 \
    || { echo "JMH step for $k cores failed, see $OUT/jmh-k$k.log" >&2; exit 1; }
  tail -n 3 "$OUT/jmh-k$k.log"
done

for k in $CORES; do
  echo "== batch, $k core(s)"
  run_pinned "$k" "${HEAP[@]}" "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.BatchBench \
    --cores "$k" --mode "$MODE" --out "$OUT" > "$OUT/batch-k$k.log" 2>&1 \
    || { echo "batch step for $k cores failed, see $OUT/batch-k$k.log" >&2; exit 1; }
done

echo "== memory bandwidth ($MAXK cores)"
run_pinned "$MAXK" -Xms1g -Xmx1g "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.BandwidthProbe --threads "$MAXK" --out "$OUT" \
  || { echo "bandwidth probe failed" >&2; exit 1; }
BW=${BANDWIDTH:-$(cat "$OUT/bandwidth.txt")}

echo "== scaling model (1 core)"
run_pinned 1 "${HEAP[@]}" "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.ScalingModel \
  --mode "$MODE" --out "$OUT" --bandwidth "$BW" --cores "$(echo $CORES | tr ' ' ',')" > "$OUT/model.log" 2>&1 \
  || { echo "model step failed, see $OUT/model.log" >&2; exit 1; }

echo "== tjbench (1 core)"
run_pinned 1 "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.TjBenchRun --mode "$MODE" --out "$OUT" > "$OUT/tjbench.log" 2>&1 \
  || { echo "tjbench step failed, see $OUT/tjbench.log" >&2; exit 1; }

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)" >> "$OUT/system.txt"
echo "duration_s=$(($(date +%s) - START))" >> "$OUT/system.txt"
"$JAVA" "${PROPS[@]}" -cp "$CP" org.jpegmt.bench.Report --dir "$OUT" --md "$MD"
echo "== done in $(($(date +%s) - START)) s: $MD"
