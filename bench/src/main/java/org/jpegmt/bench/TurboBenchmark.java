package org.jpegmt.bench;

import java.io.IOException;
import org.jpegmt.core.PixelImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * libjpeg-turbo's own Java binding (JNI), single-threaded: decode of the same jpegmt-encoded
 * bytes as {@link DecodeBenchmark}, and encode of the same pixels at the same quality and
 * subsampling (TurboJPEG 2.x cannot write restart markers, so its files have none). Only runs
 * when {@link TurboPeer#available()}; {@link ScalingRun} leaves it out visibly otherwise.
 */
public class TurboBenchmark extends MatrixBase {
    Workload work;
    TurboPeer turbo;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = workload();
        turbo = TurboPeer.load();
        if (turbo == null) {
            throw new IllegalStateException(TurboPeer.whyMissing());
        }
    }

    @Benchmark
    public byte[] decode() throws ReflectiveOperationException {
        return turbo.decode(work.jpeg, work.pixels.width(), work.pixels.height());
    }

    @Benchmark
    public byte[] encode() throws ReflectiveOperationException {
        PixelImage p = work.pixels;
        return turbo.encode(p, work.quality, work.subsampling);
    }
}
