package org.jpegmt.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
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

/**
 * jpeg-mt's encode and decode per thread count, on one photo re-encoded by jpegmt at the
 * given quality and subsampling with one restart marker per MCU row ({@code row}) or none.
 * {@link BenchMain} reports each score's speedup over {@code threads=1} of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParallelBenchmark {
    @Param({"kleiber_6028x3391_q95_444.jpg"})
    public String image;

    @Param({"90"})
    public int quality;

    @Param({"420"})
    public String subsampling;

    @Param({"row", "none"})
    public String restart;

    @Param({"1", "2"})
    public int threads;

    PixelImage pixels;
    byte[] jpeg;
    ParallelJpegDecoder decoder;
    ParallelJpegEncoder encoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pixels = BenchImages.loadPixels(image);
        EncoderOptions opts = EncoderOptions.defaults().withQuality(quality)
                .withSubsampling(Subsampling.parse(subsampling))
                .withRestartRows(restart.equals("row") ? 1 : 0);
        jpeg = new JpegEncoder(opts).encode(pixels);
        decoder = new ParallelJpegDecoder(org.jpegmt.core.DecoderOptions.defaults(), threads);
        encoder = new ParallelJpegEncoder(opts, threads);
    }

    @Benchmark
    public PixelImage decode() throws IOException {
        return decoder.decode(jpeg);
    }

    @Benchmark
    public byte[] encode() {
        return encoder.encode(pixels);
    }
}
