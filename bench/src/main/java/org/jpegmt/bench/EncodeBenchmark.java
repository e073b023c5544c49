package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-threaded encode, jpegmt beside the JDK's own JPEG writer with the same quality,
 * subsampling and restart interval (a DRI of as many MCUs as the restart setting's rows hold).
 * The JDK writer gets a {@code TYPE_3BYTE_BGR} image, its fastest input; jpegmt gets RGB bytes.
 * {@code huffman}: {@code standard} codes with the example tables of T.81 K.3, {@code optimized}
 * with tables built for the image (both encoders count the symbols in a first pass).
 */
public class EncodeBenchmark extends MatrixBase {
    @Param({"standard", "optimized"})
    public String huffman;

    PixelImage pixels;
    BufferedImage buffered;
    JpegEncoder encoder;
    JdkCodec jdk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = workload();
        pixels = w.pixels;
        buffered = BufferedImages.toBufferedImage(pixels);
        boolean optimize = optimizedHuffman(huffman);
        encoder = new JpegEncoder(w.options.withOptimizeHuffman(optimize));
        jdk = new JdkCodec(buffered, quality, w.subsampling, Workload.restartRows(restart) * w.mcusPerRow(), optimize);
    }

    /** @return whether a {@code huffman} parameter value asks for optimized tables */
    static boolean optimizedHuffman(String huffman) {
        switch (huffman) {
            case "standard":
                return false;
            case "optimized":
                return true;
            default:
                throw new IllegalArgumentException("huffman must be standard or optimized, got " + huffman);
        }
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
