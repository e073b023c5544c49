#!/usr/bin/env bash
# Per-core speed (issue 14): one thread of jpegmt against javax.imageio, interleaved inside every JMH
# invocation (PeerPairBenchmark), on the 12 MP and 20 MP bench photos at 4:2:0 q90 with and without one RST
# per MCU row; encoding with standard and optimized Huffman tables; this build against an older one
# (VersionAbBenchmark, one thread) for 4:4:4, greyscale and small images; the same peer pairs on a second JDK;
# tjbench (libjpeg-turbo with SIMD) on the same files. Writes bench/results/<date>-<host>-percore.md.
#
#   bench/percore.sh OLD_BENCHMARKS_JAR        # the older build's bench/target/benchmarks.jar, copied aside
#
# Environment: JAVA (default java), JAVA2 (second JDK's java, default Temurin 25 if installed; "none" skips it),
# SKIP_BUILD=1, FORKS (default 2), JPEGMT_SHARED (default ../shared). On a quiet machine: ~15 minutes.
set -euo pipefail
OLD=${1:?usage: bench/percore.sh OLD_BENCHMARKS_JAR}
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAVA2=${JAVA2:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SHARED=${JPEGMT_SHARED:-$(pwd)/../shared}
FORKS=${FORKS:-2}
if [ "${SKIP_BUILD:-0}" != 1 ]; then mvn -q -B -pl bench -am package -DskipTests; fi
JAR=bench/target/benchmarks-percore.jar
cp bench/target/benchmarks.jar "$JAR"
OUT=bench/results/$(date +%Y-%m-%d)-$(hostname -s 2>/dev/null || hostname)-percore.md
PHOTOS=olympus_4032x3024_q95_444.jpg,kleiber_6028x3391_q95_444.jpg
RUN=(-wi 2 -w 1s -i 5 -r 1s -f "$FORKS")
# -jvmArgsAppend replaces MatrixBase's @Fork flags, so the scalar runs repeat them, without the vector module
SCALAR=(-jvmArgsAppend "-Xms4g -Xmx4g -XX:+AlwaysPreTouch -XX:+UseG1GC -Djava.awt.headless=true -Djpegmt.vector=false")
bench() { # java, args...: BenchMain's Markdown report only (JMH's own log goes to a temp file)
  local java=$1; shift
  local log; log=$(mktemp)
  "$java" -Djava.awt.headless=true -Djpegmt.shared="$SHARED" -cp "$JAR" org.jpegmt.bench.BenchMain "$@" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  sed -n '/^java.version=/,$p' "$log"
  rm -f "$log"
}
START=$(date +%s)
{
  echo "# Per-core speed, $(date +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
  echo
  echo "Command: \`bench/percore.sh $OLD\` (JMH ${RUN[*]}; one thread everywhere; the forks add"
  echo "\`--add-modules jdk.incubator.vector\`, so jpegmt runs its vector kernels unless a table says scalar)."
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## jpegmt vs javax.imageio, decode and encode, $($JAVA -version 2>&1 | head -1)"
  echo
  bench "$JAVA" 'PeerPairBenchmark.decode' -p image=$PHOTOS -p subsampling=420 -p quality=90 -p restart=none,row \
    "${RUN[@]}"
  bench "$JAVA" 'PeerPairBenchmark.encode' -p image=$PHOTOS -p subsampling=420 -p quality=90 -p restart=none,row \
    -p huffman=standard,optimized "${RUN[@]}"
  echo
  echo "## The same on the scalar kernels (-Djpegmt.vector=false), 12 MP photo"
  echo
  bench "$JAVA" 'PeerPairBenchmark' -p image=olympus_4032x3024_q95_444.jpg -p subsampling=420 -p quality=90 \
    -p restart=none -p huffman=standard "${RUN[@]}" "${SCALAR[@]}"
  echo
  echo "## This build vs $OLD: 4:4:4, greyscale, small images (vector kernels, then scalar)"
  echo
  for path in vector scalar; do
    extra=()
    if [ $path = scalar ]; then extra=("${SCALAR[@]}"); fi
    echo "### $path kernels"
    bench "$JAVA" 'VersionAbBenchmark' -p oldJar="$OLD" -p threads=1 -p quality=90 -p restart=none \
      -p image=olympus_4032x3024_q95_444.jpg -p subsampling=444,gray "${RUN[@]}" "${extra[@]}"
    bench "$JAVA" 'VersionAbBenchmark' -p oldJar="$OLD" -p threads=1 -p quality=90 -p restart=none \
      -p image=sample@256x256,sample -p subsampling=420 "${RUN[@]}" "${extra[@]}"
  done
  if [ "$JAVA2" != none ] && [ -x "$JAVA2" ]; then
    echo
    echo "## jpegmt vs javax.imageio on $($JAVA2 -version 2>&1 | head -1)"
    echo
    bench "$JAVA2" 'PeerPairBenchmark' -p image=$PHOTOS -p subsampling=420 -p quality=90 -p restart=none \
      -p huffman=standard "${RUN[@]}"
  fi
  if command -v tjbench >/dev/null 2>&1; then
    echo
    echo "#"
    echo
    tmp=$(mktemp -d)
    for img in ${PHOTOS//,/ }; do
      "$JAVA" -Djava.awt.headless=true -Djpegmt.shared="$SHARED" -cp "$JAR" org.jpegmt.bench.BenchFile "$img" 90 420 \
        "$tmp/${img%.jpg}"
      echo "$img: decode of the file PeerPairBenchmark decodes; encode of its pixels at q90 4:2:0"
      echo '```'
      tjbench "$tmp/${img%.jpg}.jpg" -benchtime 2 -warmup 1 2>&1 | grep -E 'Decompress|Throughput' | head -4
      tjbench "$tmp/${img%.jpg}.ppm" 90 -subsamp 420 -benchtime 2 -warmup 1 2>&1 | grep -E 'Compress|Throughput' | head -4
      echo '```'
    done
    rm -rf "$tmp"
  fi
  echo
  echo "Done in $(($(date +%s) - START)) s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$OUT"
echo "== $OUT" >&2
