package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;

class ScanScriptTest {
    private static final DecoderOptions OPTIONS = DecoderOptions.defaults();

    /** The JDK writer's progressive file (libjpeg's default script: 10 scans), 4:2:0, with a restart interval or not. */
    private static byte[] progressive(int w, int h, int restart, long seed) throws Exception {
        return Fixtures.encode(Fixtures.picture(w, h, false, seed), 0.85f, 2, 2, restart, true);
    }

    private static ScanScript locate(byte[] jpeg) throws JpegException {
        return DecodeJob.open(jpeg, OPTIONS).progressive().locateScans();
    }

    /**
     * Decodes through the script: the scans in {@code order}, the segments of each last to first,
     * then reconstruction and conversion.
     */
    private static PixelImage viaScript(byte[] jpeg, int[] order) throws JpegException {
        ProgressiveDecode d = DecodeJob.open(jpeg, OPTIONS).progressive();
        ScanScript s = d.locateScans();
        assertNotNull(s, "the file is plain: the script must be found");
        for (int i : order) {
            for (int seg = s.segments(i) - 1; seg >= 0; seg--) {
                s.decode(i, seg, seg + 1);
            }
        }
        d.finishScans(s);
        PixelImage out = d.newOutput();
        d.reconstructRows(0, d.mcuRows());
        d.convertRows(0, out.height(), out);
        return out;
    }

    /** A topological order of {@link ScanScript#after} that takes the latest ready scan first: far from file order. */
    private static int[] latestReadyFirst(ScanScript s) {
        int n = s.scans();
        boolean[] done = new boolean[n];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            for (int i = n - 1; i >= 0; i--) {
                if (!done[i] && Arrays.stream(s.after(i)).allMatch(j -> done[j])) {
                    done[i] = true;
                    order[k] = i;
                    break;
                }
            }
        }
        return order;
    }

    @Test
    void locatesEveryScanOfLibjpegsDefaultScriptWithItsDependencies() throws Exception {
        ScanScript s = locate(progressive(96, 64, 0, 1));
        assertNotNull(s);
        assertEquals(10, s.scans());
        int[][] expected = {{}, {}, {}, {}, {}, {1, 4}, {0}, {2}, {3}, {1, 4, 5}};
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(expected[i], s.after(i), "scan " + i);
            assertEquals(1, s.segments(i), "no restart markers");
            assertTrue(s.bytes(i, 0, 1) > 0, "scan " + i + " has data");
        }
    }

    @Test
    void restartIntervalsAreFoundPerScan() throws Exception {
        // 4:2:0, 48 x 32: 3 x 2 MCUs in the interleaved DC scans, 6 x 4 blocks in the Y AC scans,
        // 3 x 2 in the chroma AC scans; an interval of 2 MCUs
        ScanScript s = locate(progressive(48, 32, 2, 2));
        assertNotNull(s);
        int[] expected = {3, 12, 3, 3, 12, 12, 3, 3, 3, 12};
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], s.segments(i), "scan " + i);
        }
    }

    @Test
    void scansDecodedOutOfFileOrderAsTheDependenciesAllowGiveTheSerialPixels() throws Exception {
        for (int restart : new int[] {0, 1, 5}) {
            byte[] jpeg = progressive(131, 77, restart, 3 + restart);
            int[] order = latestReadyFirst(locate(jpeg));
            assertNotEquals(Arrays.toString(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), Arrays.toString(order));
            PixelImage serial = new JpegDecoder(OPTIONS).decode(jpeg);
            assertArrayEquals(serial.data(), viaScript(jpeg, order).data(), "restart " + restart + ", order "
                    + Arrays.toString(order));
        }
    }

    @Test
    void aTruncatedFileIsLeftToTheSerialDecode() throws Exception {
        byte[] whole = progressive(64, 64, 0, 4);
        int sos = 0;
        while (!(whole[sos] == (byte) 0xFF && whole[sos + 1] == (byte) 0xDA)) {
            sos++;
        }
        int step = (whole.length - sos) / 12;
        for (int cut = sos + 16; cut < whole.length - 2; cut += step) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertNull(locate(part), "cut at " + cut);
        }
    }

    @Test
    void aMisnumberedRestartMarkerIsLeftToTheSerialDecode() throws Exception {
        byte[] jpeg = progressive(64, 64, 1, 5);
        List<Integer> rst = Fixtures.restartMarkers(jpeg, 0);
        jpeg[rst.get(rst.size() / 2) + 1] ^= 1; // RSTn -> RSTn^1
        assertNull(locate(jpeg));
    }

    /**
     * Damaged entropy data: wherever the serial decode warns, the script refuses (a part throws),
     * so the caller decodes serially; where the script decodes every part, the pixels are the
     * serial decode's, which gave no warning.
     */
    @Test
    void damagedDataEitherThrowsInTheScriptOrDecodesAsTheSerialPath() throws Exception {
        byte[] clean = progressive(80, 48, 4, 6);
        Random rnd = new Random(7);
        int refused = 0;
        int equal = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] jpeg = clean.clone();
            int at = clean.length / 4 + rnd.nextInt(clean.length * 3 / 4 - 2);
            jpeg[at] = (byte) rnd.nextInt(256);
            List<String> warnings = new ArrayList<>();
            PixelImage serial;
            try {
                serial = new JpegDecoder(OPTIONS.withWarningListener((m, o) -> warnings.add(m))).decode(jpeg);
            } catch (JpegException e) {
                continue;
            }
            PixelImage script = null;
            try {
                ScanScript s = locate(jpeg);
                if (s != null) {
                    script = viaScript(jpeg, latestReadyFirst(s));
                }
            } catch (JpegException unusual) {
                script = null;
            }
            if (script == null) {
                refused++;
            } else {
                assertEquals(List.of(), warnings, "the script decoded a file the serial path warns about, byte " + at);
                assertArrayEquals(serial.data(), script.data(), "byte " + at);
                equal++;
            }
        }
        assertTrue(refused > 20 && equal > 5, "refused " + refused + ", equal " + equal);
    }

    @Test
    void locatingLeavesTheSerialDecodeAsItWas() throws Exception {
        byte[] jpeg = progressive(70, 50, 3, 8);
        ProgressiveDecode d = DecodeJob.open(jpeg, OPTIONS).progressive();
        assertNotNull(d.locateScans());
        PixelImage out = d.newOutput();
        d.decodeScans(); // the fallback after a script was located (and maybe partly decoded)
        d.reconstructRows(0, d.mcuRows());
        d.convertRows(0, out.height(), out);
        assertArrayEquals(new JpegDecoder(OPTIONS).decode(jpeg).data(), out.data());
    }
}
