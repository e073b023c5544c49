package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
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
 * Single-threaded decode of one photo, jpegmt beside the JDK's own JPEG reader, on the same
 * bytes: the photo re-encoded by jpegmt at the given quality and subsampling, with one restart
 * marker per MCU row ({@code row}) or none. Score: operations per second; {@link BenchMain}
 * turns it into megapixels per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
    @Param({"kleiber_6028x3391_q95_444.jpg"})
    public String image;

    @Param({"90"})
    public int quality;

    @Param({"420"})
    public String subsampling;

    @Param({"row", "none"})
    public String restart;

    byte[] jpeg;
    JpegDecoder decoder;
    ImageReader jdkReader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PixelImage pixels = BenchImages.loadPixels(image);
        EncoderOptions opts = EncoderOptions.defaults().withQuality(quality)
                .withSubsampling(Subsampling.parse(subsampling))
                .withRestartRows(restart.equals("row") ? 1 : 0);
        jpeg = new JpegEncoder(opts).encode(pixels);
        decoder = new JpegDecoder();
        jdkReader = BenchImages.jdkReader();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jdkReader.dispose();
    }

    @Benchmark
    public PixelImage jpegmt() throws IOException {
        return decoder.decode(jpeg);
    }

    @Benchmark
    public BufferedImage imageio() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            jdkReader.setInput(in, true, true);
            return jdkReader.read(0);
        }
    }
}
