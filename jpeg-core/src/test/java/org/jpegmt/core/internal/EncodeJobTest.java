package org.jpegmt.core.internal;

import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.Subsampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Encoding intervals separately, in any split and on any thread, gives the serial bytes. */
class EncodeJobTest {
    private static byte[] split(PixelImage img, EncoderOptions o, int pieces) throws Exception {
        EncodeJob job = EncodeJob.create(img, o);
        int n = job.intervalCount();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            if (job.needsTables()) {
                SymbolCounts all = job.newCounts();
                List<Future<SymbolCounts>> parts = new java.util.ArrayList<>();
                for (int p = 0; p < pieces; p++) {
                    int a = n * p / pieces;
                    int b = n * (p + 1) / pieces;
                    EncodeJob j = job;
                    parts.add(pool.submit(() -> {
                        SymbolCounts c = j.newCounts();
                        j.countSymbols(a, b, c);
                        return c;
                    }));
                }
                for (Future<SymbolCounts> f : parts) {
                    all.add(f.get());
                }
                job = job.withTables(all);
            }
            List<Future<byte[]>> parts = new java.util.ArrayList<>();
            for (int p = 0; p < pieces; p++) {
                int a = n * p / pieces;
                int b = n * (p + 1) / pieces;
                EncodeJob j = job;
                parts.add(pool.submit(() -> j.encodeIntervals(a, b)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(job.header());
            for (Future<byte[]> f : parts) {
                out.write(f.get());
            }
            out.write(job.trailer());
            return out.toByteArray();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anySplitOfIntervalsGivesTheSerialBytes() throws Exception {
        PixelImage img = EncoderTestImages.rgb(203, 91, 3);
        EncoderOptions[] opts = {
            EncoderOptions.defaults(),
            EncoderOptions.defaults().withSubsampling(Subsampling.S444).withRestartMcus(5),
            EncoderOptions.defaults().withSubsampling(Subsampling.S422).withRestartMcus(1).withOptimizeHuffman(true),
            EncoderOptions.defaults().withSubsampling(Subsampling.GRAY).withRestartRows(2).withOptimizeHuffman(true),
            EncoderOptions.defaults().withRestartMcus(7),
        };
        for (EncoderOptions o : opts) {
            byte[] serial = new JpegEncoder(o).encode(img);
            for (int pieces : new int[] {1, 2, 3, 7}) {
                assertArrayEquals(serial, split(img, o, pieces), o + " in " + pieces + " pieces");
            }
        }
    }

    @Test
    void geometryAndIntervalCounts() {
        PixelImage img = EncoderTestImages.rgb(100, 37, 1);
        EncodeJob job = EncodeJob.create(img, EncoderOptions.defaults());
        assertEquals(7, job.mcusPerRow());      // ceil(100/16)
        assertEquals(21, job.mcuCount());       // 7 x ceil(37/16)
        assertEquals(7, job.intervalMcus());
        assertEquals(3, job.intervalCount());
        EncodeJob none = EncodeJob.create(img, EncoderOptions.defaults().withRestartRows(0));
        assertEquals(1, none.intervalCount());
        assertEquals(21, none.intervalMcus());
        EncodeJob grey = EncodeJob.create(img, EncoderOptions.defaults().withSubsampling(Subsampling.GRAY).withRestartMcus(4));
        assertEquals(13, grey.mcusPerRow());    // blocks per row, not rounded to an MCU
        assertEquals(13 * 5, grey.mcuCount());
        assertEquals(17, grey.intervalCount()); // ceil(65/4)
        EncodeJob capped = EncodeJob.create(EncoderTestImages.rgb(4000, 8, 1),
                EncoderOptions.defaults().withSubsampling(Subsampling.S444).withRestartRows(200));
        assertEquals(65535, capped.intervalMcus()); // 200 x 500 capped
    }

    @Test
    void cmykIsRefusedAndOptimizeNeedsTables() {
        PixelImage cmyk = PixelImage.allocate(8, 8, PixelFormat.CMYK);
        assertThrows(IllegalArgumentException.class, () -> EncodeJob.create(cmyk, EncoderOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new JpegEncoder().encode(cmyk));
        EncodeJob job = EncodeJob.create(EncoderTestImages.rgb(8, 8, 1), EncoderOptions.defaults().withOptimizeHuffman(true));
        assertThrows(IllegalStateException.class, job::header);
        assertThrows(IndexOutOfBoundsException.class, () -> job.countSymbols(0, 2, job.newCounts()));
    }
}
