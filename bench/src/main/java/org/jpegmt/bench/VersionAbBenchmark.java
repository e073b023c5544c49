package org.jpegmt.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * This build of jpeg-mt against an older one, interleaved inside every invocation: each
 * invocation decodes (or encodes) the image once with the old jar's {@code ParallelJpegDecoder}
 * ({@code ParallelJpegEncoder}) and once with this build's, with {@code threads} threads, the
 * order alternating from one invocation to the next, and sums each side's time into JMH secondary
 * results ({@code oldNs}, {@code newNs}, {@code pairs}). On a machine whose speed drifts over
 * seconds both sides are then measured within a fraction of a second of each other, and the
 * per-iteration ratio {@code oldNs / newNs} is the new build's speed relative to the old one
 * (above 1: faster). {@link BenchMain} prints the median of those ratios.
 *
 * <p>The old jar (e.g. {@code bench/target/benchmarks.jar} built from an older commit, copied
 * aside) is loaded child-first in its own class loader, so the two builds' {@code org.jpegmt}
 * classes live side by side in one JVM; they are called through method handles whose cost is
 * nothing next to a whole-image decode.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain VersionAbBenchmark \
 *     -p oldJar=/tmp/old-benchmarks.jar -p image=kleiber_6028x3391_q95_444.jpg -p subsampling=420 \
 *     -p quality=90 -p restart=row,none -p threads=1,2
 * </pre>
 */
public class VersionAbBenchmark extends MatrixBase {
    /** Secondary results: nanoseconds spent by each side in the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Clock {
        public long oldNs;
        public long newNs;
        /** Pairs (one image each way) in the iteration. */
        public long pairs;
        boolean newFirst;

        @Setup(Level.Iteration)
        public void clear() {
            oldNs = 0;
            newNs = 0;
            pairs = 0;
        }
    }

    /** The older build: a jar holding its org.jpegmt classes (a benchmarks.jar will do). */
    @Param({""})
    public String oldJar;

    @Param({"1", "2"})
    public int threads;

    byte[] jpeg;
    PixelImage pixels;
    ParallelJpegDecoder newDecoder;
    ParallelJpegEncoder newEncoder;
    MethodHandle oldDecode;
    MethodHandle oldEncode;
    Object oldPixels;

    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        Workload w = workload();
        jpeg = w.jpeg;
        pixels = w.pixels;
        newDecoder = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
        newEncoder = new ParallelJpegEncoder(w.options, threads);
        ClassLoader old = oldLoader(oldJar);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> decoderOptions = old.loadClass("org.jpegmt.core.DecoderOptions");
        Class<?> encoderOptions = old.loadClass("org.jpegmt.core.EncoderOptions");
        Class<?> subsampling = old.loadClass("org.jpegmt.core.Subsampling");
        Class<?> pixelImage = old.loadClass("org.jpegmt.core.PixelImage");
        Class<?> pixelFormat = old.loadClass("org.jpegmt.core.PixelFormat");
        Class<?> decoderClass = old.loadClass("org.jpegmt.mt.ParallelJpegDecoder");
        Class<?> encoderClass = old.loadClass("org.jpegmt.mt.ParallelJpegEncoder");
        Object oldDecoderOptions = lookup.findStatic(decoderOptions, "defaults", MethodType.methodType(decoderOptions))
                .invoke();
        Object decoder = lookup.findConstructor(decoderClass, MethodType.methodType(void.class, decoderOptions, int.class))
                .invoke(oldDecoderOptions, threads);
        oldDecode = lookup.findVirtual(decoderClass, "decode", MethodType.methodType(pixelImage, byte[].class))
                .bindTo(decoder);
        // The same encoder settings, rebuilt in the old build from this build's options.
        Object eo = lookup.findStatic(encoderOptions, "defaults", MethodType.methodType(encoderOptions)).invoke();
        eo = lookup.findVirtual(encoderOptions, "withQuality", MethodType.methodType(encoderOptions, int.class))
                .invoke(eo, w.options.quality());
        Object sub = lookup.findStatic(subsampling, "valueOf", MethodType.methodType(subsampling, String.class))
                .invoke(w.options.subsampling().name());
        eo = lookup.findVirtual(encoderOptions, "withSubsampling", MethodType.methodType(encoderOptions, subsampling))
                .invoke(eo, sub);
        eo = lookup.findVirtual(encoderOptions, "withRestartRows", MethodType.methodType(encoderOptions, int.class))
                .invoke(eo, w.options.restartInterval());
        Object encoder = lookup.findConstructor(encoderClass, MethodType.methodType(void.class, encoderOptions, int.class))
                .invoke(eo, threads);
        oldEncode = lookup.findVirtual(encoderClass, "encode", MethodType.methodType(byte[].class, pixelImage))
                .bindTo(encoder);
        Object format = lookup.findStatic(pixelFormat, "valueOf", MethodType.methodType(pixelFormat, String.class))
                .invoke(pixels.format().name());
        oldPixels = lookup.findConstructor(pixelImage, MethodType.methodType(void.class, int.class, int.class,
                pixelFormat, byte[].class)).invoke(pixels.width(), pixels.height(), format, pixels.data());
        byte[] oldBytes = (byte[]) oldEncode.invoke(oldPixels);
        if (!java.util.Arrays.equals(oldBytes, newEncoder.encode(pixels))) {
            throw new IllegalStateException("the old and new encoders do not make the same bytes: not the same settings");
        }
    }

    /** A loader that takes org.jpegmt classes from the jar first, everything else from the parent. */
    static ClassLoader oldLoader(String jar) throws IOException {
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException("-p oldJar=PATH must name the older build's jar, got '" + jar + "'");
        }
        URL url = Path.of(jar).toUri().toURL();
        return new URLClassLoader(new URL[] {url}, VersionAbBenchmark.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("org.jpegmt.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        c = findClass(name);
                    }
                    if (resolve) {
                        resolveClass(c);
                    }
                    return c;
                }
            }
        };
    }

    private static void pair(Clock clock, Blackhole bh, InterleavedPair.Side a, InterleavedPair.Side b)
            throws Throwable {
        clock.pairs++;
        clock.newFirst = !clock.newFirst;
        long[] ns = InterleavedPair.time(bh, clock.newFirst, a, b);
        clock.oldNs += ns[0];
        clock.newNs += ns[1];
    }

    @Benchmark
    public void decode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> oldDecode.invoke(jpeg), () -> newDecoder.decode(jpeg));
    }

    @Benchmark
    public void encode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> oldEncode.invoke(oldPixels), () -> newEncoder.encode(pixels));
    }
}
