package org.jpegmt.bench;

import java.io.IOException;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * k threads against 1 thread with the two interleaved inside every invocation: each invocation
 * codes the image once with 1 thread and once with {@code threads} (the order alternating from
 * one invocation to the next), and the time of each is summed into JMH secondary results
 * ({@code oneThreadNs}, {@code kThreadsNs}, with the count {@code pairs}) per iteration. On a shared machine whose speed drifts
 * over seconds, the two sides of every pair are then measured within a fraction of a second of
 * each other, and the per-iteration ratio {@code oneThreadNs / kThreadsNs} is the speedup.
 * {@link BenchMain} prints the median of those ratios. The primary score (pairs per second) is
 * not a codec speed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain InterleavedSpeedupBenchmark \
 *     -p image=kleiber_6028x3391_q95_444.jpg -p subsampling=420 -p quality=90 -p restart=row
 * </pre>
 */
public class InterleavedSpeedupBenchmark extends MatrixBase {
    /** Secondary results: nanoseconds spent by each side in the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Clock {
        public long oneThreadNs;
        public long kThreadsNs;
        /** Pairs (one image each way) in the iteration. */
        public long pairs;
        boolean kFirst;

        @Setup(Level.Iteration)
        public void clear() {
            oneThreadNs = 0;
            kThreadsNs = 0;
            pairs = 0;
        }
    }

    @Param({"2"})
    public int threads;

    PixelImage pixels;
    byte[] jpeg;
    ParallelJpegDecoder decoder1;
    ParallelJpegDecoder decoderK;
    ParallelJpegEncoder encoder1;
    ParallelJpegEncoder encoderK;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = workload();
        pixels = w.pixels;
        jpeg = w.jpeg;
        decoder1 = new ParallelJpegDecoder(DecoderOptions.defaults(), 1);
        decoderK = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
        encoder1 = new ParallelJpegEncoder(w.options, 1);
        encoderK = new ParallelJpegEncoder(w.options, threads);
    }

    /** Times one pair into the clock (also used by {@link TranscodeSpeedupBenchmark}). */
    static void pair(Clock clock, Blackhole bh, InterleavedPair.Side a, InterleavedPair.Side b)
            throws Throwable {
        clock.pairs++;
        clock.kFirst = !clock.kFirst;
        long[] ns = InterleavedPair.time(bh, clock.kFirst, a, b);
        clock.oneThreadNs += ns[0];
        clock.kThreadsNs += ns[1];
    }

    @Benchmark
    public void decode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> decoder1.decode(jpeg), () -> decoderK.decode(jpeg));
    }

    @Benchmark
    public void encode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> encoder1.encode(pixels), () -> encoderK.encode(pixels));
    }
}
