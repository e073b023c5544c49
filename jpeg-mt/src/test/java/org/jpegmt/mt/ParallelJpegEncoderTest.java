package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.Test;

class ParallelJpegEncoderTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8, 64};

    @Test
    void outputIsByteIdenticalForEveryThreadCount() {
        int[][] sizes = {{1, 1}, {7, 9}, {16, 16}, {17, 13}, {100, 37}, {257, 131}, {640, 48}, {33, 700}};
        EncoderOptions[] optionSets = {
            EncoderOptions.defaults(),
            EncoderOptions.defaults().withSubsampling(Subsampling.S444).withQuality(95),
            EncoderOptions.defaults().withSubsampling(Subsampling.S422).withQuality(40).withOptimizeHuffman(true),
            EncoderOptions.defaults().withSubsampling(Subsampling.GRAY).withRestartRows(3),
            EncoderOptions.defaults().withRestartMcus(7),
            EncoderOptions.defaults().withRestartMcus(1).withOptimizeHuffman(true),
            EncoderOptions.defaults().withRestartRows(0),
            EncoderOptions.defaults().withQuality(100).withRestartMcus(13).withSubsampling(Subsampling.S444),
        };
        int split = 0;
        CountingExecutor ex = new CountingExecutor();
        try {
            for (int s = 0; s < sizes.length; s++) {
                for (int o = 0; o < optionSets.length; o++) {
                    PixelFormat fmt = (s + o) % 5 == 0 ? PixelFormat.GRAY : PixelFormat.RGB;
                    PixelImage img = MtTestImages.make(sizes[s][0], sizes[s][1], fmt, s * 31L + o);
                    byte[] serial = new JpegEncoder(optionSets[o]).encode(img);
                    int intervals = org.jpegmt.core.internal.EncodeJob.create(img, optionSets[o]).intervalCount();
                    for (int t : THREADS) {
                        int before = ex.submitted.get();
                        byte[] parallel = new ParallelJpegEncoder(optionSets[o], ex, t).withParallelThreshold(0).encode(img);
                        assertArrayEquals(serial, parallel, optionSets[o] + " " + img + " threads=" + t);
                        if (t > 1 && intervals > 1) {
                            // the strip path really ran: helpers were handed work
                            assertTrue(ex.submitted.get() > before, optionSets[o] + " " + img + " threads=" + t);
                            split++;
                        }
                    }
                }
            }
        } finally {
            ex.pool.shutdownNow();
        }
        assertTrue(split >= 150, "the matrix must exercise the strip path (175 cases when written), got " + split);
    }

    @Test
    void largeImageWithDefaultThresholdIsSplitAndIdentical() {
        PixelImage img = MtTestImages.make(1000, 700, PixelFormat.RGB, 5);
        CountingExecutor ex = new CountingExecutor();
        try {
            byte[] parallel = new ParallelJpegEncoder(EncoderOptions.defaults(), ex, 4).encode(img);
            assertArrayEquals(new JpegEncoder().encode(img), parallel);
            assertTrue(ex.submitted.get() > 0, "a 0.7 MP image should be split across the executor");
        } finally {
            ex.pool.shutdownNow();
        }
    }

    @Test
    void smallImagesTakeTheSerialPathWithoutTouchingTheExecutor() {
        PixelImage img = MtTestImages.make(200, 200, PixelFormat.RGB, 9); // 40 000 px < 64 Ki
        CountingExecutor ex = new CountingExecutor();
        try {
            byte[] out = new ParallelJpegEncoder(EncoderOptions.defaults(), ex, 8).encode(img);
            assertArrayEquals(new JpegEncoder().encode(img), out);
            assertEquals(0, ex.submitted.get());
            new ParallelJpegEncoder(EncoderOptions.defaults(), ex, 8).withParallelThreshold(0).encode(img);
            assertTrue(ex.submitted.get() > 0, "threshold 0 must split even small images");
        } finally {
            ex.pool.shutdownNow();
        }
    }

    /** An executor that counts what it is given. */
    static final class CountingExecutor implements java.util.concurrent.Executor {
        final ExecutorService pool = Executors.newFixedThreadPool(3);
        final AtomicInteger submitted = new AtomicInteger();

        @Override
        public void execute(Runnable r) {
            submitted.incrementAndGet();
            pool.execute(r);
        }
    }
}
