package org.jpegmt.bench;

import java.util.Arrays;

/**
 * The decode pre-scan, written again for timing from outside jpeg-mt (whose
 * {@code RestartScanner} is package-private): one pass over the entropy-coded data that finds
 * every {@code FF D0..D7} marker, skipping stuffed {@code FF 00} and fill {@code FF FF} bytes,
 * and stops at any other marker. Same algorithm and cost class as jpeg-mt's (a byte loop that
 * only looks closer at 0xFF), so its time stands for the serial pre-scan in {@link ScalingModel}.
 */
final class MarkerScan {
    private MarkerScan() {
    }

    /** Segment i spans {@code [starts[i], ends[i])}. */
    record Segments(int[] starts, int[] ends) {
        int count() {
            return starts.length;
        }

        long bytes(int i) {
            return ends[i] - (long) starts[i];
        }
    }

    static Segments scan(byte[] data, int from) {
        int[] starts = new int[64];
        int[] ends = new int[64];
        int n = 0;
        int segStart = from;
        int i = from;
        int len = data.length;
        int end = len;
        while (i < len) {
            if (data[i] != (byte) 0xFF) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < len && data[j] == (byte) 0xFF) {
                j++;
            }
            if (j >= len) {
                break;
            }
            int code = data[j] & 0xFF;
            if (code == 0) {
                i = j + 1;
            } else if (code >= 0xD0 && code <= 0xD7) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                    ends = Arrays.copyOf(ends, 2 * n);
                }
                starts[n] = segStart;
                ends[n] = i;
                n++;
                segStart = j + 1;
                i = j + 1;
            } else {
                end = i;
                break;
            }
        }
        starts = Arrays.copyOf(starts, n + 1);
        ends = Arrays.copyOf(ends, n + 1);
        starts[n] = segStart;
        ends[n] = end;
        return new Segments(starts, ends);
    }
}
