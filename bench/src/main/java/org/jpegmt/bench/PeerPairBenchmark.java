package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.awt.BufferedImages;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * jpegmt on one thread against javax.imageio (the JDK's own reader and writer, {@link JdkCodec}),
 * interleaved inside every invocation: each invocation decodes (or encodes) the image once with
 * each codec, the order alternating from one invocation to the next, and sums each side's time
 * into JMH secondary results ({@code imageioNs}, {@code jpegmtNs}, {@code pairs}). On a shared
 * machine whose speed drifts over seconds both codecs then see the same machine, which separate
 * benchmark methods (run one after the other) do not; the per-iteration ratio
 * {@code imageioNs / jpegmtNs} is jpegmt's speed relative to the JDK codec (above 1: jpegmt is
 * faster), and {@link BenchMain} prints its median. This is the measurement behind the per-core
 * floors of the README's speed section.
 *
 * <p>Decoding reads the file jpegmt encoded ({@link Workload}); the JDK reader returns a
 * {@code TYPE_3BYTE_BGR} image, jpegmt an RGB {@link PixelImage}. Encoding gives the JDK writer a
 * {@code TYPE_3BYTE_BGR} image (its fastest input) and jpegmt RGB bytes, both with the same
 * quality, subsampling, restart interval and {@code huffman} tables ({@code standard} or
 * {@code optimized}, as {@link EncodeBenchmark}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain PeerPairBenchmark \
 *     -p image=kleiber_6028x3391_q95_444.jpg,olympus_4032x3024_q95_444.jpg -p subsampling=420 \
 *     -p quality=90 -p restart=none,row -p huffman=standard
 * </pre>
 */
public class PeerPairBenchmark extends MatrixBase {
    /** Secondary results: nanoseconds spent by each codec in the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Clock {
        public long imageioNs;
        public long jpegmtNs;
        /** Pairs (the image once with each codec) in the iteration. */
        public long pairs;
        boolean jpegmtFirst;

        @Setup(Level.Iteration)
        public void clear() {
            imageioNs = 0;
            jpegmtNs = 0;
            pairs = 0;
        }
    }

    @Param({"standard"})
    public String huffman;

    byte[] jpeg;
    PixelImage pixels;
    BufferedImage buffered;
    JpegDecoder decoder;
    JpegEncoder encoder;
    JdkCodec jdk;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Workload w = workload();
        jpeg = w.jpeg;
        pixels = w.pixels;
        buffered = BufferedImages.toBufferedImage(pixels);
        boolean optimize = EncodeBenchmark.optimizedHuffman(huffman);
        decoder = new JpegDecoder(DecoderOptions.defaults());
        encoder = new JpegEncoder(w.options.withOptimizeHuffman(optimize));
        jdk = new JdkCodec(buffered, quality, w.subsampling, Workload.restartRows(restart) * w.mcusPerRow(), optimize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jdk.close();
    }

    private static void pair(Clock clock, Blackhole bh, InterleavedPair.Side imageio, InterleavedPair.Side jpegmt)
            throws Throwable {
        clock.pairs++;
        clock.jpegmtFirst = !clock.jpegmtFirst;
        long[] ns = InterleavedPair.time(bh, clock.jpegmtFirst, imageio, jpegmt);
        clock.imageioNs += ns[0];
        clock.jpegmtNs += ns[1];
    }

    @Benchmark
    public void decode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> jdk.decode(jpeg), () -> decoder.decode(jpeg));
    }

    @Benchmark
    public void encode(Clock clock, Blackhole bh) throws Throwable {
        pair(clock, bh, () -> jdk.encode(buffered), () -> encoder.encode(pixels));
    }
}
