package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.internal.DecodeJob;
import org.junit.jupiter.api.Test;

/**
 * Files without restart markers are entropy-decoded speculatively in chunks: the pixels are the
 * serial decoder's at every thread count, the counters show that it happened, and damaged files
 * are handed to the serial path with exactly its pixels, warnings and strict-mode exception.
 */
class SpeculativeDecodingTest {
    private static final int[] THREADS = {2, 3, 4, 8};
    /** Below the default threshold (1 MiB): these files are a few hundred KB, to keep the test quick. */
    private static final long SPECULATE_FROM = 100_000;

    private static ParallelJpegDecoder decoder(DecoderOptions options, int threads) {
        return new ParallelJpegDecoder(options, threads).withSpeculationThreshold(SPECULATE_FROM);
    }

    private static byte[] encode(PixelFormat format, Subsampling s, int quality) throws Exception {
        PixelImage img = MtTestImages.make(1100, 700, format, 5);
        byte[] jpeg = new JpegEncoder(EncoderOptions.defaults().withQuality(quality).withSubsampling(s)
                .withRestartRows(0)).encode(img);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        assertEquals(0, job.restartInterval());
        assertTrue(jpeg.length - job.scanDataOffset() >= SPECULATE_FROM, "scan large enough");
        return jpeg;
    }

    @Test
    void everySamplingDecodesSpeculativelyToTheSerialPixels() throws Exception {
        Object[][] cases = {
            {PixelFormat.RGB, Subsampling.S444, 95},
            {PixelFormat.RGB, Subsampling.S420, 95},
            {PixelFormat.RGB, Subsampling.S422, 90},
            {PixelFormat.GRAY, Subsampling.S444, 98},
        };
        for (Object[] c : cases) {
            byte[] jpeg = encode((PixelFormat) c[0], (Subsampling) c[1], (Integer) c[2]);
            PixelImage serial = new JpegDecoder().decode(jpeg);
            for (int t : THREADS) {
                String what = c[0] + " " + c[1] + " q" + c[2] + " threads=" + t;
                DecodeReport r = decoder(DecoderOptions.defaults(), t).decodeReporting(jpeg);
                assertEquals(DecodeReport.Strategy.SPECULATIVE, r.strategy(), what + ": " + r);
                assertNull(r.fallback(), what);
                assertArrayEquals(serial.data(), r.image().data(), what);
                assertTrue(r.chunks() >= 2, what + ": " + r);
                assertEquals(r.chunks() - 1, r.boundariesVerified() + r.serialRepairs(), what + ": " + r);
                // each boundary's overlap (tens of bytes), and up to half an MCU row where the first chunk stops
                assertTrue(r.bytesDecodedTwice() < jpeg.length / 50 + 200L * r.chunks(), what + ": " + r);
                assertTrue(r.coefficientBytes() > 0, what);
            }
            // the default threshold leaves these small scans to the staged path
            assertEquals(DecodeReport.Strategy.STAGED,
                    new ParallelJpegDecoder(DecoderOptions.defaults(), 2).decodeReporting(jpeg).strategy());
            // one thread never speculates
            assertEquals(DecodeReport.Strategy.SERIAL,
                    new ParallelJpegDecoder(DecoderOptions.defaults(), 1).decodeReporting(jpeg).strategy());
        }
    }

    @Test
    void damagedDataIsHandedToTheSerialPathWithItsPixelsWarningsAndStrictException() throws Exception {
        byte[] jpeg = encode(PixelFormat.RGB, Subsampling.S420, 92);
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        List<byte[]> damaged = new ArrayList<>();
        for (double at : new double[] {0.1, 0.5, 0.93}) {
            byte[] d = jpeg.clone();
            int p = sos + (int) ((jpeg.length - sos) * at);
            while (d[p] == (byte) 0xFF || d[p - 1] == (byte) 0xFF) {
                p++;
            }
            d[p] ^= 0x3C; // garbage inside the data
            damaged.add(d);
        }
        damaged.add(java.util.Arrays.copyOf(jpeg, sos + (jpeg.length - sos) * 9 / 10)); // truncated
        byte[] ones = jpeg.clone(); // stuffed FF bytes: runs of 1 bits, codes no table has
        int at = sos + (jpeg.length - sos) / 3;
        while (ones[at - 1] == (byte) 0xFF) {
            at++;
        }
        for (int k = 0; k < 8; k += 2) {
            ones[at + k] = (byte) 0xFF;
            ones[at + k + 1] = 0;
        }
        if (ones[at + 8] == 0) {
            ones[at + 8] = 1;
        }
        damaged.add(ones);
        byte[] rst = jpeg.clone(); // an RST marker where none is expected
        int mid = sos + (jpeg.length - sos) / 2;
        while (rst[mid] == (byte) 0xFF || rst[mid - 1] == (byte) 0xFF || rst[mid + 1] == (byte) 0xFF) {
            mid++;
        }
        rst[mid] = (byte) 0xFF;
        rst[mid + 1] = (byte) 0xD3;
        damaged.add(rst);
        int fellBack = 0;
        for (int i = 0; i < damaged.size(); i++) {
            byte[] d = damaged.get(i);
            List<String> serialWarnings = new ArrayList<>();
            PixelImage serial = new JpegDecoder(DecoderOptions.defaults()
                    .withWarningListener((msg, off) -> serialWarnings.add(msg + "@" + off))).decode(d);
            for (int t : THREADS) {
                List<String> warnings = Collections.synchronizedList(new ArrayList<>());
                DecodeReport r = decoder(DecoderOptions.defaults()
                        .withWarningListener((msg, off) -> warnings.add(msg + "@" + off)), t).decodeReporting(d);
                assertArrayEquals(serial.data(), r.image().data(), "damage " + i + " threads " + t);
                assertEquals(serialWarnings, warnings, "damage " + i + " threads " + t);
                assertTrue(r.strategy() == DecodeReport.Strategy.STAGED || r.strategy() == DecodeReport.Strategy.SPECULATIVE,
                        "damage " + i + ": " + r);
                if (r.fallback() != null) {
                    assertEquals(DecodeReport.Strategy.STAGED, r.strategy(), r.toString());
                    fellBack++;
                } else {
                    assertEquals(DecodeReport.Strategy.SPECULATIVE, r.strategy(), r.toString());
                }
            }
            if (!serialWarnings.isEmpty()) {
                DecoderOptions strict = DecoderOptions.defaults().withStrict(true);
                InvalidJpegException expected = assertThrows(InvalidJpegException.class,
                        () -> new JpegDecoder(strict).decode(d));
                for (int t : THREADS) {
                    InvalidJpegException actual = assertThrows(InvalidJpegException.class,
                            () -> decoder(strict, t).decode(d), "damage " + i);
                    assertEquals(expected.getMessage(), actual.getMessage());
                }
            }
        }
        assertTrue(fellBack >= THREADS.length * 3, "the truncation, the bad codes and the RST marker must be seen");
    }

    @Test
    void aMemoryLimitTooSmallForTheCoefficientsTakesTheStagedPath() throws Exception {
        byte[] jpeg = encode(PixelFormat.RGB, Subsampling.S444, 95);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        long limit = job.outputBytes() * 3; // output and planes fit, the worst-case coefficients do not
        assertTrue(job.outputBytes() + job.speculativeBytes() > limit);
        DecodeReport r = decoder(DecoderOptions.defaults().withMaxMemory(limit), 2).decodeReporting(jpeg);
        assertEquals(DecodeReport.Strategy.STAGED, r.strategy());
        assertEquals(0, r.chunks());
        assertArrayEquals(new JpegDecoder().decode(jpeg).data(), r.image().data());
    }
}
