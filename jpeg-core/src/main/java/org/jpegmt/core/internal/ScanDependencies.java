package org.jpegmt.core.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Which scans of a progressive scan script (T.81 G.1.1.1) must be decoded before which. A scan
 * reads and writes one band of zig-zag positions ({@code Ss..Se}) of the blocks of its
 * components: a DC scan position 0 of each (interleaved or not), an AC scan positions
 * {@code Ss..Se} of its one component. Two scans that share no component, or share one but no
 * position, touch disjoint coefficients, so they may be decoded in either order or at once; a
 * scan that shares a component and a position with an earlier one (a refinement, Ah > 0, of the
 * bits the earlier scan sent; or, in an inconsistent script, a second first scan of them) must
 * come after it, as in the file.
 *
 * <p>cjpeg's default script for a colour image (DC; Y 1-5; Cr; Cb; Y 6-63; Y refine 1-63; DC
 * refine; Cr, Cb, Y refine) thus has five scans that depend on nothing and a longest chain of
 * three: Y 1-5 or Y 6-63, the first Y refinement, the last.
 *
 * <p>That a scan touches only its band holds for data that {@link ProgressiveScan#decodeSegments}
 * accepts (a damaged run past {@code Se} stores outside it; that decode refuses such data).
 */
final class ScanDependencies {
    private ScanDependencies() {
    }

    /**
     * @param scans the scan headers, in file order
     * @return for each scan, the indexes of the earlier scans it must follow, increasing: every
     *     earlier scan that shares a component and a zig-zag position with it
     */
    static int[][] of(List<ScanHeader> scans) {
        int n = scans.size();
        int[][] after = new int[n][];
        int[] found = new int[n];
        for (int j = 0; j < n; j++) {
            int k = 0;
            for (int i = 0; i < j; i++) {
                if (overlap(scans.get(i), scans.get(j))) {
                    found[k++] = i;
                }
            }
            after[j] = Arrays.copyOf(found, k);
        }
        return after;
    }

    /** @return true if the two scans share a component and a zig-zag position */
    static boolean overlap(ScanHeader a, ScanHeader b) {
        if (a.se() < b.ss() || b.se() < a.ss()) {
            return false;
        }
        for (int ca : a.components()) {
            for (int cb : b.components()) {
                if (ca == cb) {
                    return true;
                }
            }
        }
        return false;
    }
}
