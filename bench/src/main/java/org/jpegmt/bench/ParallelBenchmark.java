package org.jpegmt.bench;

import java.io.IOException;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * jpeg-mt's encode and decode of one image with {@code threads} threads (1 = jpeg-core's serial
 * path), on the image encoded by jpegmt with the given restart setting, subsampling and
 * quality. {@link ScalingRun} runs it once per core count k in a JVM that really has k cores,
 * with threads k, 2k and 4k; {@link Report} computes speedup and efficiency against the
 * 1-core, 1-thread score.
 */
public class ParallelBenchmark extends MatrixBase {
    @Param({"1", "2"})
    public int threads;

    PixelImage pixels;
    byte[] jpeg;
    ParallelJpegDecoder decoder;
    ParallelJpegEncoder encoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Workload w = workload();
        pixels = w.pixels;
        jpeg = w.jpeg;
        decoder = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
        encoder = new ParallelJpegEncoder(w.options, threads);
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
