package org.jpegmt.core.internal;

import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.JpegException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restart intervals and damaged restart markers, decoded with libjpeg's resynchronisation rules
 * (jdhuff.c process_restart, jdmarker.c jpeg_resync_to_restart). Grey files with one MCU row
 * per interval, so each interval is exactly one band of 8 pixel rows.
 */
class RestartMatrixTest {
    private static final int W = 48;
    private static final int H = 64;

    private static byte[] greyFile(int interval) throws Exception {
        return Fixtures.encode(Fixtures.picture(W, H, true, 21), 0.9f, 1, 1, interval, false);
    }

    private static PixelImage decode(byte[] jpeg, List<String> warnings) throws JpegException {
        return new JpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> warnings.add(m))).decode(jpeg);
    }

    private static byte[] band(PixelImage img, int band) {
        return Arrays.copyOfRange(img.data(), band * 8 * W, (band + 1) * 8 * W);
    }

    @ParameterizedTest(name = "interval {0}")
    @ValueSource(ints = {1, 5, 6, 12, 48, 65535})
    void anyIntervalDecodesLikeNoInterval(int interval) throws Exception {
        // 6 MCUs per row, 48 MCUs: 1 MCU, not dividing a row, one row, two rows, all, over all.
        byte[] plain = greyFile(0);
        byte[] marked = greyFile(interval);
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(decode(plain, warnings).data(), decode(marked, warnings).data());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void missingRestartMarkerGreysTheNextIntervalOnly() throws Exception {
        byte[] jpeg = greyFile(6);
        PixelImage clean = decode(jpeg, new ArrayList<>());
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        List<Integer> rst = Fixtures.restartMarkers(jpeg, sos);
        int k = 2; // remove the RST after interval 2: interval 3's data is skipped, RST3 found early
        int at = rst.get(k);
        byte[] bad = new byte[jpeg.length - 2];
        System.arraycopy(jpeg, 0, bad, 0, at);
        System.arraycopy(jpeg, at + 2, bad, at, jpeg.length - at - 2);
        List<String> warnings = new ArrayList<>();
        PixelImage img = decode(bad, warnings);
        for (int b = 0; b < H / 8; b++) {
            if (b != k + 1) {
                assertArrayEquals(band(clean, b), band(img, b), "band " + b);
            }
        }
        assertFalse(Arrays.equals(band(clean, k + 1), band(img, k + 1)));
        // The first MCU decodes from zero bits (libjpeg's premature-end rule), the rest is grey.
        byte[] grey = new byte[W - 8];
        Arrays.fill(grey, (byte) 128);
        for (int r = 0; r < 8; r++) {
            byte[] rest = Arrays.copyOfRange(band(img, k + 1), r * W + 8, (r + 1) * W);
            assertArrayEquals(grey, rest, "row " + r + " after the first MCU");
        }
        assertTrue(warnings.get(0).contains("extraneous bytes before marker 0xd3"), warnings.toString());
    }

    @Test
    void markerFromTwoIntervalsBackIsSkipped() throws Exception {
        byte[] jpeg = greyFile(6);
        PixelImage clean = decode(jpeg, new ArrayList<>());
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        List<Integer> rst = Fixtures.restartMarkers(jpeg, sos);
        byte[] bad = jpeg.clone();
        // RST4 (after interval 4) renumbered RST2 = m - 2: skipped; the next marker, RST5 = m + 1,
        // stays pending, so interval 5 is empty (grey) and decoding resumes at interval 6.
        bad[rst.get(4) + 1] = (byte) 0xD2;
        List<String> warnings = new ArrayList<>();
        PixelImage img = decode(bad, warnings);
        for (int b = 0; b < H / 8; b++) {
            if (b != 5) {
                assertArrayEquals(band(clean, b), band(img, b), "band " + b);
            }
        }
        assertTrue(warnings.get(0).contains("found marker 0xd2 instead of RST4"), warnings.toString());
    }

    @Test
    void strayRestartMarkerAfterTheLastIntervalIsIgnored() throws Exception {
        byte[] jpeg = greyFile(6);
        byte[] extra = new byte[jpeg.length + 2];
        System.arraycopy(jpeg, 0, extra, 0, jpeg.length - 2);
        extra[jpeg.length - 2] = (byte) 0xFF;
        extra[jpeg.length - 1] = (byte) 0xD7;
        extra[jpeg.length] = (byte) 0xFF;
        extra[jpeg.length + 1] = (byte) 0xD9;
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(decode(jpeg, warnings).data(), decode(extra, warnings).data());
        assertEquals(List.of(), warnings);
    }

    @Test
    void fillBytesBeforeRestartMarkersAreLegal() throws Exception {
        byte[] jpeg = greyFile(6);
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<Integer> rst = Fixtures.restartMarkers(jpeg, sos);
        int prev = 0;
        for (int at : rst) {
            out.write(jpeg, prev, at - prev);
            out.write(0xFF);
            out.write(0xFF);
            prev = at;
        }
        out.write(jpeg, prev, jpeg.length - prev);
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(decode(jpeg, warnings).data(), decode(out.toByteArray(), warnings).data());
        assertEquals(List.of(), warnings);
    }
}
