package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-threaded encode, jpegmt beside the JDK's own JPEG writer with the same quality,
 * subsampling and restart interval (a DRI of as many MCUs as the restart setting's rows hold).
 * The JDK writer gets a {@code TYPE_3BYTE_BGR} image, its fastest input; jpegmt gets RGB bytes.
 */
public class EncodeBenchmark extends MatrixBase {
    PixelImage pixels;
    BufferedImage buffered;
    JpegEncoder encoder;
    JdkCodec jdk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = workload();
        pixels = w.pixels;
        buffered = BufferedImages.toBufferedImage(pixels);
        encoder = new JpegEncoder(w.options);
        jdk = new JdkCodec(buffered, quality, w.subsampling, Workload.restartRows(restart) * w.mcusPerRow());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jdk.close();
    }

    @Benchmark
    public byte[] jpegmt() {
        return encoder.encode(pixels);
    }

    @Benchmark
    public byte[] imageio() throws IOException {
        return jdk.encode(buffered);
    }
}
