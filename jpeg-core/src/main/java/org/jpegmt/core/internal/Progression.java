package org.jpegmt.core.internal;

import java.util.Arrays;
import org.jpegmt.core.InvalidJpegException;

/**
 * What the scans of a progressive file have sent so far, per component and zig-zag position:
 * libjpeg's {@code coef_bits} (-1: no scan yet; otherwise the Al of the last scan, so 0 means
 * fully known). It checks each scan against T.81 G.1.1.1.1 the way libjpeg does (inconsistent
 * orders are warnings: "Inconsistent progression sequence"), and keeps what block smoothing
 * needs ({@link BlockSmoothing}): the state before the latest scan of each component, and the
 * last MCU row whose data was not cut short.
 *
 * <p>Facts from libjpeg-turbo 2.1.5 (jdphuff.c start_pass, jdcoefct.c smoothing_ok), restated:
 * <ul>
 *   <li>at the start of every scan, for each of its components, positions
 *       {@code min(Ss,1) .. max(Se,9)} of the "previous" state take the current state (or 0
 *       during the first scan of the file); then positions {@code Ss..Se} take Al;
 *   <li>an AC scan of a component with no DC scan yet warns (coefficient 0); a scan whose Ah is
 *       not the position's current Al (0 if never sent) warns for that position;
 *   <li>smoothing applies if every component has a quantisation table, nonzero quantisers at
 *       the natural positions 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, some DC data, and at least one of
 *       zig-zag positions 1..9 of some component is not 0 (not fully known).
 * </ul>
 * Not thread-safe: the serial scan loop owns it.
 */
final class Progression {
    /** Zig-zag positions block smoothing looks at: DC and the first 9 AC coefficients. */
    static final int SAVED = 10;

    private final int[][] bits;
    private final int[][] previous;
    /** SOS markers read so far (libjpeg's input_scan_number). */
    private int scans;
    /** libjpeg's last_good_iMCU_row: the MCU row of the last MCU begun with data left. */
    int lastGoodRow;

    Progression(int components) {
        bits = new int[components][64];
        previous = new int[components][SAVED];
        for (int[] b : bits) {
            Arrays.fill(b, -1);
        }
    }

    /** @return scans started so far */
    int scans() {
        return scans;
    }

    /**
     * Records the start of a scan (valid parameters, checked by {@link ProgressiveScan}).
     *
     * @param components frame indexes of the scan's components
     */
    void startScan(int[] components, int ss, int se, int ah, int al, Warnings warn, long at)
            throws InvalidJpegException {
        scans++;
        for (int c : components) {
            int[] b = bits[c];
            if (ss != 0 && b[0] < 0) {
                warn.warn(inconsistent(c, 0), at);
            }
            for (int k = Math.min(ss, 1); k <= Math.max(se, SAVED - 1); k++) {
                if (k < SAVED) {
                    previous[c][k] = scans > 1 ? b[k] : 0;
                }
            }
            for (int k = ss; k <= se; k++) {
                if (ah != Math.max(b[k], 0)) {
                    warn.warn(inconsistent(c, k), at);
                }
                b[k] = al;
            }
        }
    }

    private static String inconsistent(int c, int k) {
        return "Inconsistent progression sequence for component " + c + " coefficient " + k;
    }

    /**
     * libjpeg's smoothing_ok with its latch: the state block smoothing uses, or null when it does
     * not apply.
     *
     * @param quant latched quantisation table of each component (null: never scanned)
     * @return {@code [c]} = zig-zag positions 0..9 now, {@code [components + c]} = before the latest scan
     */
    int[][] smoothingLatch(int[][] quant) {
        int n = bits.length;
        int[][] latch = new int[2 * n][SAVED];
        boolean useful = false;
        for (int c = 0; c < n; c++) {
            int[] q = quant[c];
            if (q == null || q[0] == 0 || q[1] == 0 || q[8] == 0 || q[16] == 0 || q[9] == 0 || q[2] == 0
                    || q[3] == 0 || q[10] == 0 || q[17] == 0 || q[24] == 0) {
                return null;
            }
            if (bits[c][0] < 0) {
                return null;
            }
            latch[c][0] = bits[c][0];
            for (int k = 1; k < SAVED; k++) {
                latch[n + c][k] = scans > 1 ? previous[c][k] : -1;
                latch[c][k] = bits[c][k];
                if (bits[c][k] != 0) {
                    useful = true;
                }
            }
        }
        return useful ? latch : null;
    }
}
