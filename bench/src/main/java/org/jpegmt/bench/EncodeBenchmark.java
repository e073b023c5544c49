package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.BufferedImages;
import org.jpegmt.core.EncoderOptions;
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
 * Single-threaded encode of one photo at 4:2:0, jpegmt (one restart marker per MCU row, its
 * default) beside the JDK's own JPEG writer (its default 4:2:0) at the same quality. The JDK
 * writer gets a {@code TYPE_3BYTE_BGR} image, its fastest input; jpegmt gets RGB bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncodeBenchmark {
    @Param({"kleiber_6028x3391_q95_444.jpg"})
    public String image;

    @Param({"90"})
    public int quality;

    PixelImage pixels;
    BufferedImage buffered;
    JpegEncoder encoder;
    ImageWriter jdkWriter;
    ImageWriteParam jdkParam;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pixels = BenchImages.loadPixels(image);
        buffered = BufferedImages.toBufferedImage(pixels);
        encoder = new JpegEncoder(EncoderOptions.defaults().withQuality(quality).withSubsampling(Subsampling.S420));
        jdkWriter = BenchImages.jdkWriter();
        jdkParam = jdkWriter.getDefaultWriteParam();
        jdkParam.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        jdkParam.setCompressionQuality(quality / 100f);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jdkWriter.dispose();
    }

    @Benchmark
    public byte[] jpegmt() {
        return encoder.encode(pixels);
    }

    @Benchmark
    public byte[] imageio() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            jdkWriter.setOutput(out);
            jdkWriter.write(null, new IIOImage(buffered, null, null), jdkParam);
        }
        return bytes.toByteArray();
    }
}
