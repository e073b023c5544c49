package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;

/**
 * The shared checks every direction reuses: jpegmt decodes and encodes with one thread and
 * with several, and the results must be equal (pixels) or identical (bytes).
 */
final class Codecs {
    private Codecs() {
    }

    /**
     * Thread counts compared with the serial codec (0 thresholds: split even tiny images, and
     * decode every scan without restart markers by speculation).
     */
    static final int[] THREADS = {2, 3, 8};

    /**
     * Decodes with the serial decoder and with the parallel decoder at every thread count,
     * asserting the images are equal.
     *
     * @return the serial decode
     */
    static PixelImage decodeAllWays(byte[] jpeg, DecoderOptions options, String what) throws JpegException {
        PixelImage serial = new JpegDecoder(options).decode(jpeg);
        for (int t : THREADS) {
            PixelImage parallel = new ParallelJpegDecoder(options, t).withParallelThreshold(0)
                    .withSpeculationThreshold(0).decode(jpeg);
            assertEquals(serial.format(), parallel.format(), what + ": format with " + t + " threads");
            assertEquals(serial.width(), parallel.width(), what);
            assertEquals(serial.height(), parallel.height(), what);
            assertArrayEquals(serial.data(), parallel.data(), what + ": pixels with " + t + " threads differ from 1 thread");
        }
        return serial;
    }

    /**
     * {@link #decodeAllWays}, and the warnings too: the same messages at the same offsets, in
     * the same order, with every thread count (lenient options; the listener is replaced).
     *
     * @return the serial decode
     */
    static PixelImage decodeAllWaysWithWarnings(byte[] jpeg, DecoderOptions options, String what)
            throws JpegException {
        java.util.List<String> serialWarnings = new java.util.ArrayList<>();
        PixelImage serial = new JpegDecoder(options.withWarningListener((m, at) -> serialWarnings.add(m + " @" + at)))
                .decode(jpeg);
        for (int t : THREADS) {
            java.util.List<String> warnings = new java.util.ArrayList<>();
            DecoderOptions listening = options.withWarningListener((m, at) -> warnings.add(m + " @" + at));
            PixelImage parallel = new ParallelJpegDecoder(listening, t).withParallelThreshold(0).decode(jpeg);
            assertEquals(serial.format(), parallel.format(), what + ": format with " + t + " threads");
            assertArrayEquals(serial.data(), parallel.data(), what + ": pixels with " + t + " threads differ from 1 thread");
            assertEquals(serialWarnings, warnings, what + ": warnings with " + t + " threads");
        }
        return serial;
    }

    /**
     * Encodes serially and in parallel at every thread count, asserting identical bytes.
     *
     * @return the encoded file
     */
    static byte[] encodeAllWays(PixelImage image, EncoderOptions options, String what) {
        byte[] serial = new JpegEncoder(options).encode(image);
        for (int t : THREADS) {
            byte[] parallel = new ParallelJpegEncoder(options, t).withParallelThreshold(0).encode(image);
            assertArrayEquals(serial, parallel, what + ": bytes with " + t + " threads differ from 1 thread");
        }
        return serial;
    }
}
