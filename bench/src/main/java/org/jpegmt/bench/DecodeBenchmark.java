package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.commons.imaging.Imaging;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-threaded decode, jpegmt beside the pure-Java and JDK peers, all reading the same bytes:
 * the image encoded by jpegmt with the given restart setting, subsampling and quality. Score:
 * operations per second; {@link BenchMain} and {@link Report} turn it into megapixels per
 * second. (Commons Imaging does not reset its DC predictors at restart markers, so its pixels
 * are wrong for {@code row}/{@code 8rows}; its time is still that of a full decode.)
 */
public class DecodeBenchmark extends MatrixBase {
    byte[] jpeg;
    JpegDecoder decoder;
    JdkCodec jdk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = workload();
        jpeg = w.jpeg;
        decoder = new JpegDecoder();
        jdk = new JdkCodec(BufferedImages.toBufferedImage(w.pixels), quality, w.subsampling, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jdk.close();
    }

    @Benchmark
    public PixelImage jpegmt() throws IOException {
        return decoder.decode(jpeg);
    }

    @Benchmark
    public BufferedImage imageio() throws IOException {
        return jdk.decode(jpeg);
    }

    @Benchmark
    public BufferedImage commonsImaging() throws IOException {
        return Imaging.getBufferedImage(jpeg);
    }
}
