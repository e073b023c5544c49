package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.internal.TranscodeJob;
import org.jpegmt.core.internal.TranscodeJob.Settings;
import org.junit.jupiter.api.Test;

/**
 * The parallel transcode equals the serial one (itself pinned to jpegtran's bytes in jpeg-core)
 * for every thread count: sources with and without restart markers (read by bands or serially),
 * outputs with restart intervals in rows and MCUs, optimal tables, no restarts.
 */
class ParallelJpegTranscoderTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8};

    @Test
    void bytesEqualTheSerialTranscodeForEveryThreadCount() throws Exception {
        int[][] sizes = {{17, 13}, {257, 131}, {640, 48}, {33, 700}};
        EncoderOptions[] sources = {
            EncoderOptions.defaults(),
            EncoderOptions.defaults().withSubsampling(Subsampling.S444).withRestartMcus(5),
            EncoderOptions.defaults().withSubsampling(Subsampling.S422).withRestartRows(0),
            EncoderOptions.defaults().withSubsampling(Subsampling.GRAY).withRestartRows(2),
        };
        Settings t = Settings.JPEGTRAN;
        Settings[] outputs = {t.withRestartRows(1), t.withRestartMcus(7), t.withRestartRows(2).withOptimize(true),
            t, t.withOptimize(true).withRestartMcus(1),
            t.withRestartRows(1).withTransform(org.jpegmt.core.internal.LosslessTransform.Kind.ROTATE_90, true)};
        ParallelJpegEncoderTest.CountingExecutor ex = new ParallelJpegEncoderTest.CountingExecutor();
        int split = 0;
        try {
            for (int[] wh : sizes) {
                for (int s = 0; s < sources.length; s++) {
                    PixelImage img = MtTestImages.make(wh[0], wh[1], PixelFormat.RGB, wh[0] * 3L + s);
                    byte[] src = new JpegEncoder(sources[s]).encode(img);
                    for (Settings o : outputs) {
                        TranscodeJob serialJob = TranscodeJob.open(src, DecoderOptions.defaults(), o);
                        serialJob.readSource();
                        byte[] serial = serialJob.output().encodeAll();
                        for (int n : THREADS) {
                            int before = ex.submitted.get();
                            byte[] par = new ParallelJpegTranscoder(o, DecoderOptions.defaults(), ex, n)
                                    .withParallelThreshold(0).transcode(src);
                            String what = wh[0] + "x" + wh[1] + " source " + sources[s] + " -> " + o + " threads " + n;
                            assertArrayEquals(serial, par, what);
                            if (n > 1 && ex.submitted.get() > before) {
                                split++;
                            }
                        }
                    }
                }
            }
        } finally {
            ex.pool.shutdownNow();
        }
        assertTrue(split >= 200, "the matrix must run the parallel paths, ran " + split);
    }
}
