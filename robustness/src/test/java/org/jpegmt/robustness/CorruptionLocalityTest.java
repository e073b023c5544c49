package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.api.Test;

/**
 * Damage inside one restart interval stays in that interval. Files from our encoder carry one
 * RSTn per MCU row; random byte flips, deletions and insertions (seeded) hit the data of one
 * interval; the lenient decode, serial and parallel alike, must equal the clean decode in every
 * other MCU row. With 4:2:0 the vertical fancy upsampling legitimately carries the damaged row's
 * chroma one output row into each neighbour, so those two boundary rows are not compared.
 *
 * <p>Damage that forges a marker (a new {@code FF xx}) is counted apart: a forged RSTn is
 * resynchronised as libjpeg does (the next interval may be lost too), a forged non-RST marker
 * (SOFn, EOI...) ends the scan for libjpeg and for us, so the rest is grey. The mean fraction of
 * intervals lost per damage, over all damages, is printed.
 */
class CorruptionLocalityTest {
    private static final int DAMAGES_PER_FILE = 600;

    private static final class Tally {
        int damages;
        int forged;
        long lostIntervals;
        long intervals;
        int escaped;
    }

    @Test
    void damageStaysInItsRestartInterval() throws Exception {
        Tally t = new Tally();
        Random rnd = new Random(20261122L);
        // every file has at least 8 MCU rows, so jpeg-mt decodes it in bands (4 rows or more each)
        run(Images.jpeg(128, 160, Subsampling.S420, 85, 1, 21), 16, true, rnd, t);
        run(Images.jpeg(96, 64, Subsampling.S444, 90, 1, 22), 8, false, rnd, t);
        run(Images.jpeg(80, 72, Subsampling.S422, 75, 1, 23), 8, false, rnd, t);
        run(Images.jpeg(64, 64, Subsampling.GRAY, 80, 1, 24), 8, false, rnd, t);
        double lost = (double) t.lostIntervals / t.intervals;
        System.out.printf("CorruptionLocalityTest: %d damages (%d forged a marker), mean fraction of restart intervals"
                + " lost per damage %.4f (%.2f%% of the image; %.3f intervals per damage);"
                + " damages reaching beyond their interval without a forged marker: %d%n",
                t.damages, t.forged, lost, 100 * lost, (double) t.lostIntervals / t.damages, t.escaped);
        assertEquals(0, t.escaped, "damage without a forged marker must stay in its interval");
        assertTrue(lost < 0.25, "mean lost fraction " + lost);
    }

    private static void run(byte[] jpeg, int rowHeight, boolean fancyVertical, Random rnd, Tally t) throws Exception {
        DecoderOptions lenient = DecoderOptions.defaults();
        JpegDecoder serial = new JpegDecoder(lenient);
        ParallelJpegDecoder parallel = new ParallelJpegDecoder(lenient, 3).withParallelThreshold(0);
        PixelImage clean = serial.decode(jpeg);
        int sd = Images.scanData(jpeg);
        List<int[]> segments = segments(jpeg, sd);
        int rows = (clean.height() + rowHeight - 1) / rowHeight;
        assertEquals(rows, segments.size(), "one restart interval per MCU row");
        List<Integer> markers = markerCodes(jpeg, sd);
        for (int k = 0; k < DAMAGES_PER_FILE; k++) {
            int interval = rnd.nextInt(rows);
            int[] seg = segments.get(interval);
            int p = seg[0] + rnd.nextInt(seg[1] - seg[0]);
            byte[] bad = damage(jpeg, p, seg[1], rnd);
            PixelImage s = serial.decode(bad);
            PixelImage m = parallel.decode(bad);
            assertTrue(Arrays.equals(s.data(), m.data()), "serial and parallel differ");
            boolean forged = !markerCodes(bad, sd).equals(markers);
            boolean[] lost = lostRows(clean, s, rowHeight, fancyVertical);
            int lostCount = 0;
            for (int r = 0; r < rows; r++) {
                if (lost[r]) {
                    lostCount++;
                    if (r != interval && !forged) {
                        t.escaped++;
                    }
                }
            }
            t.damages++;
            t.forged += forged ? 1 : 0;
            t.lostIntervals += lostCount;
            t.intervals += rows;
        }
    }

    /** Flip one byte, delete 1..4 bytes or insert 1..4 random bytes at p (never past the interval's end). */
    private static byte[] damage(byte[] jpeg, int p, int end, Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rnd.nextInt(3)) {
            case 0 -> {
                byte[] b = jpeg.clone();
                b[p] ^= (byte) (1 + rnd.nextInt(255));
                return b;
            }
            case 1 -> {
                int n = Math.min(1 + rnd.nextInt(4), end - p);
                out.write(jpeg, 0, p);
                out.write(jpeg, p + n, jpeg.length - p - n);
            }
            default -> {
                byte[] ins = new byte[1 + rnd.nextInt(4)];
                rnd.nextBytes(ins);
                out.write(jpeg, 0, p);
                out.write(ins, 0, ins.length);
                out.write(jpeg, p, jpeg.length - p);
            }
        }
        return out.toByteArray();
    }

    /** MCU rows with any pixel unlike the clean decode (with 4:2:0, boundary rows next to a lost row excused). */
    private static boolean[] lostRows(PixelImage clean, PixelImage img, int rowHeight, boolean fancyVertical) {
        int rows = (clean.height() + rowHeight - 1) / rowHeight;
        int stride = clean.stride();
        boolean[] rowDiffers = new boolean[clean.height()];
        for (int y = 0; y < clean.height(); y++) {
            rowDiffers[y] = !Arrays.equals(clean.data(), y * stride, (y + 1) * stride, img.data(), y * stride, (y + 1) * stride);
        }
        boolean[] lost = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int y0 = r * rowHeight;
            int y1 = Math.min(clean.height(), y0 + rowHeight);
            int from = fancyVertical ? y0 + 1 : y0;
            int to = fancyVertical ? y1 - 1 : y1;
            for (int y = from; y < to; y++) {
                lost[r] |= rowDiffers[y];
            }
        }
        if (fancyVertical) {
            // a boundary row counts only if its neighbour across the boundary is not lost itself
            for (int r = 0; r < rows; r++) {
                int y0 = r * rowHeight;
                int y1 = Math.min(clean.height(), y0 + rowHeight);
                if (rowDiffers[y0] && !(r > 0 && lost[r - 1])) {
                    lost[r] = true;
                }
                if (y1 - 1 > y0 && rowDiffers[y1 - 1] && !(r + 1 < rows && lost[r + 1])) {
                    lost[r] = true;
                }
            }
        }
        return lost;
    }

    /** Restart intervals of the scan: [start, end) of each, end at its RSTn (or the final marker). */
    private static List<int[]> segments(byte[] d, int sd) {
        List<int[]> list = new ArrayList<>();
        int start = sd;
        for (int i = sd; i + 1 < d.length; i++) {
            if (d[i] == (byte) 0xFF && d[i + 1] != 0) {
                list.add(new int[] {start, i});
                if ((d[i + 1] & 0xF8) != 0xD0) {
                    break;
                }
                start = i + 2;
                i++;
            }
        }
        return list;
    }

    private static List<Integer> markerCodes(byte[] d, int sd) {
        List<Integer> codes = new ArrayList<>();
        for (int i = sd; i + 1 < d.length; i++) {
            if (d[i] == (byte) 0xFF && d[i + 1] != 0 && d[i + 1] != (byte) 0xFF) {
                codes.add(d[i + 1] & 0xFF);
                i++;
            }
        }
        return codes;
    }
}
