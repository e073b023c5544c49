package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.api.Test;

/** Each fuzzing finding, spelled out (the raw inputs are in DecoderFuzzTestInputs, finding-*). */
class FindingsTest {

    /**
     * finding-01: junk bytes between the end of an interval's data and its RSTn. The serial
     * path warned ("extraneous bytes before marker"), the parallel path, decoding the segments
     * on their own, did not, so in strict mode only the serial decoder threw.
     */
    @Test
    void junkBeforeARestartMarkerIsReportedByBothPaths() throws Exception {
        // 8 MCU rows: enough for jpeg-mt to cut two bands (at least 4 rows each), so the band path runs
        byte[] jpeg = Images.jpeg(48, 128, Subsampling.S420, 80, 1, 31);
        int sd = Images.scanData(jpeg);
        int rst = sd;
        while (!(jpeg[rst] == (byte) 0xFF && jpeg[rst + 1] == (byte) 0xD1)) {
            rst++;
        }
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(jpeg, 0, rst);
        f.write(new byte[] {1, 2, 3, 4, 5, 6, 7});
        f.write(jpeg, rst, jpeg.length - rst);
        byte[] bad = f.toByteArray();
        List<String> serial = Collections.synchronizedList(new ArrayList<>());
        List<String> parallel = Collections.synchronizedList(new ArrayList<>());
        PixelImage a = new JpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> serial.add(m + " @" + o)))
                .decode(bad);
        PixelImage b = new ParallelJpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> parallel.add(m + " @" + o)), 3)
                .withParallelThreshold(0).decode(bad);
        assertArrayEquals(a.data(), b.data());
        assertEquals(1, serial.size(), serial.toString());
        assertTrue(serial.get(0).contains("7 extraneous bytes before marker 0xd1"), serial.toString());
        assertEquals(serial, parallel);
        DecoderOptions strict = DecoderOptions.defaults().withStrict(true);
        InvalidJpegException es = assertThrows(InvalidJpegException.class, () -> new JpegDecoder(strict).decode(bad));
        InvalidJpegException ep = assertThrows(InvalidJpegException.class,
                () -> new ParallelJpegDecoder(strict, 3).withParallelThreshold(0).decode(bad));
        assertEquals(es.getMessage(), ep.getMessage());
    }

    /** The same for a file whose last interval runs into the end of the data (no EOI). */
    @Test
    void missingEndOfImageIsReportedByBothPaths() throws Exception {
        byte[] jpeg = Images.jpeg(48, 64, Subsampling.S444, 80, 1, 32);
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length - 2);
        DecoderOptions strict = DecoderOptions.defaults().withStrict(true);
        InvalidJpegException es = assertThrows(InvalidJpegException.class, () -> new JpegDecoder(strict).decode(cut));
        InvalidJpegException ep = assertThrows(InvalidJpegException.class,
                () -> new ParallelJpegDecoder(strict, 3).withParallelThreshold(0).decode(cut));
        assertEquals(es.getMessage(), ep.getMessage());
        assertTrue(es.getMessage().contains("Premature end of JPEG file"), es.getMessage());
    }
}
