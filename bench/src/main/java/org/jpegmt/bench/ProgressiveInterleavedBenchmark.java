package org.jpegmt.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode of one progressive (SOF2) file, in interleaved pairs within each invocation, so that a
 * shared machine's drift hits both sides alike ({@link InterleavedPair}; {@link BenchMain} prints
 * the median of the per-iteration ratios):
 * <ul>
 *   <li>{@link #speedup}: this build with 1 thread and with {@code threads} threads
 *       ({@link InterleavedSpeedupBenchmark.Clock});
 *   <li>{@link #versions}: an older build's {@code ParallelJpegDecoder} ({@code oldJar}, e.g. one
 *       whose progressive scans were decoded serially) and this build's, both with
 *       {@code threads} threads ({@link VersionAbBenchmark.Clock}).
 * </ul>
 * {@code image} is the path of a progressive file (see bench/results/*-progressive-parallel.md).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain ProgressiveInterleavedBenchmark \
 *     -p image=/tmp/prog/kleiber_420q90_progressive.jpg -p threads=2 -p oldJar=/tmp/old-benchmarks.jar
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 10, time = 4)
public class ProgressiveInterleavedBenchmark {
    @Param({""})
    public String image;

    @Param({"2"})
    public int threads;

    /** The older build's jar, for {@link #versions} (empty: that benchmark refuses to run). */
    @Param({""})
    public String oldJar;

    byte[] jpeg;
    ParallelJpegDecoder decoder1;
    ParallelJpegDecoder decoderK;
    MethodHandle oldDecode;

    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        jpeg = Files.readAllBytes(BenchImages.resolve(image));
        decoder1 = new ParallelJpegDecoder(DecoderOptions.defaults(), 1);
        decoderK = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
        if (!oldJar.isEmpty()) {
            ClassLoader old = VersionAbBenchmark.oldLoader(oldJar);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> options = old.loadClass("org.jpegmt.core.DecoderOptions");
            Class<?> pixelImage = old.loadClass("org.jpegmt.core.PixelImage");
            Class<?> decoderClass = old.loadClass("org.jpegmt.mt.ParallelJpegDecoder");
            Object defaults = lookup.findStatic(options, "defaults", MethodType.methodType(options)).invoke();
            Object decoder = lookup.findConstructor(decoderClass, MethodType.methodType(void.class, options, int.class))
                    .invoke(defaults, threads);
            oldDecode = lookup.findVirtual(decoderClass, "decode", MethodType.methodType(pixelImage, byte[].class))
                    .bindTo(decoder);
        }
    }

    @Benchmark
    public void speedup(InterleavedSpeedupBenchmark.Clock clock, Blackhole bh) throws Throwable {
        InterleavedSpeedupBenchmark.pair(clock, bh, () -> decoder1.decode(jpeg), () -> decoderK.decode(jpeg));
    }

    @Benchmark
    public void versions(VersionAbBenchmark.Clock clock, Blackhole bh) throws Throwable {
        if (oldDecode == null) {
            throw new IllegalStateException("-p oldJar=PATH names the older build's jar");
        }
        clock.pairs++;
        clock.newFirst = !clock.newFirst;
        long[] ns = InterleavedPair.time(bh, clock.newFirst, () -> oldDecode.invoke(jpeg), () -> decoderK.decode(jpeg));
        clock.oldNs += ns[0];
        clock.newNs += ns[1];
    }
}
