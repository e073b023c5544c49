#!/usr/bin/env bash
# The Spark job (jpeg-spark, local mode) against the command's batch (jpegmt encode -o DIR), same run, in fresh
# JVMs, alternating, ROUNDS times (default 3), on two folders made by BatchBench:
#   photos: 100 JPEGs of 1-4 MP cropped from ../shared/bench-images (BatchBench's batch folder)
#   small:  100 JPEGs of 0.05-0.2 MP cropped from samples/sample.png: the codec's work is small, so what
#           the job adds per file shows
#   bench/spark.sh [ROUNDS]
# Every run re-encodes the folder at -q 90 (each file keeps its sampling), scalar kernels:
#   cli         java -jar cli/target/jpegmt-cli.jar encode -f -q 90 -o OUT FOLDER            (2 threads: all cores)
#   spark       java -cp jpeg-spark.jar:<Spark> TranscodeJob --op encode -f -q 90 FOLDER OUT  (local[2], 1 thread per file)
#   spark-t2    the same with --threads 2 (each file also split by jpeg-mt: 2 tasks x 2 threads on 2 cores)
#   spark-16m   spark with -Dspark.sql.files.maxPartitionBytes=16m (more, smaller tasks)
# Prints a Markdown table (wall seconds of the whole process, the seconds the batch itself reports, Spark's
# listing and task count) and checks that every output of every job is byte-identical to the command's.
# Environment: JAVA (java binary), JPEGMT_SHARED (default ../shared), SKIP_BUILD=1, RUNS (default all four).
set -euo pipefail
ROUNDS=${1:-3}
RUNS=${RUNS:-cli spark spark-t2 spark-16m}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-java}
SHARED=${JPEGMT_SHARED:-$ROOT/../shared}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B -pl bench,cli,jpeg-spark -am package -DskipTests
fi
WORK=bench/target/spark-bench
rm -rf "$WORK" && mkdir -p "$WORK"
"$JAVA" -Djpegmt.shared="$SHARED" -cp bench/target/benchmarks.jar org.jpegmt.bench.BatchBench \
  --images bench/target/batch-images --out "$WORK" --folder-only >/dev/null
"$JAVA" -Djpegmt.shared="$SHARED" -cp bench/target/benchmarks.jar org.jpegmt.bench.BatchBench \
  --images bench/target/batch-images-small --out "$WORK" --mode quick --count 100 --folder-only >/dev/null
SPARK_CP="jpeg-spark/target/jpeg-spark.jar:$(cat jpeg-spark/target/spark-classpath.txt)"

run() { # name, command...: prints "wall batch_seconds listing_seconds tasks"
  local name=$1; shift
  rm -rf "$WORK/out/$name"
  local t0 t1 wall batch listing tasks
  t0=$(date +%s%N)
  "$@" 2> "$WORK/$name.err" >/dev/null
  t1=$(date +%s%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  batch=$(grep -o 'converted, [0-9]* failed;.*; [0-9.]* s,' "$WORK/$name.err" | tail -1 | sed -E 's/.*; ([0-9.]+) s,$/\1/' || true)
  listing=$(grep -o 'listing [0-9.]* s)' "$WORK/$name.err" | tail -1 | sed -E 's/[^0-9.]//g' || true)
  tasks=$(grep -o '([0-9]* tasks;' "$WORK/$name.err" | tail -1 | sed -E 's/[^0-9]//g' || true)
  echo "$wall ${batch:--} ${listing:--} ${tasks:--}"
}
cmd() { # name folder
  case $1 in
    cli) "$JAVA" -jar cli/target/jpegmt-cli.jar encode -f -q 90 -o "$WORK/out/$1" "$2" ;;
    spark*)
      local extra=() props=()
      [ "$1" = spark-t2 ] && extra=(--threads 2)
      [ "$1" = spark-16m ] && props=(-Dspark.sql.files.maxPartitionBytes=16m)
      SPARK_LOCAL_IP=127.0.0.1 "$JAVA" -Dspark.master='local[2]' -Dspark.ui.enabled=false "${props[@]}" \
        -Dlog4j2.configurationFile=jpeg-spark/log4j2-local.properties -cp "$SPARK_CP" \
        org.jpegmt.spark.TranscodeJob --op encode -f -q 90 "${extra[@]}" "$2" "$WORK/out/$1" ;;
  esac
}

echo "# java $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.version = //p'); $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for folder in bench/target/batch-images bench/target/batch-images-small; do
  FILES=$(ls "$folder"/batch-*.jpg | wc -l)
  MP=$(ls "$folder"/batch-*.jpg | sed -E 's/.*-([0-9]+)x([0-9]+)\.jpg/\1 \2/' | awk '{s += $1 * $2} END {printf "%.2f", s / 1e6}')
  echo
  echo "## $folder: $FILES files, $MP MP, $(du -sm "$folder" | cut -f1) MB"
  echo
  echo "| round | run | wall s | batch s (its summary) | Spark listing s | tasks | files/s (wall) | MP/s (wall) | MP/s (batch) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for r in $(seq 1 "$ROUNDS"); do
    for name in $RUNS; do
      read -r wall batch listing tasks < <(run "$name" cmd "$name" "$folder")
      awk -v r="$r" -v n="$name" -v w="$wall" -v b="$batch" -v l="$listing" -v t="$tasks" -v f="$FILES" -v mp="$MP" 'BEGIN {
        printf "| %s | %s | %.2f | %s | %s | %s | %.1f | %.1f | %s |\n", r, n, w, b, l, t, f / w, mp / w,
          (b == "-" ? "-" : sprintf("%.1f", mp / b)) }'
    done
  done
  for name in $RUNS; do
    [ "$name" = cli ] && continue
    if diff -r -q "$WORK/out/cli" "$WORK/out/$name" >/dev/null; then
      echo; echo "$name: all $(find "$WORK/out/$name" -type f | wc -l) outputs byte-identical to the command's"
    else
      echo; echo "$name: OUTPUTS DIFFER from the command's:"; diff -r -q "$WORK/out/cli" "$WORK/out/$name" | head
    fi
  done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
