package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode of one progressive (SOF2) file: jpegmt with {@code threads} threads (1 = jpeg-core's
 * serial path; more: independent scans and restart intervals at once, then the inverse DCT and
 * conversion in row bands: {@code org.jpegmt.mt.ProgressiveSchedule}) beside the
 * JDK's reader on the same bytes. The file is given as a path, e.g. a 20 MP photo made with
 * {@code cjpeg -progressive -quality 90 -sample 2x2} (see bench/results/*-progressive.md).
 * Score: milliseconds per decode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProgressiveBenchmark {
    @Param({"/tmp/prog/kleiber_420q90_progressive.jpg"})
    public String file;

    @Param({"1", "2"})
    public int threads;

    byte[] jpeg;
    ParallelJpegDecoder decoder;
    ImageReader reader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        jpeg = Files.readAllBytes(Path.of(file));
        decoder = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
        reader = BenchImages.jdkReader();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reader.dispose();
    }

    @Benchmark
    public PixelImage jpegmt() throws IOException {
        return decoder.decode(jpeg);
    }

    @Benchmark
    public BufferedImage imageio() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        }
    }
}
