package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelJpegDecoderTest {
    private static final int[] THREADS = {2, 3, 4, 8, 64};

    private static void assertSameAsSerial(byte[] jpeg, String what) throws JpegException {
        PixelImage serial = new JpegDecoder().decode(jpeg);
        for (int t : THREADS) {
            PixelImage parallel = new ParallelJpegDecoder(DecoderOptions.defaults(), t).withParallelThreshold(0).decode(jpeg);
            assertEquals(serial.format(), parallel.format(), what);
            assertArrayEquals(serial.data(), parallel.data(), what + " threads=" + t);
        }
    }

    @Test
    void pixelsEqualTheSerialDecodeForEverySamplingAndInterval() throws Exception {
        int[][] sizes = {{1, 1}, {9, 7}, {64, 64}, {101, 77}, {320, 17}, {31, 300}};
        EncoderOptions[] opts = {
            EncoderOptions.defaults(),                                                     // 4:2:0, RST per row
            EncoderOptions.defaults().withSubsampling(Subsampling.S422).withRestartMcus(7), // not whole rows
            EncoderOptions.defaults().withSubsampling(Subsampling.S444).withRestartMcus(1),
            EncoderOptions.defaults().withSubsampling(Subsampling.GRAY).withRestartRows(2),
            EncoderOptions.defaults().withRestartRows(0),                                   // no restarts: serial
        };
        for (int s = 0; s < sizes.length; s++) {
            for (int o = 0; o < opts.length; o++) {
                PixelImage img = MtTestImages.make(sizes[s][0], sizes[s][1], PixelFormat.RGB, s * 7L + o);
                assertSameAsSerial(new JpegEncoder(opts[o]).encode(img), opts[o] + " " + img);
            }
        }
    }

    /** A 4:2:0 file with one RST per MCU row, its RST positions, and the clean decode. */
    private static final class Marked {
        final byte[] jpeg;
        final List<Integer> rst = new ArrayList<>();

        Marked() {
            jpeg = new JpegEncoder().encode(MtTestImages.make(160, 160, PixelFormat.RGB, 3));
            for (int i = 0; i + 1 < jpeg.length; i++) {
                if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                    rst.add(i);
                }
            }
        }
    }

    private static byte[] without(byte[] d, int pos, int n) {
        byte[] out = new byte[d.length - n];
        System.arraycopy(d, 0, out, 0, pos);
        System.arraycopy(d, pos + n, out, pos, d.length - pos - n);
        return out;
    }

    private static byte[] with(byte[] d, int pos, byte... insert) {
        byte[] out = new byte[d.length + insert.length];
        System.arraycopy(d, 0, out, 0, pos);
        System.arraycopy(insert, 0, out, pos, insert.length);
        System.arraycopy(d, pos, out, pos + insert.length, d.length - pos);
        return out;
    }

    /** Issue 18: the staged path also fills the grey rest of a truncated file by copying, as the serial path does. */
    @Test
    void truncatedFileWithoutRestartsEqualsTheSerialDecodeWhenTheGreyRestIsCopied() throws Exception {
        PixelImage img = MtTestImages.make(320, 400, PixelFormat.RGB, 21);
        byte[] jpeg = new JpegEncoder(EncoderOptions.defaults().withQuality(90).withRestartRows(0)).encode(img);
        int sos = org.jpegmt.core.internal.DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        for (double keep : new double[] {0.02, 0.3, 0.8}) {
            byte[] cut = java.util.Arrays.copyOf(jpeg, sos + (int) ((jpeg.length - sos) * keep));
            List<String> serialWarnings = new ArrayList<>();
            PixelImage serial = new JpegDecoder(DecoderOptions.defaults()
                    .withWarningListener((msg, off) -> serialWarnings.add(msg + "@" + off))).decode(cut);
            for (int t : THREADS) {
                List<String> stagedWarnings = Collections.synchronizedList(new ArrayList<>());
                ParallelJpegDecoder d = new ParallelJpegDecoder(DecoderOptions.defaults()
                        .withWarningListener((msg, off) -> stagedWarnings.add(msg + "@" + off)), t).withParallelThreshold(0);
                assertFalse(d.decodesInBands(cut));
                assertArrayEquals(serial.data(), d.decode(cut).data(), "kept " + keep + ", threads " + t);
                assertEquals(serialWarnings, stagedWarnings);
            }
        }
    }

    @Test
    void damagedMarkersGiveExactlyTheSerialResultAndWarnings() throws Exception {
        Marked m = new Marked();
        assertEquals(9, m.rst.size(), "160 rows of 4:2:0 = 10 MCU rows, 9 RST");
        List<byte[]> damaged = new ArrayList<>();
        byte[] renumbered = m.jpeg.clone();
        renumbered[m.rst.get(3) + 1] = (byte) 0xD6;
        damaged.add(renumbered);
        damaged.add(without(m.jpeg, m.rst.get(4), 2));                           // missing RST
        damaged.add(with(m.jpeg, m.rst.get(5), (byte) 0xFF, (byte) 0xD5));       // extra RST
        damaged.add(java.util.Arrays.copyOf(m.jpeg, m.rst.get(6) + 40));        // truncated
        byte[] flipped = m.jpeg.clone();
        flipped[m.rst.get(2) + 20] ^= 0x5A;                                      // garbage inside an interval
        damaged.add(flipped);
        for (int i = 0; i < damaged.size(); i++) {
            byte[] d = damaged.get(i);
            List<String> serialWarnings = Collections.synchronizedList(new ArrayList<>());
            List<String> parallelWarnings = Collections.synchronizedList(new ArrayList<>());
            PixelImage serial = new JpegDecoder(DecoderOptions.defaults()
                    .withWarningListener((msg, off) -> serialWarnings.add(msg + "@" + off))).decode(d);
            PixelImage parallel = new ParallelJpegDecoder(DecoderOptions.defaults()
                    .withWarningListener((msg, off) -> parallelWarnings.add(msg + "@" + off)), 4)
                    .withParallelThreshold(0).decode(d);
            assertArrayEquals(serial.data(), parallel.data(), "damage " + i);
            assertTrue(!serialWarnings.isEmpty() || i == 4, "damage " + i + " should warn");
            Collections.sort(serialWarnings);
            Collections.sort(parallelWarnings);
            assertEquals(serialWarnings, parallelWarnings, "damage " + i);
            DecoderOptions strict = DecoderOptions.defaults().withStrict(true);
            if (!serialWarnings.isEmpty()) {
                assertThrows(InvalidJpegException.class, () -> new JpegDecoder(strict).decode(d));
                assertThrows(InvalidJpegException.class,
                        () -> new ParallelJpegDecoder(strict, 4).withParallelThreshold(0).decode(d), "damage " + i);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void callingFromInsideTheExecutorsOwnTasksDoesNotDeadlock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PixelImage img = MtTestImages.make(700, 500, PixelFormat.RGB, 11);
            byte[] expected = new JpegEncoder().encode(img);
            PixelImage expectedPixels = new JpegDecoder().decode(expected);
            // without restart markers: the staged pipeline, whose caller waits for coefficient slots
            byte[] noRestarts = new JpegEncoder(EncoderOptions.defaults().withRestartRows(0)).encode(img);
            PixelImage noRestartPixels = new JpegDecoder().decode(noRestarts);
            ParallelJpegEncoder enc = new ParallelJpegEncoder(EncoderOptions.defaults(), pool, 4);
            ParallelJpegDecoder dec = new ParallelJpegDecoder(DecoderOptions.defaults(), pool, 4);
            List<Future<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(pool.submit(() -> java.util.Arrays.equals(expected, enc.encode(img))
                        && java.util.Arrays.equals(expectedPixels.data(), dec.decode(expected).data())
                        && java.util.Arrays.equals(noRestartPixels.data(), dec.decode(noRestarts).data())));
            }
            for (Future<Boolean> f : tasks) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void smallImagesTakeTheSerialPathWithoutTouchingTheExecutor() throws Exception {
        byte[] small = new JpegEncoder().encode(MtTestImages.make(200, 200, PixelFormat.RGB, 1));
        ParallelJpegEncoderTest.CountingExecutor ex = new ParallelJpegEncoderTest.CountingExecutor();
        try {
            new ParallelJpegDecoder(DecoderOptions.defaults(), ex, 8).decode(small);
            assertEquals(0, ex.submitted.get());
            new ParallelJpegDecoder(DecoderOptions.defaults(), ex, 8).withParallelThreshold(0).decode(small);
            assertTrue(ex.submitted.get() > 0);
        } finally {
            ex.pool.shutdownNow();
        }
    }

    /** Issue 18: a file whose data cannot cover its image (a decompression bomb) decodes serially, in a ring. */
    @Test
    void dataTooShortForTheImageTakesTheSerialPath() throws Exception {
        byte[] jpeg = new JpegEncoder(EncoderOptions.defaults().withRestartRows(0))
                .encode(MtTestImages.make(320, 400, PixelFormat.RGB, 5));
        int sos = org.jpegmt.core.internal.DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        byte[] cut = java.util.Arrays.copyOf(jpeg, sos + 600); // 3000 blocks need at least 750 bytes
        assertTrue(org.jpegmt.core.internal.DecodeJob.open(cut, DecoderOptions.defaults()).scanDataTooShort());
        assertFalse(org.jpegmt.core.internal.DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataTooShort());
        ParallelJpegEncoderTest.CountingExecutor ex = new ParallelJpegEncoderTest.CountingExecutor();
        try {
            PixelImage parallel = new ParallelJpegDecoder(DecoderOptions.defaults(), ex, 8).withParallelThreshold(0)
                    .decode(cut);
            assertEquals(0, ex.submitted.get());
            assertArrayEquals(new JpegDecoder().decode(cut).data(), parallel.data());
            new ParallelJpegDecoder(DecoderOptions.defaults(), ex, 8).withParallelThreshold(0).decode(jpeg);
            assertTrue(ex.submitted.get() > 0, "the whole file still takes the staged path");
        } finally {
            ex.pool.shutdownNow();
        }
    }

    @Test
    void decodesInBandsTellsWhichPathDecodeTakes() throws Exception {
        PixelImage img = MtTestImages.make(400, 400, PixelFormat.RGB, 4); // 160 000 px, 25 MCU rows at 4:2:0
        ParallelJpegDecoder dec = new ParallelJpegDecoder(DecoderOptions.defaults(), 2);
        assertTrue(dec.decodesInBands(new JpegEncoder().encode(img)));
        assertFalse(dec.decodesInBands(new JpegEncoder(EncoderOptions.defaults().withRestartRows(0)).encode(img)));
        assertFalse(new ParallelJpegDecoder(DecoderOptions.defaults(), 1).decodesInBands(new JpegEncoder().encode(img)));
        PixelImage small = MtTestImages.make(200, 200, PixelFormat.RGB, 4); // under the 64 Ki-pixel threshold
        assertFalse(dec.decodesInBands(new JpegEncoder().encode(small)));
        assertTrue(dec.withParallelThreshold(0).decodesInBands(new JpegEncoder().encode(small)));
    }
}
