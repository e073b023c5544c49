package org.jpegmt.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.internal.TranscodeJob;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegTranscoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lossless transcoding and what it buys, 1 thread against k inside every invocation (as
 * {@link InterleavedSpeedupBenchmark}; {@link BenchMain} prints the median per-iteration ratio).
 * The photo is encoded at 4:2:0 q{@code quality} without restart markers ({@code plain}, like a
 * camera file) and with one per MCU row ({@code native}: markers from the start); {@code
 * transcoded} is {@code plain} through {@code jpegmt transcode} (a restart marker per MCU row).
 *
 * <ul>
 *   <li>{@code transcodePlain}: transcode time of {@code plain} (source entropy-decoded serially,
 *       output coded in strips);
 *   <li>{@code transcodeNative}: the same from a source with markers (read by bands too);
 *   <li>{@code decodeTranscoded}, {@code decodeNative}, {@code decodePlain}: decode time.
 * </ul>
 *
 * <pre>
 * java -Djmh.ignoreLock=true -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain TranscodeSpeedupBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 11, time = 2)
public class TranscodeSpeedupBenchmark {
    @Param({"kleiber_6028x3391_q95_444.jpg"})
    public String image;

    @Param({"90"})
    public int quality;

    @Param({"2"})
    public int threads;

    byte[] plain;
    byte[] nativeRst;
    byte[] transcoded;
    ParallelJpegTranscoder transcoder1;
    ParallelJpegTranscoder transcoderK;
    ParallelJpegDecoder decoder1;
    ParallelJpegDecoder decoderK;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        plain = Workload.of(image, "none", "420", quality).jpeg;
        nativeRst = Workload.of(image, "row", "420", quality).jpeg;
        TranscodeJob.Settings rows1 = TranscodeJob.Settings.JPEGTRAN.withRestartRows(1);
        DecoderOptions o = DecoderOptions.defaults();
        transcoder1 = new ParallelJpegTranscoder(rows1, o, 1);
        transcoderK = new ParallelJpegTranscoder(rows1, o, threads);
        transcoded = transcoder1.transcode(plain);
        decoder1 = new ParallelJpegDecoder(o, 1);
        decoderK = new ParallelJpegDecoder(o, threads);
        System.out.println("# plain " + plain.length + " B, native " + nativeRst.length + " B, transcoded "
                + transcoded.length + " B, transcoded == native: " + Arrays.equals(transcoded, nativeRst));
    }

    @Benchmark
    public void transcodePlain(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> transcoder1.transcode(plain), () -> transcoderK.transcode(plain));
    }

    @Benchmark
    public void transcodeNative(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> transcoder1.transcode(nativeRst), () -> transcoderK.transcode(nativeRst));
    }

    @Benchmark
    public void decodeTranscoded(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> decoder1.decode(transcoded), () -> decoderK.decode(transcoded));
    }

    @Benchmark
    public void decodeNative(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> decoder1.decode(nativeRst), () -> decoderK.decode(nativeRst));
    }

    @Benchmark
    public void decodePlain(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> decoder1.decode(plain), () -> decoderK.decode(plain));
    }
}
