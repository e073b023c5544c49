package org.jpegmt.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The pre-scan of a scan's entropy-coded data for its restart markers (T.81 B.1.1.5, E.1.4):
 * one pass that skips {@code FF 00} stuffing and {@code FF} fill bytes and stops at the first
 * marker that is not RSTn. Entropy-coded data never contains {@code FF} otherwise, so the pass
 * tests eight bytes at a time and looks closer only at words holding an {@code FF}.
 */
final class SegmentScanner {
    /** Eight bytes of a byte array as one long, at any offset. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private SegmentScanner() {
    }

    /**
     * @param data the file
     * @param start first entropy-coded byte of the scan
     * @param count segments the scan must have (restart intervals)
     * @return {@code bounds} with segment i in {@code data[bounds[2i], bounds[2i+1])}; null unless
     *     the markers are RST0, RST1, ... in order, exactly one between consecutive segments, and
     *     a marker other than RSTn follows the last one
     */
    static int[] find(byte[] data, int start, long count) {
        int[] bounds = new int[(int) (2 * count)];
        int seg = 0;
        bounds[0] = start;
        int p = start;
        int n = data.length;
        while (p < n) {
            // Eight bytes at a time while none is 0xFF (a few percent of words have one).
            while (p <= n - 8 && !hasFF((long) LONGS.get(data, p))) {
                p += 8;
            }
            if (p >= n) {
                break;
            }
            if (data[p] != (byte) 0xFF) {
                p++;
                continue;
            }
            int ff = p;
            while (p < n && data[p] == (byte) 0xFF) {
                p++;
            }
            if (p >= n) {
                break;
            }
            int c = data[p] & 0xFF;
            p++;
            if (c == 0) {
                continue;
            }
            if (c < Markers.RST0 || c > Markers.RST0 + 7) {
                bounds[2 * seg + 1] = ff;
                return seg == count - 1 ? bounds : null;
            }
            if (c != Markers.RST0 + (seg & 7) || seg + 1 >= count) {
                return null;
            }
            bounds[2 * seg + 1] = ff;
            seg++;
            bounds[2 * seg] = p;
        }
        return null; // no marker after the scan: truncated file
    }

    /**
     * What one scan's entropy-coded data holds, for a listing.
     *
     * @param end offset of the marker that ends the data (of its last {@code FF} fill byte), or
     *     the end of the file
     * @param restarts RSTn markers met before it
     * @param inOrder whether they were RST0, RST1, ..., RST7, RST0, ...
     */
    record Survey(int end, int restarts, boolean inOrder) {
    }

    /**
     * Skips a scan's entropy-coded data, counting the restart markers in it, whatever their
     * number: unlike {@link #find} it expects no count and never gives up.
     *
     * @param start first entropy-coded byte of the scan
     */
    static Survey survey(byte[] data, int start) {
        int restarts = 0;
        boolean inOrder = true;
        int p = start;
        int n = data.length;
        while (p < n) {
            while (p <= n - 8 && !hasFF((long) LONGS.get(data, p))) {
                p += 8;
            }
            if (p < n && data[p] != (byte) 0xFF) {
                p++;
                continue;
            }
            int q = p + 1;
            while (q < n && data[q] == (byte) 0xFF) {
                q++;
            }
            if (q >= n) {
                break;
            }
            int c = data[q] & 0xFF;
            if (c != 0 && !Markers.isRestart(c)) {
                return new Survey(q - 1, restarts, inOrder);
            }
            if (c != 0) {
                inOrder &= c == Markers.RST0 + (restarts & 7);
                restarts++;
            }
            p = q + 1;
        }
        return new Survey(n, restarts, inOrder);
    }

    /**
     * @return the first offset in {@code [p, end)} holding 0xFF, or {@code end}; eight bytes at a
     *     time while none is
     */
    static int nextFF(byte[] data, int p, int end) {
        while (p <= end - 8 && !hasFF((long) LONGS.get(data, p))) {
            p += 8;
        }
        while (p < end && data[p] != (byte) 0xFF) {
            p++;
        }
        return p;
    }

    /** @return true if some byte of {@code word} is 0xFF (the zero-byte test on its complement) */
    static boolean hasFF(long word) {
        long x = ~word;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }
}
